"""Programme settings an administrator keeps: case labels and which teams receive new enquiries.

These live in core because labels belong to cases and routes to intake, both floors above staffing; the
changes themselves go through ``cases.actions.create_label`` and ``intake.actions.set_intake_route``.
Administrators see team names and label names here, never a case.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import Team, User
from embrace.accounts.roles import Perm
from embrace.cases import actions as case_actions
from embrace.cases.models import Label
from embrace.custody import groups as custody_groups
from embrace.intake import actions as intake_actions
from embrace.intake.models import IntakeRoute
from embrace.vault.models import KeyGroup


class LabelForm(forms.ModelForm):
    class Meta:
        model = Label
        fields = ["team", "name"]
        labels = {"team": gettext_lazy("Team"), "name": gettext_lazy("Label")}
        help_texts = {
            "name": gettext_lazy(
                "One short word or a few joined by dashes, in small letters, such as navy or urgent. "
                "Never a name, a unit or anything that points to a person."
            )
        }
        error_messages = {
            "name": {
                "invalid": gettext_lazy(
                    "Use only small letters a to z, digits and dashes, with no spaces "
                    "(for example: needs-doctor)."
                )
            }
        }

    def clean_name(self) -> str:
        return str(self.cleaned_data["name"]).strip().lower()

    def validate_unique(self) -> None:
        # Checked here in words: the model's own message would name the database constraint.
        team, name = self.cleaned_data.get("team"), self.cleaned_data.get("name")
        if team is not None and name and Label.objects.filter(team=team, name=name).exists():
            self.add_error("name", _("This team already has a label with that name."))


class RouteForm(forms.Form):
    active = forms.BooleanField(
        label=gettext_lazy("This team receives new enquiries"),
        required=False,
    )


def _team_key_held(team: Team) -> bool:
    # Looked up, not made: ``custody_groups.team_group`` creates a missing group, and a GET changes nothing.
    group = KeyGroup.objects.filter(name=f"{custody_groups.TEAM_PREFIX}{team.pk}").first()
    return group is not None and custody_groups.is_held(group)


def _actor(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def get_team_for(user: User, team_id: uuid.UUID) -> Team:
    """A team, for an administrator (the decorator has checked the permission): 404 if unknown."""
    return get_object_or_404(Team, pk=team_id)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CONFIG_MANAGE)
def labels(request: HttpRequest) -> HttpResponse:
    form = LabelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        label = case_actions.create_label(
            form.cleaned_data["team"], form.cleaned_data["name"], actor=_actor(request)
        )
        messages.success(
            request,
            _("Label “%(label)s” created for %(team)s.") % {"label": label.name, "team": label.team.name},
        )
        return redirect("config:labels")
    context = {"form": form, "labels": Label.objects.select_related("team").order_by("team__name", "name")}
    return render(request, "core/config/labels.html", context, status=400 if form.errors else 200)


@require_GET
@staff_required(Perm.CONFIG_MANAGE)
def routes(request: HttpRequest) -> HttpResponse:
    by_team = {route.team_id: route for route in IntakeRoute.objects.all()}
    rows = [
        {
            "team": team,
            "route": by_team.get(team.pk),
            # A route whose team key nobody holds is passed over: enquiries would wait for break-glass.
            "held": _team_key_held(team),
        }
        for team in Team.objects.all()
    ]
    return render(request, "core/config/routes.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CONFIG_MANAGE)
def route_edit(request: HttpRequest, team_id: uuid.UUID) -> HttpResponse:
    team = get_team_for(_actor(request), team_id)
    route = IntakeRoute.objects.filter(team=team).first()
    # An unticked box sends nothing: an empty POST is still a decision (close the route), not a blank form.
    form = RouteForm(
        request.POST if request.method == "POST" else None, initial={"active": bool(route and route.active)}
    )
    if request.method == "POST" and form.is_valid():
        active = form.cleaned_data["active"]
        intake_actions.set_intake_route(team, active=active, actor=_actor(request))
        messages.success(
            request,
            (
                _("%(team)s now receives new enquiries.")
                if active
                else _("%(team)s no longer receives new enquiries.")
            )
            % {"team": team.name},
        )
        return redirect("config:routes")
    context = {"form": form, "team": team, "route": route}
    return render(request, "core/config/route_edit.html", context, status=400 if form.errors else 200)


app_name = "config"
urlpatterns: list[URLPattern] = [
    path("labels/", labels, name="labels"),
    path("intake-routes/", routes, name="routes"),
    path("intake-routes/<uuid:team_id>/", route_edit, name="route_edit"),
]
