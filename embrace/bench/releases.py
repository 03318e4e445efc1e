"""Drafting a public release over 100,000 cases, after a year of monthly releases has been published.

A child process with a data folder of its own (like the retention bench), so the counts are these cases
only: bare workflow rows (``embrace.releases.cases``), opened over 2025 across the channels, a tenth of them
with a "passage approved" step and a thirtieth arrived (bringing 0 to 3 dependants), all closed. Twelve
monthly releases of all six definitions are drafted and published first, so each new draft's differencing
check has 72 published figures to weigh. Reported: drafting a quarter (six definitions, dependants received
among them) at programme level and by channel (the whole action: figures through the definitions, the
checks, the stored rows, the approval request), and the differencing check alone. Target: drafting ≤ 1 s.
"""

from __future__ import annotations

import datetime
import os
import secrets
import statistics
import time

from embrace.bench.harness import Benchmark, Row, print_rows, rows_from_child

CASES = int(os.environ.get("EMBRACE_BENCH_RELEASES_CASES", "100000"))
RUNS = 3


def releases_run() -> list[Row]:
    return rows_from_child("embrace.bench.releases")


def _measure() -> list[Row]:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)

    from embrace.accounts.actions import create_user
    from embrace.accounts.models import Team
    from embrace.accounts.roles import Role
    from embrace.cases.models import CaseTransition, Channel, Dependant, Status
    from embrace.releases import actions, disclosure
    from embrace.releases.cases import bare_cases
    from embrace.releases.models import Breakdown

    team = Team.objects.create(name="Bench")
    password = secrets.token_urlsafe(16)
    drafter = create_user("bench_drafter", roles=[Role.ANALYST], password=password, actor=None)[0]
    publisher = create_user("bench_publisher", roles=[Role.ANALYST], password=password, actor=None)[0]
    channels = Channel.values
    per_day = CASES // 365 + 1
    made = 0
    for n in range(365):
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=n)
        count = min(per_day, CASES - made)
        if count <= 0:
            break
        cases = bare_cases(team, count, opened_on=day, channel=channels[n % len(channels)])
        steps = []
        dependants: list[Dependant] = []
        for i, case in enumerate(cases):
            if i % 10 == 0:
                steps.append(("approve_passage", Status.VETTING, Status.PASSAGE_APPROVED))
                if i % 30 == 0:
                    steps.append(("arrive", Status.IN_TRANSIT, Status.ARRIVED))
                    dependants.extend(
                        Dependant(case=case, relation=Dependant.Relation.CHILD, details=b"", recorded_on=day)
                        for _ in range(i // 30 % 4)  # families of 0 to 3 dependants
                    )
                CaseTransition.objects.bulk_create(
                    CaseTransition(
                        case=case, seq=seq, name=name, from_status=a, to_status=b, actor=drafter, made_on=day
                    )
                    for seq, (name, a, b) in enumerate(steps, start=1)
                )
                steps = []
        Dependant.objects.bulk_create(dependants)
        made += count
    keys = list(actions.RELEASABLE)
    for month in range(1, 13):
        start = datetime.date(2025, month, 1)
        end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        release = actions.draft_release(
            actions.Draft(f"{start:%B %Y} (my)", f"{start:%B %Y}", start, end, keys), actor=drafter
        )
        actions.decide_release(release, approve=True, actor=publisher)

    def draft(breakdown: str) -> float:
        times = []
        for run in range(RUNS):
            began = time.perf_counter()
            release = actions.draft_release(
                actions.Draft(
                    f"Quarter {breakdown} {run} (my)",
                    f"Quarter {breakdown} {run}",
                    datetime.date(2025, 4, 1),
                    datetime.date(2025, 6, 30),
                    keys,
                    breakdown,
                ),
                actor=drafter,
            )
            times.append(time.perf_counter() - began)
            actions.withdraw_release(release, actor=drafter)
        return statistics.median(times)

    programme = draft(Breakdown.NONE)
    by_channel = draft(Breakdown.CHANNEL)
    published = actions.published_figures()
    quarter = [
        disclosure.Shown("q", f.case_ids, f.published, "")
        for f in published[: len(keys) * 3]  # any 15 figures of the right sizes
    ]
    began = time.perf_counter()
    disclosure.differencing_clash(published, quarter, actions.rules())
    check = time.perf_counter() - began
    return [
        Row(
            "draft a quarter, six definitions, programme level",
            programme * 1000,
            "ms",
            f"{programme:.2f} s of 1 s",
        ),
        Row(
            "draft a quarter, six definitions, by channel",
            by_channel * 1000,
            "ms",
            f"{len(channels) + 1} figures per definition; {by_channel:.2f} s of 1 s",
        ),
        Row("differencing check alone", check * 1000, "ms", f"against {len(published)} published figures"),
        Row("cases", CASES, "cases", ""),
    ]


BENCHMARKS = [
    Benchmark(
        "releases",
        f"Drafting a public release over {CASES:,} cases",
        "A quarter's release of the six definitions, drafted after twelve monthly releases were published "
        "(72 figures for the differencing check), at programme level and by channel; median of three. "
        "`EMBRACE_BENCH_RELEASES_CASES` changes the number of cases.",
        releases_run,
    ),
]

if __name__ == "__main__":
    print_rows(_measure())
