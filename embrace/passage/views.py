"""Passage plans: opening one (the case's handler), reading and writing one (the passage team).

Permission is case:handle: the people who plan passages are case handlers. Which handlers is decided by
the plan's passage team (else 404) and, underneath, by the plan's key (else 403), so a handler who is not
in the team reads nothing even through a bug here.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.roles import Perm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases import queries as case_queries
from embrace.cases.models import Status
from embrace.passage import actions, queries
from embrace.passage.forms import EntryForm, OpenForm
from embrace.passage.models import PassagePlan
from embrace.vault.keyring import NoAccess
from embrace.vetting.pages import may_open_case_page


def _page(
    request: HttpRequest, plan: PassagePlan, *, form: EntryForm | None = None, status: int = 200
) -> HttpResponse:
    if plan.destroyed_on is not None:
        return render(request, "passage/destroyed.html", {"plan": plan}, status=410)
    keyring = request.keyring  # type: ignore[attr-defined]
    try:
        # can_read decides for a plan with no entries yet, which reading alone would not refuse.
        if not keyring.can_read(plan.compartment):
            raise NoAccess("no grant on the plan's current key")
        entries = queries.read_entries(plan, keyring)
    except NoAccess:
        return render(request, "passage/no_key.html", {"plan": plan}, status=403)
    if entries:
        record(
            Event.PASSAGE_PLAN_READ,
            actor=request.user,
            subject=plan.case,
            plan=str(plan.pk),
            entries=len(entries),
        )
    context = {
        "plan": plan,
        "entries": entries,
        "form": form or EntryForm(),
        "case_link": may_open_case_page(request, plan.case),
    }
    return render(request, "passage/plan.html", context, status=status)


@require_GET
@staff_required(Perm.CASE_HANDLE)
def plan_page(request: HttpRequest, case_id: str) -> HttpResponse:
    try:
        plan = queries.get_plan_for(request.user, case_id)  # type: ignore[arg-type]
    except Http404:
        # Not of the passage team, or no plan yet: the case's own people are sent to the plan's status page
        # (a "Passage plan" link never ends in a 404 for them); anyone else gets the 404 from get_case_for.
        case = case_queries.get_case_for(request.user, case_id)  # type: ignore[arg-type]
        return redirect("passage:open", case_id=case.pk)
    return _page(request, plan)


@require_POST
@staff_required(Perm.CASE_HANDLE)
def plan_add_entry(request: HttpRequest, case_id: str) -> HttpResponse:
    plan = queries.get_plan_for(request.user, case_id)  # type: ignore[arg-type]
    form = EntryForm(request.POST)
    if not form.is_valid():
        return _page(request, plan, form=form, status=400)
    data = {"kind": form.cleaned_data["kind"], "text": form.cleaned_data["text"]}
    try:
        actions.add_plan_entry(plan, data, actor=request.user)  # type: ignore[arg-type]
    except actions.PassageError as exc:
        # The action holds the key and team checks; the page then says why: 410 destroyed, 403 no key.
        form.add_error(None, str(exc))
        plan.refresh_from_db()
        return _page(request, plan, form=form, status=400)
    return redirect("passage:plan", case_id=plan.case_id)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_HANDLE)
def plan_open(request: HttpRequest, case_id: str) -> HttpResponse:
    case = case_queries.get_case_for(request.user, case_id)  # type: ignore[arg-type]
    plan = PassagePlan.objects.filter(case=case).select_related("team").first()
    form = None if plan else OpenForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form is None:
            status = 409
        elif not form.is_valid():
            status = 400
        else:
            try:
                actions.open_passage(case, form.cleaned_data["team"], actor=request.user)  # type: ignore[arg-type]
                return redirect("passage:open", case_id=case.pk)
            except actions.PassageError as exc:
                form.add_error(None, str(exc))
                status = 400
    context = {
        "case": case,
        "plan": plan,
        "form": form,
        "approved": case.status != Status.PASSAGE_APPROVED and plan is None,
        "handles": case.handler_id == request.user.pk,
    }
    return render(request, "passage/open.html", context, status=status)
