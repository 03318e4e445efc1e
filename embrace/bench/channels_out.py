"""Chat replies drained against the local fake Bot API: how fast, how far apart per chat, never twice.

N staff replies are written (through ``reply_to_enquirer`` with a staff keyring, so each is sealed to the
outbox as on the case page) to M cases that came by Telegram, then one drain sends them all to the fake
Telegram on 127.0.0.1. Reported: messages a second against Telegram's 30 a second, the most sent in any one
second, the shortest gap between two messages to one chat (Telegram: one a second), and duplicates (must be
0). The pace, not the machine, should be the limit: Telegram's own limits are the target. One send at a time
drained at 19-21 a second on a loaded machine (each send's own work, ~36 ms there, capped the rate below the
pace); the drain now keeps up to ``delivery.SENDERS`` chats sending at once.
``EMBRACE_BENCH_CHANNEL_REPLIES`` and ``EMBRACE_BENCH_CHANNEL_CHATS`` change N and M.
"""

from __future__ import annotations

import bisect
import itertools
import os
import time
from collections import Counter

from embrace.bench.harness import Benchmark, Row

REPLIES = int(os.environ.get("EMBRACE_BENCH_CHANNEL_REPLIES", "300"))
CHATS = int(os.environ.get("EMBRACE_BENCH_CHANNEL_CHATS", "30"))


def channels_out_run() -> list[Row]:
    from django.test import override_settings
    from django.utils import timezone

    from embrace.accounts.models import Team
    from embrace.accounts.roles import Role
    from embrace.cases.actions import reply_to_enquirer
    from embrace.cases.models import Channel
    from embrace.channels.delivery import CLOCK, PER_SECOND, SENDERS, Pacer, drain_due
    from embrace.channels.models import Contact, Delivery, Outgoing
    from embrace.intake.actions import submit_enquiry
    from embrace.intake.models import IntakeRoute
    from embrace.testing.fake_telegram import FakeTelegram
    from embrace.testing.personas import PASSWORD, make_persona
    from embrace.vault import actions as vault
    from embrace.vault.blind import blind_index
    from embrace.vault.keyring import unlock_with_password

    team = Team.objects.create(name="Bench channels")
    officer = make_persona("bench-channels", Role.INTAKE_OFFICER, teams=(team,))
    IntakeRoute.objects.create(team=team)
    keyring = unlock_with_password(officer.user, PASSWORD)
    cases = []
    for n in range(CHATS):
        case, _receipt = submit_enquiry(
            {"text": f"bench chat {n}"}, {}, [], token=None, quarantine=False, channel=Channel.TELEGRAM
        )
        chat_id = str(7_000_000_000 + n)
        Contact.objects.create(
            channel=Channel.TELEGRAM,
            digest=blind_index("telegram_chat", chat_id),
            case=case,
            address=vault.seal(case.body, chat_id.encode()),
            created_on=timezone.localdate(),
        )
        cases.append(case)
    start = time.perf_counter()
    for n in range(REPLIES):
        reply_to_enquirer(cases[n % CHATS], f"bench reply {n}", actor=officer.user, keyring=keyring)
    queued = time.perf_counter() - start

    with FakeTelegram() as fake, override_settings(**fake.settings()):
        start = time.perf_counter()
        drain_due(pacer=Pacer(CLOCK), limit=REPLIES)
        drained = time.perf_counter() - start
    sent = fake.delivered()
    times = sorted(c.at for c in sent)
    busiest = max((bisect.bisect_left(times, t + 1.0) - i for i, t in enumerate(times)), default=0)
    gaps: list[float] = []
    by_chat: dict[str, list[float]] = {}
    for call in sent:
        by_chat.setdefault(str(call.params["chat_id"]), []).append(call.at)
    for stamps in by_chat.values():
        gaps.extend(b - a for a, b in itertools.pairwise(stamps))
    duplicates = sum(
        count - 1 for count in Counter(str(c.params["text"]) for c in sent).values() if count > 1
    )
    left = Outgoing.objects.exclude(status=Delivery.SENT).count()
    span = (times[-1] - times[0]) if len(times) > 1 else 0.0
    per_second = (len(times) - 1) / span if span else 0.0
    return [
        Row(
            "replies queued (sealed to the outbox, one transaction each)",
            REPLIES / queued,
            "per s",
            f"{REPLIES} replies to {CHATS} chats in {queued:.1f} s",
        ),
        Row(
            "drain rate",
            per_second,
            "msg/s",
            f"{per_second / PER_SECOND:.2f}x Telegram's {PER_SECOND}/s; {drained:.1f} s for {len(sent)}; "
            f"bound by one a second per chat: {REPLIES / CHATS:.0f} each; {SENDERS} senders at once",
        ),
        Row("most messages in any one second", busiest, "msg", f"limit {PER_SECOND}"),
        Row("shortest gap between two messages to one chat", min(gaps, default=0.0), "s", "limit 1.0"),
        Row("messages sent twice", duplicates, "msg", f"must be 0; {left} not sent"),
    ]


BENCHMARKS = [
    Benchmark(
        "channels_out",
        f"Chat replies: {REPLIES} replies over {CHATS} Telegram chats drained against the fake Bot API",
        "Replies written with a staff keyring and sealed to the outbox, then one drain sends them to the "
        "local fake Telegram: the rate against Telegram's 30 messages a second, per-chat gaps, duplicates.",
        channels_out_run,
    ),
]
