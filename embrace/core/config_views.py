"""Programme settings an administrator keeps: case labels, which teams receive new enquiries, and how long
case content is kept (retention rules: one administrator proposes a change, another approves it).

These live in core because labels belong to cases and routes to intake, both floors above staffing; the
changes themselves go through ``cases.actions.create_label`` and ``intake.actions.set_intake_route``.
Administrators see team names and label names here, never a case.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import Team, User
from embrace.accounts.roles import Perm
from embrace.approvals.actions import OwnRequest
from embrace.approvals.forms import DecisionForm
from embrace.approvals.models import Status as ApprovalStatus
from embrace.cases import actions as case_actions
from embrace.cases.models import Label
from embrace.custody import groups as custody_groups
from embrace.intake import actions as intake_actions
from embrace.intake.models import IntakeRoute
from embrace.myanmar.forms import LocalDigitsErrors
from embrace.retention import actions as retention
from embrace.retention import words as retention_words
from embrace.retention.models import MAX_DAYS, Rule, RuleChange, RuleKey
from embrace.vault.models import KeyGroup


class LabelForm(LocalDigitsErrors, forms.ModelForm):
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


class RuleForm(LocalDigitsErrors, forms.Form):
    days = forms.IntegerField(
        label=gettext_lazy("Days"),
        required=False,
        min_value=0,
        max_value=MAX_DAYS,
        error_messages={
            "invalid": gettext_lazy("Write a whole number of days, such as 30."),
            "min_value": gettext_lazy("Give 0 days or more."),
            "max_value": gettext_lazy("Give at most %(limit_value)s days."),
        },
    )
    keep = forms.BooleanField(
        label=gettext_lazy("Keep until someone closes the case with purge"), required=False
    )

    def __init__(self, *args: object, rule: Rule, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.rule = rule
        if rule.key == RuleKey.PASSAGE:
            # A passage plan always ends: the grace can change, "keep" cannot be chosen.
            del self.fields["keep"]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("keep"):
            data["days"] = None
        elif data.get("days") is None and "days" not in self.errors:
            self.add_error("days", _("Give the number of days, or tick “keep”."))
        return data


def _rule_rows() -> list[dict[str, object]]:
    waiting = {change.rule_id: change for change in retention.pending_changes()}
    return [
        {
            "rule": rule,
            "name": rule.get_key_display(),
            "destroys": retention_words.destroys(rule.key),
            "keeping": retention_words.keeping(rule.key, rule.days),
            "waiting": waiting.get(rule.pk),
        }
        for rule in Rule.objects.current()
    ]


@require_GET
@staff_required(Perm.CONFIG_MANAGE)
def retention_rules(request: HttpRequest) -> HttpResponse:
    return render(request, "core/config/retention.html", {"rows": _rule_rows()})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CONFIG_MANAGE)
def retention_edit(request: HttpRequest, rule_key: str) -> HttpResponse:
    if rule_key not in RuleKey.values:
        raise Http404
    rule = next(rule for rule in Rule.objects.current() if rule.key == rule_key)
    form = RuleForm(request.POST if request.method == "POST" else None, rule=rule)
    if request.method == "POST" and form.is_valid():
        try:
            change = retention.propose_rule_change(rule, form.cleaned_data["days"], actor=_actor(request))
        except retention.RetentionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Proposed: another administrator must approve the change."))
            return redirect("config:retention_change", change_id=change.pk)
    context = {
        "form": form,
        "rule": rule,
        "name": rule.get_key_display(),
        "destroys": retention_words.destroys(rule.key),
        "keeping": retention_words.keeping(rule.key, rule.days),
    }
    return render(request, "core/config/retention_edit.html", context, status=400 if form.errors else 200)


def _change_page(request: HttpRequest, change: RuleChange, *, status: int = 200) -> HttpResponse:
    context = {
        "change": change,
        "name": change.rule.get_key_display(),
        "destroys": retention_words.destroys(change.rule.key),
        "old": retention_words.keeping(change.rule.key, change.old_days),
        "new": retention_words.keeping(change.rule.key, change.new_days),
        "waiting": change.approval is not None and change.approval.status == ApprovalStatus.PENDING,
        "mine": change.proposed_by_id == request.user.pk,
        "decision": DecisionForm(approve=_("Approve the change"), refuse=_("Refuse the change")),
    }
    return render(request, "core/config/retention_change.html", context, status=status)


@require_GET
@staff_required(Perm.CONFIG_MANAGE)
def retention_change(request: HttpRequest, change_id: uuid.UUID) -> HttpResponse:
    change = get_object_or_404(
        RuleChange.objects.select_related("rule", "proposed_by", "approval"), pk=change_id
    )
    return _change_page(request, change)


@require_POST
@staff_required(Perm.CONFIG_MANAGE)
def retention_decide(request: HttpRequest, change_id: uuid.UUID) -> HttpResponse:
    change = get_object_or_404(
        RuleChange.objects.select_related("rule", "proposed_by", "approval"), pk=change_id
    )
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or refuse."))
        return _change_page(request, change, status=400)
    try:
        retention.decide_rule_change(change, approve=form.approve, actor=_actor(request))
    except OwnRequest:
        messages.error(request, _("No one may decide their own proposal: another administrator must."))
        return _change_page(request, change, status=403)
    except retention.RetentionError as exc:
        messages.error(request, str(exc))
        return _change_page(request, change, status=400)
    messages.success(request, _("The rule is changed.") if form.approve else _("The change is refused."))
    return redirect("config:retention")


app_name = "config"
urlpatterns: list[URLPattern] = [
    path("labels/", labels, name="labels"),
    path("intake-routes/", routes, name="routes"),
    path("intake-routes/<uuid:team_id>/", route_edit, name="route_edit"),
    path("retention/", retention_rules, name="retention"),
    path("retention/<slug:rule_key>/", retention_edit, name="retention_edit"),
    path("retention/changes/<uuid:change_id>/", retention_change, name="retention_change"),
    path("retention/changes/<uuid:change_id>/decide/", retention_decide, name="retention_decide"),
]
