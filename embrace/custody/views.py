"""``/staff/keys/``: the keys a person holds, the people waiting for a key they could give, and requests a
second holder must approve. Every give is sealed by the giver's (or approver's) own session keyring."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.custody import actions, groups
from embrace.custody.forms import DecideForm, GiveForm, StartForm
from embrace.vault.keyring import Keyring
from embrace.vault.models import KeyGroup


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _keyring(request: HttpRequest) -> Keyring:
    return request.keyring  # type: ignore[attr-defined]


@dataclass
class Row:
    group: KeyGroup
    label: str
    reach: groups.Reach
    waiting: list[User]
    second_person: bool
    requests: list[tuple[Approval, User]]


def _pending(group: KeyGroup) -> list[tuple[Approval, User]]:
    found = Approval.objects.filter(
        action=actions.GIVE_ACTION, status=ApprovalStatus.PENDING, subject__startswith=f"{group.pk}:"
    ).select_related("requested_by")
    out = []
    for approval in found.order_by("requested_at"):
        try:
            _, user = actions.parse_request(approval)
        except actions.CustodyError:
            continue  # about someone no longer here: nothing to decide
        out.append((approval, user))
    return out


def _page(request: HttpRequest, *, status: int = 200, form: GiveForm | None = None) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    held = list(groups.held_groups(user))
    rows = [
        Row(
            group=g,
            label=groups.label(g),
            reach=groups.reach(g),
            waiting=list(groups.waiting_for(g)),
            second_person=groups.needs_second_person(g),
            requests=_pending(g),
        )
        for g in held
        if groups.holds(user, g)
    ]
    held_ids = {g.pk for g in held if groups.holds(user, g)}
    not_held = [(g, groups.label(g)) for g in groups.entitled_groups(user) if g.pk not in held_ids]
    return render(
        request,
        "custody/keys.html",
        {"rows": rows, "not_held": not_held, "form": form, "decide_form": DecideForm()},
        status=status,
    )


@require_GET
@staff_required()
def keys(request: HttpRequest) -> HttpResponse:
    return _page(request)


def _refused(request: HttpRequest, message: str, status: int, form: GiveForm | None = None) -> HttpResponse:
    messages.error(request, message)
    return _page(request, status=status, form=form)


@require_POST
@staff_required()
def give(request: HttpRequest) -> HttpResponse:
    """Give a key at once, or (custodians, passage) ask a second holder to approve giving it."""
    form = GiveForm(request.POST)
    if not form.is_valid():
        return _refused(request, _("Choose a key and a person."), 400, form)
    group = KeyGroup.objects.filter(pk=form.cleaned_data["group"]).first()
    joiner = User.objects.filter(pk=form.cleaned_data["user"]).first()
    if group is None or joiner is None:
        return _refused(request, _("No such key or person."), 404, form)
    try:
        if groups.needs_second_person(group):
            actions.request_group_key(
                group,
                joiner,
                keyring=_keyring(request),
                actor=_user(request),
                reason=form.cleaned_data["reason"],
            )
            messages.success(
                request, _("Asked: another holder must approve before %s gets the key.") % joiner
            )
        else:
            actions.give_group_key(group, joiner, keyring=_keyring(request), actor=_user(request))
            messages.success(request, _("%s now holds the key.") % joiner)
    except actions.CustodyError as exc:
        return _refused(request, str(exc), exc.status, form)
    return redirect("custody:keys")


@require_POST
@staff_required()
def start(request: HttpRequest) -> HttpResponse:
    """The first key of a group nobody holds yet, for oneself."""
    form = StartForm(request.POST)
    group = KeyGroup.objects.filter(pk=form.cleaned_data["group"]).first() if form.is_valid() else None
    if group is None:
        return _refused(request, _("Choose a key to start."), 400)
    try:
        actions.start_group_key(group, actor=_user(request))
    except actions.CustodyError as exc:
        return _refused(request, str(exc), exc.status)
    messages.success(request, _("You hold the first key of %s.") % groups.label(group))
    return redirect("custody:keys")


@require_POST
@staff_required()
def decide(request: HttpRequest) -> HttpResponse:
    """A second holder approves (their session seals the key) or refuses a request to give a key."""
    form = DecideForm(request.POST)
    if not form.is_valid():
        return _refused(request, _("Choose a request and approve or refuse it."), 400)
    approval = Approval.objects.filter(pk=form.cleaned_data["approval"], action=actions.GIVE_ACTION).first()
    if approval is None:
        return _refused(request, _("No such request."), 404)
    try:
        if form.cleaned_data["decision"] == "approve":
            actions.approve_group_key(approval, keyring=_keyring(request), actor=_user(request))
            messages.success(request, _("Approved: the key is given."))
        else:
            actions.refuse_group_key(approval, actor=_user(request))
            messages.success(request, _("Refused."))
    except actions.CustodyError as exc:
        return _refused(request, str(exc), exc.status)
    return redirect("custody:keys")
