"""The intake team's quarantine: junk that got through, kept sealed until someone empties it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.roles import Perm
from embrace.cases.models import Case, Status
from embrace.intake import actions


@require_GET
@staff_required(Perm.CASE_TRIAGE)
def quarantine(request: HttpRequest) -> HttpResponse:
    teams = request.user.teams.all()  # type: ignore[union-attr]
    cases = Case.objects.filter(team__in=teams, status=Status.QUARANTINED).select_related("team")
    return render(request, "intake/quarantine.html", {"cases": cases})


@require_POST
@staff_required(Perm.CASE_TRIAGE)
def quarantine_empty(request: HttpRequest) -> HttpResponse:
    count = actions.empty_quarantine(request.user.teams.all(), actor=request.user)  # type: ignore[union-attr, arg-type]
    messages.success(request, f"Deleted {count} quarantined enquiries for good.")
    return redirect("intake_staff:quarantine")
