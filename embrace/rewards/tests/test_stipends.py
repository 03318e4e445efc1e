"""Stipends: proposed monthly for every supported case (scaled by dependants), approved by the committee, paid
by finance (never the approver), with the ledger checked after each step; then the same through the pages."""

from __future__ import annotations

import datetime
import secrets
import threading
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from embrace.accounts.roles import Perm, Role
from embrace.approvals.models import Approval
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases import identity
from embrace.cases.actions import assign_case, today
from embrace.cases.lifecycle import decide_transition, request_transition
from embrace.cases.models import Case, Status
from embrace.core.tasks import housekeeping
from embrace.intake.actions import submit_enquiry
from embrace.rewards import ledger, payments, stipend_views, stipends
from embrace.rewards.claims import ClaimError
from embrace.rewards.models import Account, Payment, Stipend, StipendRate, StipendStatus
from embrace.rewards.stipends import StipendError, decide_stipend, propose_stipends
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.testing.rewards import Desk, arrived_case, fund, make_desk
from embrace.vault.keyring import unlock_with_password

pytestmark = pytest.mark.django_db

MONTH = datetime.date(2024, 5, 1)
BASE, PER_DEPENDANT = 300_000_00, 100_000_00  # the seeded rate, in pya
KYAT = payments.HowPaid("MMK", Decimal(1), "", "HW-22Q8")


@pytest.fixture
def desk(custodian: Persona) -> Desk:
    # The custodian exists first, so each case's identity compartment is sealed to them: they record family.
    return make_desk()


def _family(case: Case, custodian: Persona, count: int) -> None:
    keyring = unlock_with_password(custodian.user, custodian.password)
    for n in range(count):
        identity.record_dependant(
            case,
            relation="child",
            details={"name": f"child {n}", "location": "Mae Sot", "risk": "low", "plan": ""},
            actor=custodian.user,
            keyring=keyring,
        )


def _only(case: Case) -> Stipend:
    return Stipend.objects.get(case=case)


def _audits(event: Event) -> int:
    return AuditEntry.objects.filter(event=event).count()


# --- Proposing ------------------------------------------------------------------------------------------


def test_amounts_scale_with_the_number_of_dependants(desk: Desk, custodian: Persona) -> None:
    alone, family_of_two = arrived_case(desk), arrived_case(desk)
    _family(family_of_two, custodian, 2)
    assert propose_stipends(datetime.date(2024, 5, 17)) == 2
    first, second = _only(alone), _only(family_of_two)
    assert (first.month, first.currency, first.dependants, first.amount_minor) == (MONTH, "MMK", 0, BASE)
    assert (second.dependants, second.amount_minor) == (2, BASE + 2 * PER_DEPENDANT)
    assert second.status == StipendStatus.PROPOSED
    # A later rate governs the months from its start, not the ones before.
    StipendRate.objects.create(
        effective_from=datetime.date(2024, 6, 1),
        currency="THB",
        base_minor=5_000_00,
        per_dependant_minor=0,
        published=True,
    )
    assert propose_stipends(datetime.date(2024, 6, 1)) == 2
    assert Stipend.objects.get(case=family_of_two, month=datetime.date(2024, 6, 1)).amount_minor == 5_000_00
    assert ledger.verify() == []


def test_proposing_twice_creates_nothing_new_and_a_quiet_run_leaves_no_audit_row(desk: Desk) -> None:
    for _ in range(2):
        arrived_case(desk)
    assert propose_stipends(MONTH) == 2
    assert propose_stipends(MONTH) == 0
    assert Stipend.objects.count() == 2
    assert _audits(Event.STIPEND_PROPOSED) == 1
    entry = AuditEntry.objects.get(event=Event.STIPEND_PROPOSED)
    assert entry.data["count"] == 2
    # A person asking is audited even when there was nothing new to make.
    assert propose_stipends(MONTH, actor=desk.user("committee1")) == 0
    assert _audits(Event.STIPEND_PROPOSED) == 2


def test_the_database_holds_one_stipend_per_case_per_month(desk: Desk) -> None:
    case = arrived_case(desk)
    propose_stipends(MONTH)
    with pytest.raises(IntegrityError), transaction.atomic():
        Stipend.objects.create(
            case=case, month=MONTH, currency="MMK", amount_minor=1, dependants=0, proposed_on=today()
        )


def _case_in_vetting(desk: Desk) -> Case:
    case, _receipt = submit_enquiry(
        {"text": "I am thinking about it", "kind": "leave_alone"},
        {},
        [],
        token=secrets.token_hex(8),
        quarantine=False,
    )
    assign_case(case, desk.user("handler"), actor=desk.user("intake"), keyring=desk.keyring("intake"))
    request_transition(case, "start_triage", actor=desk.user("intake"))
    request_transition(case, "refer_for_vetting", actor=desk.user("intake"))
    return Case.objects.get(pk=case.pk)


def test_only_arrived_screened_and_registered_cases_get_a_stipend(desk: Desk) -> None:
    arrived = arrived_case(desk)
    screened = arrived_case(desk)
    request_transition(screened, "record_screening", actor=desk.user("reviewer"))
    registered = arrived_case(desk)
    request_transition(registered, "record_screening", actor=desk.user("reviewer"))
    asked = request_transition(registered, "register", actor=desk.user("handler"))
    assert isinstance(asked, Approval)
    decide_transition(asked, approve=True, actor=desk.user("reviewer2"))
    closed = arrived_case(desk)
    request_transition(closed, "record_screening", actor=desk.user("reviewer"))
    asked = request_transition(closed, "register", actor=desk.user("handler"))
    assert isinstance(asked, Approval)
    decide_transition(asked, approve=True, actor=desk.user("reviewer2"))
    request_transition(closed, "close", actor=desk.user("handler"))
    rejected = arrived_case(desk)
    request_transition(rejected, "reject", actor=desk.user("reviewer"))
    _case_in_vetting(desk)
    statuses = dict(Case.objects.values_list("pk", "status"))
    assert statuses[closed.pk] == Status.CLOSED
    assert statuses[registered.pk] == Status.REGISTERED

    assert propose_stipends(MONTH) == 3
    assert set(Stipend.objects.values_list("case", flat=True)) == {arrived.pk, screened.pk, registered.pk}


def test_proposing_takes_the_same_few_queries_for_three_cases_as_for_one(
    desk: Desk, custodian: Persona
) -> None:
    _family(arrived_case(desk), custodian, 1)
    with CaptureQueriesContext(connection) as one:
        assert propose_stipends(MONTH) == 1
    for _ in range(3):
        _family(arrived_case(desk), custodian, 2)
    with CaptureQueriesContext(connection) as three:
        assert propose_stipends(datetime.date(2024, 6, 1)) == 4
    assert len(three) == len(one)


def test_no_rate_in_force_proposes_nothing(desk: Desk) -> None:
    arrived_case(desk)
    assert stipends.rate_in_force(datetime.date(2022, 4, 30)) is None  # the seeded rate starts on the 7th
    assert propose_stipends(datetime.date(2022, 4, 1)) == 0
    assert Stipend.objects.count() == 0


def test_housekeeping_proposes_this_months_stipends_once(desk: Desk) -> None:
    case = arrived_case(desk)
    assert housekeeping.call()["stipends"] == 1
    assert housekeeping.call()["stipends"] == 0
    assert _only(case).month == today().replace(day=1)


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_make_one_stipend_per_case(custodian: Persona) -> None:
    desk = make_desk()
    cases = [arrived_case(desk) for _ in range(3)]
    start = threading.Barrier(2)
    made: list[int] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            start.wait(timeout=60)
            made.append(propose_stipends(MONTH))
        except BaseException as exc:  # reported below, where pytest can see it
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted(made) == [0, 3]
    assert Stipend.objects.filter(month=MONTH).count() == len(cases)


# --- Deciding and paying --------------------------------------------------------------------------------


def test_a_stipend_is_paid_only_after_approval_and_the_ledger_balances_throughout(
    desk: Desk, custodian: Persona
) -> None:
    fund(desk, "10000000", "MMK")
    case = arrived_case(desk)
    _family(case, custodian, 1)
    propose_stipends(MONTH)
    stipend = _only(case)
    amount = BASE + PER_DEPENDANT
    assert ledger.verify() == []
    with pytest.raises(ClaimError, match="Only an approved"):
        payments.pay_stipend(stipend, KYAT, actor=desk.user("finance1"))
    assert not Payment.objects.exists()

    decide_stipend(stipend, approve=True, actor=desk.user("committee1"))
    stipend.refresh_from_db()
    assert stipend.status == StipendStatus.APPROVED
    assert stipend.approved_by == desk.user("committee1")
    assert ledger.balance(Account.STIPENDS_OWED, "MMK", case=case) == -amount
    assert ledger.balance(Account.STIPENDS, "MMK") == amount
    assert ledger.verify() == []
    assert _audits(Event.STIPEND_APPROVED) == 1

    payment = payments.pay_stipend(stipend, KYAT, actor=desk.user("finance1"))
    stipend.refresh_from_db()
    assert stipend.status == StipendStatus.PAID
    assert payment.amount_minor == amount
    assert payment.released_by == desk.user("finance1")
    assert ledger.balance(Account.STIPENDS_OWED, "MMK") == 0
    assert ledger.balance(Account.CASH, "MMK") == 10_000_000_00 - amount
    assert ledger.verify() == []
    with pytest.raises(ClaimError):
        payments.pay_stipend(stipend, KYAT, actor=desk.user("finance2"))
    assert ledger.verify() == []


def test_a_stipend_owed_in_kyat_may_be_paid_in_baht(desk: Desk) -> None:
    fund(desk, "100000", "THB")
    case = arrived_case(desk)
    propose_stipends(MONTH)
    stipend = decide_stipend(_only(case), approve=True, actor=desk.user("committee1"))
    how = payments.HowPaid("THB", Decimal("0.0165"), "market rate, Mae Sot, that morning", "HW-9")
    payment = payments.pay_stipend(stipend, how, actor=desk.user("finance1"))
    assert (payment.currency, payment.amount_minor) == ("THB", 4_950_00)
    assert ledger.balance(Account.STIPENDS_OWED, "MMK") == 0
    assert ledger.verify() == []


def test_a_refused_stipend_posts_nothing_and_cannot_be_paid(desk: Desk) -> None:
    fund(desk, "10000000", "MMK")
    case = arrived_case(desk)
    propose_stipends(MONTH)
    refused = decide_stipend(_only(case), approve=False, actor=desk.user("committee1"))
    assert refused.status == StipendStatus.REFUSED
    assert refused.owed is None
    assert ledger.balance(Account.STIPENDS, "MMK") == 0
    assert _audits(Event.STIPEND_REFUSED) == 1
    with pytest.raises(ClaimError):
        payments.pay_stipend(refused, KYAT, actor=desk.user("finance1"))
    assert ledger.verify() == []


def test_only_the_committee_decides_and_only_once(desk: Desk) -> None:
    case = arrived_case(desk)
    propose_stipends(MONTH)
    stipend = _only(case)
    with pytest.raises(StipendError) as refused:
        decide_stipend(stipend, approve=True, actor=desk.user("finance1"))
    assert refused.value.status == 403
    decide_stipend(stipend, approve=True, actor=desk.user("committee1"))
    with pytest.raises(StipendError, match="already approved"):
        decide_stipend(stipend, approve=True, actor=desk.user("committee2"))
    with pytest.raises(StipendError, match="already approved"):
        decide_stipend(stipend, approve=False, actor=desk.user("committee2"))
    assert ledger.balance(Account.STIPENDS, "MMK") == BASE
    assert ledger.verify() == []


def test_only_the_committee_proposes_by_hand(desk: Desk) -> None:
    arrived_case(desk)
    with pytest.raises(StipendError) as refused:
        propose_stipends(MONTH, actor=desk.user("finance1"))
    assert refused.value.status == 403
    assert not Stipend.objects.exists()
    assert propose_stipends(MONTH, actor=desk.user("committee1")) == 1


def test_a_role_taken_away_is_seen_at_once(desk: Desk) -> None:
    case = arrived_case(desk)
    propose_stipends(MONTH)
    member = desk.user("committee1")
    assert member.can(Perm.STIPEND_APPROVE)
    member.role_assignments.all().delete()  # the caller's object still says committee
    assert member.can(Perm.STIPEND_APPROVE)
    with pytest.raises(StipendError):
        decide_stipend(_only(case), approve=True, actor=member)


def test_a_case_no_longer_supported_is_not_approved(desk: Desk) -> None:
    case = arrived_case(desk)
    propose_stipends(MONTH)
    request_transition(case, "reject", actor=desk.user("reviewer"))
    with pytest.raises(StipendError, match="no longer supported"):
        decide_stipend(_only(case), approve=True, actor=desk.user("committee1"))
    assert decide_stipend(_only(case), approve=False, actor=desk.user("committee1")).status == "refused"


@pytest.fixture
def dual(desk: Desk) -> Persona:
    """Someone who sits on the committee and in finance: may approve and may pay, never both for one."""
    return make_persona(
        f"dual{secrets.token_hex(2)}", Role.REWARD_COMMITTEE, Role.FINANCE, teams=(desk.team,)
    )


def test_the_approver_cannot_pay_the_stipend_they_approved(desk: Desk, dual: Persona) -> None:
    fund(desk, "10000000", "MMK")
    case = arrived_case(desk)
    propose_stipends(MONTH)
    stipend = decide_stipend(_only(case), approve=True, actor=dual.user)
    with pytest.raises(ClaimError, match="You approved this"):
        payments.pay_stipend(stipend, KYAT, actor=dual.user)
    assert not Payment.objects.exists()
    assert ledger.verify() == []
    payment = payments.pay_stipend(stipend, KYAT, actor=desk.user("finance1"))
    # Even written around the action, the database refuses an approver as the releaser.
    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.filter(pk=payment.pk).update(released_by=dual.user)
    assert ledger.verify() == []


# --- The pages ------------------------------------------------------------------------------------------


def _client(persona: Persona, *, csrf: bool = False) -> Client:
    client = log_in(Client(), persona)
    # Logged in first (the login forms are not what is tested here), then every post must carry the token.
    client.handler.enforce_csrf_checks = csrf
    return client


def _proposed(desk: Desk, custodian: Persona | None = None, family: int = 0) -> Stipend:
    case = arrived_case(desk)
    if custodian is not None:
        _family(case, custodian, family)
    propose_stipends(today())
    return _only(case)


def _url(name: str, stipend: Stipend | None = None) -> str:
    return reverse(f"rewards:{name}", args=[stipend.pk] if stipend else [])


PAY = {"currency": "MMK", "rate": "1", "rate_source": "", "channel": "HW-7F3K-22"}


def test_committee_approves_and_finance_pays_through_the_pages(desk: Desk, custodian: Persona) -> None:
    fund(desk, "10000000", "MMK")
    stipend = _proposed(desk, custodian, family=3)
    committee = _client(desk.people["committee1"])
    page = committee.get(_url("stipends"))
    assert page.status_code == 200
    html = page.content.decode()
    assert stipend.case.reference in html
    assert "600,000.00 MMK" in html
    assert _url("stipend_decide", stipend) in html
    assert _url("stipend_pay", stipend) not in html  # nothing to pay yet, and not for the committee

    response = committee.post(_url("stipend_decide", stipend), {"decision": "approve"})
    assert response.status_code == 302
    stipend.refresh_from_db()
    assert stipend.status == StipendStatus.APPROVED
    assert AuditEntry.objects.filter(event=Event.STIPEND_APPROVED, actor=desk.user("committee1").pk).exists()

    finance = _client(desk.people["finance1"])
    html = finance.get(_url("stipends"), {"month": f"{stipend.month:%Y-%m}"}).content.decode()
    assert _url("stipend_pay", stipend) in html
    assert "never a name or an account number" in html
    assert _url("stipend_decide", stipend) not in html
    response = finance.post(_url("stipend_pay", stipend), PAY)
    assert response.status_code == 302
    stipend.refresh_from_db()
    assert stipend.status == StipendStatus.PAID
    payment = Payment.objects.get(stipend=stipend)
    assert b"HW-7F3K-22" not in bytes(payment.channel)  # sealed, not in clear
    assert AuditEntry.objects.filter(event=Event.PAYMENT_RECORDED, actor=desk.user("finance1").pk).exists()
    assert ledger.verify() == []
    # The record names who paid and who approved, each for what they did.
    html = finance.get(_url("stipends"), {"month": f"{stipend.month:%Y-%m}"}).content.decode()
    assert f"paid by {desk.user('finance1').username}" in html
    assert f"approved by {desk.user('committee1').username}" in html
    assert f"paid by {desk.user('committee1').username}" not in html


def test_the_propose_button_runs_the_job_now_and_is_idempotent(desk: Desk) -> None:
    case = arrived_case(desk)
    committee = _client(desk.people["committee1"])
    response = committee.post(_url("stipends_propose"))
    assert response.status_code == 302
    assert _only(case).month == today().replace(day=1)
    assert committee.post(_url("stipends_propose")).status_code == 302
    assert Stipend.objects.count() == 1
    assert (
        AuditEntry.objects.filter(event=Event.STIPEND_PROPOSED, actor=desk.user("committee1").pk).count() == 2
    )


def test_a_month_with_many_stipends_is_listed_a_page_at_a_time(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stipend_views, "PER_PAGE", 2)
    cases = sorted((arrived_case(desk) for _ in range(3)), key=lambda case: case.reference)
    propose_stipends(MONTH)
    client = _client(desk.people["finance1"])
    first = client.get(_url("stipends"), {"month": "2024-05"}).content.decode()
    assert "Page 1 of 2" in first
    assert "?month=2024-05&amp;page=2" in first  # the month is kept
    assert [case.reference in first for case in cases] == [True, True, False]
    second = client.get(_url("stipends"), {"month": "2024-05", "page": "2"}).content.decode()
    assert [case.reference in second for case in cases] == [False, False, True]
    # A page that is not a number is the first page, not an error.
    assert client.get(_url("stipends"), {"month": "2024-05", "page": "x"}).status_code == 200


def test_paying_a_proposed_stipend_through_the_page_is_refused(desk: Desk) -> None:
    fund(desk, "10000000", "MMK")
    stipend = _proposed(desk)
    response = _client(desk.people["finance1"]).post(_url("stipend_pay", stipend), PAY)
    assert response.status_code == 409
    assert "Only an approved" in response.content.decode()
    assert not Payment.objects.exists()


def test_the_approver_paying_through_the_page_is_refused(desk: Desk, dual: Persona) -> None:
    fund(desk, "10000000", "MMK")
    stipend = _proposed(desk)
    client = _client(dual)
    assert client.post(_url("stipend_decide", stipend), {"decision": "approve"}).status_code == 302
    html = client.get(_url("stipends")).content.decode()
    assert _url("stipend_pay", stipend) not in html
    assert "someone else in finance pays it" in html
    response = client.post(_url("stipend_pay", stipend), PAY)
    assert response.status_code == 409
    assert "You approved this" in response.content.decode()
    assert not Payment.objects.exists()


def test_refusing_a_stipend_asks_for_confirmation_first(desk: Desk) -> None:
    stipend = _proposed(desk)
    client = _client(desk.people["committee1"])
    response = client.post(_url("stipend_decide", stipend), {"decision": "refuse"})
    assert response.status_code == 400
    assert "confirm" in response.content.decode()
    stipend.refresh_from_db()
    assert stipend.status == "proposed"
    assert (
        client.post(_url("stipend_decide", stipend), {"decision": "refuse", "confirm": "yes"}).status_code
        == 302
    )


def test_deciding_twice_through_the_page_is_a_conflict(desk: Desk) -> None:
    stipend = _proposed(desk)
    assert (
        _client(desk.people["committee1"])
        .post(_url("stipend_decide", stipend), {"decision": "refuse", "confirm": "yes"})
        .status_code
        == 302
    )
    response = _client(desk.people["committee2"]).post(
        _url("stipend_decide", stipend), {"decision": "approve"}
    )
    assert response.status_code == 409
    assert "already refused" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**PAY, "rate": "abc"}, "Write the rate as a number"),
        ({**PAY, "rate": "NaN"}, "Write the rate as a number"),
        ({**PAY, "rate": "0"}, "more than zero"),
        ({**PAY, "rate": "2"}, "the rate is 1"),
        ({**PAY, "currency": "THB", "rate": "0.0165"}, "Say where the exchange rate comes from"),
        ({**PAY, "currency": "EUR"}, "Select a valid choice"),
        ({**PAY, "channel": "   "}, "This field is required"),
        ({**PAY, "channel": "x" * 201}, "at most 200 characters"),
        ({}, "This field is required"),
    ],
)
def test_bad_payment_input_is_a_400_with_the_form(desk: Desk, data: dict[str, str], message: str) -> None:
    fund(desk, "10000000", "MMK")
    stipend = _proposed(desk)
    decide_stipend(stipend, approve=True, actor=desk.user("committee1"))
    response = _client(desk.people["finance1"]).post(_url("stipend_pay", stipend), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'name="channel"' in response.content.decode()
    assert not Payment.objects.exists()


def test_bad_decision_and_month_are_400s_and_an_unknown_stipend_404(desk: Desk) -> None:
    stipend = _proposed(desk)
    committee = _client(desk.people["committee1"])
    response = committee.post(_url("stipend_decide", stipend), {"decision": "maybe"})
    assert response.status_code == 400
    assert "approve or to refuse" in response.content.decode()
    assert committee.get(_url("stipends"), {"month": "2024-13"}).status_code == 400
    assert committee.get(_url("stipends"), {"month": "<script>"}).status_code == 400
    missing = reverse("rewards:stipend_decide", args=["00000000-0000-4000-8000-000000000000"])
    assert committee.post(missing, {"decision": "approve"}).status_code == 404
    stipend.refresh_from_db()
    assert stipend.status == StipendStatus.PROPOSED


def test_wrong_method_is_405(desk: Desk) -> None:
    stipend = _proposed(desk)
    committee = _client(desk.people["committee1"])
    assert committee.post(_url("stipends")).status_code == 405
    assert committee.get(_url("stipend_decide", stipend)).status_code == 405
    assert committee.get(_url("stipends_propose")).status_code == 405
    assert _client(desk.people["finance1"]).get(_url("stipend_pay", stipend)).status_code == 405


def test_anonymous_is_sent_to_log_in(desk: Desk, client: Client) -> None:
    stipend = _proposed(desk)
    for url, method in [
        (_url("stipends"), client.get),
        (_url("stipends_propose"), client.post),
        (_url("stipend_decide", stipend), client.post),
        (_url("stipend_pay", stipend), client.post),
    ]:
        response = method(url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    stipend.refresh_from_db()
    assert stipend.status == StipendStatus.PROPOSED


def test_roles_without_the_permission_get_403(desk: Desk) -> None:
    fund(desk, "10000000", "MMK")
    stipend = _proposed(desk)
    finance, committee = _client(desk.people["finance1"]), _client(desk.people["committee1"])
    assert finance.post(_url("stipend_decide", stipend), {"decision": "approve"}).status_code == 403
    assert finance.post(_url("stipends_propose")).status_code == 403
    assert _client(desk.people["handler"]).get(_url("stipends")).status_code == 403
    stipend.refresh_from_db()
    assert stipend.status == StipendStatus.PROPOSED
    decide_stipend(stipend, approve=True, actor=desk.user("committee2"))
    assert committee.post(_url("stipend_pay", stipend), PAY).status_code == 403
    assert not Payment.objects.exists()


def test_csrf_is_enforced(desk: Desk) -> None:
    fund(desk, "10000000", "MMK")
    stipend = _proposed(desk)
    committee = _client(desk.people["committee1"], csrf=True)
    assert committee.post(_url("stipend_decide", stipend), {"decision": "approve"}).status_code == 403
    assert committee.post(_url("stipends_propose")).status_code == 403
    decide_stipend(stipend, approve=True, actor=desk.user("committee2"))
    assert (
        _client(desk.people["finance1"], csrf=True).post(_url("stipend_pay", stipend), PAY).status_code == 403
    )
    stipend.refresh_from_db()
    assert stipend.status == StipendStatus.APPROVED
    assert not Payment.objects.exists()
