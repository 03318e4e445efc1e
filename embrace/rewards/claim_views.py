"""Staff pages for reward claims: the work queue, a case's claims, one claim, and each step on it.

Each step is taken by a different person (``claims``): the handler opens, fills and submits; a vetting
reviewer of the case's team verifies; a committee member values; two other committee members approve each
tranche; finance, who approved nothing, pays. The page offers each viewer only the steps still open to them,
but the actions decide: a form posted by someone else is refused there, and the page says why (400, or 409
for something already done). Who sees a claim at all is ``claim_queries.get_claim_for`` (else 404); what it
says is sealed to the case's finance compartment, so without its key the page shows "sealed".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.approvals.forms import DecisionForm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases import queries as case_queries
from embrace.cases.downloads import sealed_file_response
from embrace.cases.models import Case
from embrace.intake.views import clean_photos
from embrace.rewards import claim_queries as queries
from embrace.rewards import claims, payments
from embrace.rewards.claim_forms import (
    ItemForm,
    ReverseForm,
    ValueForm,
    VerifyForm,
    WithdrawForm,
)
from embrace.rewards.claims import ClaimError
from embrace.rewards.models import (
    Claim,
    ClaimStatus,
    EvidencePhoto,
    Part,
    Participant,
    TrancheCondition,
    TrancheStatus,
)
from embrace.rewards.money import Currency
from embrace.rewards.payment_forms import SharePayForm
from embrace.vault.keyring import NoAccess

SEALED_FIELDS = ("description", "evidence", "asset_number", "note", "channel", "memo")


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _require_claim_role(request: HttpRequest) -> None:
    if not queries.takes_part_in_claims(_user(request)):
        raise PermissionDenied(_("Your role takes no part in reward claims."))


def _ids(pk: object) -> str:
    # One form per tranche or payment on the page: ids must differ, or every label would name the first.
    return f"id_{pk}_%s"


def _tranche_rows(
    request: HttpRequest, view: queries.ClaimView, part: str | None, bound: dict[str, forms.Form]
) -> list[dict[str, Any]]:
    user, claim = _user(request), view.claim
    may_approve = user.can(Perm.REWARD_APPROVE) and part in (None, Part.APPROVER)
    may_pay = user.can(Perm.PAYMENT_RELEASE) and part in (None, Part.PAYER)
    due = claim.status in (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED) and claim.valued_on is not None
    rows = []
    for row in view.tranches:
        tranche = row.tranche
        waits_for_verification = tranche.condition == TrancheCondition.VERIFICATION and not claim.verified_on
        pay_form = bound.get(f"pay:{tranche.pk}")
        unpaid = [owed.case_reference for owed in row.owed if not owed.paid]
        if (
            pay_form is None
            and may_pay
            and tranche.status == TrancheStatus.APPROVED
            and user.pk not in (tranche.asked_by_id, tranche.approved_by_id)
            and unpaid
        ):
            pay_form = SharePayForm(
                [o.case_reference for o in row.owed],
                owed_currency=Currency.USD,
                initial={"case": unpaid[0]},
                auto_id=_ids(tranche.pk),
            )
        rows.append(
            {
                "view": row,
                "can_ask": may_approve
                and due
                and tranche.status == TrancheStatus.PLANNED
                and not waits_for_verification,
                "can_decide": may_approve
                and tranche.status == TrancheStatus.ASKED
                and tranche.asked_by_id != user.pk,
                "pay_form": pay_form,
            }
        )
    return rows


def _page(
    request: HttpRequest,
    claim: Claim,
    *,
    bound: dict[str, forms.Form] | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    """The claim, and the forms for what this viewer may still do; ``bound`` holds a form just posted, so
    what was typed comes back with its errors."""
    user, bound = _user(request), bound or {}
    claim.refresh_from_db()
    view = queries.claim_view(claim, request.keyring)  # type: ignore[attr-defined]
    _record_read(user, view)
    part = Participant.objects.filter(claim=claim, user=user).values_list("part", flat=True).first()
    drafting = claim.opened_by_id == user.pk and user.can(Perm.CASE_HANDLE)
    review_open = claim.status in (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED) and not claim.verified_on

    def offer(name: str, allowed: bool, make: Any) -> forms.Form | None:
        return bound.get(name) or (make() if allowed else None)

    context = {
        "claim": claim,
        "view": view,
        "sealed": queries.SEALED,
        "error": error,
        "add_form": offer("add", drafting and claim.status == ClaimStatus.DRAFT, ItemForm),
        "can_submit": drafting and claim.status == ClaimStatus.DRAFT,
        "withdraw_form": offer("withdraw", drafting and claim.is_open, WithdrawForm),
        "verify_form": offer(
            "verify",
            user.can(Perm.REWARD_VERIFY) and review_open and part in (None, Part.VERIFIER),
            VerifyForm,
        ),
        "value_form": offer(
            "value",
            user.can(Perm.REWARD_VALUE)
            and claim.status == ClaimStatus.SUBMITTED
            and not claim.valued_on
            and part in (None, Part.VALUER),
            lambda: ValueForm(list(claim.items.select_related("entry"))),
        ),
        "tranches": _tranche_rows(request, view, part, bound),
        "missing_readers": claims.finance_readers_missing(claim.case) if view.has_key else [],
        "payments": [
            {
                "view": p,
                "reverse_form": bound.get(f"reverse:{p.pk}")
                or (
                    ReverseForm(auto_id=_ids(p.pk))
                    if user.can(Perm.PAYMENT_RELEASE) and not p.reversed
                    else None
                ),
            }
            for p in view.payments
        ],
    }
    return render(request, "rewards/claim.html", context, status=status)


def _record_read(user: User, view: queries.ClaimView) -> None:
    """Item details, payment channels and the closing note come from the finance file: when any was opened
    for this page, the read is recorded (under the case, so the auditor finds it by case reference)."""
    items = sum(1 for item in view.items if item.details is not None)
    channels = sum(1 for payment in view.payments if payment.channel is not None)
    note = view.closing_note is not None
    if items or channels or note:
        claim = view.claim
        record(
            Event.CLAIM_READ,
            actor=user,
            subject=claim.case,
            claim=str(claim.pk),
            items=items,
            payment_channels=channels,
            closing_note=note,
        )


def _act(
    request: HttpRequest,
    claim: Claim,
    step: Callable[[], object],
    name: str = "",
    form: forms.Form | None = None,
) -> HttpResponse:
    """Take one step of the claim and go back to its page. Bad input (``form``, shown again under ``name`` as
    typed) is a 400; a step the claim refuses shows the page with the reason and the refusal's status."""
    bound = {name: form} if form is not None else {}
    if form is not None and not form.is_valid():
        return _page(request, claim, bound=bound, status=400)
    try:
        step()
    except ClaimError as exc:
        return _page(request, claim, bound=bound, error=str(exc), status=exc.status)
    return redirect("rewards:claim", claim_id=claim.pk)


# --- Lists -------------------------------------------------------------------------------------------------


@require_GET
@staff_required()
def claims_queue(request: HttpRequest) -> HttpResponse:
    _require_claim_role(request)
    return render(request, "rewards/queue.html", {"queue": queries.claims_for(_user(request))})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_HANDLE)
def case_claims(request: HttpRequest, case_id: str) -> HttpResponse:
    user = _user(request)
    case = case_queries.get_case_for(user, case_id)
    if case.handler_id != user.pk:
        # An intake officer who also handles may see the case, but its claims are its handler's.
        raise Http404("No such case")
    error, status = "", 200
    if request.method == "POST":
        try:
            claim = claims.open_claim(case, actor=user)
            return redirect("rewards:claim", claim_id=claim.pk)
        except ClaimError as exc:
            error, status = str(exc), exc.status
    context = {"case": case, "claims": Claim.objects.filter(case=case), "error": error}
    return render(request, "rewards/claim_case.html", context, status=status)


# --- One claim ---------------------------------------------------------------------------------------------


@require_GET
@staff_required()
def claim_page(request: HttpRequest, claim_id: str) -> HttpResponse:
    _require_claim_role(request)
    return _page(request, queries.get_claim_for(_user(request), claim_id))


@require_POST
@staff_required(Perm.CASE_HANDLE)
@sensitive_post_parameters(*SEALED_FIELDS)
def claim_add_item(request: HttpRequest, claim_id: str) -> HttpResponse:
    claim = queries.get_claim_for(_user(request), claim_id)
    form = ItemForm(request.POST, request.FILES)
    photos = clean_photos(request, form) if form.is_valid() else None
    if photos is None:
        return _page(request, claim, bound={"add": form}, status=400)
    data = form.cleaned_data
    return _act(
        request,
        claim,
        lambda: claims.add_item(
            claim,
            entry_code=data["entry"],
            act_on=data["act_on"],
            quantity=data["quantity"],
            asset_kind=data["asset_kind"],
            asset_number=data["asset_number"],
            description=data["description"],
            evidence=data["evidence"],
            shares=data["shares"],
            photos=photos,
            actor=_user(request),
        ),
        "add",
        form,
    )


@require_GET
@staff_required()
def evidence_photo(request: HttpRequest, claim_id: str, photo_id: str) -> HttpResponse:
    """An evidence photo, for those who hold the case's finance key; each viewing is audited."""
    _require_claim_role(request)
    claim = queries.get_claim_for(_user(request), claim_id)
    photo = get_object_or_404(EvidencePhoto, pk=photo_id, item__claim=claim)
    try:
        response = sealed_file_response(request.keyring, photo.stored_name, bytes(photo.meta))  # type: ignore[attr-defined]
    except NoAccess:
        return _page(
            request, claim, error=gettext("You hold no key to this case's finance file."), status=403
        )
    record(Event.EVIDENCE_VIEWED, actor=_user(request), subject=claim, photo=str(photo.pk))
    return response  # type: ignore[return-value]


@require_POST
@staff_required(Perm.CASE_HANDLE)
def claim_submit(request: HttpRequest, claim_id: str) -> HttpResponse:
    claim = queries.get_claim_for(_user(request), claim_id)
    return _act(request, claim, lambda: claims.submit_claim(claim, actor=_user(request)))


@require_POST
@staff_required(Perm.CASE_HANDLE)
@sensitive_post_parameters(*SEALED_FIELDS)
def claim_withdraw(request: HttpRequest, claim_id: str) -> HttpResponse:
    claim = queries.get_claim_for(_user(request), claim_id)
    form = WithdrawForm(request.POST)
    return _act(
        request,
        claim,
        lambda: claims.withdraw_claim(claim, note=form.cleaned_data["note"], actor=_user(request)),
        "withdraw",
        form,
    )


@require_POST
@staff_required(Perm.REWARD_VERIFY)
@sensitive_post_parameters(*SEALED_FIELDS)
def claim_verify(request: HttpRequest, claim_id: str) -> HttpResponse:
    claim = queries.get_claim_for(_user(request), claim_id)
    form = VerifyForm(request.POST)
    return _act(
        request,
        claim,
        lambda: claims.verify_claim(
            claim,
            genuine=form.cleaned_data["verdict"] == "genuine",
            note=form.cleaned_data["note"],
            actor=_user(request),
            keyring=request.keyring,  # type: ignore[attr-defined]
        ),
        "verify",
        form,
    )


@require_POST
@staff_required(Perm.REWARD_VALUE)
def claim_value(request: HttpRequest, claim_id: str) -> HttpResponse:
    claim = queries.get_claim_for(_user(request), claim_id)
    form = ValueForm(list(claim.items.select_related("entry")), request.POST)
    return _act(
        request,
        claim,
        lambda: claims.value_claim(
            claim,
            form.cleaned_data["values"],
            form.cleaned_data["plans"],
            actor=_user(request),
            keyring=request.keyring,  # type: ignore[attr-defined]
        ),
        "value",
        form,
    )


# --- Tranches and payments ---------------------------------------------------------------------------------


@require_POST
@staff_required(Perm.REWARD_APPROVE)
def tranche_ask(request: HttpRequest, tranche_id: str) -> HttpResponse:
    tranche = queries.get_tranche_for(_user(request), tranche_id)
    return _act(request, tranche.claim, lambda: claims.ask_tranche(tranche, actor=_user(request)))


@require_POST
@staff_required(Perm.REWARD_APPROVE)
def tranche_decide(request: HttpRequest, tranche_id: str) -> HttpResponse:
    tranche = queries.get_tranche_for(_user(request), tranche_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _page(request, tranche.claim, error=gettext("Approve or refuse."), status=400)
    return _act(
        request,
        tranche.claim,
        lambda: claims.decide_tranche(tranche, approve=form.approve, actor=_user(request)),
    )


@require_POST
@staff_required(Perm.PAYMENT_RELEASE)
@sensitive_post_parameters(*SEALED_FIELDS)
def tranche_pay(request: HttpRequest, tranche_id: str) -> HttpResponse:
    tranche = queries.get_tranche_for(_user(request), tranche_id)
    form = SharePayForm(
        queries.owed_references(tranche), request.POST, owed_currency=Currency.USD, auto_id=_ids(tranche.pk)
    )
    return _act(
        request,
        tranche.claim,
        lambda: payments.pay_tranche_share(
            tranche, Case.objects.get(reference=form.cleaned_data["case"]), form.how(), actor=_user(request)
        ),
        f"pay:{tranche.pk}",
        form,
    )


@require_POST
@staff_required()
def claim_share(request: HttpRequest, claim_id: str) -> HttpResponse:
    """Hand the case's finance file to those entitled to it who joined after it was sealed."""
    _require_claim_role(request)
    claim = queries.get_claim_for(_user(request), claim_id)
    keyring = request.keyring  # type: ignore[attr-defined]
    return _act(
        request, claim, lambda: claims.share_finance_file(claim.case, keyring=keyring, actor=_user(request))
    )


@require_POST
@staff_required(Perm.PAYMENT_RELEASE)
@sensitive_post_parameters(*SEALED_FIELDS)
def payment_reverse(request: HttpRequest, payment_id: str) -> HttpResponse:
    payment = queries.get_payment_for(_user(request), payment_id)
    claim = payment.tranche.claim  # type: ignore[union-attr]
    form = ReverseForm(request.POST, auto_id=_ids(payment.pk))
    return _act(
        request,
        claim,
        lambda: payments.reverse_payment(payment, memo=form.cleaned_data["memo"], actor=_user(request)),
        f"reverse:{payment.pk}",
        form,
    )


urls: list[URLPattern] = [
    path("claims/", claims_queue, name="claims_queue"),
    path("cases/<uuid:case_id>/claims/", case_claims, name="case_claims"),
    path("claims/<uuid:claim_id>/", claim_page, name="claim"),
    path("claims/<uuid:claim_id>/items/", claim_add_item, name="claim_add_item"),
    path("claims/<uuid:claim_id>/submit/", claim_submit, name="claim_submit"),
    path("claims/<uuid:claim_id>/photos/<uuid:photo_id>/", evidence_photo, name="evidence_photo"),
    path("claims/<uuid:claim_id>/share/", claim_share, name="claim_share"),
    path("claims/<uuid:claim_id>/verify/", claim_verify, name="claim_verify"),
    path("claims/<uuid:claim_id>/value/", claim_value, name="claim_value"),
    path("claims/<uuid:claim_id>/withdraw/", claim_withdraw, name="claim_withdraw"),
    path("tranches/<uuid:tranche_id>/ask/", tranche_ask, name="tranche_ask"),
    path("tranches/<uuid:tranche_id>/decide/", tranche_decide, name="tranche_decide"),
    path("tranches/<uuid:tranche_id>/pay/", tranche_pay, name="tranche_pay"),
    path("payments/<uuid:payment_id>/reverse/", payment_reverse, name="payment_reverse"),
]
