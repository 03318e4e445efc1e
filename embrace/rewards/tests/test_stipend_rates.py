"""Changing the stipend rate: one committee member proposes a rate from a coming month, another publishes it;
a published rate is never changed, and this month's stipends keep the rate they were proposed at."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.rewards import stipend_rates
from embrace.rewards.models import AppendOnly, Stipend, StipendRate
from embrace.rewards.stipend_rates import decide_rate, propose_rate
from embrace.rewards.stipends import StipendError, first_of_month, propose_stipends, rate_in_force
from embrace.testing.personas import log_in
from embrace.testing.rewards import Desk, arrived_case, make_desk

pytestmark = pytest.mark.django_db

RATE_URL = reverse("rewards:stipend_rates")
PROPOSE_URL = reverse("rewards:stipend_rate_propose")


def _months_ahead(count: int) -> datetime.date:
    month = first_of_month(datetime.date.today())
    for _ in range(count):
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return month


NEXT = _months_ahead(1)


@pytest.fixture
def desk() -> Desk:
    return make_desk()


def _propose(desk: Desk, month: datetime.date = NEXT, who: str = "committee1") -> StipendRate:
    return propose_rate(month, "MMK", 350_000_00, 120_000_00, actor=desk.user(who))


def test_a_proposal_is_not_in_force_until_a_second_member_publishes_it(desk: Desk) -> None:
    seeded = rate_in_force(NEXT)
    rate = _propose(desk)
    assert not rate.published
    assert rate.approval is not None
    assert rate.approval.status == ApprovalStatus.PENDING
    assert rate_in_force(NEXT) == seeded

    decide_rate(rate, approve=True, actor=desk.user("committee2"), note="agreed at the meeting")

    rate.refresh_from_db()
    assert rate.published
    assert rate_in_force(NEXT) == rate
    assert rate_in_force(first_of_month(datetime.date.today())) == seeded  # this month keeps its rate
    assert AuditEntry.objects.filter(event=Event.STIPEND_RATE_PROPOSED).count() == 1
    published = AuditEntry.objects.get(event=Event.STIPEND_RATE_PUBLISHED)
    assert published.data["effective_from"] == NEXT.isoformat()


def test_stipends_of_the_new_month_are_at_the_new_rate_and_this_months_are_not(desk: Desk) -> None:
    case = arrived_case(desk)
    this_month = first_of_month(datetime.date.today())
    propose_stipends(this_month)
    decide_rate(_propose(desk), approve=True, actor=desk.user("committee2"))
    propose_stipends(NEXT)
    assert Stipend.objects.get(case=case, month=this_month).amount_minor == 300_000_00
    assert Stipend.objects.get(case=case, month=NEXT).amount_minor == 350_000_00


def test_no_one_publishes_their_own_proposal(desk: Desk) -> None:
    rate = _propose(desk)
    with pytest.raises(StipendError) as refused:
        decide_rate(rate, approve=True, actor=desk.user("committee1"))
    assert refused.value.status == 403
    rate.refresh_from_db()
    assert not rate.published


@pytest.mark.parametrize("who", ["finance1", "handler", "reviewer"])
def test_only_the_committee_proposes_or_decides(desk: Desk, who: str) -> None:
    with pytest.raises(StipendError) as refused:
        _propose(desk, who=who)
    assert refused.value.status == 403
    rate = _propose(desk)
    with pytest.raises(StipendError):
        decide_rate(rate, approve=True, actor=desk.user(who))
    rate.refresh_from_db()
    assert not rate.published


@pytest.mark.parametrize(
    ("month", "message"),
    [
        (first_of_month(datetime.date.today()), "coming month"),
        (first_of_month(datetime.date.today()) - datetime.timedelta(days=1), "first day of a month"),
        (datetime.date(2023, 1, 1), "coming month"),
        (NEXT + datetime.timedelta(days=14), "first day of a month"),
    ],
)
def test_a_rate_starts_on_the_first_of_a_coming_month(desk: Desk, month: datetime.date, message: str) -> None:
    with pytest.raises(StipendError, match=message):
        _propose(desk, month)
    assert not StipendRate.objects.filter(published=False).exists()


def test_one_waiting_proposal_and_one_published_rate_per_month(desk: Desk) -> None:
    rate = _propose(desk)
    with pytest.raises(StipendError, match="already waiting"):
        _propose(desk, who="committee2")
    decide_rate(rate, approve=False, actor=desk.user("committee2"))
    # A refused proposal frees its month.
    again = _propose(desk, who="committee2")
    decide_rate(again, approve=True, actor=desk.user("committee3"))
    with pytest.raises(StipendError, match="already published"):
        _propose(desk)
    assert StipendRate.objects.filter(effective_from=NEXT, published=True).get() == again


def test_a_proposal_whose_month_began_while_it_waited_is_not_published(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    rate = _propose(desk)
    monkeypatch.setattr(stipend_rates, "today", lambda: NEXT + datetime.timedelta(days=2))
    with pytest.raises(StipendError, match="has begun"):
        decide_rate(rate, approve=True, actor=desk.user("committee2"))
    rate.refresh_from_db()
    assert not rate.published
    assert rate.approval is not None
    assert rate.approval.status == ApprovalStatus.PENDING
    decide_rate(rate, approve=False, actor=desk.user("committee2"))


def test_the_proposer_withdraws_a_waiting_proposal_and_frees_its_month(desk: Desk) -> None:
    rate = _propose(desk)
    with pytest.raises(StipendError) as refused:
        stipend_rates.withdraw_rate(rate, actor=desk.user("committee2"))
    assert refused.value.status == 403
    stipend_rates.withdraw_rate(rate, actor=desk.user("committee1"))
    rate.refresh_from_db()
    assert rate.approval is not None
    assert rate.approval.status == ApprovalStatus.CANCELLED
    with pytest.raises(StipendError, match="waiting for a decision"):
        stipend_rates.withdraw_rate(rate, actor=desk.user("committee1"))
    with pytest.raises(StipendError, match="already been decided"):
        decide_rate(rate, approve=True, actor=desk.user("committee2"))
    again = _propose(desk)  # the month is free again
    decide_rate(again, approve=True, actor=desk.user("committee2"))
    with pytest.raises(StipendError, match="waiting for a decision"):
        stipend_rates.withdraw_rate(again, actor=desk.user("committee1"))


def test_a_published_rate_is_never_edited_or_deleted(desk: Desk) -> None:
    rate = _propose(desk)
    decide_rate(rate, approve=True, actor=desk.user("committee2"))
    rate.refresh_from_db()
    rate.base_minor = 1
    with pytest.raises(AppendOnly):
        rate.save()
    with pytest.raises(AppendOnly):
        rate.delete()
    with pytest.raises(StipendError, match="already published"):
        decide_rate(rate, approve=False, actor=desk.user("committee3"))


# --- Through the pages ------------------------------------------------------------------------------------


def _client(desk: Desk, who: str) -> Client:
    return log_in(Client(), desk.people[who])


def test_the_committee_proposes_and_publishes_through_the_pages(desk: Desk) -> None:
    proposer = _client(desk, "committee1")
    response = proposer.post(
        PROPOSE_URL,
        {
            "effective_from": f"{NEXT:%Y-%m}",
            "currency": "MMK",
            "base": "350,000",
            "per_dependant": "120000.50",
        },
    )
    assert response.status_code == 302
    rate = StipendRate.objects.get(published=False)
    assert (rate.base_minor, rate.per_dependant_minor) == (350_000_00, 120_000_50)
    decide_url = reverse("rewards:stipend_rate_decide", args=[rate.pk])

    page = proposer.get(RATE_URL).content.decode()
    assert "350,000.00 MMK a month plus 120,000.50 MMK per dependant" in page
    assert decide_url not in page  # the proposer gets no decision form, but may withdraw
    assert reverse("rewards:stipend_rate_withdraw", args=[rate.pk]) in page
    assert proposer.post(decide_url, {"decision": "approve"}).status_code == 403

    second = _client(desk, "committee2")
    assert decide_url in second.get(RATE_URL).content.decode()
    response = second.post(decide_url, {"decision": "approve", "note": "as agreed"})
    assert response.status_code == 302
    rate.refresh_from_db()
    assert rate.published
    assert rate.approval is not None
    assert rate.approval.decision_note == "as agreed"
    # Published: nothing left to withdraw.
    assert (
        reverse("rewards:stipend_rate_withdraw", args=[rate.pk])
        not in proposer.get(RATE_URL).content.decode()
    )
    # Finance reads the rates but has no form to change them.
    page = _client(desk, "finance1").get(RATE_URL).content.decode()
    assert "120,000.50 MMK per dependant" in page
    assert PROPOSE_URL not in page


@pytest.mark.parametrize(
    ("changes", "message", "status"),
    [
        ({"effective_from": "2027-13"}, "Enter a valid date", 400),
        ({"base": "lots"}, "plain digits", 400),
        ({"base": "0"}, "more than nothing", 400),
        ({"per_dependant": "-5"}, "more than nothing", 400),
        ({"base": "100.123"}, "decimal places", 400),
        ({"currency": "EUR"}, "Select a valid choice", 400),
        ({"effective_from": "2020-01"}, "coming month", 400),
    ],
)
def test_bad_input_is_a_400_that_keeps_what_was_typed(
    desk: Desk, changes: dict[str, str], message: str, status: int
) -> None:
    data = {"effective_from": f"{NEXT:%Y-%m}", "currency": "MMK", "base": "350000", "per_dependant": "9999"}
    data |= changes
    response = _client(desk, "committee1").post(PROPOSE_URL, data)
    assert response.status_code == status
    page = response.content.decode()
    assert message in page
    assert f'value="{data["base"]}"' in page
    assert not StipendRate.objects.filter(published=False).exists()


def test_a_second_proposal_for_a_waiting_month_is_a_conflict(desk: Desk) -> None:
    _propose(desk)
    data = {"effective_from": f"{NEXT:%Y-%m}", "currency": "THB", "base": "5000", "per_dependant": "0"}
    response = _client(desk, "committee2").post(PROPOSE_URL, data)
    assert response.status_code == 409
    assert "already waiting" in response.content.decode()
    assert 'value="5000"' in response.content.decode()
