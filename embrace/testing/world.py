"""A small programme for access tests: two intake teams, one person per role, and two cases walked through
the real lifecycle, each compartment holding a distinctive plaintext marker.

Everything is made through the same actions the application uses (``submit_enquiry``, ``assign_case``, the
lifecycle, vetting and passage actions), so who holds which key is decided by the vault as in production,
not by this module. Tests then ask the vault (``Grant``) who holds what and compare with what pages show.
"""

from __future__ import annotations

import datetime
import io
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.test import Client
from PIL import Image

from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.cases import identity
from embrace.cases.actions import Photo, assign_case
from embrace.cases.lifecycle import decide_transition, request_transition
from embrace.cases.models import Case, Dependant, Status
from embrace.intake.actions import submit_enquiry
from embrace.intake.models import IntakeRoute
from embrace.passage import actions as passage
from embrace.rewards import claims, funds, payments, schedules, stipend_rates, stipends
from embrace.rewards.models import (
    Claim,
    EvidencePhoto,
    FinanceFile,
    Journal,
    Payment,
    Stipend,
    StipendRate,
    Tranche,
    TrancheCondition,
)
from embrace.testing.personas import PASSWORD, Persona, log_in, make_persona
from embrace.vault.keyring import Keyring, unlock_with_password
from embrace.vault.models import Compartment, Grant, GroupGrant
from embrace.vetting import actions as vetting
from embrace.vetting.flags import Flag
from embrace.vetting.models import CheckDefinition, Verdict

# Team A holds one person in every role; team B an outsider handler, intake officer and reviewer (the
# second, independent vetting sign-off); a courier plans passages in a passage team of their own.
PERSONAS: dict[str, tuple[tuple[Role, ...], str]] = {
    "admin_a": ((Role.ADMINISTRATOR,), "A"),
    "intake_a": ((Role.INTAKE_OFFICER,), "A"),
    "handler_a": ((Role.HANDLER,), "A"),
    "reviewer_a": ((Role.VETTING_REVIEWER,), "A"),
    "custodian_a": ((Role.CUSTODIAN,), "A"),
    "committee_a": ((Role.REWARD_COMMITTEE,), "A"),
    "finance_a": ((Role.FINANCE,), "A"),
    "analyst_a": ((Role.ANALYST,), "A"),
    "auditor_a": ((Role.AUDITOR,), "A"),
    "handler_b": ((Role.HANDLER,), "B"),
    "intake_b": ((Role.INTAKE_OFFICER,), "B"),
    "reviewer_b": ((Role.VETTING_REVIEWER,), "B"),
    "courier_p": ((Role.HANDLER,), "P"),
    # A claim takes a valuer and two more committee members, and finance to pay it.
    "committee_b": ((Role.REWARD_COMMITTEE,), "B"),
    "committee_p": ((Role.REWARD_COMMITTEE,), "P"),
    "finance_b": ((Role.FINANCE,), "B"),
}


def marker(case_label: str, what: str) -> str:
    # Random per run: a marker can only be on a page because it was decrypted there, never by coincidence.
    return f"MARKER-{what.upper()}-{case_label}-{secrets.token_hex(6)}"


@dataclass
class WorldCase:
    label: str
    case: Case
    # Case B's enquirer has not said who they are, nor named family: its identity is empty but still keyed.
    dependant: Dependant | None
    flag: Flag | None
    # Compartment kind → the compartment and the plaintexts sealed into it.
    compartments: dict[str, Compartment] = field(default_factory=dict)
    markers: dict[str, list[str]] = field(default_factory=dict)

    def readers(self, kind: str) -> set[str]:
        """Ids of the users holding any generation of this compartment's key, as the vault records it: by a
        grant of their own, or through a group key generation it is sealed to."""
        grants = Grant.objects.filter(key__compartment=self.compartments[kind])
        direct = grants.filter(user__isnull=False).values_list("user_id", flat=True)
        through = GroupGrant.objects.filter(key__in=grants.values("group_key_id")).values_list(
            "user_id", flat=True
        )
        return {str(u) for u in direct} | {str(u) for u in through}


@dataclass
class WorldRewards:
    claim: Claim
    tranche: Tranche
    payment: Payment
    stipend: Stipend
    donation: Journal
    # A schedule change waiting for a second committee member.
    schedule_request: Approval
    # A stipend rate from next month, waiting for a second committee member.
    rate: StipendRate
    # The photo of the claim's evidence, sealed to case A's finance file.
    photo: EvidencePhoto


@dataclass
class World:
    teams: dict[str, Team]
    personas: dict[str, Persona]
    cases: dict[str, WorldCase]
    # A custodian may decide it: the handler of case A asks for its identity.
    reveal_request: Approval
    # A handler may decide it: team B's reviewer asks for case B's passage.
    passage_request: Approval
    # An account for the administrator's pages to edit (an empty POST there deactivates it).
    spare: User
    # Case A's reward claim, valued, its one tranche approved and paid; a stipend proposed for case A.
    rewards: WorldRewards

    def user(self, name: str) -> User:
        return self.personas[name].user

    def keyring(self, name: str) -> Keyring:
        persona = self.personas[name]
        return unlock_with_password(persona.user, persona.password)

    def clients(self) -> dict[str, Client]:
        """Every persona logged in through the real password and TOTP views, one client each."""
        return {name: log_in(Client(raise_request_exception=False), p) for name, p in self.personas.items()}


def _tiny_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 90, 0)).save(out, "JPEG")
    return out.getvalue()


def _enquire(team: Team, label: str, *, identified: bool) -> tuple[Case, dict[str, list[str]]]:
    # Only this team's route is open, so the enquiry lands there, sealed to its intake officers.
    IntakeRoute.objects.update(active=False)
    IntakeRoute.objects.create(team=team)
    body, name = marker(label, "body"), marker(label, "identity")
    # Case A's enquirer sends a photo, so the staff photo page has something to serve or refuse.
    photo = Photo(_tiny_jpeg(), "image/jpeg", 8, 8) if identified else None
    case, _receipt = submit_enquiry(
        {"text": body, "kind": "leave_alone"},
        {"name": name, "unit": "Light Infantry"} if identified else {},
        [photo] if photo else [],
        token=secrets.token_hex(8),
        quarantine=False,
    )
    return case, {"body": [body], "identity": [name] if identified else []}


def _vet(world_case: WorldCase, first: User, second: User) -> None:
    """Evidence, a plant flag raised by one reviewer and cleared by the other, and both sign-offs."""
    case, label = world_case.case, world_case.label
    notes = [marker(label, f"vetting{i}") for i in range(4)]
    definition = CheckDefinition.objects.filter(active=True).order_by("position").first()
    assert definition is not None, "the seeded checklist is missing"
    vetting.record_check(case, definition, "pass", notes[0], actor=first)
    first_keys, second_keys = unlock_with_password(first, PASSWORD), unlock_with_password(second, PASSWORD)
    flag = vetting.raise_plant_flag(case, notes[1], actor=first, keyring=first_keys)
    world_case.flag = vetting.clear_plant_flag(case, flag.pk, notes[2], actor=second, keyring=second_keys)
    vetting.sign_off(case, Verdict.GENUINE, notes[3], actor=first, keyring=first_keys)
    vetting.sign_off(case, Verdict.GENUINE, notes[3], actor=second, keyring=second_keys)
    world_case.markers["vetting"] = notes
    world_case.compartments["vetting"] = vetting.vetting_compartment(case, actor=first)


def _case(
    world: dict[str, Persona], team: Team, label: str, intake: str, handler: str, *, identified: bool
) -> tuple[WorldCase, Keyring]:
    case, markers = _enquire(team, label, identified=identified)
    intake_keyring = unlock_with_password(world[intake].user, world[intake].password)
    assign_case(case, world[handler].user, actor=world[intake].user, keyring=intake_keyring)
    request_transition(case, "start_triage", actor=world[intake].user)
    request_transition(case, "refer_for_vetting", actor=world[intake].user)
    case = Case.objects.get(pk=case.pk)
    dependant = None
    if identified:
        custodian = world["custodian_a"]
        custodian_keyring = unlock_with_password(custodian.user, custodian.password)
        family = marker(label, "dependant")
        dependant = identity.record_dependant(
            case,
            relation="spouse",
            details={"name": family, "location": "Hpa-an", "risk": "high", "plan": ""},
            actor=custodian.user,
            keyring=custodian_keyring,
        )
        markers["identity"].append(family)
    world_case = WorldCase(
        label=label,
        case=case,
        dependant=dependant,
        flag=None,
        compartments={"body": case.body, "identity": case.identity},
        markers=markers,
    )
    return world_case, intake_keyring


def build_world() -> World:
    teams = {label: Team.objects.create(name=f"Team {label}") for label in ("A", "B", "P")}
    personas = {
        name: make_persona(name, *roles, teams=(teams[team],)) for name, (roles, team) in PERSONAS.items()
    }
    # In no team and no casework role, so that it holds no key the tables below do not list.
    spare = make_persona("spare", Role.ANALYST).user

    def user(name: str) -> User:
        return personas[name].user

    case_a, _ = _case(personas, teams["A"], "A", "intake_a", "handler_a", identified=True)
    case_b, _ = _case(personas, teams["B"], "B", "intake_b", "handler_b", identified=False)
    _vet(case_a, user("reviewer_a"), user("reviewer_b"))
    _vet(case_b, user("reviewer_b"), user("reviewer_a"))

    # Case A: passage approved by two people, a plan sealed to the passage team, then planned.
    asked = request_transition(case_a.case, "approve_passage", actor=user("reviewer_a"))
    assert isinstance(asked, Approval)
    decide_transition(asked, approve=True, actor=user("handler_a"))
    plan = passage.open_passage(case_a.case, teams["P"], actor=user("handler_a"))
    route = marker("A", "passage")
    passage.add_plan_entry(plan, {"kind": "route", "text": route}, actor=user("courier_p"))
    request_transition(case_a.case, "plan_passage", actor=user("handler_a"))
    assert plan.compartment is not None
    case_a.compartments["passage"] = plan.compartment
    case_a.markers["passage"] = [route]
    case_a.case = Case.objects.get(pk=case_a.case.pk)
    assert case_a.case.status == Status.PASSAGE_PLANNED

    # Case B waits in vetting for a handler to approve its passage.
    passage_request = request_transition(case_b.case, "approve_passage", actor=user("reviewer_b"))
    assert isinstance(passage_request, Approval)
    case_b.case = Case.objects.get(pk=case_b.case.pk)
    reveal_request = identity.request_reveal(case_a.case, actor=user("handler_a"), reason="to plan the route")
    rewards = _reward(case_a, user)

    return World(
        teams=teams,
        personas=personas,
        cases={"A": case_a, "B": case_b},
        reveal_request=reveal_request,
        passage_request=passage_request,
        spare=spare,
        rewards=rewards,
    )


def _reward(case_a: WorldCase, user: Callable[[str], User]) -> WorldRewards:
    """Case A arrives and claims a helicopter: valued by committee_a, its tranche asked by committee_b and
    approved by committee_p, paid by finance_a; a stipend for the month; a schedule change proposed."""
    for step in ("begin_transit", "record_arrival"):
        request_transition(case_a.case, step, actor=user("handler_a"))
    case_a.case = Case.objects.get(pk=case_a.case.pk)
    asset, evidence = marker("A", "finance-asset"), marker("A", "finance-evidence")
    claim = claims.open_claim(case_a.case, actor=user("handler_a"))
    claims.add_item(
        claim,
        entry_code="defect-aircraft-or-vessel",
        act_on=datetime.date(2023, 3, 1),
        asset_kind="tail",
        asset_number=asset,
        description="a helicopter",
        evidence=evidence,
        photos=[Photo(_tiny_jpeg(), "image/jpeg", 8, 8)],
        actor=user("handler_a"),
    )
    claims.submit_claim(claim, actor=user("handler_a"))
    item = claim.items.get()
    committee = user("committee_a")
    claims.value_claim(
        claim,
        {str(item.pk): 50_000_000},
        [claims.TranchePlan(TrancheCondition.ARRIVAL, 50_000_000)],
        actor=committee,
        keyring=unlock_with_password(committee, PASSWORD),
    )
    tranche = claim.tranches.get()
    claims.ask_tranche(tranche, actor=user("committee_b"))
    claims.decide_tranche(tranche, approve=True, actor=user("committee_p"))
    donation = funds.record_donation(
        100_000_000, "USD", memo="donor D-1", actor=user("finance_a"), on=datetime.date.today()
    )
    channel = payments.HowPaid("USD", Decimal(1), "", "HW-1")
    payment = payments.pay_tranche_share(tranche, case_a.case, channel, actor=user("finance_a"))
    stipends.propose_stipends(datetime.date.today().replace(day=1))
    stipend = Stipend.objects.get(case=case_a.case)
    schedule = schedules.propose_schedule(
        "Revised schedule",
        datetime.date.today() + datetime.timedelta(days=30),
        datetime.date.today(),
        [
            schedules.EntryDraft(
                code="defect-aircraft-or-vessel",
                title_en="Defect with a military aircraft or a navy vessel",
                title_my="စစ်လေယာဉ် သို့မဟုတ် ရေတပ်သင်္ဘောနှင့်အတူ ကူးပြောင်းလာခြင်း",
                amount_usd=Decimal(600000),
            )
        ],
        actor=committee,
    )
    assert schedule.approval is not None
    next_month = (datetime.date.today().replace(day=1) + datetime.timedelta(days=31)).replace(day=1)
    rate = stipend_rates.propose_rate(next_month, "MMK", 350_000_00, 120_000_00, actor=committee)
    case_a.compartments["finance"] = FinanceFile.objects.get(case=case_a.case).compartment
    case_a.markers["finance"] = [asset, evidence]
    tranche.refresh_from_db()
    photo = EvidencePhoto.objects.get(item__claim=claim)
    return WorldRewards(claim, tranche, payment, stipend, donation, schedule.approval, rate, photo)
