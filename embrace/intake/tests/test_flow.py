from __future__ import annotations

import re
import uuid

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from embrace.cases.actions import reply_to_enquirer
from embrace.cases.models import Case, Status
from embrace.cases.thread import read_thread
from embrace.testing.personas import Persona
from embrace.vault.keyring import unlock_with_password

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("intake_route")]

MESSAGE = "ကျွန်တော် တပ်ကနေ ထွက်ချင်ပါတယ်။ MARKER-BODY-5521"


def _token(client: Client, url: str) -> str:
    page = client.get(url).content.decode()
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def _receipt(page: str) -> str:
    latin = re.search(r"(\d{4} \d{4} \d{4} \d{4})", re.sub(r"<[^>]+>", "", page)).group(1)
    return latin.replace(" ", "")


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_enquiry_reply_and_return_with_myanmar_digits(client: Client, intake_officer: Persona) -> None:
    url = reverse("intake:enquire")
    response = client.post(
        url,
        {
            "token": _token(client, url),
            "kind": "leave_alone",
            "message": MESSAGE,
            "reply_via": "site",
            "rank": "ဗိုလ်",
            "unit": "ခမရ ၁၂၃",
        },
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    receipt = _receipt(response.content.decode())
    case = Case.objects.get()
    assert case.status == Status.ENQUIRY
    officer = unlock_with_password(intake_officer.user, intake_officer.password)
    assert MESSAGE in read_thread(case, officer)[0].text
    reply_to_enquirer(case, "REPLY-FROM-STAFF-77", actor=intake_officer.user)

    myanmar = receipt.translate(str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉"))
    spaced = " ".join(myanmar[i : i + 4] for i in range(0, 16, 4))
    page = client.post(reverse("intake:return"), {"receipt": spaced})
    assert page.status_code == 200
    assert MESSAGE in page.content.decode()
    assert "REPLY-FROM-STAFF-77" in page.content.decode()


def test_wrong_receipt_is_refused_without_saying_whether_a_case_exists(client: Client) -> None:
    response = client.post(reverse("intake:return"), {"receipt": "1234-5678-9012-3456"})
    assert response.status_code == 400
    assert "ဤပြေစာနံပါတ်ဖြင့် ဘာမှ ဖွင့်၍ မရပါ" in response.content.decode()


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_enquirer_actions_leave_no_exact_time_anywhere(client: Client) -> None:
    """Audit entries carry exact times, so enquirer actions write none; everything else keeps only the day."""
    from embrace.audit.models import AuditEntry
    from embrace.intake.models import Visit

    before = AuditEntry.objects.count()
    url = reverse("intake:enquire")
    page = client.post(
        url, {"token": _token(client, url), "kind": "information", "message": "x", "reply_via": "site"}
    )
    thread = client.post(reverse("intake:return"), {"receipt": _receipt(page.content.decode())})
    assert thread.status_code == 200
    assert AuditEntry.objects.count() == before
    expiry = Visit.objects.get().expires_at
    assert (expiry.minute, expiry.second, expiry.microsecond) == (0, 0, 0)


def test_housekeeping_forgets_lapsed_enquirer_traces() -> None:
    import datetime

    from django.utils import timezone

    from embrace.core.tasks import housekeeping
    from embrace.intake.models import UsedFormToken, Visit

    now = timezone.now()
    Visit.objects.create(
        wrapped_key=b"x", holder_id=uuid.uuid4(), expires_at=now - datetime.timedelta(minutes=1)
    )
    fresh = Visit.objects.create(
        wrapped_key=b"x", holder_id=uuid.uuid4(), expires_at=now + datetime.timedelta(hours=1)
    )
    UsedFormToken.objects.create(digest="a" * 64, expires_on=now.date() - datetime.timedelta(days=1))
    UsedFormToken.objects.create(digest="b" * 64, expires_on=now.date() + datetime.timedelta(days=1))
    housekeeping.call()
    assert list(Visit.objects.all()) == [fresh]
    assert list(UsedFormToken.objects.values_list("digest", flat=True)) == ["b" * 64]
