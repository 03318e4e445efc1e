"""The dashboards' tables, computed from clear workflow fields into ``Snapshot`` rows.

Pages read snapshots only, so what a page costs does not grow with the number of cases; the task worker pays
instead (``embrace.figures.tasks.compute_figures``). A snapshot's tables hold numbers and codes, never words:
a figure's title, its columns and its row labels are msgids or codes (a channel, a status, a currency) that
the page translates for whoever reads it (``embrace.figures.labels``); its charts are drawn once per staff
language here, since drawing is the dear part of a page. Nothing here reads a reference, a name or
anything sealed: only statuses, days, channels, amounts and currencies.
"""

from __future__ import annotations

import datetime
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, DateField, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, TruncMonth, TruncWeek
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from embrace.cases.models import Case, CaseTransition, Channel, Status
from embrace.figures import charts, definitions
from embrace.figures.models import Definition, Key, Snapshot
from embrace.rewards.models import Payment, Stipend, StipendStatus, Tranche, TrancheStatus
from embrace.rewards.money import from_minor

# How far back the weekly charts look, and the period of the funnel and the monthly tables.
WEEKS = 26
MONTHS = 12

# The stages a case passes through, in order, for "time in each stage" (side exits are where cases leave).
STAGES = (
    Status.ENQUIRY,
    Status.DORMANT,
    Status.TRIAGE,
    Status.VETTING,
    Status.PASSAGE_APPROVED,
    Status.PASSAGE_PLANNED,
    Status.IN_TRANSIT,
    Status.ARRIVED,
    Status.SCREENED,
)
# Where vetting ends: the outcomes a case leaves the vetting stage by.
VETTING_OUTCOMES = (
    Status.PASSAGE_APPROVED,
    Status.REJECTED,
    Status.DUPLICATE,
    Status.WITHDRAWN,
    Status.LOST_CONTACT,
)
# An enquiry's kind: what its first step was (the path it took into the programme).
KINDS = ("taken_up", "dormant_first", "released", "ended_early", "waiting")
_FIRST_STEP_KIND = {"start_triage": "taken_up", "make_dormant": "dormant_first", "release": "released"}

DASHBOARDS = ("enquiries", "funnel", "stages", "vetting", "rewards", "stipends")


def _figure(
    name: str,
    title: str,
    *,
    chart: str,
    rows_of: str,
    columns: list[tuple[str, str]],
    rows: list[list[Any]],
    definition: Definition | None = None,
    note: str = "",
) -> dict[str, Any]:
    """One chart and its table. ``rows_of`` says what the first column holds (week, month, stage, status,
    currency); ``columns`` are (what, code) pairs for the value columns: ("channel", "web"), ("word", ...)."""
    return {
        "name": name,
        "title": title,
        "chart": chart,
        "rows_of": rows_of,
        "columns": [list(c) for c in columns],
        "rows": rows,
        "definition": definitions.describe(definition) if definition else None,
        "note": note,
    }


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _first_of_month(day: datetime.date, back: int = 0) -> datetime.date:
    month = day.year * 12 + day.month - 1 - back
    return datetime.date(month // 12, month % 12 + 1, 1)


def _day(value: Any) -> datetime.date:
    # TruncWeek/TruncMonth give a date on some databases and a datetime on others.
    return value.date() if isinstance(value, datetime.datetime) else value


def _grid(
    counted: Iterable[dict[str, Any]],
    row_keys: list[Any],
    col_keys: list[str],
    row: str,
    col: str,
    value: str,
) -> list[list[Any]]:
    cells: dict[tuple[Any, Any], int] = defaultdict(int)
    for item in counted:
        cells[(_day(item[row]) if row in ("week", "month") else item[row], item[col])] += item[value] or 0
    return [
        [key.isoformat() if isinstance(key, datetime.date) else key, *(cells[(key, c)] for c in col_keys)]
        for key in row_keys
    ]


def enquiries(today: datetime.date) -> tuple[list[dict[str, Any]], list[Definition]]:
    definition = definitions.current(Key.ENQUIRY, today)
    found = definitions.events(definition)
    start = _monday(today) - datetime.timedelta(weeks=WEEKS - 1)
    weeks = [start + datetime.timedelta(weeks=n) for n in range(WEEKS)]
    rows = found.between(start, today).annotate(week=TruncWeek(found.date, output_field=DateField()))
    channels = [c.value for c in Channel]
    by_channel = rows.values("week", via=F(f"{found.case_prefix}channel")).annotate(n=Count(found.case))
    first_step = CaseTransition.objects.filter(case=OuterRef(found.case)).order_by("seq").values("name")[:1]
    by_first = rows.annotate(first=Subquery(first_step)).values("week", "first").annotate(n=Count(found.case))
    by_kind = [
        {
            "week": item["week"],
            "kind": "waiting"
            if item["first"] is None
            else _FIRST_STEP_KIND.get(item["first"], "ended_early"),
            "n": item["n"],
        }
        for item in by_first
    ]
    figures = [
        _figure(
            "by_channel",
            gettext_noop("Enquiries per week, by channel"),
            chart="stacked",
            rows_of="week",
            columns=[("channel", c) for c in channels],
            rows=_grid(by_channel, weeks, channels, "week", "via", "n"),
            definition=definition,
        ),
        _figure(
            "by_kind",
            gettext_noop("Enquiries per week, by their first step"),
            chart="stacked",
            rows_of="week",
            columns=[("kind", k) for k in KINDS],
            rows=_grid(by_kind, weeks, list(KINDS), "week", "kind", "n"),
            definition=definition,
        ),
    ]
    return figures, [definition]


def funnel(today: datetime.date) -> tuple[list[dict[str, Any]], list[Definition]]:
    start = _first_of_month(today, MONTHS - 1)
    used = {key: definitions.current(key, today) for key in (Key.ENQUIRY, Key.GENUINE_ENQUIRY, Key.DEFECTION)}
    used[Key.REGISTRATION] = definitions.current(Key.REGISTRATION, today)
    into_vetting = (
        CaseTransition.objects.filter(to_status=Status.VETTING, made_on__gte=start, made_on__lte=today)
        .values("case_id")
        .distinct()
        .count()
    )
    counts = [
        ("enquiry", definitions.count(used[Key.ENQUIRY], start, today)),
        ("vetting", into_vetting),
        ("passage", definitions.count(used[Key.GENUINE_ENQUIRY], start, today)),
        ("arrival", definitions.count(used[Key.DEFECTION], start, today)),
        ("registration", definitions.count(used[Key.REGISTRATION], start, today)),
    ]
    first = counts[0][1]
    rows = [[stage, n, round(100 * n / first, 1) if first else 0] for stage, n in counts]
    figure = _figure(
        "funnel",
        gettext_noop("From enquiry to registration, in the last 12 months"),
        chart="funnel",
        rows_of="funnel_stage",
        columns=[("word", gettext_noop("Cases")), ("word", gettext_noop("Per 100 enquiries"))],
        rows=rows,
        note=gettext_noop(
            "Each stage counts the cases that reached it in the period, whenever they first wrote; "
            "vetting counts cases referred for vetting."
        ),
    )
    figure["definitions"] = [definitions.describe(d) for d in used.values()]
    figure["period"] = [start.isoformat(), today.isoformat()]
    return [figure], list(used.values())


def _percentile(values: list[int], share: float) -> float:
    ordered = sorted(values)
    # Nearest rank: a day count someone actually waited, not an interpolation between two.
    rank = max(1, -(-len(ordered) * share // 1))
    return float(ordered[int(rank) - 1])


def stages(today: datetime.date) -> tuple[list[dict[str, Any]], list[Definition]]:
    start = _first_of_month(today, MONTHS - 1)
    entered = Subquery(
        CaseTransition.objects.filter(case=OuterRef("case"), seq=OuterRef("seq") - 1).values("made_on")[:1],
        output_field=DateField(),
    )
    left = (
        CaseTransition.objects.filter(made_on__gte=start, made_on__lte=today, from_status__in=STAGES)
        .annotate(entered=Coalesce(entered, F("case__opened_on")))
        .values_list("from_status", "made_on", "entered")
        .order_by()
    )
    stays: dict[str, list[int]] = defaultdict(list)
    for status, made_on, since in left.iterator(chunk_size=5000):
        stays[status].append(max(0, (made_on - _day(since)).days))
    now_in = dict(
        Case.objects.filter(status__in=STAGES).values_list("status").annotate(n=Count("id")).order_by()
    )
    rows = []
    for stage in STAGES:
        days = stays.get(stage, [])
        median = float(statistics.median(days)) if days else None
        rows.append(
            [stage, len(days), median, _percentile(days, 0.9) if days else None, now_in.get(stage, 0)]
        )
    figure = _figure(
        "stages",
        gettext_noop("Days in each stage, for cases that moved on in the last 12 months"),
        chart="bars",
        rows_of="status",
        columns=[
            ("word", gettext_noop("Cases that moved on")),
            ("word", gettext_noop("Median days")),
            ("word", gettext_noop("Nine in ten within (days)")),
            ("word", gettext_noop("In this stage now")),
        ],
        rows=rows,
        note=gettext_noop(
            "The chart shows the median and the day by which nine in ten had moved on; a stage counts from "
            "the step into it."
        ),
    )
    figure["chart_columns"] = [1, 2]
    return [figure], []


def vetting(today: datetime.date) -> tuple[list[dict[str, Any]], list[Definition]]:
    start = _first_of_month(today, MONTHS - 1)
    months = [_first_of_month(today, back) for back in range(MONTHS - 1, -1, -1)]
    outcomes = [s.value for s in VETTING_OUTCOMES]
    counted = (
        CaseTransition.objects.filter(
            from_status=Status.VETTING, to_status__in=outcomes, made_on__gte=start, made_on__lte=today
        )
        .annotate(month=TruncMonth("made_on", output_field=DateField()))
        .values("month", "to_status")
        .annotate(n=Count("case_id", distinct=True))
        .order_by()
    )
    genuine = definitions.current(Key.GENUINE_ENQUIRY, today)
    figure = _figure(
        "outcomes",
        gettext_noop("How vetting ended, per month"),
        chart="stacked",
        rows_of="month",
        columns=[("status", s) for s in outcomes],
        rows=_grid(counted, months, outcomes, "month", "to_status", "n"),
        definition=genuine,
        note=gettext_noop(
            "Passage approved is the genuine enquiries figure; the other columns are the other ways out."
        ),
    )
    return [figure], [genuine]


def _money(minor: int | None, currency: str) -> float:
    return float(from_minor(minor or 0, currency))


def rewards(today: datetime.date) -> tuple[list[dict[str, Any]], list[Definition]]:
    start = _first_of_month(today, MONTHS - 1)
    months = [_first_of_month(today, back) for back in range(MONTHS - 1, -1, -1)]
    committed = (
        Tranche.objects.filter(
            status__in=[TrancheStatus.APPROVED, TrancheStatus.PAID],
            approved_on__gte=start,
            approved_on__lte=today,
        )
        .annotate(month=TruncMonth("approved_on", output_field=DateField()))
        .values("month")
        .annotate(n=Count("id"), total=Sum("amount_minor"))
        .order_by()
    )
    by_month = {_day(c["month"]): c for c in committed}
    committed_rows = [
        [m.isoformat(), by_month.get(m, {}).get("n", 0), _money(by_month.get(m, {}).get("total"), "USD")]
        for m in months
    ]
    paid_def = definitions.current(Key.REWARD_PAID, today)
    currencies = sorted(Payment.objects.values_list("currency", flat=True).distinct().order_by()) or ["USD"]
    paid = (
        Payment.objects.filter(reversed=False, tranche__isnull=False, paid_on__gte=start, paid_on__lte=today)
        .annotate(month=TruncMonth("paid_on", output_field=DateField()))
        .values("month", "currency")
        .annotate(total=Sum("amount_minor"))
        .order_by()
    )
    paid_cells = [{"month": p["month"], "currency": p["currency"], "n": p["total"]} for p in paid]
    paid_rows = _grid(paid_cells, months, currencies, "month", "currency", "n")
    for row in paid_rows:
        row[1:] = [_money(v, c) for v, c in zip(row[1:], currencies, strict=True)]
    cases_paid = definitions.count(paid_def, start, today)
    return [
        _figure(
            "committed",
            gettext_noop(
                "Rewards committed per month (tranches approved by two committee members), in US dollars"
            ),
            chart="bars",
            rows_of="month",
            columns=[("word", gettext_noop("Tranches")), ("word", gettext_noop("US dollars"))],
            rows=committed_rows,
            note=gettext_noop("Committed means approved to be paid, whether or not it has been paid yet."),
        )
        | {"chart_columns": [1]},
        _figure(
            "paid",
            gettext_noop("Rewards paid per month, by the currency handed over"),
            chart="stacked",
            rows_of="month",
            columns=[("currency", c) for c in currencies],
            rows=paid_rows,
            definition=paid_def,
        )
        | {"cases": cases_paid},
    ], [paid_def]


def stipends(today: datetime.date) -> tuple[list[dict[str, Any]], list[Definition]]:
    start = _first_of_month(today, MONTHS - 1)
    months = [_first_of_month(today, back) for back in range(MONTHS - 1, -1, -1)]
    counted = (
        Stipend.objects.filter(month__gte=start, month__lte=today)
        .exclude(status=StipendStatus.REFUSED)
        .values("month", "currency")
        .annotate(
            n=Count("id"),
            total=Sum("amount_minor"),
            people=Sum("dependants"),
            paid=Count("id", filter=Q(status=StipendStatus.PAID)),
        )
        .order_by("month", "currency")
    )
    rows = [
        [
            _day(c["month"]).isoformat(),
            c["currency"],
            c["n"],
            c["paid"],
            c["people"] or 0,
            _money(c["total"], c["currency"]),
        ]
        for c in counted
    ]
    shown = {r[0] for r in rows}
    rows += [[m.isoformat(), "", 0, 0, 0, 0.0] for m in months if m.isoformat() not in shown]
    rows.sort(key=lambda r: (r[0], r[1]))
    return [
        _figure(
            "stipends",
            gettext_noop("Monthly stipends, by month and currency"),
            chart="bars",
            rows_of="month_currency",
            columns=[
                ("word", gettext_noop("Currency")),
                ("word", gettext_noop("Stipends")),
                ("word", gettext_noop("Paid")),
                ("word", gettext_noop("Dependants supported")),
                ("word", gettext_noop("Amount")),
            ],
            rows=rows,
            note=gettext_noop("Proposed, approved and paid stipends; refused ones are left out."),
        )
        | {"chart_columns": [1, 3]}
    ], []


COMPUTE: dict[str, Callable[[datetime.date], tuple[list[dict[str, Any]], list[Definition]]]] = {
    "enquiries": enquiries,
    "funnel": funnel,
    "stages": stages,
    "vetting": vetting,
    "rewards": rewards,
    "stipends": stipends,
}


def compute(dashboard: str, today: datetime.date | None = None) -> Snapshot:
    """Compute one dashboard's tables and keep them as its snapshot, replacing the last one."""
    today = today or timezone.localdate()
    began = time.perf_counter()
    figures, used = COMPUTE[dashboard](today)
    drawn = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            drawn[language] = {f["name"]: charts.draw(f, gettext(f["title"])) for f in figures}
    took = int((time.perf_counter() - began) * 1000)
    with transaction.atomic():
        snapshot, _ = Snapshot.objects.update_or_create(
            dashboard=dashboard,
            defaults={
                "data": {"figures": figures, "day": today.isoformat()},
                "versions": {d.key: d.version for d in used},
                "charts": drawn,
                "computed_at": timezone.now(),
                "took_ms": took,
            },
        )
    return snapshot


def compute_all(today: datetime.date | None = None) -> dict[str, int]:
    """Every dashboard's snapshot afresh. Returns the milliseconds each took."""
    return {name: compute(name, today).took_ms for name in DASHBOARDS}
