"""Suspected-plant flags live in the vetting compartment (issue 9, item 10), and the vetting page says who
asks for passage next, with the button for whoever may ask and links only where the viewer can go
(issue 10)."""

from __future__ import annotations

import base64
import datetime
import json
import secrets

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.cases.lifecycle import request_transition
from embrace.cases.models import Case, Status
from embrace.intake.actions import submit_enquiry
from embrace.testing.personas import PASSWORD, Persona, log_in, make_persona
from embrace.vault import crypto
from embrace.vault.keyring import unlock_with_password
from embrace.vetting import actions
from embrace.vetting.models import CaseVetting, CheckDefinition
from embrace.vetting.queries import passage_may_be_requested

pytestmark = [pytest.mark.usefixtures("intake_route")]

FLAG_NOTE = "FLAG-REASON-3318 asked about the base layout"


@pytest.fixture
def case(intake_officer: Persona) -> Case:
    case, _ = submit_enquiry({"text": "t"}, {}, [], token=secrets.token_hex(8), quarantine=False)
    for step in ("start_triage", "refer_for_vetting"):
        request_transition(case, step, actor=intake_officer.user)
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def other_case(intake_officer: Persona) -> Case:
    case, _ = submit_enquiry({"text": "u"}, {}, [], token=secrets.token_hex(8), quarantine=False)
    for step in ("start_triage", "refer_for_vetting"):
        request_transition(case, step, actor=intake_officer.user)
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def team_reviewers(intake_team: Team) -> list[Persona]:
    return [make_persona(f"team_rev{i}", Role.VETTING_REVIEWER, teams=(intake_team,)) for i in (1, 2)]


def _keys(persona: Persona):  # type: ignore[no-untyped-def]
    return unlock_with_password(persona.user, persona.password)


def _raw_vetting_row(case: Case) -> dict[str, object]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM vetting_casevetting WHERE case_id = %s", [case.pk.hex])
        names = [c[0] for c in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


# --- Sealed flags -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_clear_columns_say_only_whether_a_flag_stands(
    case: Case, other_case: Case, team_reviewers: list[Persona]
) -> None:
    first, second = team_reviewers
    # other_case is vetted but never flagged; case is flagged by one reviewer and cleared by the other.
    definition = CheckDefinition.objects.filter(active=True).first()
    assert definition is not None
    actions.record_check(other_case, definition, "pass", "seen", actor=first.user)
    flag = actions.raise_plant_flag(case, FLAG_NOTE, actor=first.user, keyring=_keys(first))
    flagged = _raw_vetting_row(case)
    assert flagged["plant_flag_stands"] in (1, True)
    actions.clear_plant_flag(case, flag.pk, "confirmed by his unit", actor=second.user, keyring=_keys(second))
    cleared, never = _raw_vetting_row(case), _raw_vetting_row(other_case)
    assert cleared["plant_flag_stands"] in (0, False)
    # No table of flags is left, and the clear columns carry no raiser, clearer, date or flag id.
    tables = connection.introspection.table_names()
    assert not [t for t in tables if "plantflag" in t]
    clear = " ".join(str(v) for k, v in cleared.items() if k != "plant_flags")
    for secret in (first.user.pk.hex, str(first.user.pk), second.user.pk.hex, str(flag.pk), flag.pk.hex):
        assert secret not in clear
    log = bytes(cleared["plant_flags"])  # type: ignore[arg-type]
    for secret in (FLAG_NOTE, str(first.user.pk), str(flag.pk), flag.raised_on.isoformat()):
        assert secret.encode() not in log
    # A case flagged and cleared looks like one never flagged: same columns, same envelope length.
    assert len(log) == len(bytes(never["plant_flags"]))  # type: ignore[arg-type]
    opened = _keys(first).open(log).decode()
    assert FLAG_NOTE in opened
    assert str(second.user.pk) in opened


@pytest.mark.django_db
def test_the_passage_gate_reads_the_clear_yes_no(case: Case, team_reviewers: list[Persona]) -> None:
    first, second = team_reviewers
    for reviewer in team_reviewers:
        actions.sign_off(case, "genuine", "ok", actor=reviewer.user, keyring=_keys(reviewer))
    assert passage_may_be_requested(case)[0]
    flag = actions.raise_plant_flag(case, FLAG_NOTE, actor=first.user, keyring=_keys(first))
    assert not passage_may_be_requested(case)[0]
    with pytest.raises(Exception, match="suspected-plant flag"):
        request_transition(case, "approve_passage", actor=second.user)
    actions.clear_plant_flag(case, flag.pk, "cleared", actor=second.user, keyring=_keys(second))
    assert passage_may_be_requested(case)[0]


# Transactional: SQLite cannot turn foreign-key checks off for schema changes inside a test transaction.
@pytest.mark.django_db(transaction=True)
def test_existing_flags_move_into_the_sealed_log_by_the_migration() -> None:
    before = [("vetting", "0003_seal_results_and_verdicts")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    today = datetime.date.today()
    public, private = crypto.generate_keypair()

    def compartment(kind: str):  # type: ignore[no-untyped-def]
        made = old.get_model("vault", "Compartment").objects.create(kind=kind)
        old.get_model("vault", "CompartmentKey").objects.create(
            compartment=made, version=1, public_key=public
        )
        return made

    key = old.get_model("vault", "CompartmentKey")
    team = old.get_model("accounts", "Team").objects.create(name="Old team")
    user_model = old.get_model("accounts", "User")
    raiser, clearer = (
        user_model.objects.get(pk=User.objects.create(username=f"old{i}", password=PASSWORD).pk)
        for i in (1, 2)
    )
    rows = {}
    for label in ("standing", "cleared", "never"):
        case = old.get_model("cases", "Case").objects.create(
            reference=label.upper()[:8],
            status="vetting",
            team=team,
            opened_on=today,
            last_enquirer_on=today,
            body=compartment("body"),
            identity=compartment("identity"),
        )
        vetting = compartment("vetting")
        old.get_model("vetting", "CaseVetting").objects.create(case=case, compartment=vetting)
        rows[label] = (case, key.objects.get(compartment=vetting))
    flag_model = old.get_model("vetting", "PlantFlag")
    standing_case, standing_key = rows["standing"]
    note = crypto.seal_message(public, standing_key.pk, b"OLD-REASON-1")
    flag_model.objects.create(case=standing_case, raised_by=raiser, raised_on=today, note=note)
    cleared_case, cleared_key = rows["cleared"]
    flag_model.objects.create(
        case=cleared_case,
        raised_by=raiser,
        raised_on=today,
        note=crypto.seal_message(public, cleared_key.pk, b"OLD-REASON-2"),
        active=False,
        cleared_by=clearer,
        cleared_on=today,
        cleared_note=crypto.seal_message(public, cleared_key.pk, b"OLD-CLEARED-2"),
    )

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    def log(label: str) -> tuple[bool, list[dict[str, object]], int]:
        row = CaseVetting.objects.get(case_id=rows[label][0].pk)
        envelope = bytes(row.plant_flags)
        return row.plant_flag_stands, json.loads(crypto.open_message(private, envelope)), len(envelope)

    stands, flags, size = log("standing")
    assert stands
    assert flags[0]["raised_by"] == str(raiser.pk)
    sealed_note = base64.b64decode(flags[0]["note"]["sealed"])  # type: ignore[index]
    assert crypto.open_message(private, sealed_note) == b"OLD-REASON-1"
    stands, flags, cleared_size = log("cleared")
    assert not stands
    assert flags[0]["cleared_by"] == str(clearer.pk)
    stands, flags, never_size = log("never")
    assert not stands
    assert flags == []
    assert size == cleared_size == never_size


# --- Passage, after vetting -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_after_two_sign_offs_a_team_reviewer_asks_for_passage_by_clicking(
    case: Case, team_reviewers: list[Persona], handler: Persona
) -> None:
    first = team_reviewers[0]
    for reviewer in team_reviewers:
        actions.sign_off(case, "genuine", "ok", actor=reviewer.user, keyring=_keys(reviewer))
    client = log_in(Client(), first)
    page = client.get(reverse("vetting:case", args=[case.pk])).content.decode()
    assert "Ask for passage" in page
    response = client.post(reverse("vetting:request_passage", args=[case.pk]), {"reason": "ready to move"})
    assert response.status_code == 302
    approval = Approval.objects.get(action="case.approve_passage")
    assert approval.requested_by_id == first.user.pk
    assert approval.reason == "ready to move"
    after = client.get(reverse("vetting:case", args=[case.pk])).content.decode()
    assert "Ask for passage" not in after
    assert "a handler of team" in after
    # Asking twice is refused with a message, never a 500.
    again = client.post(reverse("vetting:request_passage", args=[case.pk]), {"reason": ""})
    assert again.status_code == 400
    assert Approval.objects.filter(action="case.approve_passage").count() == 1
    # The case stays in vetting until a handler of its team approves.
    assert Case.objects.get(pk=case.pk).status == Status.VETTING


@pytest.mark.django_db
def test_passage_cannot_be_asked_for_before_vetting_clears(case: Case, team_reviewers: list[Persona]) -> None:
    client = log_in(Client(), team_reviewers[0])
    page = client.get(reverse("vetting:case", args=[case.pk])).content.decode()
    assert "Ask for passage" not in page
    assert "may not be requested yet" in page
    response = client.post(reverse("vetting:request_passage", args=[case.pk]), {"reason": ""})
    assert response.status_code == 400
    assert not Approval.objects.filter(action="case.approve_passage").exists()


@pytest.mark.django_db
def test_a_reviewer_of_another_team_is_told_who_asks_and_gets_no_dead_links(
    case: Case, team_reviewers: list[Persona]
) -> None:
    for reviewer in team_reviewers:
        actions.sign_off(case, "genuine", "ok", actor=reviewer.user, keyring=_keys(reviewer))
    stranger = make_persona("stranger_reviewer", Role.VETTING_REVIEWER)
    client = log_in(Client(), stranger)
    page = client.get(reverse("vetting:case", args=[case.pk])).content.decode()
    assert "Ask for passage" not in page
    assert "asks for passage" in page
    # The case page would be a 404 for them: the vetting page does not link to it.
    case_url = reverse("cases:detail", args=[case.pk])
    assert client.get(case_url).status_code == 404
    assert case_url not in page
    response = client.post(reverse("vetting:request_passage", args=[case.pk]), {"reason": ""})
    assert response.status_code == 400
    assert not Approval.objects.filter(action="case.approve_passage").exists()


@pytest.mark.django_db
def test_the_case_link_shows_only_to_a_reviewer_whose_keys_open_the_case(
    case: Case, intake_team: Team, team_reviewers: list[Persona]
) -> None:
    case_url = reverse("cases:detail", args=[case.pk])
    # A team reviewer sees the case in lists but holds no key to its conversation (the page is a 403).
    keyless = log_in(Client(), team_reviewers[0])
    assert keyless.get(case_url).status_code == 403
    assert case_url not in keyless.get(reverse("vetting:case", args=[case.pk])).content.decode()
    # An intake officer of the team who also reviews holds the conversation's key: the link is there, works.
    both = make_persona("intake_reviewer", Role.INTAKE_OFFICER, Role.VETTING_REVIEWER, teams=(intake_team,))
    client = log_in(Client(), both)
    assert case_url in client.get(reverse("vetting:case", args=[case.pk])).content.decode()
    assert client.get(case_url).status_code == 200


@pytest.mark.django_db
def test_a_burmese_reviewer_reads_the_vetting_page_in_burmese(case: Case, intake_team: Team) -> None:
    reviewer = make_persona("burmese_reviewer", Role.VETTING_REVIEWER, teams=(intake_team,), language="my")
    page = log_in(Client(), reviewer).get(reverse("vetting:case", args=[case.pk])).content.decode()
    for burmese in ("စစ်ဆေးစာရင်း", "အတည်ပြုလက်မှတ် ထိုးရန်", "စေလွှတ်ခံဟု သံသယ", "ထွက်ခွာလာရေးခရီး"):
        assert burmese in page
    for english in ("Checklist", "Sign off", "Suspected plant", "Passage may not be requested yet."):
        assert f">{english}<" not in page
        assert english not in page
