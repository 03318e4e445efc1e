"""The published reward schedule as versioned data: one committee member proposes, another publishes; no
retroactive change; a published version is never edited; the landing page shows the one in force."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import RoleAssignment
from embrace.accounts.roles import Perm, Role
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.events import Event
from embrace.audit.log import subject_of
from embrace.audit.models import AuditEntry
from embrace.cases.actions import today
from embrace.rewards.models import Entry, Schedule, schedule_in_force
from embrace.rewards.schedules import (
    ACTION,
    EntryDraft,
    NotAllowed,
    ScheduleError,
    decide_schedule,
    propose_schedule,
    revise_schedule,
)
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
NEW_EN = "Defect with an air-defence radar vehicle"
NEW_MY = "လေကြောင်းရန်ကာကွယ်ရေး ရေဒါယာဉ်နှင့်အတူ ကူးပြောင်းလာခြင်း"
ENTRIES = [
    EntryDraft("defect-aircraft-or-vessel", "Defect with an aircraft or vessel", "လေယာဉ်", Decimal(600000)),
    EntryDraft("defect-radar", NEW_EN, NEW_MY, Decimal(250000), Decimal(1000000000), per_item=True),
    EntryDraft("other-weapons-equipment", "Other weapons", "အခြားလက်နက်", valued_by_committee=True),
]


@pytest.fixture
def chair(db: None) -> Persona:
    return make_persona("chair", Role.REWARD_COMMITTEE)


@pytest.fixture
def member(db: None) -> Persona:
    return make_persona("member", Role.REWARD_COMMITTEE)


@pytest.fixture
def finance(db: None) -> Persona:
    return make_persona("finance", Role.FINANCE)


def _propose(persona: Persona, effective: datetime.date | None = None, **kwargs: Any) -> Schedule:
    effective = effective or today() + 10 * DAY
    return propose_schedule(
        kwargs.get("title", f"Schedule of {effective}"),
        effective,
        kwargs.get("announced", today()),
        kwargs.get("entries", ENTRIES),
        actor=persona.user,
    )


def _first() -> Schedule:
    return Schedule.objects.get(effective_from=datetime.date(2022, 4, 7))


# --- Proposing and publishing ---------------------------------------------------------------------------


def test_one_member_proposes_and_another_publishes_with_the_audit_trail(
    chair: Persona, member: Persona
) -> None:
    schedule = _propose(chair)
    assert not schedule.published
    assert schedule.proposed_by == chair.user
    assert [e.code for e in schedule.entries.all()] == [d.code for d in ENTRIES]
    radar = schedule.entries.get(code="defect-radar")
    assert (radar.amount_usd, radar.amount_mmk, radar.per_item, radar.position) == (
        250000,
        1000000000,
        True,
        2,
    )
    approval = schedule.approval
    assert approval is not None
    assert (approval.action, approval.subject, approval.required_role) == (
        ACTION,
        subject_of(schedule),
        Role.REWARD_COMMITTEE,
    )
    assert approval.status == ApprovalStatus.PENDING
    proposed = AuditEntry.objects.get(event=Event.SCHEDULE_PROPOSED)
    assert (proposed.actor, proposed.subject) == (chair.user.pk, subject_of(schedule))
    assert proposed.data["entries"] == 3

    decide_schedule(schedule, approve=True, actor=member.user, note="as announced")
    schedule.refresh_from_db()
    assert schedule.published
    published = AuditEntry.objects.get(event=Event.SCHEDULE_PUBLISHED)
    assert (published.actor, published.subject) == (member.user.pk, subject_of(schedule))
    assert published.data["proposed_by"] == str(chair.user.pk)
    assert AuditEntry.objects.filter(event=Event.APPROVAL_APPROVED, actor=member.user.pk).count() == 1


def test_the_proposer_cannot_publish_their_own_proposal(chair: Persona) -> None:
    schedule = _propose(chair)
    with pytest.raises(NotAllowed, match="No one may decide their own request"):
        decide_schedule(schedule, approve=True, actor=chair.user)
    schedule.refresh_from_db()
    assert not schedule.published
    assert Approval.objects.get(pk=schedule.approval_id).status == ApprovalStatus.PENDING
    assert not AuditEntry.objects.filter(event=Event.SCHEDULE_PUBLISHED).exists()


def test_someone_outside_the_committee_can_neither_propose_nor_decide(
    chair: Persona, finance: Persona, handler: Persona, admin: Persona
) -> None:
    for persona in (finance, handler, admin):
        with pytest.raises(NotAllowed, match="Only a member of the reward committee"):
            _propose(persona)
    schedule = _propose(chair)
    for persona in (finance, handler, admin):
        with pytest.raises(NotAllowed, match="Only a member of the reward committee"):
            decide_schedule(schedule, approve=True, actor=persona.user)
    schedule.refresh_from_db()
    assert not schedule.published
    assert Schedule.objects.count() == 2


def test_a_member_whose_role_was_revoked_is_refused_though_their_user_object_still_says_committee(
    chair: Persona, member: Persona
) -> None:
    schedule = _propose(chair)
    stale = member.user
    assert stale.can(Perm.SCHEDULE_CHANGE)  # cached on the object
    RoleAssignment.objects.filter(user=stale).delete()
    with pytest.raises(NotAllowed):
        decide_schedule(schedule, approve=True, actor=stale)
    with pytest.raises(NotAllowed):
        _propose(member, today() + 20 * DAY)
    schedule.refresh_from_db()
    assert not schedule.published


def test_a_second_decision_is_refused(chair: Persona, member: Persona) -> None:
    third = make_persona("third", Role.REWARD_COMMITTEE)
    schedule = _propose(chair)
    decide_schedule(schedule, approve=True, actor=member.user)
    for approve in (True, False):
        with pytest.raises(ScheduleError, match="never changed"):
            decide_schedule(schedule, approve=approve, actor=third.user)
    refused = _propose(chair, today() + 20 * DAY)
    decide_schedule(refused, approve=False, actor=member.user)
    with pytest.raises(ScheduleError, match="already been decided"):
        decide_schedule(refused, approve=True, actor=third.user)
    refused.refresh_from_db()
    assert not refused.published
    assert AuditEntry.objects.filter(event=Event.SCHEDULE_PUBLISHED).count() == 1


# --- Dates: nothing retroactive --------------------------------------------------------------------------


def test_a_date_in_the_past_is_refused(chair: Persona) -> None:
    with pytest.raises(ScheduleError, match="cannot take effect in the past"):
        _propose(chair, today() - DAY, announced=today() - 2 * DAY)
    assert Schedule.objects.count() == 1


def test_a_date_not_after_the_latest_published_version_is_refused(chair: Persona, member: Persona) -> None:
    later = _propose(chair, today() + 30 * DAY)
    decide_schedule(later, approve=True, actor=member.user)
    for day in (today() + 30 * DAY, today() + 29 * DAY, today()):
        with pytest.raises(ScheduleError, match="must take effect after"):
            _propose(chair, day)
    assert Schedule.objects.count() == 2


def test_a_second_proposal_for_the_same_day_is_refused_clearly(chair: Persona, member: Persona) -> None:
    _propose(chair, today() + 5 * DAY)
    with pytest.raises(ScheduleError, match="Another proposal already takes effect"):
        _propose(member, today() + 5 * DAY)


def test_the_decision_checks_again_that_no_later_version_was_published_meanwhile(
    chair: Persona, member: Persona
) -> None:
    sooner = _propose(chair, today() + 5 * DAY)
    later = _propose(chair, today() + 9 * DAY)
    decide_schedule(later, approve=True, actor=member.user)
    with pytest.raises(ScheduleError, match="was published meanwhile"):
        decide_schedule(sooner, approve=True, actor=member.user)
    sooner.refresh_from_db()
    assert not sooner.published
    assert Approval.objects.get(pk=sooner.approval_id).status == ApprovalStatus.PENDING


def test_a_proposal_whose_day_has_passed_is_not_published_retroactively(
    chair: Persona, member: Persona
) -> None:
    schedule = _propose(chair, today() + DAY)
    # As if the committee sat on it: its day is now behind us.
    Schedule.objects.filter(pk=schedule.pk).update(effective_from=today() - DAY, announced_on=today() - DAY)
    with pytest.raises(ScheduleError, match="would be retroactive"):
        decide_schedule(schedule, approve=True, actor=member.user)
    schedule.refresh_from_db()
    assert not schedule.published


def test_a_published_version_becomes_the_one_in_force_from_its_day(chair: Persona, member: Persona) -> None:
    schedule = _propose(chair, today() + DAY)
    decide_schedule(schedule, approve=True, actor=member.user)
    assert schedule_in_force(today()) == _first()
    assert schedule_in_force(today() + DAY) == schedule
    # An act done today keeps the version in force today, whatever was published since.
    assert schedule_in_force(today() - 300 * DAY) == _first()


# --- Entries ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([], "at least one entry"),
        ([ENTRIES[0], ENTRIES[0]], "used twice"),
        ([EntryDraft("Has spaces", "x", "y", Decimal(1))], "letters, digits, hyphens"),
        ([EntryDraft("a", "x", " ", Decimal(1))], "title in Burmese"),
        ([EntryDraft("a", "", "y", Decimal(1))], "title in English"),
        ([EntryDraft("a", "x", "y", Decimal(0))], "above zero"),
        ([EntryDraft("a", "x", "y", None)], "above zero"),
        ([EntryDraft("a", "x", "y", Decimal("-5"))], "above zero"),
        ([EntryDraft("a", "x", "y", Decimal("1.005"))], "dollars and cents"),
        ([EntryDraft("a", "x", "y", Decimal(1), Decimal("0"))], "whole number above zero"),
        ([EntryDraft("a", "x", "y", Decimal(1), valued_by_committee=True)], "states no amount"),
    ],
)
def test_bad_entries_are_refused_with_a_reason(
    chair: Persona, entries: list[EntryDraft], message: str
) -> None:
    with pytest.raises(ScheduleError, match=message):
        _propose(chair, entries=entries)
    assert Schedule.objects.count() == 1
    assert not Approval.objects.exists()


# --- A published version is never edited -----------------------------------------------------------------


def test_a_published_schedule_and_its_entries_are_never_revised(chair: Persona, member: Persona) -> None:
    schedule = _propose(chair)
    decide_schedule(schedule, approve=True, actor=member.user)
    before = list(Entry.objects.filter(schedule=schedule).values())
    changed = [EntryDraft("defect-aircraft-or-vessel", "Changed", "ပြောင်း", Decimal(1))]
    with pytest.raises(ScheduleError, match="A published schedule is never changed"):
        revise_schedule(schedule, "Changed", today() + 40 * DAY, today(), changed, actor=chair.user)
    assert list(Entry.objects.filter(schedule=schedule).values()) == before
    schedule.refresh_from_db()
    assert schedule.published
    assert schedule.title != "Changed"


def test_the_proposer_revises_a_refused_proposal_and_it_is_put_to_the_committee_again(
    chair: Persona, member: Persona
) -> None:
    schedule = _propose(chair)
    decide_schedule(schedule, approve=False, actor=member.user, note="the radar amount is wrong")
    first_request = schedule.approval_id
    revised = revise_schedule(
        schedule, "Corrected", today() + 12 * DAY, today(), [ENTRIES[0], ENTRIES[2]], actor=chair.user
    )
    assert revised.approval_id != first_request
    assert revised.approval is not None
    assert revised.approval.status == ApprovalStatus.PENDING
    assert [e.code for e in revised.entries.all()] == [ENTRIES[0].code, ENTRIES[2].code]
    assert AuditEntry.objects.filter(event=Event.SCHEDULE_PROPOSED, data__revised=True).count() == 1
    decide_schedule(revised, approve=True, actor=member.user)
    assert Schedule.objects.get(pk=schedule.pk).published


def test_revising_a_waiting_proposal_withdraws_the_request_the_second_member_might_be_reading(
    chair: Persona, member: Persona
) -> None:
    schedule = _propose(chair)
    stale_request = schedule.approval_id
    revise_schedule(schedule, "Corrected", today() + 10 * DAY, today(), ENTRIES[:1], actor=chair.user)
    assert Approval.objects.get(pk=stale_request).status == ApprovalStatus.CANCELLED


def test_only_the_proposer_may_revise(chair: Persona, member: Persona) -> None:
    schedule = _propose(chair)
    with pytest.raises(NotAllowed, match="Only the member who proposed"):
        revise_schedule(schedule, "Mine now", today() + 10 * DAY, today(), ENTRIES, actor=member.user)
    assert Schedule.objects.get(pk=schedule.pk).title != "Mine now"


# --- Pages ---------------------------------------------------------------------------------------------


def _form_data(
    title: str, effective: datetime.date, rows: list[dict[str, str]], announced: datetime.date | None = None
) -> dict[str, str]:
    data = {
        "title": title,
        "effective_from": effective.isoformat(),
        "announced_on": (announced or today()).isoformat(),
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"form-{i}-{key}": value for key, value in row.items()})
    return data


RADAR_ROW = {"code": "defect-radar", "title_en": NEW_EN, "title_my": NEW_MY, "amount_usd": "250,000"}


def _decide_url(schedule: Schedule) -> str:
    return reverse("rewards:schedule_decide", args=[schedule.approval_id])


def test_the_propose_page_starts_from_the_schedule_in_force(client: Client, chair: Persona) -> None:
    page = log_in(client, chair).get(reverse("rewards:schedule_propose"))
    assert page.status_code == 200
    body = page.content.decode()
    assert 'value="defect-aircraft-or-vessel"' in body
    assert 'value="500000.00"' in body
    assert 'name="form-TOTAL_FORMS" value="8"' in body  # the five in force and three blank rows


def test_a_member_proposes_through_the_page_and_another_publishes_through_the_page(
    client: Client, chair: Persona, member: Persona
) -> None:
    log_in(client, chair)
    blank = {"code": "", "title_en": "", "title_my": "", "amount_usd": "", "amount_mmk": ""}
    response = client.post(
        reverse("rewards:schedule_propose"), _form_data("Schedule of today", today(), [RADAR_ROW, blank])
    )
    assert response.status_code == 302
    schedule = Schedule.objects.get(title="Schedule of today")
    assert [e.code for e in schedule.entries.all()] == ["defect-radar"]
    listing = client.get(reverse("rewards:schedules")).content.decode()
    assert "waiting for a second committee member" in listing
    assert "250,000" in listing
    assert "500,000" in listing
    # The proposer is offered no decision, and one posted anyway is a 403 with the reason.
    assert _decide_url(schedule) not in listing
    refused = client.post(_decide_url(schedule), {"decision": "approve"})
    assert refused.status_code == 403
    assert "No one may decide their own request" in refused.content.decode()
    assert not Schedule.objects.get(pk=schedule.pk).published

    other = log_in(Client(), member)
    assert _decide_url(schedule) in other.get(reverse("rewards:schedules")).content.decode()
    assert other.post(_decide_url(schedule), {"decision": "approve"}).status_code == 302
    assert Schedule.objects.get(pk=schedule.pk).published
    assert schedule_in_force() == schedule
    listing = other.get(reverse("rewards:schedules")).content.decode()
    assert "In force today" in listing
    assert "Superseded" in listing
    again = other.post(_decide_url(schedule), {"decision": "approve"})
    assert again.status_code == 409
    assert "never changed" in again.content.decode()
    assert AuditEntry.objects.filter(event=Event.SCHEDULE_PUBLISHED, actor=member.user.pk).count() == 1


def test_a_bad_row_is_a_400_with_everything_typed_kept(client: Client, chair: Persona) -> None:
    log_in(client, chair)
    bad = {"code": "defect-tank", "title_en": "Defect with a tank", "title_my": "", "amount_usd": "100000"}
    response = client.post(
        reverse("rewards:schedule_propose"), _form_data("Typed title", today() + DAY, [RADAR_ROW, bad])
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Typed title" in body
    assert NEW_MY in body
    assert "Defect with a tank" in body
    assert "This field is required" in body
    assert Schedule.objects.count() == 1


@pytest.mark.parametrize(
    ("effective", "message"),
    [(-1, "cannot take effect in the past"), (0, None)],
)
def test_a_past_date_through_the_page_is_a_400_with_the_reason(
    client: Client, chair: Persona, effective: int, message: str | None
) -> None:
    log_in(client, chair)
    response = client.post(
        reverse("rewards:schedule_propose"),
        _form_data("Backdated", today() + effective * DAY, [RADAR_ROW], announced=today() - DAY),
    )
    if message is None:
        assert response.status_code == 302  # today itself is allowed
    else:
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not Schedule.objects.filter(title="Backdated").exists()


def test_a_duplicate_code_or_a_committee_amount_through_the_page_is_a_400(
    client: Client, chair: Persona
) -> None:
    log_in(client, chair)
    url = reverse("rewards:schedule_propose")
    twice = client.post(url, _form_data("Twice", today() + DAY, [RADAR_ROW, RADAR_ROW]))
    assert twice.status_code == 400
    assert "used twice: defect-radar" in twice.content.decode()
    valued = {**RADAR_ROW, "valued_by_committee": "on"}
    response = client.post(url, _form_data("Valued", today() + DAY, [valued]))
    assert response.status_code == 400
    assert "states no amount" in response.content.decode()
    empty = client.post(url, _form_data("Empty", today() + DAY, []))
    assert empty.status_code == 400
    assert "at least one entry" in empty.content.decode()
    tampered = client.post(url, {"title": "No management form"})
    assert tampered.status_code == 400
    flood = {**_form_data("Flood", today() + DAY, [RADAR_ROW]), "form-TOTAL_FORMS": "100000"}
    assert client.post(url, flood).status_code == 400
    assert Schedule.objects.count() == 1


def test_the_proposer_revises_through_the_page_and_no_one_else_may(
    client: Client, chair: Persona, member: Persona
) -> None:
    schedule = _propose(chair)
    url = reverse("rewards:schedule_revise", args=[schedule.approval_id])
    other = log_in(Client(), member)
    assert other.get(url).status_code == 403
    log_in(client, chair)
    page = client.get(url)
    assert page.status_code == 200
    assert 'value="defect-radar"' in page.content.decode()
    assert client.post(url, _form_data("Revised", today() + 11 * DAY, [RADAR_ROW])).status_code == 302
    schedule.refresh_from_db()
    assert schedule.title == "Revised"
    assert client.get(url).status_code == 404  # the old request is withdrawn; the new one has its own address


def test_finance_reads_the_schedules_but_cannot_change_them(
    client: Client, chair: Persona, finance: Persona
) -> None:
    schedule = _propose(chair)
    log_in(client, finance)
    assert client.get(reverse("rewards:schedules")).status_code == 200
    assert client.get(reverse("rewards:schedule_propose")).status_code == 403
    assert (
        client.post(reverse("rewards:schedule_propose"), _form_data("x", today(), [RADAR_ROW])).status_code
        == 403
    )
    refused = client.post(_decide_url(schedule), {"decision": "approve"})
    assert refused.status_code == 403
    assert "Your role does not allow this" in refused.content.decode()  # turned away at the door
    assert Schedule.objects.filter(published=True).count() == 1


def test_a_handler_gets_403_everywhere(client: Client, chair: Persona, handler: Persona) -> None:
    schedule = _propose(chair)
    log_in(client, handler)
    assert client.get(reverse("rewards:schedules")).status_code == 403
    assert client.get(reverse("rewards:schedule_propose")).status_code == 403
    refused = client.post(_decide_url(schedule), {"decision": "approve"})
    assert refused.status_code == 403
    assert "Your role does not allow this" in refused.content.decode()
    assert not Schedule.objects.get(pk=schedule.pk).published


def test_anonymous_goes_to_login_wrong_method_is_405_unknown_proposal_404(
    client: Client, chair: Persona
) -> None:
    schedule = _propose(chair)
    login = reverse("accounts:login")
    for response in (
        client.get(reverse("rewards:schedules")),
        client.get(reverse("rewards:schedule_propose")),
        client.post(_decide_url(schedule), {"decision": "approve"}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(login)
    log_in(client, chair)
    assert client.post(reverse("rewards:schedules")).status_code == 405
    assert client.get(_decide_url(schedule)).status_code == 405
    assert client.put(reverse("rewards:schedule_propose")).status_code == 405
    unknown = reverse("rewards:schedule_decide", args=["00000000-0000-4000-8000-000000000000"])
    assert client.post(unknown, {"decision": "approve"}).status_code == 404
    assert client.post(_decide_url(schedule), {"decision": "maybe"}).status_code == 400


def test_posts_need_the_csrf_token(client: Client, chair: Persona, member: Persona) -> None:
    schedule = _propose(chair)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = log_in(client, member).cookies
    for response in (
        strict.post(_decide_url(schedule), {"decision": "approve"}),
        strict.post(
            reverse("rewards:schedule_propose"), _form_data("No token", today() + 3 * DAY, [RADAR_ROW])
        ),
    ):
        assert response.status_code == 403
        assert "This form has expired" in response.content.decode()
    assert not Schedule.objects.get(pk=schedule.pk).published
    assert not Schedule.objects.filter(title="No token").exists()


# --- The enquirer's landing page -------------------------------------------------------------------------


def test_the_landing_page_shows_a_new_version_from_its_day_not_before(
    client: Client, chair: Persona, member: Persona
) -> None:
    tomorrow = _propose(chair, today() + DAY)
    decide_schedule(tomorrow, approve=True, actor=member.user)
    for url, text in (("/", NEW_MY), ("/en/", NEW_EN)):
        page = client.get(url)
        assert page.status_code == 200
        assert text not in page.content.decode()
    assert "500,000" in client.get("/en/").content.decode()  # still the 2022 schedule


def test_the_landing_page_shows_a_version_published_for_today(
    client: Client, chair: Persona, member: Persona
) -> None:
    schedule = _propose(chair, today())
    for url, text in (("/", NEW_MY), ("/en/", NEW_EN)):
        assert text not in client.get(url).content.decode()  # proposed is not published
    decide_schedule(schedule, approve=True, actor=member.user)
    for url, text in (("/", NEW_MY), ("/en/", NEW_EN)):
        body = client.get(url).content.decode()
        assert text in body
        # The Burmese landing page writes amounts in Myanmar digits.
        digits = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉") if url == "/" else {}
        assert "250,000".translate(digits) in body
        assert "1,000,000,000".translate(digits) in body
    assert "600,000" in client.get("/en/").content.decode()
