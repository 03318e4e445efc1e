"""The claim pages: who reaches each one, what each viewer sees of a sealed claim, and what bad input gets.

Claims are brought to the stage a test needs through the actions; the thing under test goes through the
pages, logged in as a person does.
"""

from __future__ import annotations

import datetime
import io
import secrets
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.actions import Photo, assign_case
from embrace.cases.models import Case
from embrace.cases.queries import get_case_for
from embrace.custody import groups as custody_groups
from embrace.intake.actions import submit_enquiry
from embrace.intake.tests.helpers import EXIF_ARTIST, EXIF_MAKE, EXIF_MODEL, jpeg_with_metadata
from embrace.rewards import claims, ledger, payments
from embrace.rewards.models import (
    Account,
    Claim,
    ClaimStatus,
    EvidencePhoto,
    Payment,
    Tranche,
    TrancheStatus,
)
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.testing.rewards import Desk, approved, arrived_case, fund, make_desk, valued

pytestmark = pytest.mark.django_db

ACT = datetime.date(2023, 3, 1)
HELICOPTER = "defect-aircraft-or-vessel"
TAIL = "TAILNUM-4601"
EVIDENCE = "EVIDENCE-MARKER logbook pages and airframe photos"
CHANNEL = "CHANNEL-MARKER-HW7"
SEALED = "sealed: you hold no key"


@pytest.fixture
def desk() -> Desk:
    return make_desk()


def draft(desk: Desk, case: Case | None = None, asset: str = TAIL) -> Claim:
    claim = claims.open_claim(case or arrived_case(desk), actor=desk.user("handler"))
    claims.add_item(
        claim,
        entry_code=HELICOPTER,
        act_on=ACT,
        asset_kind="tail",
        asset_number=asset,
        description="Mi-17 flown out",
        evidence=EVIDENCE,
        actor=desk.user("handler"),
    )
    return claim


def submitted(desk: Desk, case: Case | None = None) -> Claim:
    return claims.submit_claim(draft(desk, case), actor=desk.user("handler"))


@dataclass
class Full:
    """A claim with both tranches approved and the first one paid: every kind of id the URLs take."""

    claim: Claim
    first: Tranche
    second: Tranche
    payment: Payment


def full(desk: Desk) -> Full:
    fund(desk)
    claim = approved(desk, draft(desk))
    first, second = claim.tranches.order_by("position")
    how = payments.HowPaid("USD", Decimal(1), "", CHANNEL)
    payment = payments.pay_tranche_share(first, claim.case, how, actor=desk.user("finance1"))
    return Full(claim, first, second, payment)


def urls(f: Full) -> dict[str, tuple[str, str]]:
    """Every claim URL name: (its URL for this claim, the method it answers)."""
    c, t, p = f.claim.pk, f.second.pk, f.payment.pk
    return {
        "claims_queue": (reverse("rewards:claims_queue"), "get"),
        "case_claims": (reverse("rewards:case_claims", args=[f.claim.case_id]), "get"),
        "claim": (reverse("rewards:claim", args=[c]), "get"),
        "claim_add_item": (reverse("rewards:claim_add_item", args=[c]), "post"),
        "claim_submit": (reverse("rewards:claim_submit", args=[c]), "post"),
        "claim_verify": (reverse("rewards:claim_verify", args=[c]), "post"),
        "claim_value": (reverse("rewards:claim_value", args=[c]), "post"),
        "claim_withdraw": (reverse("rewards:claim_withdraw", args=[c]), "post"),
        "claim_share": (reverse("rewards:claim_share", args=[c]), "post"),
        "tranche_ask": (reverse("rewards:tranche_ask", args=[t]), "post"),
        "tranche_decide": (reverse("rewards:tranche_decide", args=[t]), "post"),
        "tranche_pay": (reverse("rewards:tranche_pay", args=[t]), "post"),
        "payment_reverse": (reverse("rewards:payment_reverse", args=[p]), "post"),
    }


def audit_count() -> int:
    return AuditEntry.objects.count()


# --- The security set ----------------------------------------------------------------------------------


def test_wrong_method_is_405_on_every_claim_url(desk: Desk) -> None:
    f = full(desk)
    client = log_in(Client(), desk.people["committee1"])
    for name, (url, method) in urls(f).items():
        wrong = "put" if name == "case_claims" else ("post" if method == "get" else "get")
        assert getattr(client, wrong)(url).status_code == 405, name


def test_anonymous_is_sent_to_log_in_from_every_claim_url(desk: Desk) -> None:
    f = full(desk)
    client = Client()
    before = audit_count()
    for name, (url, method) in urls(f).items():
        response = getattr(client, method)(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("accounts:login")), name
    assert audit_count() == before


def test_a_handler_of_another_team_finds_no_claim(desk: Desk, outsider: Persona) -> None:
    f = full(desk)
    client = log_in(Client(), outsider)
    before = audit_count()
    for name, (url, method) in urls(f).items():
        response = getattr(client, method)(url)
        expected = {"claims_queue": 200}.get(name, 404)
        if name in (
            "claim_verify",
            "claim_value",
            "tranche_ask",
            "tranche_decide",
            "tranche_pay",
            "payment_reverse",
        ):
            expected = 403  # no such permission at all: refused before the claim is looked for
        assert response.status_code == expected, name
    assert f.claim.reference not in client.get(reverse("rewards:claims_queue")).content.decode()
    assert audit_count() == before


def test_a_reviewer_of_another_team_finds_no_claim_to_verify(desk: Desk, other_team) -> None:
    claim = submitted(desk)
    stranger = make_persona("reviewer_elsewhere", Role.VETTING_REVIEWER, teams=(other_team,))
    client = log_in(Client(), stranger)
    assert client.get(reverse("rewards:claim", args=[claim.pk])).status_code == 404
    response = client.post(reverse("rewards:claim_verify", args=[claim.pk]), {"verdict": "genuine"})
    assert response.status_code == 404
    assert claim.reference not in client.get(reverse("rewards:claims_queue")).content.decode()
    claim.refresh_from_db()
    assert claim.verified_on is None


def test_a_draft_is_the_handlers_alone(desk: Desk) -> None:
    claim = draft(desk)
    url = reverse("rewards:claim", args=[claim.pk])
    for name in ("reviewer", "committee1", "finance1"):
        assert log_in(Client(), desk.people[name]).get(url).status_code == 404, name
    assert log_in(Client(), desk.people["handler"]).get(url).status_code == 200


# Who lacks the permission for each URL (and so gets 403 whatever the claim).
FORBIDDEN = {
    "intake": [],  # every URL: filled in by the test, which has the table
    "reviewer": [
        "case_claims",
        "claim_add_item",
        "claim_submit",
        "claim_withdraw",
        "claim_value",
        "tranche_ask",
        "tranche_decide",
        "tranche_pay",
        "payment_reverse",
    ],
    "committee1": [
        "case_claims",
        "claim_add_item",
        "claim_submit",
        "claim_withdraw",
        "claim_verify",
        "tranche_pay",
        "payment_reverse",
    ],
    "finance2": [
        "case_claims",
        "claim_add_item",
        "claim_submit",
        "claim_withdraw",
        "claim_verify",
        "claim_value",
        "tranche_ask",
        "tranche_decide",
    ],
    "handler": [
        "claim_verify",
        "claim_value",
        "tranche_ask",
        "tranche_decide",
        "tranche_pay",
        "payment_reverse",
    ],
}


def test_each_role_gets_403_on_the_steps_it_may_not_take(desk: Desk) -> None:
    f = full(desk)
    table = urls(f)
    FORBIDDEN["intake"] = list(table)  # an intake officer takes no part in claims at all
    before = audit_count()
    for who, names in FORBIDDEN.items():
        client = log_in(Client(), desk.people[who])
        for name in names:
            url, method = table[name]
            assert getattr(client, method)(url).status_code == 403, (who, name)
    admin = log_in(Client(), make_persona("admin", Role.ADMINISTRATOR))
    assert admin.get(table["claims_queue"][0]).status_code == 403
    assert admin.get(table["claim"][0]).status_code == 403
    # Logins and the administrator's making were recorded; nothing about rewards.
    after = AuditEntry.objects.filter(seq__gt=before)
    assert not after.filter(event__startswith="rewards.").exists()
    assert not after.filter(event=Event.LEDGER_POSTED).exists()
    assert Payment.objects.count() == 1
    f.second.refresh_from_db()
    assert f.second.status == TrancheStatus.APPROVED


def test_every_post_needs_the_csrf_token(desk: Desk) -> None:
    f = full(desk)
    before = audit_count()
    owners = {
        "case_claims": "handler",
        "claim_add_item": "handler",
        "claim_submit": "handler",
        "claim_withdraw": "handler",
        "claim_verify": "reviewer",
        "claim_value": "committee1",
        "tranche_ask": "committee1",
        "tranche_decide": "committee1",
        "tranche_pay": "finance2",
        "payment_reverse": "finance2",
    }
    strict = {who: Client(enforce_csrf_checks=True) for who in set(owners.values())}
    for who, client in strict.items():
        client.cookies = log_in(Client(), desk.people[who]).cookies
    logins = audit_count()
    table = urls(f)
    for name, who in owners.items():
        url = table[name][0]
        assert strict[who].post(url, {"memo": "x", "note": "x", "decision": "approve"}).status_code == 403, (
            name
        )
    assert audit_count() == logins >= before
    assert Claim.objects.get(pk=f.claim.pk).status == ClaimStatus.APPROVED
    assert not Payment.objects.filter(reversed=True).exists()


# --- What each viewer sees -----------------------------------------------------------------------------


def test_a_committee_member_without_the_finance_key_sees_sealed_never_the_number_or_evidence(
    desk: Desk,
) -> None:
    f = full(desk)
    # Entitled to the finance key, but no holder has given it to them.
    latecomer = make_persona("committee_late", Role.REWARD_COMMITTEE, teams=(desk.team,), keys=False)
    client = log_in(Client(), latecomer)
    page = client.get(reverse("rewards:claim", args=[f.claim.pk])).content.decode()
    # Said three times: for the whole page, the item's details and the payment's channel.
    assert page.count(SEALED) == 3
    for secret in (TAIL, "4601", EVIDENCE, CHANNEL):
        assert secret not in page
    assert "Tail number" in page  # the kind of number is workflow, not content
    assert "500,000.00 USD" in page
    # The queue and the case list say nothing sealed either.
    assert TAIL not in client.get(reverse("rewards:claims_queue")).content.decode()
    # Those who hold the key read it.
    for who in ("committee3", "finance2"):
        page = (
            log_in(Client(), desk.people[who])
            .get(reverse("rewards:claim", args=[f.claim.pk]))
            .content.decode()
        )
        assert TAIL in page, who
        assert EVIDENCE in page, who
        assert CHANNEL in page, who
        assert SEALED not in page, who


def test_without_the_key_a_committee_member_cannot_value_what_they_cannot_read(desk: Desk) -> None:
    claim = submitted(desk)
    latecomer = make_persona("committee_late", Role.REWARD_COMMITTEE, teams=(desk.team,), keys=False)
    client = log_in(Client(), latecomer)
    item = claim.items.get()
    response = client.post(
        reverse("rewards:claim_value", args=[claim.pk]),
        {f"value_{item.pk}": "500000", "condition_1": "arrival", "amount_1": "500000"},
    )
    assert response.status_code == 400
    assert "hold no key" in response.content.decode()
    claim.refresh_from_db()
    assert claim.valued_on is None


def test_a_committee_member_who_joined_later_reads_the_file_once_a_holder_gives_the_finance_key(
    desk: Desk,
) -> None:
    f = full(desk)
    latecomer = make_persona("committee_late", Role.REWARD_COMMITTEE, teams=(desk.team,), keys=False)
    # An administrator stays content-blind: never offered the key (nor can they also be on the committee).
    make_persona("admin_late", Role.ADMINISTRATOR)
    claim_url = reverse("rewards:claim", args=[f.claim.pk])
    share_url = reverse("rewards:claim_share", args=[f.claim.pk])
    late = log_in(Client(), latecomer)
    # Without the key, no one can hand it on, not even to themselves.
    response = late.post(share_url)
    assert response.status_code == 403
    assert "hold no key" in response.content.decode()
    assert share_url not in late.get(claim_url).content.decode()
    assert SEALED in late.get(claim_url).content.decode()

    holder = log_in(Client(), desk.people["committee3"])
    page = holder.get(reverse("custody:keys")).content.decode()
    assert "committee_late" in page
    assert "admin_late" not in page
    group = custody_groups.finance_group()
    give = {"group": group.pk, "user": latecomer.user.pk}
    assert holder.post(reverse("custody:give"), give).status_code == 302

    page = late.get(claim_url).content.decode()
    for secret in (TAIL, EVIDENCE, CHANNEL):
        assert secret in page
    assert SEALED not in page
    # The handler holds the file by a key of their own: nothing is left to share.
    assert share_url not in holder.get(claim_url).content.decode()
    response = holder.post(share_url)
    assert response.status_code == 409
    assert "already can" in response.content.decode()


def test_the_page_offers_each_person_only_the_steps_still_open_to_them(desk: Desk) -> None:
    claim = valued(desk, draft(desk))
    url = reverse("rewards:claim", args=[claim.pk])
    first = claim.tranches.get(position=1)
    ask = reverse("rewards:tranche_ask", args=[first.pk])
    assert ask not in log_in(Client(), desk.people["committee1"]).get(url).content.decode()  # the valuer
    assert ask in log_in(Client(), desk.people["committee2"]).get(url).content.decode()
    queue = log_in(Client(), desk.people["committee3"]).get(reverse("rewards:claims_queue")).content.decode()
    assert "waiting for a first approval" in queue


# --- Steps through the pages ---------------------------------------------------------------------------


def test_the_handler_opens_a_claim_only_after_arrival(desk: Desk) -> None:
    early, _receipt = submit_enquiry(
        {"text": "thinking about it", "kind": "leave_alone"},
        {},
        [],
        token=secrets.token_hex(8),
        quarantine=False,
    )
    assign_case(early, desk.user("handler"), actor=desk.user("intake"), keyring=desk.keyring("intake"))
    client = log_in(Client(), desk.people["handler"])
    response = client.post(reverse("rewards:case_claims", args=[early.pk]))
    assert response.status_code == 400
    assert "A reward is claimed after arrival" in response.content.decode()
    assert not Claim.objects.exists()
    case = arrived_case(desk)
    page = client.get(reverse("rewards:case_claims", args=[case.pk]))
    assert page.status_code == 200
    assert "No claims yet" in page.content.decode()
    assert client.post(reverse("rewards:case_claims", args=[case.pk])).status_code == 302
    assert AuditEntry.objects.filter(event=Event.CLAIM_OPENED, actor=desk.user("handler").pk).count() == 1
    # Another handler's case, and an intake officer of the same team: no claims for them.
    assert (
        log_in(Client(), desk.people["approver_of_passage"])
        .get(reverse("rewards:case_claims", args=[case.pk]))
        .status_code
        == 404
    )
    assert (
        log_in(Client(), desk.people["intake"])
        .get(reverse("rewards:case_claims", args=[case.pk]))
        .status_code
        == 403
    )


def test_an_intake_officer_who_also_handles_sees_the_case_but_not_its_claims(desk: Desk) -> None:
    case = arrived_case(desk)
    both = make_persona("intake_and_handler", Role.INTAKE_OFFICER, Role.HANDLER, teams=(desk.team,))
    client = log_in(Client(), both)
    assert get_case_for(both.user, case.pk) == case  # the case is visible to them, as intake
    url = reverse("rewards:case_claims", args=[case.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Claim.objects.exists()


def test_withdrawing_through_the_page_frees_the_asset_and_is_audited(desk: Desk) -> None:
    claim = submitted(desk)
    client = log_in(Client(), desk.people["handler"])
    empty = client.post(reverse("rewards:claim_withdraw", args=[claim.pk]), {"note": " "})
    assert empty.status_code == 400
    assert "This field is required" in empty.content.decode()
    response = client.post(reverse("rewards:claim_withdraw", args=[claim.pk]), {"note": "wrong aircraft"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.WITHDRAWN
    assert AuditEntry.objects.filter(event=Event.CLAIM_WITHDRAWN, actor=desk.user("handler").pk).exists()
    again = client.post(reverse("rewards:claim_withdraw", args=[claim.pk]), {"note": "again"})
    assert again.status_code == 400
    assert "can no longer be withdrawn" in again.content.decode()


def test_a_reviewer_rejects_through_the_page_with_a_note(desk: Desk) -> None:
    claim = submitted(desk)
    client = log_in(Client(), desk.people["reviewer"])
    url = reverse("rewards:claim_verify", args=[claim.pk])
    response = client.post(url, {"verdict": "not_genuine", "note": ""})
    assert response.status_code == 400
    assert "Say why" in response.content.decode()
    assert client.post(url, {"verdict": "not_genuine", "note": "photos are old"}).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED
    assert AuditEntry.objects.filter(event=Event.CLAIM_REJECTED, actor=desk.user("reviewer").pk).exists()
    assert "photos are old" in client.get(reverse("rewards:claim", args=[claim.pk])).content.decode()


def test_a_second_committee_member_refuses_a_tranche_through_the_page(desk: Desk) -> None:
    claim = valued(desk, draft(desk))
    first = claim.tranches.get(position=1)
    claims.ask_tranche(first, actor=desk.user("committee2"))
    client = log_in(Client(), desk.people["committee3"])
    url = reverse("rewards:tranche_decide", args=[first.pk])
    assert client.post(url, {"decision": "maybe"}).status_code == 400
    assert client.post(url, {"decision": "refuse"}).status_code == 302
    first.refresh_from_db()
    assert first.status == TrancheStatus.PLANNED
    assert AuditEntry.objects.filter(event=Event.TRANCHE_REFUSED, actor=desk.user("committee3").pk).exists()
    assert ledger.verify() == []


def test_finance_reverses_a_payment_through_the_page_and_it_is_owed_again(desk: Desk) -> None:
    f = full(desk)
    client = log_in(Client(), desk.people["finance2"])
    url = reverse("rewards:payment_reverse", args=[f.payment.pk])
    response = client.post(url, {"memo": ""})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert client.post(url, {"memo": "paid to the wrong channel"}).status_code == 302
    f.payment.refresh_from_db()
    assert f.payment.reversed
    assert AuditEntry.objects.filter(event=Event.PAYMENT_REVERSED, actor=desk.user("finance2").pk).exists()
    assert ledger.balance(Account.REWARDS_OWED, "USD") == -50_000_000  # both tranches owed in full again
    assert ledger.verify() == []
    again = client.post(url, {"memo": "twice"})
    assert again.status_code == 409
    assert "already been reversed" in again.content.decode()


# --- Evidence photos -------------------------------------------------------------------------------------


def _stored() -> list[Path]:
    return [p for p in Path(settings.UPLOADS_DIR).rglob("*") if p.is_file()]


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_evidence_photos_are_cleaned_sealed_and_shown_only_to_keyholders(desk: Desk) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    handler = log_in(Client(), desk.people["handler"])
    data = _item(photos=[_upload("IMG_0001.jpg", jpeg_with_metadata())])
    response = handler.post(reverse("rewards:claim_add_item", args=[claim.pk]), data)
    assert response.status_code == 302
    photo = EvidencePhoto.objects.get(item__claim=claim)
    # At rest: only ciphertext, and nothing of the picture's metadata.
    (stored,) = _stored()
    raw = stored.read_bytes()
    assert raw.startswith(b"EMB1")
    for marker in (EXIF_MAKE, EXIF_MODEL, "MARKER-JPEG-COMMENT-9944"):
        assert marker.encode() not in raw

    claims.submit_claim(claim, actor=desk.user("handler"))
    url = reverse("rewards:evidence_photo", args=[claim.pk, photo.pk])
    reviewer = log_in(Client(), desk.people["reviewer"])
    assert url in reviewer.get(reverse("rewards:claim", args=[claim.pk])).content.decode()
    response = reviewer.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "no-store"
    picture = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert Image.open(io.BytesIO(picture)).size == (48, 64)  # turned upright, then the tag dropped
    for marker in (EXIF_MAKE, EXIF_MODEL, EXIF_ARTIST, "MARKER-JPEG-COMMENT-9944"):
        assert marker.encode() not in picture
    viewed = AuditEntry.objects.get(event=Event.EVIDENCE_VIEWED)
    assert viewed.actor == desk.user("reviewer").pk

    # Entitled to the finance key but not given it: no link, and the photo itself refused.
    latecomer = log_in(
        Client(), make_persona("committee_late", Role.REWARD_COMMITTEE, teams=(desk.team,), keys=False)
    )
    assert url not in latecomer.get(reverse("rewards:claim", args=[claim.pk])).content.decode()
    assert latecomer.get(url).status_code == 403
    # Asked through another claim, it does not exist.
    other = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    assert handler.get(reverse("rewards:evidence_photo", args=[other.pk, photo.pk])).status_code == 404


def test_a_refused_photo_is_a_400_that_keeps_what_was_typed_and_stores_nothing(desk: Desk) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    handler = log_in(Client(), desk.people["handler"])
    data = _item(photos=[_upload("notes.jpg", b"%PDF-1.7 not a picture at all")])
    response = handler.post(reverse("rewards:claim_add_item", args=[claim.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "notes.jpg" in page
    assert "TYPED-DESCRIPTION" in page
    assert not claim.items.exists()
    assert _stored() == []


def test_an_item_that_fails_after_its_photos_were_written_leaves_no_file(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))

    def failing_record(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(claims, "record", failing_record)
    with pytest.raises(RuntimeError):
        claims.add_item(
            claim,
            entry_code=HELICOPTER,
            act_on=ACT,
            asset_kind="tail",
            asset_number=TAIL,
            description="Mi-17 flown out",
            evidence=EVIDENCE,
            photos=[Photo(jpeg_with_metadata(), "image/jpeg", 64, 48)],
            actor=desk.user("handler"),
        )
    assert not claim.items.exists()
    assert not EvidencePhoto.objects.exists()
    assert _stored() == []


# --- Bad input -----------------------------------------------------------------------------------------


def _item(**changes: str) -> dict[str, str]:
    data = {
        "entry": HELICOPTER,
        "act_on": "2023-03-01",
        "quantity": "1",
        "asset_kind": "tail",
        "asset_number": "TYPED-NUMBER-77",
        "description": "TYPED-DESCRIPTION",
        "evidence": "TYPED-EVIDENCE",
        "shares": "",
    }
    return data | changes


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"shares": "ABC sixty"}, "a percentage with at most two decimals"),
        ({"shares": "ABC 60.125"}, "a percentage with at most two decimals"),
        ({"shares": "NOSUCHREF 100"}, "There is no case NOSUCHREF"),
        (
            {"act_on": (datetime.date.today() + datetime.timedelta(days=400)).isoformat()},
            "cannot be in the future",
        ),
        ({"act_on": "9999-12-31"}, "Give a date between 1 January 2000 and"),
        ({"act_on": "2020-01-01"}, "No reward schedule was in force"),
        ({"act_on": "31/31/2023"}, "Enter a valid date"),
        ({"quantity": "2"}, "Only an entry paid per vehicle"),
        ({"asset_kind": ""}, "what kind of number"),
        ({"entry": "free-money"}, "Select a valid choice"),
    ],
)
def test_bad_item_input_is_a_400_with_what_was_typed(
    desk: Desk, changes: dict[str, str], message: str
) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    client = log_in(Client(), desk.people["handler"])
    response = client.post(reverse("rewards:claim_add_item", args=[claim.pk]), _item(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "TYPED-DESCRIPTION" in page
    assert "TYPED-EVIDENCE" in page
    assert not claim.items.exists()


def test_shares_are_read_as_percentages_with_two_decimals(desk: Desk) -> None:
    pilot, copilot = arrived_case(desk), arrived_case(desk)
    claim = claims.open_claim(pilot, actor=desk.user("handler"))
    client = log_in(Client(), desk.people["handler"])
    shares = f"{pilot.reference} 62.5\n{copilot.reference.lower()} 37.50%"
    response = client.post(reverse("rewards:claim_add_item", args=[claim.pk]), _item(shares=shares))
    assert response.status_code == 302
    got = {s.case_id: s.basis_points for s in claim.items.get().shares.all()}
    assert got == {pilot.pk: 6250, copilot.pk: 3750}


def test_the_same_asset_twice_is_refused_through_the_page(desk: Desk) -> None:
    submitted(desk)
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    client = log_in(Client(), desk.people["handler"])
    response = client.post(
        reverse("rewards:claim_add_item", args=[claim.pk]), _item(asset_number=TAIL.lower())
    )
    assert response.status_code == 409
    assert "already claimed" in response.content.decode()
    assert "TYPED-EVIDENCE" in response.content.decode()


@pytest.mark.parametrize(
    ("amounts", "message"),
    [
        ({"value": "500000.001"}, "USD has 2 decimal places"),
        ({"value": "lots"}, "plain digits"),
        ({"value": "1e9"}, "no exponent"),
        ({"value": "400000"}, "the published amount is fixed"),
        ({"amount_1": "100000"}, "must add up to the claim"),
        ({"amount_1": "", "amount_2": ""}, "Plan at least one tranche"),
        ({"condition_2": ""}, "Give both a condition and an amount"),
    ],
)
def test_bad_valuation_input_is_a_400_with_what_was_typed(
    desk: Desk, amounts: dict[str, str], message: str
) -> None:
    claim = submitted(desk)
    item = claim.items.get()
    data = {
        f"value_{item.pk}": amounts.get("value", "500,000"),
        "condition_1": amounts.get("condition_1", "arrival"),
        "amount_1": amounts.get("amount_1", "200000"),
        "condition_2": amounts.get("condition_2", "verification"),
        "amount_2": amounts.get("amount_2", "300000"),
    }
    client = log_in(Client(), desk.people["committee1"])
    response = client.post(reverse("rewards:claim_value", args=[claim.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'value="{data[f"value_{item.pk}"]}"' in page
    claim.refresh_from_db()
    assert claim.valued_on is None
    assert not claim.tranches.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rate": "abc"}, "Write the rate as a number"),
        ({"rate": "-3"}, "more than zero"),
        ({"rate": "1.123456789"}, "eight after it"),
        ({"currency": "MMK", "rate": "2100", "rate_source": ""}, "Say where the exchange rate comes from"),
        ({"currency": "USD", "rate": "2"}, "the rate is 1"),
        ({"currency": "EUR"}, "Select a valid choice"),
        ({"case": "ELSEWHERE1"}, "Select a valid choice"),
        ({"channel": ""}, "This field is required"),
        ({"currency": "THB", "rate": "35", "rate_source": "bank"}, "Not enough funds held in baht"),
    ],
)
def test_bad_payment_input_is_a_400_with_what_was_typed(
    desk: Desk, changes: dict[str, str], message: str
) -> None:
    f = full(desk)
    data = {
        "case": f.claim.case.reference,
        "currency": "USD",
        "rate": "1",
        "rate_source": "TYPED-SOURCE",
        "channel": "TYPED-CHANNEL",
    } | changes
    client = log_in(Client(), desk.people["finance2"])
    response = client.post(reverse("rewards:tranche_pay", args=[f.second.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    if "channel" not in changes:
        assert "TYPED-CHANNEL" in page
    if "rate_source" not in changes:
        assert "TYPED-SOURCE" in page
    assert Payment.objects.count() == 1
