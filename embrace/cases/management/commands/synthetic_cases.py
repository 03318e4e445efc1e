"""``embrace synthetic_cases N [--team NAME] [--seed S]``: realistic made-up cases for demos and benchmarks.

Each case is built as intake builds one, minus the enquirer's receipt:

- its ``body`` and ``identity`` compartments come from ``vault.create_compartment``: the body sealed to the
  receiving team's group key (and, for an assigned case, to its handler), the identity to the custodians'
  group key, so staff who were given those keys read them;
- 1 to 4 messages in Burmese, some typed in Zawgyi (converted and marked as intake does), sealed with the
  body's public key; identity details sealed to the identity compartment;
- phone numbers, service numbers and names blind-indexed as ``cases.duplicates`` does, with some shared
  between cases so that duplicate signals exist;
- labels, and a handler for some cases;
- statuses spread over what the team's own intake officer can reach through ``cases.lifecycle`` (triage,
  dormant, vetting, withdrawn, lost contact, duplicate), each step taken by that officer through the lifecycle
  with its history row and audit entry. Later statuses need other roles and two people, so synthetic cases
  never reach them: creating a case past its first status is refused by the model, and this command does not
  get around that.

No receipt: stretching a receipt with Argon2id costs about a second of CPU per case on purpose, which would
make 100,000 cases take a day. Synthetic enquirers therefore cannot come back to their cases.

The dates a case was opened and last heard from spread over the last two years; the dates of lifecycle steps,
compartments and grants are today (they are written by the code that writes them for real cases).

With ``--seed`` the run is repeatable and safe to repeat: case *i* of seed *S* always has the same reference
and content, and a case whose reference already exists is skipped, so running ``N`` twice leaves ``N`` cases
and running ``2N`` afterwards adds the second half. Without a seed every run adds new cases.
"""

from __future__ import annotations

import datetime
import json
import random
import secrets
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.db.models import QuerySet

from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases import lifecycle
from embrace.cases.actions import message_document, today
from embrace.cases.duplicates import normalise
from embrace.cases.models import Case, IdentifierIndex, IdentifierKind, Label, Message, Sender, Status
from embrace.core.db import write_transaction
from embrace.custody import groups as custody_groups
from embrace.intake.models import IntakeRoute
from embrace.vault import actions as vault
from embrace.vault.blind import blind_index

BATCH = 500
DAYS_SPREAD = 730
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_MYANMAR_DIGITS = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")

# What enquirers write (Unicode), and what some older phones send (Zawgyi). The Zawgyi lines are converted
# and marked by the same code the enquiry form uses, so what a staff member sees is what intake would show.
ENQUIRER_UNICODE = (
    "မင်္ဂလာပါ။ ကျွန်တော် တပ်မတော်မှာ တပ်ကြပ်ကြီးအဖြစ် တာဝန်ထမ်းဆောင်နေပါတယ်။ မိသားစုနဲ့အတူ ထွက်ချင်ပါတယ်။",
    "ကျွန်တော့်အစ်ကို ရဲတပ်ဖွဲ့မှာ ရှိပါတယ်။ သူ ထွက်ချင်ပေမယ့် မိဘတွေကို စိုးရိမ်နေပါတယ်။",
    "ဗိုလ်ကြီးတစ်ယောက်ပါ။ ကား တစ်စီး ယူလာနိုင်ပါတယ်။ ဘယ်နေ့ ဆက်သွယ်ရမလဲ ပြောပါ။",
    "ဆုငွေအကြောင်း သိချင်ပါတယ်။ ရဟတ်ယာဉ် မောင်းသူ ဖြစ်ပါတယ်။",
    "ဖုန်းကို စစ်ဆေးတတ်လို့ ဒီဝက်ဘ်ဆိုက်ကနေပဲ ဆက်သွယ်ပါမယ်။ ကျေးဇူးတင်ပါတယ်။",
    "ကျွန်မ ခင်ပွန်းက ရေတပ်မှာပါ။ ကလေးနှစ်ယောက် ရှိပါတယ်။ ဘယ်လို ကူညီပေးနိုင်မလဲ။",
    "စခန်းကနေ ထွက်ဖို့ လမ်းကြောင်း မသိပါဘူး။ အကူအညီ လိုပါတယ်။",
    "ကျွန်တော် ထွက်ချင်ပါတယ်။",
)
ENQUIRER_ZAWGYI = (
    "ကၽြန္ေတာ္ စစ္တပ္က ထြက္ခ်င္ပါတယ္။ ေက်းဇူးတင္ပါတယ္။",
    "မိသားစုနဲ႔ အတူ ထြက္ခ်င္ပါတယ္။ ဘယ္လို ဆက္သြယ္ရမလဲ။",
    "ကၽြန္မ ေယာက္်ား ရဲတပ္ဖြဲ႕မွာ ရွိပါတယ္။",
)
STAFF_REPLIES = (
    "ကျေးဇူးတင်ပါတယ်။ သင့်စာကို ရရှိပါပြီ။ မကြာမီ ပြန်လည်ဆက်သွယ်ပါမယ်။",
    "သင့်မိသားစုအကြောင်း နည်းနည်း ထပ်ပြောပြပေးပါ။",
    "ဘေးကင်းအောင် ဒီစာမျက်နှာကနေပဲ ဆက်သွယ်ပါ။ ဖုန်းထဲမှာ ဘာမှ မသိမ်းပါနဲ့။",
)
NAMES = (
    "အောင်ကျော်", "ဇော်မင်း", "မောင်မောင်", "ကျော်ဇင်", "ဝင်းနိုင်", "မြင့်သူ", "ထွန်းထွန်း", "စိုးမိုး",
    "နေလင်း", "သန့်ဇင်", "ဦး လှမြင့်", "ကိုကို", "ရဲနိုင်", "မင်းထက်", "ဖြိုးဝေ", "သက်နိုင်",
)  # fmt: skip
RANKS = ("တပ်သား", "ဒုတပ်ကြပ်", "တပ်ကြပ်", "တပ်ကြပ်ကြီး", "ဒုဗိုလ်", "ဗိုလ်", "ဗိုလ်ကြီး", "ရဲတပ်သား", "ဒုရဲအုပ်")
UNITS = ("ခမရ ၃၃", "ခလရ ၁၁", "တပ်ရင်း ၇၀", "ရဲစခန်း ၄", "လေတပ်စခန်း", "ရေတပ်ယာဉ်")
KINDS = ("leave_alone", "leave_family", "leave_equipment", "relative", "information")
SERVICES = ("army", "army", "army", "police", "navy", "air_force", "")
LABELS = ("pilot", "navy", "police", "urgent", "family", "equipment", "follow-up", "needs-translation")

# (final status, weight, lifecycle steps from the initial status). Only steps one intake officer may take.
PATHS: tuple[tuple[Status, float, tuple[str, ...]], ...] = (
    (Status.ENQUIRY, 0.35, ()),
    (Status.QUARANTINED, 0.03, ()),
    (Status.TRIAGE, 0.22, ("start_triage",)),
    (Status.DORMANT, 0.08, ("make_dormant",)),
    (Status.VETTING, 0.12, ("start_triage", "refer_for_vetting")),
    (Status.WITHDRAWN, 0.08, ("withdraw",)),
    (Status.LOST_CONTACT, 0.08, ("lose_contact",)),
    (Status.DUPLICATE, 0.04, ("start_triage", "mark_duplicate")),
)
SHARED_PHONE_RATE = 0.08  # cases whose phone number another case gave too
SHARED_NAME_RATE = 0.15


@dataclass
class Plan:
    """Everything about case ``index`` of a seed, decided before any key or row is made."""

    index: int
    reference: str
    status: Status
    steps: tuple[str, ...]
    opened_on: datetime.date
    last_enquirer_on: datetime.date
    messages: list[tuple[Sender, dict[str, Any], datetime.date]]
    identity: dict[str, str]
    names: list[str]
    service_numbers: list[str]
    labels: list[str]
    assign: bool
    unread: int
    needs_review: bool
    dormant_days: int
    handler_pick: int
    officer_pick: int


def _rng(seed: str, index: int, part: str = "") -> random.Random:
    # A generator per case (and per part of a case): case i is the same whatever N, and another case's phone
    # can be recomputed to share it. Not for secrets: these are made-up cases.
    return random.Random(f"{seed}:{index}:{part}")  # noqa: S311


def _phone(seed: str, index: int) -> str:
    rng = _rng(seed, index, "phone")
    digits = f"09{rng.choice('4679')}{rng.randrange(10**8):08d}"
    style = rng.random()
    if style < 0.25:
        return digits.translate(_MYANMAR_DIGITS)  # typed on a Burmese keyboard
    if style < 0.4:
        return "+959" + digits[2:]
    if style < 0.5:
        return f"{digits[:2]} {digits[2:5]} {digits[5:8]} {digits[8:]}"
    return digits


class Phrasebook:
    """The message documents, converted once: the Zawgyi detector is too slow to run per case."""

    def __init__(self) -> None:
        self.unicode = [message_document(t) for t in ENQUIRER_UNICODE]
        self.zawgyi = [message_document(t) for t in ENQUIRER_ZAWGYI]
        self.staff = [{"text": t} for t in STAFF_REPLIES]


def plan_case(seed: str, index: int, phrases: Phrasebook) -> Plan:
    rng = _rng(seed, index)
    reference = "".join(rng.choice(_REFERENCE_ALPHABET) for _ in range(8))
    status, _weight, steps = rng.choices(PATHS, weights=[p[1] for p in PATHS])[0]
    opened_on = today() - datetime.timedelta(days=rng.randrange(DAYS_SPREAD))
    span = (today() - opened_on).days
    dates = sorted(opened_on + datetime.timedelta(days=rng.randrange(span + 1)) for _ in range(3))
    zawgyi = rng.random() < 0.15
    first = dict(rng.choice(phrases.zawgyi if zawgyi else phrases.unicode))
    first |= {"kind": rng.choice(KINDS), "service": rng.choice(SERVICES), "reply_via": "site"}
    messages: list[tuple[Sender, dict[str, Any], datetime.date]] = [(Sender.ENQUIRER, first, opened_on)]
    for n in range(rng.choice((0, 0, 1, 1, 2, 3))):
        if n % 2 == 0:
            messages.append((Sender.STAFF, rng.choice(phrases.staff), dates[min(n, 2)]))
        else:
            messages.append((Sender.ENQUIRER, rng.choice(phrases.unicode), dates[min(n, 2)]))
    last_enquirer_on = max(d for s, _, d in messages if s == Sender.ENQUIRER)
    phone_owner = rng.randrange(index) if index and rng.random() < SHARED_PHONE_RATE else index
    phone = _phone(seed, phone_owner) if rng.random() < 0.7 or phone_owner != index else ""
    name = rng.choice(NAMES) if rng.random() < SHARED_NAME_RATE else f"{rng.choice(NAMES)} {index}"
    service_number = ""
    if rng.random() < 0.4:
        service_number = f"BC-{rng.randrange(10**4, 10**6)}"
        if rng.random() < 0.3:
            service_number = service_number.translate(_MYANMAR_DIGITS)
    return Plan(
        index=index,
        reference=reference,
        status=status,
        steps=steps,
        opened_on=opened_on,
        last_enquirer_on=last_enquirer_on,
        messages=messages,
        identity={
            "rank": rng.choice(RANKS),
            "unit": rng.choice(UNITS),
            "contact": phone,
            "name": name,
            "service_number": service_number,
        },
        names=[name],
        service_numbers=[service_number] if service_number else [],
        labels=sorted(set(rng.sample(LABELS, k=rng.choice((0, 0, 1, 1, 1, 2, 3))))),
        assign=status not in (Status.ENQUIRY, Status.QUARANTINED) and rng.random() < 0.4,
        unread=rng.choice((0, 0, 0, 1, 1, 2)),
        needs_review=bool(first.get("needs_review")),
        dormant_days=rng.randrange(7, 120),
        handler_pick=rng.randrange(1 << 30),
        officer_pick=rng.randrange(1 << 30),
    )


def _plain(text: str) -> str:
    return text


class Progress:
    """One line on stderr: rewritten in place on a terminal, printed at most every few seconds otherwise."""

    def __init__(self, total: int, stream: OutputWrapper, *, every: float = 2.0) -> None:
        self.total, self.stream, self.every = total, stream, every
        self.start = self.shown = time.monotonic()
        self.tty = stream.isatty()

    def update(self, done: int, *, final: bool = False) -> None:
        now = time.monotonic()
        if not final and (done >= self.total or now - self.shown < (0.2 if self.tty else self.every)):
            return
        self.shown = now
        elapsed = max(now - self.start, 1e-9)
        rate = done / elapsed
        left = (self.total - done) / rate if rate else 0.0
        width = 30
        filled = int(width * done / self.total) if self.total else width
        line = (
            f"[{'#' * filled}{'.' * (width - filled)}] {done:,}/{self.total:,} cases "
            f"({100 * done / max(self.total, 1):.0f}%) {rate:,.0f}/s, "
            + (f"{elapsed:.0f} s" if final else f"about {left:.0f} s left")
        )
        ending = ("\n" if final else "") if self.tty else "\n"
        # Plain, not in the error colour Django gives stderr: this is progress, not a problem.
        self.stream.write(("\r" if self.tty else "") + line, style_func=_plain, ending=ending)
        self.stream.flush()


def _receiving_team(name: str | None) -> Team:
    if name:
        team = Team.objects.filter(name=name).first()
        if team is None:
            raise CommandError(f"No team is called {name!r}.")
        return team
    route = IntakeRoute.objects.filter(active=True).select_related("team").order_by("received").first()
    if route is None:
        raise CommandError("No team receives enquiries (no active intake route): name one with --team.")
    return route.team


def _members(team: Team, role: Role) -> QuerySet[User]:
    return (
        User.objects.filter(teams=team, is_active=True, role_assignments__role=role, vault_key__isnull=False)
        .distinct()
        .order_by("username")
    )


def _digests(plan: Plan) -> set[tuple[str, str]]:
    found = set()
    for kind, raws in (
        (IdentifierKind.PHONE, [plan.identity["contact"]]),
        (IdentifierKind.SERVICE_NUMBER, plan.service_numbers),
        (IdentifierKind.NAME, plan.names),
    ):
        for raw in raws:
            value = normalise(kind, raw) if raw else None
            if value:
                found.add((str(kind), blind_index(kind, value)))
    return found


class Command(BaseCommand):
    help = (
        "Generate N realistic synthetic cases (sealed compartments, Burmese text) for demos and benchmarks."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("count", type=int, help="how many cases (with --seed: how many for that seed)")
        parser.add_argument(
            "--team", help="the team the cases belong to (default: the team intake routes to)"
        )
        parser.add_argument("--seed", help="make the run repeatable; cases already made with it are skipped")
        parser.add_argument(
            "--force", action="store_true", help="run even though EMBRACE_PRODUCTION is set (do not)"
        )

    def handle(
        self, *args: Any, count: int, team: str | None, seed: str | None, force: bool, **opts: Any
    ) -> None:
        if settings.PRODUCTION and not force:
            raise CommandError(
                "Refusing to mix made-up cases into a production database (EMBRACE_PRODUCTION)."
            )
        if count < 0:
            raise CommandError("The number of cases cannot be negative.")
        receiving = _receiving_team(team)
        officers = list(_members(receiving, Role.INTAKE_OFFICER))
        if not officers:
            raise CommandError(
                f"Team {receiving} has no active intake officer with a key pair: nobody could read the cases."
            )
        if custody_groups.team_group(receiving).current_key is None:
            raise CommandError(f"Nobody holds the key of team {receiving} yet: nobody could read the cases.")
        handlers = list(_members(receiving, Role.HANDLER))
        seed = seed if seed is not None else secrets.token_hex(8)
        generator = Generator(receiving, officers, handlers, seed)
        progress = Progress(count, self.stderr)
        created = skipped = 0
        for start in range(0, count, BATCH):
            made, passed = generator.batch(range(start, min(start + BATCH, count)))
            created, skipped = created + made, skipped + passed
            progress.update(start + made + passed)
        progress.update(count, final=True)
        record(
            Event.DEMO_SEEDED,
            actor=None,
            subject=f"accounts.team:{receiving.pk}",
            synthetic_cases=created,
            skipped=skipped,
        )
        assigned = "" if handlers else " No handler in the team: no case is assigned."
        self.stdout.write(
            f"{created:,} synthetic case(s) created in {receiving}, {skipped:,} already there (seed {seed}). "
            f"Synthetic cases have no receipt.{assigned}"
        )


class Generator:
    def __init__(self, team: Team, officers: list[User], handlers: list[User], seed: str) -> None:
        self.team, self.officers, self.handlers, self.seed = team, officers, handlers, seed
        self.phrases = Phrasebook()
        # As intake: the identity is sealed to the custodians, never to the team that triages the case
        # (unless no custodian holds a key yet).
        self.team_group = custody_groups.team_group(team)
        custodians = custody_groups.custodians_group()
        self.identity_group = custodians if custodians.current_key is not None else self.team_group
        self.labels = {name: Label.objects.get_or_create(team=team, name=name)[0] for name in LABELS}

    def batch(self, indexes: range) -> tuple[int, int]:
        """Create the cases of these indexes that do not exist yet; returns (created, skipped)."""
        plans, seen = [], set()
        for index in indexes:
            plan = plan_case(self.seed, index, self.phrases)
            if plan.reference not in seen:
                seen.add(plan.reference)
                plans.append(plan)
        existing = set(Case.objects.filter(reference__in=seen).values_list("reference", flat=True))
        plans = [p for p in plans if p.reference not in existing]
        if plans:
            with write_transaction():
                self._create(plans)
        return len(plans), len(indexes) - len(plans)

    def _create(self, plans: list[Plan]) -> None:
        made = [(self._case(plan), plan) for plan in plans]
        Case.objects.bulk_create([case for case, _ in made])
        self._contents(made)
        for case, plan in made:
            officer = self.officers[plan.officer_pick % len(self.officers)]
            for step in plan.steps:
                checkin = (
                    today() + datetime.timedelta(days=plan.dormant_days) if step == "make_dormant" else None
                )
                lifecycle.request_transition(case, step, actor=officer, dormant_until=checkin)

    def _seal_body(self, case: Case, plaintext: bytes) -> bytes:
        return vault.seal(case.body, plaintext)

    def _contents(self, made: list[tuple[Case, Plan]]) -> None:
        """Messages, blind-indexed identifiers and labels of cases already saved."""
        Message.objects.bulk_create(
            Message(
                case=case,
                seq=seq,
                sender=sender,
                author=self.officers[0] if sender == Sender.STAFF else None,
                sent_on=sent_on,
                envelope=self._seal_body(case, json.dumps(document, ensure_ascii=False).encode()),
            )
            for case, plan in made
            for seq, (sender, document, sent_on) in enumerate(plan.messages, start=1)
        )
        IdentifierIndex.objects.bulk_create(
            [
                IdentifierIndex(case=case, kind=kind, digest=digest, created_on=case.opened_on)
                for case, plan in made
                for kind, digest in sorted(_digests(plan))
            ],
            ignore_conflicts=True,
        )
        through = Label.cases.through
        through.objects.bulk_create(
            through(label_id=self.labels[name].pk, case_id=case.pk)
            for case, plan in made
            for name in plan.labels
        )

    def handler_of(self, plan: Plan) -> User | None:
        if plan.assign and self.handlers:
            return self.handlers[plan.handler_pick % len(self.handlers)]
        return None

    def _case(self, plan: Plan) -> Case:
        handler = self.handler_of(plan)
        # The path intake takes: keys sealed with public keys only, no audit entry per case. An assigned
        # case's body is sealed to its handler from the start, as assign_case would seal it.
        body = vault.create_compartment(
            "body", [handler] if handler else [], groups=[self.team_group], actor=None, audited=False
        )
        identity = vault.create_compartment(
            "identity", [], groups=[self.identity_group], actor=None, audited=False
        )
        return Case(
            reference=plan.reference,
            status=Status.QUARANTINED if plan.status == Status.QUARANTINED else Status.ENQUIRY,
            team=self.team,
            opened_on=plan.opened_on,
            last_enquirer_on=plan.last_enquirer_on,
            body=body,
            identity=identity,
            identity_details=vault.seal(identity, json.dumps(plan.identity, ensure_ascii=False).encode()),
            handler=handler,
            needs_script_review=plan.needs_review,
            unread_by_staff=plan.unread,
        )
