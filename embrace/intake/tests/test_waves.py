"""Flood waves: near-identical new enquiries grouped for the intake team, and moved to quarantine together
by two intake officers of the team, never by one person (administrator included)."""

from __future__ import annotations

import re
import secrets

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.lifecycle import request_transition
from embrace.cases.models import Case, Status
from embrace.cases.waves import group_texts, normal_form
from embrace.intake.actions import submit_enquiry
from embrace.intake.models import WaveRequest
from embrace.testing.language import latin_digits, wording_problems
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

NAMES = ("Aung", "Kyaw", "Min", "Zaw", "Htet", "Naing")
MY_DIGITS = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")


def scripted(i: int) -> str:
    """One copy of a flood's script: the same words, with the number, name, punctuation, capitals and
    spacing changed from copy to copy, as a bot would."""
    number = str(100 + i)
    if i % 3 == 0:
        number = number.translate(MY_DIGITS)
    text = (
        f"Hello, I am {NAMES[i % len(NAMES)]} of battalion {number}. I want to leave the army with my "
        "family; please tell me how to come over and what reward I will get for my rifle."
    )
    if i % 2:
        text = text.upper().replace(",", "").replace(";", " -")
    if i % 5 == 0:
        text = text.replace(" ", "   ")
    return text


GENUINE = (
    "My brother is a sergeant in Sagaing and he is afraid. Can his wife and children come first?",
    "I am a police officer in Mandalay. I have a motorbike and my service pistol. Who do I call?",
    "ကျွန်တော် တပ်ကြပ်ကြီး ဖြစ်ပါတယ်။ မိသားစုနဲ့ အတူ ထွက်ချင်ပါတယ်။ ဘယ်လို ဆက်သွယ်ရမလဲ။",
)


def _enquire(text: str) -> Case:
    return submit_enquiry({"text": text}, {}, [], token=secrets.token_hex(8), quarantine=False)[0]


@pytest.fixture
def flood(intake_officer: Persona) -> tuple[list[Case], list[Case]]:
    wave = [_enquire(scripted(i)) for i in range(30)]
    genuine = [_enquire(text) for text in GENUINE]
    return wave, genuine


@pytest.fixture
def second_officer(intake_team: Team) -> Persona:
    return make_persona("intake2", Role.INTAKE_OFFICER, teams=(intake_team,))


def _ask(client: Client, reason: str = "Thirty copies of one script in an hour") -> int:
    page = client.get(reverse("intake_staff:waves")).content.decode()
    ids = re.search(r'name="cases" value="([^"]+)"', page)
    assert ids, page[:3000]
    return client.post(
        reverse("intake_staff:wave_ask"), {"cases": ids.group(1), "reason": reason}
    ).status_code


def _decide(client: Client, wave: WaveRequest, decision: str = "approve") -> int:
    return client.post(
        reverse("intake_staff:wave_decide", args=[wave.pk]), {"decision": decision}
    ).status_code


def _statuses(cases: list[Case]) -> set[str]:
    return set(Case.objects.filter(pk__in=[c.pk for c in cases]).values_list("status", flat=True))


def test_near_identical_texts_share_a_normal_form_or_most_word_pairs() -> None:
    assert normal_form("Battalion ၁၂၃, HELLO!!  world") == normal_form("battalion 77 hello world")
    texts = [scripted(i) for i in range(30)] + list(GENUINE)
    groups = group_texts(texts)
    assert groups[0] == list(range(30))
    assert all(len(group) == 1 for group in groups[1:])


def test_a_wave_of_thirty_is_one_group_and_the_genuine_enquiries_stay_out(
    intake_officer: Persona, flood: tuple[list[Case], list[Case]]
) -> None:
    wave, genuine = flood
    page = log_in(Client(), intake_officer).get(reverse("intake_staff:waves")).content.decode()
    assert page.count('name="cases"') == 1
    assert "A wave of 30 enquiries" in page
    assert "newest 500 new enquiries" in page
    assert all(case.reference in page for case in wave)
    assert not any(case.reference in page for case in genuine)
    # The grouping was a read of the enquiries' opening words: recorded, by id.
    previews = AuditEntry.objects.filter(event=Event.CASE_PREVIEWS_READ, actor=intake_officer.user.pk).last()
    assert previews is not None
    assert previews.data["count"] == 30


def test_the_inbox_links_to_the_waves_page_only_when_its_page_holds_a_wave(
    intake_officer: Persona, intake_team: Team
) -> None:
    client = log_in(Client(), intake_officer)
    for text in GENUINE:
        _enquire(text)
    link = reverse("intake_staff:waves")
    assert link not in client.get(reverse("cases:inbox")).content.decode()
    for i in range(6):
        _enquire(scripted(i))
    assert link in client.get(reverse("cases:inbox")).content.decode()


def test_one_officer_asks_another_approves_and_exactly_the_wave_moves(
    intake_officer: Persona, second_officer: Persona, flood: tuple[list[Case], list[Case]]
) -> None:
    wave, genuine = flood
    assert _ask(log_in(Client(), intake_officer)) == 302
    request = WaveRequest.objects.get()
    assert request.members.count() == 30
    second = log_in(Client(), second_officer)
    page = second.get(reverse("intake_staff:waves")).content.decode()
    assert "asks to move a wave" in page
    assert "30 of 30 enquiries are still new" in page
    assert _decide(second, request) == 302
    assert _statuses(wave) == {Status.QUARANTINED}
    assert _statuses(genuine) == {Status.ENQUIRY}
    # One step per case, through the lifecycle, each naming the wave's approval; one entry for the wave.
    steps = AuditEntry.objects.filter(event=Event.CASE_TRANSITION, data__wave=str(request.approval.pk))
    assert steps.count() == 30
    assert AuditEntry.objects.filter(event=Event.WAVE_QUARANTINED, actor=second_officer.user.pk).count() == 1
    assert all(
        c.transitions.get().name == "quarantine" for c in Case.objects.filter(pk__in=[w.pk for w in wave])
    )


def test_the_asker_alone_cannot_move_the_wave(
    intake_officer: Persona, flood: tuple[list[Case], list[Case]]
) -> None:
    wave, _genuine = flood
    asker = log_in(Client(), intake_officer)
    assert _ask(asker) == 302
    request = WaveRequest.objects.get()
    assert _decide(asker, request) == 404
    assert _statuses(wave) == {Status.ENQUIRY}
    assert "asks to move a wave" not in asker.get(reverse("intake_staff:waves")).content.decode()


def test_an_administrator_alone_cannot_ask_or_approve(
    intake_officer: Persona, admin: Persona, flood: tuple[list[Case], list[Case]]
) -> None:
    wave, _genuine = flood
    administrator = log_in(Client(), admin)
    ids = " ".join(str(case.pk) for case in wave)
    response = administrator.post(reverse("intake_staff:wave_ask"), {"cases": ids, "reason": "junk"})
    assert response.status_code == 403
    assert not WaveRequest.objects.exists()
    assert _ask(log_in(Client(), intake_officer)) == 302
    assert _decide(administrator, WaveRequest.objects.get()) == 403
    assert _statuses(wave) == {Status.ENQUIRY}


def test_a_case_triaged_after_the_request_stays_out(
    intake_officer: Persona, second_officer: Persona, flood: tuple[list[Case], list[Case]]
) -> None:
    wave, _genuine = flood
    assert _ask(log_in(Client(), intake_officer)) == 302
    request_transition(wave[0], "start_triage", actor=second_officer.user)
    second = log_in(Client(), second_officer)
    assert "29 of 30 enquiries are still new" in second.get(reverse("intake_staff:waves")).content.decode()
    assert _decide(second, WaveRequest.objects.get()) == 302
    assert _statuses(wave[:1]) == {Status.TRIAGE}
    assert _statuses(wave[1:]) == {Status.QUARANTINED}
    page = second.get(reverse("intake_staff:waves")).content.decode()
    assert "Moved 29 enquiries to quarantine." in page
    assert "Left out 1 that was triaged, answered or moved since the request." in page


def test_a_burmese_officer_reads_what_a_decision_did_in_myanmar_digits(
    intake_officer: Persona, intake_team: Team, flood: tuple[list[Case], list[Case]]
) -> None:
    wave, _genuine = flood
    assert _ask(log_in(Client(), intake_officer)) == 302
    request_transition(wave[0], "start_triage", actor=intake_officer.user)
    second = log_in(
        Client(), make_persona("intake_my", Role.INTAKE_OFFICER, teams=(intake_team,), language="my")
    )
    assert _decide(second, WaveRequest.objects.get()) == 302
    page = second.get(reverse("intake_staff:waves")).content.decode()
    said = "".join(re.findall(r'<ul class="messages">.*?</ul>', page, re.DOTALL))
    assert "စုံစမ်းစာ ၂၉ ခုကို သီးခြားထားရာသို့ ရွှေ့ပြီးပါပြီ။" in said
    assert "ရွှေ့ပြီးသော ၁ ခုကို ချန်ထားခဲ့သည်။" in said
    assert latin_digits(said) == []


def test_a_request_without_a_reason_is_refused_and_the_page_kept(
    intake_officer: Persona, flood: tuple[list[Case], list[Case]]
) -> None:
    client = log_in(Client(), intake_officer)
    response = client.post(reverse("intake_staff:wave_ask"), {"cases": "not-an-id", "reason": "x"})
    assert response.status_code == 400
    assert "This wave names no enquiries the page showed." in response.content.decode()
    assert _ask(client, reason="   ") == 400
    assert not WaveRequest.objects.exists()


def test_another_teams_officer_cannot_ask_for_this_teams_wave(
    other_team: Team, flood: tuple[list[Case], list[Case]]
) -> None:
    wave, _genuine = flood
    foreign = log_in(Client(), make_persona("intake_b", Role.INTAKE_OFFICER, teams=(other_team,)))
    ids = " ".join(str(case.pk) for case in wave)
    assert foreign.post(reverse("intake_staff:wave_ask"), {"cases": ids, "reason": "junk"}).status_code == 400
    assert not WaveRequest.objects.exists()


@pytest.mark.usefixtures("intake_route", "flood")
def test_the_waves_page_in_burmese_has_no_english_sentence(
    intake_officer: Persona, intake_team: Team
) -> None:
    reason = "Thirty copies of one script in an hour"
    assert _ask(log_in(Client(), intake_officer), reason) == 302
    reader = make_persona("intake_my", Role.INTAKE_OFFICER, teams=(intake_team,), language="my")
    for i in range(30, 36):  # a second wave, still to be asked for
        _enquire(scripted(i).replace("rifle", "truck"))
    page = log_in(Client(), reader).get(reverse("intake_staff:waves")).content.decode()
    assert "waves/requests/" in page
    assert 'name="cases"' in page
    texts = [scripted(i) for i in range(40)] + [scripted(i).replace("rifle", "truck") for i in range(30, 36)]
    problems = wording_problems(
        page,
        language="my",
        allowed={intake_officer.user.username, reader.user.username},
        content=[reason, *texts, *(case.reference for case in Case.objects.all())],
    )
    assert problems == []
