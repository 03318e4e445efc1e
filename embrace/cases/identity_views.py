"""Staff pages of the identity compartment: asking for a reveal, custodians deciding, identity and family."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.roles import Perm
from embrace.approvals.forms import NotedDecisionForm
from embrace.approvals.models import Approval
from embrace.cases import identity, queries
from embrace.cases.identity_forms import DependantForm, IdentityDetailsForm, RevealRequestForm
from embrace.cases.models import Case
from embrace.vault.keyring import Keyring, NoAccess


def _case_visible(request: HttpRequest, case: Case) -> bool:
    """Whether a link back to the case page leads somewhere: a custodian may open identities of cases whose
    page is not theirs to see."""
    return queries.visible_cases(request.user).filter(pk=case.pk).exists()  # type: ignore[arg-type]


def _no_key(
    request: HttpRequest, case: Case, *, form: RevealRequestForm | None = None, status: int = 403
) -> HttpResponse:
    user = request.user
    context = {
        "case": case,
        "case_visible": _case_visible(request, case),
        "pending": identity.pending_request(case, user),  # type: ignore[arg-type]
        "form": form or (RevealRequestForm() if user.can(Perm.CASE_IDENTITY_REQUEST) else None),  # type: ignore[union-attr]
    }
    return render(request, "cases/identity/no_key.html", context, status=status)


def _identity_page(
    request: HttpRequest, case: Case, *, form: DependantForm | None = None, status: int = 200
) -> HttpResponse:
    keyring = request.keyring  # type: ignore[attr-defined]
    try:
        details = identity.read_identity(case, keyring)
        dependants = identity.read_dependants(case, keyring)
    except NoAccess:
        return _no_key(request, case)
    # Suspected-plant flags: for custodians (and reviewers, on the vetting page), never for handlers.
    flags = _plant_flags(case, keyring) if request.user.can(Perm.CASE_IDENTITY_REVEAL) else None  # type: ignore[union-attr]
    opened_flags = sum(1 for f in flags or () if f["note"] is not None)
    identity.note_identity_read(
        case,
        actor=request.user,  # type: ignore[arg-type]
        details=len(details),
        dependants=len(dependants),
        plant_flags=opened_flags,
    )
    context = {
        "case": case,
        "details": details,
        "dependants": dependants,
        "form": form or DependantForm(),
        "plant_flags": flags,
        "case_visible": _case_visible(request, case),
    }
    return render(request, "cases/identity/detail.html", context, status=status)


def _plant_flags(case: Case, keyring: Keyring) -> list[dict[str, object]]:
    # Flags are one sealed log in the vetting compartment (issue 9, item 10): vetting opens it.
    from embrace.vetting.queries import standing_plant_flags

    return standing_plant_flags(case, keyring)


@require_GET
@staff_required()
def identity_detail(request: HttpRequest, case_id: str) -> HttpResponse:
    case = identity.get_case_for_identity(request.user, case_id)  # type: ignore[arg-type]
    return _identity_page(request, case)


@require_POST
@staff_required(Perm.CASE_IDENTITY_REQUEST)
def identity_request(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.get_case_for(request.user, case_id)  # type: ignore[arg-type]
    form = RevealRequestForm(request.POST)
    if not form.is_valid():
        return _no_key(request, case, form=form, status=400)
    try:
        identity.request_reveal(case, actor=request.user, reason=form.cleaned_data["reason"])  # type: ignore[arg-type]
    except identity.IdentityError as exc:
        form.add_error(None, str(exc))
        return _no_key(request, case, form=form, status=exc.status)
    messages.success(
        request, _("Your request is with the custodians. You will be able to read it once one approves.")
    )
    # Back to the case, whose identity box now says the request waits: the identity page itself would only
    # say "no key" until a custodian decides.
    return redirect("cases:detail", case_id=case.pk)


def _queue(request: HttpRequest, *, error: str = "", status: int = 200) -> HttpResponse:
    rows: list[tuple[Approval, Case | None]] = []
    for approval in identity.reveal_requests(request.user):  # type: ignore[arg-type]
        try:
            rows.append((approval, identity.case_of_request(approval)))
        except identity.IdentityError:
            rows.append((approval, None))
    context = {"rows": rows, "form": NotedDecisionForm(), "error": error}
    return render(request, "cases/identity/queue.html", context, status=status)


@require_GET
@staff_required(Perm.CASE_IDENTITY_REVEAL)
def reveal_queue(request: HttpRequest) -> HttpResponse:
    return _queue(request)


@require_POST
@staff_required(Perm.CASE_IDENTITY_REVEAL)
def reveal_decide(request: HttpRequest, approval_id: str) -> HttpResponse:
    approval = get_object_or_404(Approval, pk=approval_id, action=identity.REVEAL_ACTION)
    form = NotedDecisionForm(request.POST)
    if not form.is_valid():
        return _queue(request, error=_("Choose to approve or refuse."), status=400)
    approve = form.approve
    try:
        identity.decide_reveal(
            approval,
            approve=approve,
            actor=request.user,  # type: ignore[arg-type]
            keyring=request.keyring,  # type: ignore[attr-defined]
            note=form.cleaned_data["note"],
        )
    except identity.IdentityError as exc:
        return _queue(request, error=str(exc), status=exc.status)
    messages.success(
        request, _("Approved: the requester can now read the identity.") if approve else _("Refused.")
    )
    return redirect("identity:queue")


@require_POST
@staff_required()
def dependant_add(request: HttpRequest, case_id: str) -> HttpResponse:
    case = identity.get_case_for_identity(request.user, case_id)  # type: ignore[arg-type]
    form = DependantForm(request.POST)
    if not form.is_valid():
        return _identity_page(request, case, form=form, status=400)
    try:
        identity.record_dependant(
            case,
            relation=form.cleaned_data["relation"],
            details=form.sealed_fields(),
            actor=request.user,  # type: ignore[arg-type]
            keyring=request.keyring,  # type: ignore[attr-defined]
        )
    except identity.IdentityError:
        return _no_key(request, case)
    return redirect("identity:detail", case_id=case.pk)


@require_http_methods(["GET", "POST"])
@staff_required()
def dependant_edit(request: HttpRequest, case_id: str, dependant_id: str) -> HttpResponse:
    case = identity.get_case_for_identity(request.user, case_id)  # type: ignore[arg-type]
    dependant = get_object_or_404(case.dependants, pk=dependant_id)
    try:
        current = identity.read_dependant(dependant, request.keyring)  # type: ignore[attr-defined]
    except NoAccess:
        return _no_key(request, case)
    form = DependantForm(request.POST) if request.method == "POST" else DependantForm.for_details(current)
    if request.method == "GET" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        identity.note_identity_read(case, actor=request.user, dependant=str(dependant.pk))  # type: ignore[arg-type]
        context = {
            "case": case,
            "dependant": current,
            "form": form,
            "case_visible": _case_visible(request, case),
        }
        return render(request, "cases/identity/dependant_edit.html", context, status=status)
    try:
        identity.update_dependant(
            dependant,
            relation=form.cleaned_data["relation"],
            details=form.sealed_fields(),
            actor=request.user,  # type: ignore[arg-type]
            keyring=request.keyring,  # type: ignore[attr-defined]
        )
    except identity.IdentityError:
        return _no_key(request, case)
    return redirect("identity:detail", case_id=case.pk)


@require_http_methods(["GET", "POST"])
@staff_required()
@sensitive_post_parameters("name", "phone", "service_number", "rank", "unit")
def identity_edit(request: HttpRequest, case_id: str) -> HttpResponse:
    """Record or correct who the enquirer is: for holders of the identity key (custodians, after a reveal)."""
    case = identity.get_case_for_identity(request.user, case_id)  # type: ignore[arg-type]
    keyring = request.keyring  # type: ignore[attr-defined]
    try:
        current = dict(identity.read_identity_fields(case, keyring))
    except NoAccess:
        return _no_key(request, case)
    form = (
        IdentityDetailsForm(request.POST)
        if request.method == "POST"
        else IdentityDetailsForm(initial=current)
    )
    if request.method == "POST" and form.is_valid():
        try:
            identity.record_identity_details(
                case,
                form.cleaned_data,
                actor=request.user,  # type: ignore[arg-type]
                keyring=keyring,
            )
        except identity.IdentityError:
            return _no_key(request, case)
        messages.success(request, _("Saved."))
        return redirect("identity:detail", case_id=case.pk)
    identity.note_identity_read(case, actor=request.user, shown="details_form")  # type: ignore[arg-type]
    context = {"case": case, "form": form, "case_visible": _case_visible(request, case)}
    status = 400 if request.method == "POST" else 200
    return render(request, "cases/identity/edit.html", context, status=status)
