"""The dashboards' tables against cases walked through the lifecycle, and the task that keeps them fresh."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from embrace.cases.lifecycle import request_transition
from embrace.cases.models import Status
from embrace.figures import stats, tasks
from embrace.figures.models import Snapshot
from embrace.figures.tests.conftest import Crew, on

D = datetime.date
TODAY = D(2026, 6, 15)


def _table(figure: dict) -> dict:
    return {row[0]: row[1:] for row in figure["rows"]}


def test_time_in_vetting_is_the_median_and_nine_in_ten_of_the_days_between_the_steps(crew: Crew) -> None:
    for days in (2, 4, 10):
        case = crew.approve_passage(crew.to_vetting(crew.enquiry()))
        on(case, Status.VETTING, D(2026, 5, 1))
        on(case, Status.PASSAGE_APPROVED, D(2026, 5, 1) + datetime.timedelta(days=days))
    waiting = crew.to_vetting(crew.enquiry())
    on(waiting, Status.VETTING, D(2026, 5, 1))

    (figure,), _used = stats.stages(TODAY)
    moved_on, median, p90, now_in = _table(figure)[Status.VETTING]
    assert (moved_on, median, p90) == (3, 4.0, 10.0)
    assert now_in == 1


def test_vetting_outcomes_count_each_way_out_of_vetting_in_its_month(crew: Crew) -> None:
    approved = crew.approve_passage(crew.to_vetting(crew.enquiry()))
    on(approved, Status.PASSAGE_APPROVED, D(2026, 5, 20))
    rejected = crew.to_vetting(crew.enquiry())
    request_transition(rejected, "reject", actor=crew.reviewer.user)
    on(rejected, Status.REJECTED, D(2026, 6, 2))
    # Rejected on arrival, not in vetting: not a vetting outcome.
    late = crew.arrived()
    request_transition(late, "reject", actor=crew.reviewer.user)
    on(late, Status.REJECTED, D(2026, 6, 3))

    (figure,), used = stats.vetting(TODAY)
    columns = [code for _what, code in figure["columns"]]
    table = _table(figure)
    may, june = table["2026-05-01"], table["2026-06-01"]
    assert may[columns.index(Status.PASSAGE_APPROVED)] == 1
    assert june[columns.index(Status.REJECTED)] == 1
    assert sum(june) == 1
    assert figure["definition"] == {"key": "genuine_enquiry", "version": 1, "from": "2021-02-01"}
    assert [d.key for d in used] == ["genuine_enquiry"]


def test_enquiries_per_week_split_by_channel_and_by_first_step(crew: Crew) -> None:
    monday = D(2026, 6, 8)
    crew.enquiry(channel="telegram", opened_on=monday)
    crew.step(crew.enquiry(channel="telegram", opened_on=monday + datetime.timedelta(days=6)), "start_triage")
    dormant = crew.enquiry(channel="phone", opened_on=monday)
    request_transition(
        dormant,
        "make_dormant",
        actor=crew.intake.user,
        dormant_until=timezone.localdate() + datetime.timedelta(days=30),
    )

    by_channel, by_kind = stats.enquiries(TODAY)[0]
    channels = [code for _what, code in by_channel["columns"]]
    week = _table(by_channel)[monday.isoformat()]
    assert week[channels.index("telegram")] == 2
    assert week[channels.index("phone")] == 1
    kinds = [code for _what, code in by_kind["columns"]]
    week = _table(by_kind)[monday.isoformat()]
    assert {kinds[i]: n for i, n in enumerate(week) if n} == {"waiting": 1, "taken_up": 1, "dormant_first": 1}


@pytest.mark.django_db
def test_the_task_keeps_one_snapshot_per_dashboard_with_charts_in_each_staff_language() -> None:
    assert tasks.due()
    tasks.compute_figures.call()
    assert set(Snapshot.objects.values_list("dashboard", flat=True)) == set(stats.DASHBOARDS)
    for snapshot in Snapshot.objects.all():
        assert set(snapshot.charts) == {"my", "en"}
    assert not tasks.due()
    # An hour later they are due again, and housekeeping would ask for a run.
    assert tasks.due(timezone.now() + tasks.EVERY)
    tasks.compute_figures.call()
    assert Snapshot.objects.count() == len(stats.DASHBOARDS)
