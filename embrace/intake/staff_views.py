"""The intake team's quarantine: junk that got through, kept sealed until two intake officers empty it; and
flood waves, near-identical new enquiries that two intake officers move there together."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django import forms
from django.conf import settings
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
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.models import Case, Status
from embrace.cases.waves import find_waves, first_texts, untouched
from embrace.intake import actions
from embrace.intake.models import WaveRequest
from embrace.myanmar.forms import LocalDigitsErrors
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


# A decision's outcome as flash messages: (level, sentence), in the order they are shown.
Said = list[tuple[int, str]]


def _decide(
    request: HttpRequest,
    decide: Callable[[bool], Said],
    *,
    page: Callable[..., HttpResponse],
    then: str,
) -> HttpResponse:
    """Decide a two-person intake request (emptying a quarantine, moving a wave) from the decision form and
    say the outcome; a bad form or a refusal shows ``page`` again with a 400, and why."""
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return page(request, status=400)
    try:
        said = decide(form.approve)
    except actions.QuarantineError as exc:
        messages.error(request, str(exc))
        return page(request, status=400)
    for level, sentence in said:
        messages.add_message(request, level, sentence)
    return redirect(then)


@require_POST
@staff_required(Perm.CASE_TRIAGE)
def quarantine_decide(request: HttpRequest, approval_id: str) -> HttpResponse:
    approval = get_object_or_404(actions.pending_quarantine_requests(request.user), pk=approval_id)  # type: ignore[arg-type]

    def decide(approve: bool) -> Said:
        count = actions.decide_quarantine_emptying(approval, approve=approve, actor=request.user)  # type: ignore[arg-type]
        if not approve:
            return [(messages.SUCCESS, _("Kept them."))]
        done = ngettext(
            "Deleted %(count)s quarantined enquiry for good.",
            "Deleted %(count)s quarantined enquiries for good.",
            count,
        ) % {"count": digits(count)}
        return [(messages.SUCCESS, done)]

    return _decide(request, decide, page=_page, then="intake_staff:quarantine")


# --- Flood waves -----------------------------------------------------------------------------------------


class WaveRequestForm(LocalDigitsErrors, forms.Form):
    reason = forms.CharField(label=gettext_lazy("Why is this a flood?"), max_length=actions.WAVE_REASON_MAX)
    cases = forms.CharField(widget=forms.HiddenInput)

    def clean_cases(self) -> list[uuid.UUID]:
        try:
            return [uuid.UUID(part) for part in self.cleaned_data["cases"].split()]
        except ValueError:
            raise forms.ValidationError(_("This wave names no enquiries the page showed.")) from None


def _requests_to_decide(request: HttpRequest) -> list[dict[str, object]]:
    """Waiting wave requests the officer may decide, each with its references, how many are still new,
    and one sample text opened with the officer's own keys."""
    rows = []
    for wave in actions.pending_wave_requests(request.user):  # type: ignore[arg-type]
        cases = list(Case.objects.filter(pk__in=wave.members.values("case")).order_by("reference"))
        still = untouched(Case.objects.filter(pk__in=[c.pk for c in cases])).count()
        sample = first_texts(cases[:1], request.keyring)  # type: ignore[attr-defined]
        rows.append({"wave": wave, "cases": cases, "still": still, "sample": sample[0] if sample else ""})
    return rows


def _waves_page(
    request: HttpRequest, *, status: int = 200, form: WaveRequestForm | None = None
) -> HttpResponse:
    user = request.user
    found, read = find_waves(user, request.keyring)  # type: ignore[arg-type, attr-defined]
    deciding = _requests_to_decide(request)
    opened = {str(case.pk) for wave in found for case in wave.cases}
    opened |= {str(row["cases"][0].pk) for row in deciding if row["cases"]}  # type: ignore[index]
    if opened:
        # Reading enquiries' opening words, even to group them, is a read: recorded once, by id.
        record(Event.CASE_PREVIEWS_READ, actor=user, cases=sorted(opened), count=len(opened))
    mine = WaveRequest.objects.filter(
        approval__requested_by=user,  # type: ignore[misc]
        approval__status=ApprovalStatus.PENDING,
    ).select_related("approval")
    context = {
        "waves": found,
        "read": read,
        "window": settings.INTAKE_WAVE_WINDOW,
        "minimum": settings.INTAKE_WAVE_MIN_SIZE,
        "form": form,
        "deciding": deciding,
        "mine": [(wave, wave.members.count()) for wave in mine],
        "decision": DecisionForm(approve=_("Move them to quarantine"), refuse=_("Leave them in the inbox")),
    }
    return render(request, "intake/waves.html", context, status=status)


@require_GET
@staff_required(Perm.CASE_TRIAGE)
def waves(request: HttpRequest) -> HttpResponse:
    return _waves_page(request)


@require_POST
@staff_required(Perm.CASE_TRIAGE)
def wave_ask(request: HttpRequest) -> HttpResponse:
    """Ask another intake officer of the team to approve moving a wave to quarantine."""
    form = WaveRequestForm(request.POST)
    if not form.is_valid():
        return _waves_page(request, form=form, status=400)
    try:
        actions.request_wave_quarantine(
            form.cleaned_data["cases"],
            reason=form.cleaned_data["reason"],
            actor=request.user,  # type: ignore[arg-type]
        )
    except actions.QuarantineError as exc:
        form.add_error(None, str(exc))
        return _waves_page(request, form=form, status=400)
    messages.success(request, _("Asked: another intake officer of the team must approve."))
    return redirect("intake_staff:waves")


@require_POST
@staff_required(Perm.CASE_TRIAGE)
def wave_decide(request: HttpRequest, wave_id: str) -> HttpResponse:
    wave = get_object_or_404(actions.pending_wave_requests(request.user), pk=wave_id)  # type: ignore[arg-type]

    def decide(approve: bool) -> Said:
        outcome = actions.decide_wave_quarantine(wave, approve=approve, actor=request.user)  # type: ignore[arg-type]
        if not approve:
            return [(messages.SUCCESS, _("Left them in the inbox."))]
        moved = ngettext(
            "Moved %(shown)s enquiry to quarantine.",
            "Moved %(shown)s enquiries to quarantine.",
            outcome.moved,
        ) % {"shown": digits(outcome.moved)}
        said = [(messages.SUCCESS, moved)]
        if outcome.left_out:
            left_out = ngettext(
                "Left out %(shown)s that was triaged, answered or moved since the request.",
                "Left out %(shown)s that were triaged, answered or moved since the request.",
                outcome.left_out,
            ) % {"shown": digits(outcome.left_out)}
            said.append((messages.WARNING, left_out))
        return said

    return _decide(request, decide, page=_waves_page, then="intake_staff:waves")
