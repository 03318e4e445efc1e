"""One case's whole life through the staff pages: enquiry, triage, assignment, conversation, identity reveal,
vetting by two reviewers, passage approved by two people, passage plan, arrival, and the automatic
destruction of the passage compartment — with the audit log checked at every step."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.audit.events import Event
from embrace.audit.log import verify_chain
from embrace.audit.models import AuditEntry
from embrace.cases.models import Case, Status
from embrace.core.tasks import housekeeping
from embrace.intake.models import IntakeRoute
from embrace.intake.tests.helpers import form_token, receipt_on
from embrace.passage.models import PassagePlan, PlanEntry
from embrace.retention.models import Rule, RuleKey
from embrace.testing.personas import log_in, make_persona
from embrace.vault.models import CompartmentKey
from embrace.vetting.models import CheckDefinition

pytestmark = pytest.mark.django_db(transaction=True)

MESSAGE = "JOURNEY-MESSAGE ကျွန်တော် မိသားစုနဲ့ ထွက်ချင်ပါတယ်"
UNIT = "JOURNEY-UNIT-ခမရ-၇၇"
ROUTE = "JOURNEY-ROUTE meet at the second bridge"


class Log:
    """Audit entries since the last look, so each step can say what it must have written."""

    def __init__(self) -> None:
        self.seen = AuditEntry.objects.count()

    def new(self) -> list[str]:
        events = list(AuditEntry.objects.order_by("seq").values_list("event", flat=True)[self.seen :])
        self.seen += len(events)
        return events


def _ok(response, status: int = 302) -> None:
    assert response.status_code == status, response.content.decode()[:800]


def test_a_case_from_first_message_to_destroyed_passage_plan(settings, intake_team: Team) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    # The passage plan's retention rule: destroyed on the day of arrival.
    Rule.objects.current()
    Rule.objects.filter(key=RuleKey.PASSAGE).update(days=0)
    passage_team = Team.objects.create(name="Passage")
    intake = make_persona("intake", Role.INTAKE_OFFICER, teams=(intake_team,))
    handler = make_persona("handler", Role.HANDLER, teams=(intake_team, passage_team))
    second_handler = make_persona("senior", Role.HANDLER, teams=(intake_team,))
    reviewers = [make_persona(f"reviewer{i}", Role.VETTING_REVIEWER, teams=(intake_team,)) for i in (1, 2)]
    custodians = [make_persona(f"custodian{i}", Role.CUSTODIAN) for i in (1, 2)]
    IntakeRoute.objects.create(team=intake_team)
    log = Log()

    # 1. The enquirer writes; nothing about it reaches the audit log (exact times are never kept for them).
    enquirer = Client()
    page = enquirer.post(
        "/enquire/",
        {
            "token": form_token(enquirer, "/enquire/"),
            "kind": "leave_family",
            "message": MESSAGE,
            "unit": UNIT,
            "reply_via": "site",
        },
    )
    _ok(page, 200)
    receipt = receipt_on(page.content.decode())
    case = Case.objects.get()
    assert log.new() == []

    # 2. Triage and assignment by the intake officer.
    staff = {
        p.user.username: log_in(Client(), p)
        for p in [intake, handler, second_handler, *reviewers, *custodians]
    }
    inbox = staff["intake"].get(reverse("cases:inbox")).content.decode()
    assert MESSAGE in inbox
    _ok(staff["intake"].post(reverse("cases:step", args=[case.pk]), {"name": "start_triage"}))
    assert log.new()[-1] == Event.CASE_TRANSITION
    _ok(staff["intake"].post(reverse("cases:assign", args=[case.pk]), {"handler": handler.user.pk}))
    assert Event.ACCESS_GRANTED in (events := log.new())
    assert events[-1] == Event.CASE_ASSIGNED

    # 3. Conversation: the handler writes, the enquirer reads it with the receipt and answers.
    _ok(staff["handler"].post(reverse("cases:reply", args=[case.pk]), {"text": "JOURNEY-REPLY we can help"}))
    assert log.new() == [Event.CASE_MESSAGE_SENT]
    thread = enquirer.post("/return/", {"receipt": receipt}).content.decode()
    assert "JOURNEY-REPLY" in thread
    visit = re.search(r'name="visit" value="([^"]+)"', thread).group(1)
    token = re.search(r'name="token" value="([^"]+)"', thread).group(1)
    _ok(enquirer.post("/return/reply/", {"visit": visit, "token": token, "message": "JOURNEY-ANSWER"}), 200)
    assert "JOURNEY-ANSWER" in staff["handler"].get(reverse("cases:detail", args=[case.pk])).content.decode()
    # The enquirer's side leaves nothing; the handler's reading of the conversation is recorded.
    assert log.new() == [Event.CONVERSATION_READ]

    # 4. Identity: the handler cannot read it, asks; a custodian approves; now the handler reads it.
    identity_url = reverse("identity:detail", args=[case.pk])
    assert staff["handler"].get(identity_url).status_code == 403
    _ok(
        staff["handler"].post(
            reverse("identity:request", args=[case.pk]), {"reason": "to plan the family's way"}
        )
    )
    assert log.new() == [Event.APPROVAL_REQUESTED]
    reveal = Approval.objects.get(requested_by=handler.user)
    _ok(staff["custodian1"].post(reverse("identity:decide", args=[reveal.pk]), {"decision": "approve"}))
    assert {Event.APPROVAL_APPROVED, Event.ACCESS_GRANTED, Event.REVEAL} <= set(log.new())
    identity_page = staff["handler"].get(identity_url)
    assert identity_page.status_code == 200
    assert UNIT in identity_page.content.decode()
    assert log.new() == [Event.IDENTITY_READ]

    # 5. Vetting: the intake officer refers; two reviewers record checks and sign off.
    _ok(staff["intake"].post(reverse("cases:step", args=[case.pk]), {"name": "refer_for_vetting"}))
    assert log.new()[-1] == Event.CASE_TRANSITION
    check = CheckDefinition.objects.order_by("position").first()
    for reviewer in reviewers:
        client = staff[reviewer.user.username]
        _ok(
            client.post(
                reverse("vetting:record_check", args=[case.pk]),
                {"definition": check.pk, "result": "pass", "evidence": "JOURNEY-EVIDENCE video call"},
            )
        )
        _ok(
            client.post(
                reverse("vetting:sign_off", args=[case.pk]), {"verdict": "genuine", "note": "consistent"}
            )
        )
        assert log.new()[-2:] == [Event.VETTING_CHECK_RECORDED, Event.VETTING_SIGNED_OFF]
    assert AuditEntry.objects.filter(event=Event.VETTING_SIGNED_OFF).count() == 2

    # 6. Passage approved by two people: a reviewer asks, another handler approves.
    _ok(
        staff["reviewer1"].post(
            reverse("cases:step", args=[case.pk]), {"name": "approve_passage", "reason": "two sign-offs"}
        )
    )
    assert Case.objects.get(pk=case.pk).status == Status.VETTING
    assert log.new() == [Event.APPROVAL_REQUESTED]
    approval = Approval.objects.get(action="case.approve_passage")
    _ok(staff["senior"].post(reverse("cases:decide", args=[approval.pk]), {"decision": "approve"}))
    assert log.new() == [Event.APPROVAL_APPROVED, Event.CASE_TRANSITION]
    assert Case.objects.get(pk=case.pk).status == Status.PASSAGE_APPROVED

    # 7. The passage plan, for the passage team only.
    _ok(staff["handler"].post(reverse("passage:open", args=[case.pk]), {"team": passage_team.pk}))
    assert Event.PASSAGE_OPENED in log.new()
    _ok(
        staff["handler"].post(
            reverse("passage:add_entry", args=[case.pk]), {"kind": "segment", "text": ROUTE}
        )
    )
    assert log.new() == [Event.PASSAGE_ENTRY_ADDED]
    assert ROUTE in staff["handler"].get(reverse("passage:plan", args=[case.pk])).content.decode()
    assert staff["intake"].get(reverse("passage:plan", args=[case.pk])).status_code in (403, 404)

    # 8. Planned, in transit, arrived: the arrival starts the grace period (0 days here).
    for step in ("plan_passage", "begin_transit", "record_arrival"):
        _ok(staff["handler"].post(reverse("cases:step", args=[case.pk]), {"name": step}))
    assert Case.objects.get(pk=case.pk).status == Status.ARRIVED
    assert log.new()[-2:] == [Event.CASE_TRANSITION, Event.PASSAGE_ARRIVAL_NOTED]

    # 9. Housekeeping destroys the passage compartment's keys and its entries.
    plan = PassagePlan.objects.get(case=case)
    housekeeping.call()
    plan.refresh_from_db()
    assert plan.destroyed_on is not None
    assert not CompartmentKey.objects.filter(compartment=plan.compartment).exists()
    assert not PlanEntry.objects.filter(plan=plan).exists()
    assert {Event.COMPARTMENT_DESTROYED, Event.PASSAGE_DESTROYED} <= set(log.new())
    assert staff["handler"].get(reverse("passage:plan", args=[case.pk])).status_code == 410
    assert verify_chain().ok
