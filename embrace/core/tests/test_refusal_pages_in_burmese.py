"""A Burmese volunteer who is refused reads the refusal in Burmese, with no English sentence on the page
(issue 10): the quarantine page, the 403 page of a case they hold no key for, and the sentence saying which
role decides a two-person step. Break-glass refusals are in embrace/breakglass/tests/test_breakglass.py."""

from __future__ import annotations

import secrets

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.approvals.actions import ONLY_ROLE_DECIDES, ApprovalError, decide_approval, request_approval
from embrace.cases.actions import Photo
from embrace.cases.models import Case, Status
from embrace.intake.actions import submit_enquiry
from embrace.intake.tests.helpers import jpeg_with_metadata
from embrace.testing.language import wording_problems
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]


def _burmese_page(response: object, *, shows: str) -> None:
    page = response.content.decode()  # type: ignore[attr-defined]
    assert shows in page
    usernames = set(User.objects.values_list("username", flat=True))
    references = set(Case.objects.values_list("reference", flat=True))
    problems = wording_problems(page, language="my", allowed=usernames, content=references)
    assert not problems, problems


def test_quarantine_refusals_and_results_read_in_burmese(intake_team: Team) -> None:
    photo = Photo(jpeg_with_metadata(), "image/jpeg", 48, 64)
    for i in range(2):
        submit_enquiry({"text": f"spam {i}"}, {}, [photo], token=secrets.token_hex(8), quarantine=True)
    first = make_persona("intake_my", Role.INTAKE_OFFICER, teams=(intake_team,), language="my")
    second = make_persona("intake_my2", Role.INTAKE_OFFICER, teams=(intake_team,), language="my")
    first_client = log_in(Client(), first)
    empty = reverse("intake_staff:quarantine_empty")
    assert first_client.post(empty, {"team": intake_team.pk}).status_code == 302
    _burmese_page(
        first_client.get(reverse("intake_staff:quarantine")),
        shows="တောင်းဆိုပြီးပါပြီ - အဖွဲ့၏ အခြားလက်ခံရေးအရာရှိ တစ်ဦးက အတည်ပြုရမည်။",
    )

    # Asking again while the first request waits: the approvals refusal, passed on, in Burmese.
    response = first_client.post(empty, {"team": intake_team.pk})

    assert response.status_code == 400
    _burmese_page(response, shows="ဤအရာအတွက် တောင်းဆိုချက်တစ်ခု ဆုံးဖြတ်ချက်ကို စောင့်နေပြီး ဖြစ်သည်။")

    # The second officer empties it; the count is in Myanmar digits.
    second_client = log_in(Client(), second)
    page = second_client.get(reverse("intake_staff:quarantine"))
    _burmese_page(page, shows="၎င်းတို့ကို ဖျက်ရန်")
    ((approval, _),) = page.context["requests"]
    decide = reverse("intake_staff:quarantine_decide", args=[approval.pk])
    assert second_client.post(decide, {"decision": "approve"}).status_code == 302
    assert not Case.objects.filter(status=Status.QUARANTINED).exists()
    _burmese_page(
        second_client.get(reverse("intake_staff:quarantine")),
        shows="သီးခြားထားသော စုံစမ်းစာ ၂ ခုကို အပြီးဖျက်လိုက်ပါပြီ။",
    )


def test_the_no_key_page_of_a_case_reads_in_burmese(intake_team: Team, intake_officer: Persona) -> None:
    case = submit_enquiry({"text": "I want to leave"}, {}, [], token=secrets.token_hex(8), quarantine=False)[
        0
    ]
    newcomer = make_persona("newcomer", Role.INTAKE_OFFICER, teams=(intake_team,), keys=False, language="my")

    response = log_in(Client(), newcomer).get(reverse("cases:detail", args=[case.pk]))

    assert response.status_code == 403
    _burmese_page(response, shows=f"ကိစ္စ {case.reference} အတွက် သော့ သင့်တွင် မရှိပါ")


@pytest.mark.parametrize("role", list(Role))
def test_who_decides_is_one_burmese_sentence_for_every_role(role: Role) -> None:
    """Only a person holding the required role decides; the refusal names the role in a whole Burmese
    sentence (not a Burmese role name inside an English one). Pages only offer a request to those who hold
    the role, so this refusal is what a person reads when their role was taken away meanwhile."""
    asker = make_persona("asker", Role.HANDLER, keys=False)
    outsider = make_persona(
        "outsider", Role.ANALYST if role != Role.ANALYST else Role.HANDLER, keys=False, language="my"
    )
    approval = request_approval("test.step", f"test:{role}", required_role=role, reason="", actor=asker.user)

    with translation.override("my"), pytest.raises(ApprovalError) as refused:
        decide_approval(approval, approve=True, actor=outsider.user)

    message = str(refused.value)
    with translation.override("my"):
        assert message == str(ONLY_ROLE_DECIDES[role])
    assert message.endswith("ဤအရာကို ဆုံးဖြတ်နိုင်သည်။")
    assert not wording_problems(f"<p>{message}</p>", language="my")
    with translation.override("en"):
        assert str(ONLY_ROLE_DECIDES[role]).startswith("Only ")
