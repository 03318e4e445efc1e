"""Staff pages for the published reward schedule: every version, proposing one, revising a proposal, and the
second committee member's decision. The committee and finance read; only the committee changes, two people.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.approvals.forms import NotedDecisionForm
from embrace.approvals.models import Status as ApprovalStatus
from embrace.cases.actions import today
from embrace.rewards import schedules
from embrace.rewards.models import Schedule, schedule_in_force
from embrace.rewards.schedule_forms import EntryFormSet, ScheduleForm, entry_rows


@dataclass
class Version:
    schedule: Schedule
    state: str
    in_force: bool = False
    pending: bool = False
    revisable: bool = False


def _versions(user: User) -> list[Version]:
    on = today()
    in_force = schedule_in_force(on)
    rows = []
    query = Schedule.objects.select_related("approval__decided_by", "proposed_by").prefetch_related("entries")
    for schedule in query.order_by("-effective_from"):
        status = schedule.approval.status if schedule.approval else None
        row = Version(schedule, state="")
        if schedule.published:
            row.in_force = in_force is not None and schedule.pk == in_force.pk
            row.state = (
                gettext("In force today")
                if row.in_force
                else (
                    gettext("Published, takes effect later")
                    if schedule.effective_from > on
                    else gettext("Superseded")
                )
            )
        else:
            row.pending = status == ApprovalStatus.PENDING
            row.state = {
                ApprovalStatus.PENDING: gettext("Proposed, waiting for a second committee member"),
                ApprovalStatus.REFUSED: gettext("Proposed, refused"),
                ApprovalStatus.CANCELLED: gettext("Proposed, withdrawn"),
            }.get(status, gettext("Proposed"))  # type: ignore[call-overload]
            row.revisable = schedule.proposed_by_id == user.pk
        rows.append(row)
    return rows


def _problem(request: HttpRequest, exc: schedules.ScheduleError) -> HttpResponse:
    # Who may not (the proposer deciding, someone else revising) is a 403; what cannot be done now, a 409.
    status = 403 if isinstance(exc, schedules.NotAllowed) else 409
    return render(request, "rewards/schedule_problem.html", {"message": str(exc)}, status=status)


def _proposal(approval_id: str) -> Schedule:
    schedule = Schedule.objects.filter(approval_id=approval_id, approval__action=schedules.ACTION).first()
    if schedule is None:
        raise Http404("No such proposal.")
    return schedule


@require_GET
@staff_required(Perm.FINANCE_READ)
def schedule_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    context = {
        "versions": _versions(user),
        "can_change": user.can(Perm.SCHEDULE_CHANGE),
        "decision_form": NotedDecisionForm(approve=gettext("Approve and publish")),
    }
    return render(request, "rewards/schedule_list.html", context)


def _edit(request: HttpRequest, schedule: Schedule | None) -> HttpResponse:
    """The propose and revise pages: the same header form and entry rows, one action or the other."""
    if request.method == "GET":
        if schedule is None:
            form = ScheduleForm(initial={"announced_on": today()})
            rows = EntryFormSet(initial=entry_rows(schedule_in_force(today())))
        else:
            form = ScheduleForm(initial={f: getattr(schedule, f) for f in ScheduleForm.base_fields})
            rows = EntryFormSet(initial=entry_rows(schedule))
        return render(
            request, "rewards/schedule_edit.html", {"form": form, "rows": rows, "schedule": schedule}
        )
    form, rows = ScheduleForm(request.POST), EntryFormSet(request.POST)
    if form.is_valid() and rows.is_valid():
        header = form.cleaned_data
        try:
            if schedule is None:
                schedule = schedules.propose_schedule(
                    header["title"],
                    header["effective_from"],
                    header["announced_on"],
                    rows.drafts(),
                    actor=request.user,  # type: ignore[arg-type]
                )
            else:
                schedule = schedules.revise_schedule(
                    schedule,
                    header["title"],
                    header["effective_from"],
                    header["announced_on"],
                    rows.drafts(),
                    actor=request.user,  # type: ignore[arg-type]
                )
        except schedules.NotAllowed as exc:
            return _problem(request, exc)
        except schedules.ScheduleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                gettext("“%(title)s” now waits for a second committee member to publish it.")
                % {"title": schedule.title},
            )
            return redirect("rewards:schedules")
    context = {"form": form, "rows": rows, "schedule": schedule}
    return render(request, "rewards/schedule_edit.html", context, status=400)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.SCHEDULE_CHANGE)
def schedule_propose(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.SCHEDULE_CHANGE)
def schedule_revise(request: HttpRequest, approval_id: str) -> HttpResponse:
    schedule = _proposal(approval_id)
    if schedule.published:
        return _problem(request, schedules.ScheduleError(gettext("A published schedule is never changed.")))
    if schedule.proposed_by_id != request.user.pk:
        return _problem(
            request, schedules.NotAllowed(gettext("Only the member who proposed it may revise it."))
        )
    return _edit(request, schedule)


@require_POST
@staff_required(Perm.SCHEDULE_CHANGE)
def schedule_decide(request: HttpRequest, approval_id: str) -> HttpResponse:
    schedule = _proposal(approval_id)
    form = NotedDecisionForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "rewards/schedule_problem.html",
            {"message": gettext("Choose approve or refuse.")},
            status=400,
        )
    approve = form.approve
    try:
        schedules.decide_schedule(
            schedule,
            approve=approve,
            actor=request.user,  # type: ignore[arg-type]
            note=form.cleaned_data["note"],
        )
    except schedules.ScheduleError as exc:
        return _problem(request, exc)
    messages.success(
        request,
        gettext("“%(title)s” is published.") % {"title": schedule.title}
        if approve
        else gettext("The proposal is refused."),
    )
    return redirect("rewards:schedules")


urls: list[URLPattern] = [
    path("schedules/", schedule_list, name="schedules"),
    path("schedules/propose/", schedule_propose, name="schedule_propose"),
    path("schedules/<uuid:approval_id>/revise/", schedule_revise, name="schedule_revise"),
    path("schedules/<uuid:approval_id>/decide/", schedule_decide, name="schedule_decide"),
]
