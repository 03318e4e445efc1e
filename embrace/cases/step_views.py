"""Moving a case through its life: the steps a person may take, and the two-person steps they may decide."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.approvals.forms import NotedDecisionForm
from embrace.approvals.models import Approval
from embrace.approvals.queries import pending_for
from embrace.cases import lifecycle, queries, words
from embrace.cases.models import Case, LifecycleError
from embrace.cases.search import normalise_reference
from embrace.cases.views import detail_page
from embrace.myanmar.forms import LocalDigitsErrors


class StepForm(LocalDigitsErrors, forms.Form):
    name = forms.CharField(max_length=40)
    reason = forms.CharField(max_length=500, required=False)
    dormant_until = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    confirm = forms.BooleanField(required=False)
    duplicate_of = forms.CharField(max_length=40, required=False)


def _form_error(form: StepForm) -> str:
    if "dormant_until" in form.errors:
        return _("Give the check-in date as a date, for example 2026-03-31.")
    if "reason" in form.errors:
        return _("Keep the reason under 500 characters.")
    return _("That step could not be read. Choose it again.")


def _duplicate_of(user: User, case: Case, typed: str) -> Case:
    """The case this one repeats, by its reference, among the cases this user may see."""
    reference = normalise_reference(typed)
    if not reference:
        raise LifecycleError(_("Give the reference of the case this one repeats."))
    other = queries.visible_cases(user).filter(reference=reference).first()
    if other is None:
        raise LifecycleError(
            _("No case you can see has the reference %(reference)s. Check it and try again.")
            % {"reference": reference}
        )
    if other.pk == case.pk:
        raise LifecycleError(_("A case cannot be a duplicate of itself."))
    return other


@require_POST
@staff_required()
def take_step(request: HttpRequest, case_id: str) -> HttpResponse:
    """Take a step, or say on the case page (400, with what was typed kept) why it was not taken."""
    user: User = request.user  # type: ignore[assignment]
    case = queries.get_case_for(user, case_id)
    form = StepForm(request.POST)
    typed = {
        key: request.POST.get(key, "")[:500] for key in ("name", "reason", "dormant_until", "duplicate_of")
    }
    try:
        if not form.is_valid():
            raise LifecycleError(_form_error(form))
        name = form.cleaned_data["name"]
        duplicate_of = None
        if name in words.CONFIRMED_STEPS:
            if not form.cleaned_data["reason"].strip():
                raise LifecycleError(_("Say why, in a few words: colleagues read it later."))
            if not form.cleaned_data["confirm"]:
                raise LifecycleError(_("Tick the box to confirm this step."))
            if name == "mark_duplicate":
                duplicate_of = _duplicate_of(user, case, form.cleaned_data["duplicate_of"])
        outcome = lifecycle.request_transition(
            case,
            name,
            actor=user,
            reason=form.cleaned_data["reason"],
            dormant_until=form.cleaned_data["dormant_until"],
            duplicate_of=duplicate_of,
        )
    except LifecycleError as exc:
        if not request.keyring.can_read(case.body):  # type: ignore[attr-defined]
            # Their case page is the "no key" page (a reviewer before a grant): the refusal goes with them.
            messages.error(request, str(exc))
            return redirect("cases:detail", case_id=case.pk)
        return detail_page(request, case, failed_step=typed | {"error": str(exc)}, status=400)
    if isinstance(outcome, Approval):
        messages.success(request, _("Asked for a second person's approval."))
    else:
        messages.success(
            request, _("The case is now: %(status)s.") % {"status": outcome.get_status_display()}
        )
    return redirect("cases:detail", case_id=case.pk)


def case_steps(case: Case, user: object) -> list[lifecycle.Transition]:
    return lifecycle.allowed(case, user)  # type: ignore[arg-type]


@require_GET
@staff_required()
def approvals(request: HttpRequest) -> HttpResponse:
    rows = lifecycle.decidable(request.user)  # type: ignore[arg-type]
    return render(
        request,
        "cases/approvals.html",
        {"rows": rows, "form": NotedDecisionForm(), "today": datetime.date.today()},
    )


@require_POST
@staff_required()
def decide(request: HttpRequest, approval_id: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    # Another team's request is not there for this user: 404, as for one that does not exist.
    approval = pending_for(user).filter(pk=approval_id, action__startswith="case.").first()
    case = Case.objects.filter(pk=approval.subject.partition(":")[2]).first() if approval else None
    if approval is None or not lifecycle.may_decide(approval, case, user):
        raise Http404("No such request")
    form = NotedDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or refuse."))
        return redirect("cases:approvals")
    try:
        lifecycle.decide_transition(
            approval,
            approve=form.approve,
            actor=request.user,  # type: ignore[arg-type]
            note=form.cleaned_data["note"],
        )
    except LifecycleError as exc:
        messages.error(request, str(exc))
        return redirect("cases:approvals")
    messages.success(request, _("Decision recorded."))
    return redirect("cases:approvals")
