"""The intake team's quarantine: junk that got through, kept sealed until two intake officers empty it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import Team
from embrace.accounts.roles import Perm
from embrace.approvals.forms import DecisionForm
from embrace.cases.models import Case, Status
from embrace.intake import actions
from embrace.myanmar.templatetags.myanmar import digits


class EmptyRequestForm(forms.Form):
    team = forms.ModelChoiceField(label=gettext_lazy("Team"), queryset=Team.objects.none())

    def __init__(self, *args: object, teams: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]


def _page(request: HttpRequest, *, status: int = 200, form: EmptyRequestForm | None = None) -> HttpResponse:
    teams = request.user.teams.all()  # type: ignore[union-attr]
    names = {str(team.pk): team.name for team in teams}
    context = {
        "cases": Case.objects.filter(team__in=teams, status=Status.QUARANTINED).select_related("team"),
        "form": form or EmptyRequestForm(teams=teams),
        "requests": [
            (approval, names.get(approval.subject.partition(":")[2], "?"))
            for approval in actions.pending_quarantine_requests(request.user)  # type: ignore[arg-type]
        ],
        "decision": DecisionForm(approve=_("Delete them"), refuse=_("Keep them")),
    }
    return render(request, "intake/quarantine.html", context, status=status)


@require_GET
@staff_required(Perm.CASE_TRIAGE)
def quarantine(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@staff_required(Perm.CASE_TRIAGE)
def quarantine_empty(request: HttpRequest) -> HttpResponse:
    """Ask another intake officer of the team to approve deleting its quarantine."""
    form = EmptyRequestForm(request.POST, teams=request.user.teams.all())  # type: ignore[union-attr]
    if not form.is_valid():
        return _page(request, form=form, status=400)
    try:
        actions.request_quarantine_emptying(form.cleaned_data["team"], actor=request.user)  # type: ignore[arg-type]
    except actions.QuarantineError as exc:
        form.add_error(None, str(exc))
        return _page(request, form=form, status=400)
    messages.success(request, _("Asked: another intake officer of the team must approve."))
    return redirect("intake_staff:quarantine")


@require_POST
@staff_required(Perm.CASE_TRIAGE)
def quarantine_decide(request: HttpRequest, approval_id: str) -> HttpResponse:
    approval = get_object_or_404(actions.pending_quarantine_requests(request.user), pk=approval_id)  # type: ignore[arg-type]
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400)
    approve = form.approve
    try:
        count = actions.decide_quarantine_emptying(approval, approve=approve, actor=request.user)  # type: ignore[arg-type]
    except actions.QuarantineError as exc:
        messages.error(request, str(exc))
        return _page(request, status=400)
    if approve:
        done = ngettext(
            "Deleted %(count)s quarantined enquiry for good.",
            "Deleted %(count)s quarantined enquiries for good.",
            count,
        ) % {"count": digits(count)}
    else:
        done = _("Kept them.")
    messages.success(request, done)
    return redirect("intake_staff:quarantine")
