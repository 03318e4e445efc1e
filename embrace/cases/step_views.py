"""Moving a case through its life: the steps a person may take, and the two-person steps they may decide."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.approvals.forms import NotedDecisionForm
from embrace.approvals.models import Approval
from embrace.approvals.queries import pending_for
from embrace.cases import lifecycle, queries
from embrace.cases.models import Case, LifecycleError


class StepForm(forms.Form):
    name = forms.CharField(max_length=40)
    reason = forms.CharField(max_length=500, required=False)
    dormant_until = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))


@require_POST
@staff_required()
def take_step(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.get_case_for(request.user, case_id)  # type: ignore[arg-type]
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That step could not be read. Choose it again.")
        return redirect("cases:detail", case_id=case.pk)
    try:
        outcome = lifecycle.request_transition(
            case,
            form.cleaned_data["name"],
            actor=request.user,  # type: ignore[arg-type]
            reason=form.cleaned_data["reason"],
            dormant_until=form.cleaned_data["dormant_until"],
        )
    except LifecycleError as exc:
        messages.error(request, str(exc))
        return redirect("cases:detail", case_id=case.pk)
    if isinstance(outcome, Approval):
        messages.success(request, "Asked for a second person's approval.")
    else:
        messages.success(request, f"The case is now: {outcome.get_status_display()}.")
    return redirect("cases:detail", case_id=case.pk)


def case_steps(case: Case, user: object) -> list[lifecycle.Transition]:
    return lifecycle.allowed(case, user)  # type: ignore[arg-type]


def _case_approvals(user: User) -> list[tuple[Approval, Case | None]]:
    """Waiting requests about cases that this user may decide; another team's passage is not listed."""
    pending = list(pending_for(user).filter(action__startswith="case.").select_related("requested_by"))
    ids = [a.subject.partition(":")[2] for a in pending]
    cases = {str(c.pk): c for c in Case.objects.filter(pk__in=ids)}
    rows = [(a, cases.get(a.subject.partition(":")[2])) for a in pending]
    return [(a, case) for a, case in rows if lifecycle.may_decide(a, case, user)]


@require_GET
@staff_required()
def approvals(request: HttpRequest) -> HttpResponse:
    rows = _case_approvals(request.user)  # type: ignore[arg-type]
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
        messages.error(request, "Choose approve or refuse.")
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
    messages.success(request, "Decision recorded.")
    return redirect("cases:approvals")
