"""Funds received and their reversal, the finance figures, and the ledger's CSV export for finance.

Rewards owed and paid are posted with ``ledger.post`` directly, the way claims and payments post them, so
the figures can be checked to the cent without walking a whole claim.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import secrets
import threading

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.actions import today
from embrace.cases.models import Case
from embrace.intake.actions import submit_enquiry
from embrace.rewards import finance, funds, ledger
from embrace.rewards.finance import EntryRow, Figures, MonthRow
from embrace.rewards.funds import FundsError
from embrace.rewards.ledger import Leg
from embrace.rewards.models import (
    Account,
    AppendOnly,
    Entry,
    Journal,
    JournalKind,
    Line,
    Schedule,
)
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = pytest.mark.django_db

USD, MMK, THB = "USD", "MMK", "THB"
MEMO = "MEMO-MARKER-Q7 donor Daw Khin"  # what a careless officer might type
NAME = "IDENTITY-MARKER-Z3 Ko Aung"
UNKNOWN = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def officer(db: None) -> Persona:
    # A distinctive username, so the export can be searched for it.
    return make_persona("finofficerzq", Role.FINANCE)


@pytest.fixture
def committee(db: None) -> Persona:
    return make_persona("committee1", Role.REWARD_COMMITTEE)


def _case(intake_route: object, name: str = NAME) -> Case:
    case, _receipt = submit_enquiry(
        {"text": "I want to leave with my helicopter", "kind": "leave_alone"},
        {"name": name, "unit": "Light Infantry"},
        [],
        token=secrets.token_hex(8),
        quarantine=False,
    )
    return case


def _entry(code: str) -> Entry:
    return Entry.objects.get(schedule__effective_from=datetime.date(2022, 4, 7), code=code)


def _d(month: int, day: int = 10) -> datetime.date:
    return datetime.date(2025, month, day)


def owe(
    case: Case,
    entry: Entry | None,
    amount: int,
    on: datetime.date,
    *,
    currency: str = USD,
    stipend: bool = False,
) -> Journal:
    expense, owed = (
        (Account.STIPENDS, Account.STIPENDS_OWED) if stipend else (Account.REWARDS, Account.REWARDS_OWED)
    )
    kind = JournalKind.STIPEND_OWED if stipend else JournalKind.REWARD_OWED
    legs = [Leg(expense, currency, amount, case, entry), Leg(owed, currency, -amount, case, entry)]
    return ledger.post(kind, legs, actor=None, on=on)


def pay(
    case: Case,
    entry: Entry | None,
    amount: int,
    on: datetime.date,
    *,
    currency: str = USD,
    stipend: bool = False,
    handed: tuple[str, int] | None = None,
) -> Journal:
    """Clear ``amount`` owed; ``handed`` (currency, amount) when the money went out in another currency."""
    owed = Account.STIPENDS_OWED if stipend else Account.REWARDS_OWED
    kind = JournalKind.STIPEND_PAID if stipend else JournalKind.REWARD_PAID
    legs = [Leg(owed, currency, amount, case, entry)]
    if handed is None:
        legs.append(Leg(Account.CASH, currency, -amount, case, entry))
    else:
        other, out = handed
        legs += [
            Leg(Account.EXCHANGE, currency, -amount, case, entry),
            Leg(Account.EXCHANGE, other, out, case, entry),
            Leg(Account.CASH, other, -out, case, entry),
        ]
    return ledger.post(kind, legs, actor=None, on=on)


def build_ledger(officer: Persona, intake_route: object) -> dict[str, Case]:
    """Four months of a programme, with a reversal of each kind; every step leaves the ledger sound."""
    a, b = _case(intake_route), _case(intake_route, name="second enquirer")
    aircraft, tank = _entry("defect-aircraft-or-vessel"), _entry("defect-tank-or-apc")
    steps = [
        lambda: funds.record_donation(100_000_000, USD, memo=MEMO, actor=officer.user, on=_d(1)),
        lambda: funds.record_donation(50_000_000_000, MMK, memo="D-2", actor=officer.user, on=_d(1, 20)),
        lambda: owe(a, aircraft, 50_000_000, _d(2)),
        lambda: owe(b, tank, 10_000_000, _d(2)),
        lambda: pay(a, aircraft, 20_000_000, _d(3)),
        # B's reward, owed in dollars, handed over in kyat at 2,100 to the dollar.
        lambda: pay(b, tank, 10_000_000, _d(3), handed=(MMK, 21_000_000_000)),
        lambda: owe(a, None, 40_000_000, _d(3), currency=MMK, stipend=True),
        lambda: pay(a, None, 40_000_000, _d(3, 20), currency=MMK, stipend=True),
        lambda: owe(a, aircraft, 1_000_000, _d(3, 25)),
    ]
    for step in steps:
        step()
        assert ledger.verify() == []
    mistaken_owe = Journal.objects.get(number=9)
    ledger.reverse(mistaken_owe, actor=None, on=_d(4, 2), memo="approved twice")
    assert ledger.verify() == []
    mistaken_pay = pay(a, aircraft, 5_000_000, _d(4, 3))
    ledger.reverse(mistaken_pay, actor=None, on=_d(4, 4), memo="bounced")
    assert ledger.verify() == []
    baht = funds.record_donation(100_000, THB, memo="D-3", actor=officer.user, on=_d(4, 5))
    funds.reverse_donation(baht, memo="recorded in the wrong currency", actor=officer.user)
    assert ledger.verify() == []
    return {"a": a, "b": b}


# --- Figures ----------------------------------------------------------------------------------------------


def test_figures_per_currency_are_exact(officer: Persona, intake_route: object) -> None:
    build_ledger(officer, intake_route)
    assert finance.totals() == [
        Figures(MMK, available=28_960_000_000, committed=0, paid=40_000_000, received=50_000_000_000),
        Figures(THB, available=0, committed=0, paid=0, received=0),
        Figures(USD, available=80_000_000, committed=30_000_000, paid=30_000_000, received=100_000_000),
    ]


def test_figures_by_schedule_entry_keep_stipends_apart(officer: Persona, intake_route: object) -> None:
    build_ledger(officer, intake_route)
    rows = finance.by_entry()
    assert [(r.code, r.currency, r.approved, r.committed, r.paid) for r in rows] == [
        ("defect-aircraft-or-vessel", USD, 50_000_000, 30_000_000, 20_000_000),
        ("defect-tank-or-apc", USD, 10_000_000, 0, 10_000_000),
        ("", MMK, 40_000_000, 0, 40_000_000),
    ]
    assert rows[-1].label == finance.STIPENDS_LABEL
    assert rows[0].cells == ["500,000.00 USD", "300,000.00 USD", "200,000.00 USD"]


def test_an_owed_reward_with_no_entry_gets_its_own_row(officer: Persona, intake_route: object) -> None:
    owe(_case(intake_route), None, 7_00, _d(1))
    assert finance.by_entry() == [EntryRow(finance.NO_ENTRY_LABEL, "", USD, 7_00, 7_00, 0)]


def test_figures_by_month_count_a_reversal_in_its_own_month(officer: Persona, intake_route: object) -> None:
    build_ledger(officer, intake_route)
    now = today().replace(day=1)
    assert finance.by_month() == [
        # The baht donation was reversed today, not in April: April received it, this month gave it back.
        MonthRow(now, THB, received=-100_000, approved=0, paid=0, movement=-100_000),
        MonthRow(_d(4, 1), THB, received=100_000, approved=0, paid=0, movement=100_000),
        MonthRow(_d(4, 1), USD, received=0, approved=-1_000_000, paid=0, movement=0),
        MonthRow(_d(3, 1), MMK, received=0, approved=40_000_000, paid=40_000_000, movement=-21_040_000_000),
        MonthRow(_d(3, 1), USD, received=0, approved=1_000_000, paid=30_000_000, movement=-20_000_000),
        MonthRow(_d(2, 1), USD, received=0, approved=60_000_000, paid=0, movement=0),
        MonthRow(_d(1, 1), MMK, received=50_000_000_000, approved=0, paid=0, movement=50_000_000_000),
        MonthRow(_d(1, 1), USD, received=100_000_000, approved=0, paid=0, movement=100_000_000),
    ]


def test_figures_cost_the_same_few_queries_whatever_the_ledger_size(
    officer: Persona, intake_route: object
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            finance.totals(), finance.by_entry(), finance.by_month(), finance.recent_donations()
        return len(captured)

    case, aircraft = _case(intake_route), _entry("defect-aircraft-or-vessel")
    funds.record_donation(1_000_000, USD, memo="", actor=officer.user, on=_d(1))
    owe(case, aircraft, 1_00, _d(1))
    small = queries()
    for month in range(1, 13):
        funds.record_donation(1_000_000, USD, memo="", actor=officer.user, on=_d(month))
        owe(case, aircraft, 1_00, _d(month))
        pay(case, aircraft, 1_00, _d(month, 20))
    assert queries() == small == 5  # totals 1, by entry 2 (lines, entries), by month 1, donations 1


def test_finance_page_shows_the_figures_to_committee_and_finance(
    client: Client, officer: Persona, committee: Persona, intake_route: object
) -> None:
    build_ledger(officer, intake_route)
    log_in(client, committee)
    page = client.get(reverse("rewards:finance"))
    assert page.status_code == 200
    html = page.content.decode()
    for shown in ("800,000.00 USD", "289,600,000.00 MMK", "Stipends", "2025-03", "Defect with a tank"):
        assert shown in html
    # The committee reads; it neither records funds nor downloads the ledger.
    assert reverse("rewards:donation_new") not in html
    assert reverse("rewards:finance_export") not in html
    log_in(client, officer)
    html = client.get(reverse("rewards:finance")).content.decode()
    assert reverse("rewards:donation_new") in html
    assert reverse("rewards:finance_export") in html


# --- Funds received ---------------------------------------------------------------------------------------


def _audit(event: Event) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(event=event).order_by("seq"))


def test_finance_records_a_donation_through_the_page(client: Client, officer: Persona) -> None:
    log_in(client, officer)
    form = client.get(reverse("rewards:donation_new")).content.decode()
    assert "never a person&#x27;s name" in form or "never a person's name" in form
    typed = {"amount": "25,000.50", "currency": USD, "memo": MEMO}
    # Above the threshold, the amount is read back in words first, and nothing is recorded yet.
    response = client.post(reverse("rewards:donation_new"), typed)
    assert response.status_code == 200
    assert "twenty-five thousand US dollars and 50/100" in response.content.decode()
    assert not Journal.objects.exists()
    response = client.post(reverse("rewards:donation_new"), {**typed, "confirmed": "USD:2500050"})
    assert response.status_code == 302
    journal = Journal.objects.get(kind=JournalKind.DONATION)
    assert journal.memo == MEMO
    assert journal.actor == officer.user
    assert sorted(journal.lines.values_list("account", "currency", "amount_minor")) == [
        ("cash", USD, 2_500_050),
        ("donations", USD, -2_500_050),
    ]
    assert ledger.verify() == []
    [entry] = _audit(Event.FUNDS_RECEIVED)
    assert entry.actor == officer.user.pk
    assert entry.data == {"number": journal.number, "currency": USD, "amount_minor": 2_500_050}
    assert "MEMO-MARKER" not in json.dumps([e.data for e in AuditEntry.objects.all()])


@pytest.mark.parametrize(
    ("amount", "currency", "message"),
    [
        ("12.345", USD, "USD has 2 decimal places"),
        ("1000.001", MMK, "MMK has 2 decimal places"),
        ("ten", USD, "plain digits"),
        ("0", USD, "more than nothing"),
        ("-5", THB, "more than nothing"),
        ("1e9", USD, "no exponent"),
        ("1e20", USD, "no exponent"),
        ("99999999999999999", USD, "too large"),
        ("NaN", USD, "plain digits"),
        ("5", "EUR", "Select a valid choice"),
    ],
)
def test_a_bad_amount_is_a_400_with_the_form_kept(
    client: Client, officer: Persona, amount: str, currency: str, message: str
) -> None:
    log_in(client, officer)
    response = client.post(
        reverse("rewards:donation_new"), {"amount": amount, "currency": currency, "memo": "D-9"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'value="{amount}"' in html
    assert 'value="D-9"' in html
    assert not Journal.objects.exists()


def test_a_large_amount_is_taken_only_as_confirmed(client: Client, officer: Persona) -> None:
    log_in(client, officer)
    url = reverse("rewards:donation_new")
    # A confirmation for another amount does not carry over to a changed one: it is asked again.
    response = client.post(
        url, {"amount": "1000000000", "currency": USD, "memo": "D-1", "confirmed": "USD:100"}
    )
    assert response.status_code == 200
    assert "one billion US dollars" in response.content.decode()
    # "No, correct it" gives the form back as typed and records nothing.
    back = client.post(f"{url}?correct=1", {"amount": "1000000000", "currency": USD, "memo": "D-1"})
    assert back.status_code == 200
    assert 'value="1000000000"' in back.content.decode()
    assert not Journal.objects.exists()
    # At or under the threshold nothing is asked.
    assert client.post(url, {"amount": "1,000.00", "currency": USD, "memo": "D-2"}).status_code == 302
    assert Journal.objects.count() == 1


def test_only_finance_records_or_reverses_funds_even_called_directly(
    officer: Persona, committee: Persona
) -> None:
    with pytest.raises(FundsError, match="Only finance"):
        funds.record_donation(100, USD, memo="", actor=committee.user)
    journal = funds.record_donation(100, USD, memo="", actor=officer.user)
    with pytest.raises(FundsError, match="Only finance"):
        funds.reverse_donation(journal, memo="mistake", actor=committee.user)
    # Read afresh: a finance officer deactivated since their object was loaded can do neither.
    User.objects.filter(pk=officer.user.pk).update(is_active=False)
    with pytest.raises(FundsError, match="Only finance"):
        funds.record_donation(100, USD, memo="", actor=officer.user)
    with pytest.raises(FundsError, match="Only finance"):
        funds.reverse_donation(journal, memo="mistake", actor=officer.user)
    assert Journal.objects.count() == 1


def test_record_donation_refuses_what_is_not_money(officer: Persona) -> None:
    for amount, currency in ((0, USD), (-1, USD), (10**15, USD), (100, "EUR"), (True, USD)):
        with pytest.raises(FundsError):
            funds.record_donation(amount, currency, memo="", actor=officer.user)
    with pytest.raises(FundsError, match="at most 200"):
        funds.record_donation(100, USD, memo="x" * 201, actor=officer.user)
    assert not Journal.objects.exists()


def test_reversing_a_donation_through_the_page(client: Client, officer: Persona) -> None:
    journal = funds.record_donation(5_000_00, THB, memo="D-1", actor=officer.user)
    log_in(client, officer)
    url = reverse("rewards:donation_reverse", args=[journal.pk])
    assert client.post(url, {"memo": ""}).status_code == 400
    assert client.post(url, {"memo": "recorded twice"}).status_code == 302
    assert ledger.balance(Account.CASH, THB) == 0
    assert ledger.balance(Account.DONATIONS, THB) == 0
    assert ledger.verify() == []
    reversal = Journal.objects.get(reverses=journal)
    assert reversal.kind == JournalKind.REVERSAL
    assert reversal.memo == "recorded twice"
    assert _audit(Event.FUNDS_REVERSED)[-1].data == {
        "number": reversal.number,
        "reverses": journal.number,
        "currency": THB,
        "amount_minor": -5_000_00,
    }
    # Once only, with cash enough to give it back twice: the second is refused with a message, not a
    # database error.
    funds.record_donation(50_000_00, THB, memo="D-2", actor=officer.user)
    again = client.post(url, {"memo": "recorded twice"})
    assert again.status_code == 409
    assert "already been reversed" in again.content.decode()
    assert Journal.objects.count() == 3
    assert "reversed" in client.get(reverse("rewards:finance")).content.decode()


def test_a_donation_reversal_never_takes_cash_below_nothing(
    client: Client, officer: Persona, intake_route: object
) -> None:
    case, aircraft = _case(intake_route), _entry("defect-aircraft-or-vessel")
    first = funds.record_donation(60_000_000, USD, memo="D-1", actor=officer.user)
    funds.record_donation(50_000_000, USD, memo="D-2", actor=officer.user)
    owe(case, aircraft, 50_000_000, today())
    pay(case, aircraft, 50_000_000, today())
    assert ledger.balance(Account.CASH, USD) == 60_000_000
    log_in(client, officer)
    response = client.post(reverse("rewards:donation_reverse", args=[first.pk]), {"memo": "bounced"})
    # Reversing D-1 would take 60,000,000 away from exactly 60,000,000: allowed, down to nothing.
    assert response.status_code == 302
    assert ledger.balance(Account.CASH, USD) == 0
    second = Journal.objects.get(kind=JournalKind.DONATION, memo="D-2")
    refused = client.post(reverse("rewards:donation_reverse", args=[second.pk]), {"memo": "bounced"})
    assert refused.status_code == 409
    assert (
        "less than nothing in US dollars: US$0.00 is held and US$500,000.00 would go."
        in refused.content.decode()
    )
    with pytest.raises(FundsError, match="less than nothing"):
        funds.reverse_donation(second, memo="bounced", actor=officer.user)
    assert ledger.balance(Account.CASH, USD) == 0
    assert not Journal.objects.filter(reverses=second).exists()
    assert ledger.verify() == []


def test_only_a_donation_can_be_reversed_here(officer: Persona, client: Client, intake_route: object) -> None:
    owed = owe(_case(intake_route), None, 1_00, today())
    log_in(client, officer)
    assert client.post(reverse("rewards:donation_reverse", args=[owed.pk]), {"memo": "x"}).status_code == 404
    assert client.post(reverse("rewards:donation_reverse", args=[UNKNOWN]), {"memo": "x"}).status_code == 404
    with pytest.raises(FundsError, match="Only funds received"):
        funds.reverse_donation(owed, memo="x", actor=officer.user)
    assert Journal.objects.count() == 1


# --- The export -------------------------------------------------------------------------------------------


def _export(client: Client) -> list[list[str]]:
    response = client.get(reverse("rewards:finance_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return list(csv.reader(io.StringIO(body)))


def test_export_holds_case_references_and_no_memo_or_name(
    client: Client, officer: Persona, intake_route: object
) -> None:
    cases = build_ledger(officer, intake_route)
    log_in(client, officer)
    rows = _export(client)
    header, body = rows[0], rows[1:]
    assert header == finance_views_header()
    assert len(body) == Line.objects.count() == 30
    text = "\n".join(",".join(r) for r in rows)
    for secret in (
        "MEMO-MARKER",
        "IDENTITY-MARKER",
        "second enquirer",
        officer.user.username,
        "approved twice",
    ):
        assert secret not in text
    assert {r[6] for r in body} == {"", cases["a"].reference, cases["b"].reference}
    # The first line of journal 5 (A's first payment) and of the reversal of journal 9 (the owed reward).
    assert body[8] == [
        "5",
        "2025-03-10",
        "reward_paid",
        "rewards_owed",
        USD,
        "200000.00",
        cases["a"].reference,
        "defect-aircraft-or-vessel",
        "",
    ]
    reversal = next(r for r in body if r[8] == "9")
    assert reversal[:6] == ["10", "2025-04-02", "reversal", "rewards", USD, "-10000.00"]
    assert sorted(int(r[0]) for r in body) == sorted(Line.objects.values_list("journal__number", flat=True))


def finance_views_header() -> list[str]:
    return [
        "journal",
        "posted_on",
        "kind",
        "account",
        "currency",
        "amount",
        "case",
        "entry",
        "reverses_journal",
    ]


def test_export_is_audited_before_its_body_is_sent(client: Client, officer: Persona) -> None:
    funds.record_donation(1_00, USD, memo="", actor=officer.user)
    funds.record_donation(2_00, MMK, memo="", actor=officer.user)
    log_in(client, officer)
    response = client.get(reverse("rewards:finance_export"))
    # Nothing of the body read yet, and the download is already in the log.
    [entry] = _audit(Event.EXPORT)
    assert entry.actor == officer.user.pk
    assert entry.subject == "rewards:ledger"
    assert entry.data == {"rows": 4, "through": 2}
    # A posting made while the file streams is neither sent nor counted: the audited count is what went out.
    funds.record_donation(3_00, THB, memo="", actor=officer.user)
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert len(list(csv.reader(io.StringIO(body)))) == 1 + 4


def test_export_cells_cannot_start_a_spreadsheet_formula(
    client: Client, officer: Persona, intake_route: object
) -> None:
    schedule = Schedule.objects.create(
        title="Hostile", effective_from=_d(6), announced_on=_d(6), published=False
    )
    evil = Entry.objects.create(
        schedule=schedule, position=1, code="=HYPERLINK(1)", title_en="x", title_my="x"
    )
    minus = Entry.objects.create(schedule=schedule, position=2, code="-2+3", title_en="y", title_my="y")
    case = _case(intake_route)
    owe(case, evil, 1_00, _d(6))
    owe(case, minus, 2_00, _d(6))
    log_in(client, officer)
    codes = {r[7] for r in _export(client)[1:]}
    assert codes == {"'=HYPERLINK(1)", "'-2+3"}
    # Amounts are numbers, not text: a credit keeps its minus sign.
    assert {r[5] for r in _export(client)[1:]} == {"1.00", "-1.00", "2.00", "-2.00"}


def test_only_the_finance_officer_downloads_the_ledger(
    client: Client, committee: Persona, handler: Persona
) -> None:
    for persona in (committee, handler):
        log_in(client, persona)
        assert client.get(reverse("rewards:finance_export")).status_code == 403
    assert not _audit(Event.EXPORT)


# --- The security set -------------------------------------------------------------------------------------


def test_anonymous_goes_to_login(client: Client, officer: Persona) -> None:
    journal = funds.record_donation(1_00, USD, memo="", actor=officer.user)
    for url in (
        reverse("rewards:finance"),
        reverse("rewards:finance_export"),
        reverse("rewards:donation_new"),
    ):
        assert client.get(url).status_code == 302
    assert client.post(reverse("rewards:donation_new"), {"amount": "1", "currency": USD}).status_code == 302
    reverse_url = reverse("rewards:donation_reverse", args=[journal.pk])
    assert client.post(reverse_url, {"memo": "x"}).status_code == 302
    assert Journal.objects.count() == 1


def test_wrong_method_is_405(client: Client, officer: Persona) -> None:
    journal = funds.record_donation(1_00, USD, memo="", actor=officer.user)
    log_in(client, officer)
    assert client.post(reverse("rewards:finance")).status_code == 405
    assert client.post(reverse("rewards:finance_export")).status_code == 405
    assert client.delete(reverse("rewards:donation_new")).status_code == 405
    assert client.get(reverse("rewards:donation_reverse", args=[journal.pk])).status_code == 405


def test_roles_without_the_permission_get_403(
    client: Client, officer: Persona, committee: Persona, handler: Persona
) -> None:
    journal = funds.record_donation(1_00, USD, memo="", actor=officer.user)
    log_in(client, handler)
    assert client.get(reverse("rewards:finance")).status_code == 403
    log_in(client, committee)
    assert client.get(reverse("rewards:finance")).status_code == 200
    assert client.get(reverse("rewards:donation_new")).status_code == 403
    assert client.post(reverse("rewards:donation_new"), {"amount": "1", "currency": USD}).status_code == 403
    reverse_url = reverse("rewards:donation_reverse", args=[journal.pk])
    assert client.post(reverse_url, {"memo": "x"}).status_code == 403
    assert Journal.objects.count() == 1


def test_posts_need_the_csrf_token(client: Client, officer: Persona) -> None:
    journal = funds.record_donation(1_00, USD, memo="", actor=officer.user)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = log_in(client, officer).cookies
    assert strict.post(reverse("rewards:donation_new"), {"amount": "1", "currency": USD}).status_code == 403
    reverse_url = reverse("rewards:donation_reverse", args=[journal.pk])
    assert strict.post(reverse_url, {"memo": "x"}).status_code == 403
    assert Journal.objects.count() == 1


# --- Append-only, in the database itself ------------------------------------------------------------------


def test_the_database_refuses_to_edit_a_ledger_line(officer: Persona) -> None:
    funds.record_donation(1_00, USD, memo="", actor=officer.user)
    for sql in (
        "UPDATE rewards_line SET amount_minor = amount_minor * 100",
        "UPDATE rewards_journal SET memo = 'rewritten'",
    ):
        # A savepoint each: on PostgreSQL the failed statement aborts its transaction.
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert sorted(Line.objects.values_list("amount_minor", flat=True)) == [-1_00, 1_00]


def test_the_orm_refuses_to_edit_or_delete_the_ledger(officer: Persona) -> None:
    journal = funds.record_donation(1_00, USD, memo="", actor=officer.user)
    with pytest.raises(AppendOnly):
        Line.objects.update(amount_minor=5)
    with pytest.raises(AppendOnly):
        Line.objects.filter(journal=journal).delete()
    with pytest.raises(AppendOnly):
        Journal.objects.all().delete()
    line = Line.objects.filter(account=Account.CASH).get()
    line.amount_minor = 5
    with pytest.raises(AppendOnly):
        line.save()
    with pytest.raises(AppendOnly):
        line.delete()
    assert ledger.balance(Account.CASH, USD) == 1_00
    assert ledger.verify() == []


# --- Two reversals at once --------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_reversals_cannot_together_take_cash_below_nothing(intake_route: object) -> None:
    officer = make_persona("finofficerzq", Role.FINANCE)
    first = funds.record_donation(60_00, USD, memo="D-1", actor=officer.user)
    second = funds.record_donation(50_00, USD, memo="D-2", actor=officer.user)
    case, aircraft = _case(intake_route), _entry("defect-aircraft-or-vessel")
    owe(case, aircraft, 10_00, today())
    pay(case, aircraft, 10_00, today())
    # 100.00 held: either reversal alone leaves something, both together would leave -10.00.
    start = threading.Barrier(2)
    done: list[Journal] = []
    refused: list[str] = []
    failures: list[BaseException] = []

    def reverse_one(journal: Journal) -> None:
        # A new thread reads the site's language (Burmese), not the English the rewards tests set.
        translation.activate("en")
        try:
            start.wait(timeout=60)
            done.append(funds.reverse_donation(journal, memo="bounced", actor=officer.user))
        except FundsError as exc:
            refused.append(str(exc))
        except BaseException as exc:  # reported below, where pytest can see it
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=reverse_one, args=(j,)) for j in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(done) == 1
    assert len(refused) == 1
    assert "less than nothing" in refused[0]
    assert ledger.balance(Account.CASH, USD) in (40_00, 50_00)
    assert ledger.verify() == []
