"""Break-glass pages: one overview, and one small view per step, each re-showing the overview with the form
as typed and a 400 on bad input."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.breakglass import actions
from embrace.breakglass.forms import (
    ConfirmShareForm,
    EnterShareForm,
    OpenRestoreForm,
    RestoreForm,
    SetUpDecisionForm,
    SetUpForm,
)
from embrace.myanmar.formats import local_digits
from embrace.vault import recovery
from embrace.vault.actions import holders_of
from embrace.vault.keyring import Keyring
from embrace.vault.models import KeyGroup, Restore, RestoreStatus


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _keyring(request: HttpRequest) -> Keyring:
    return request.keyring  # type: ignore[attr-defined]


def _restorable_groups() -> QuerySet[KeyGroup]:
    """Groups the recovery key has a copy of and nobody holds any more: the only ones a restore is for."""
    candidates = KeyGroup.objects.filter(keys__recovery_grants__recovery_key__current=True).distinct()
    return KeyGroup.objects.filter(pk__in=[g.pk for g in candidates if not holders_of(g)]).order_by("name")


def _open_form(request: HttpRequest, data: Any = None) -> OpenRestoreForm:
    recipients = actions.trustee_candidates().exclude(pk=_user(request).pk)
    return OpenRestoreForm(data, groups=_restorable_groups(), recipients=recipients)


def _page(request: HttpRequest, *, status: int = 200, **forms: Any) -> HttpResponse:
    user = _user(request)
    recovery_key = recovery.current_recovery_key()
    trustee = recovery.trusteeship_of(user)
    is_admin = user.can(Perm.ACCOUNTS_MANAGE)
    restores = [
        (
            restore,
            restore.shares.count(),
            restore.shares.filter(trustee__user=user).exists(),
        )
        for restore in recovery.restores_for(user)
    ]
    context = {
        "recovery_key": recovery_key,
        "fingerprint": recovery.fingerprint(recovery_key) if recovery_key else "",
        # Who the trustees are is worth knowing to an adversary: shown to trustees and administrators only.
        "trustees": (
            recovery_key.trustees.select_related("user").order_by("user__username")
            if recovery_key and (trustee or is_admin)
            else None
        ),
        "trustee": trustee,
        "uncovered": len(recovery.uncovered_generations(_keyring(request))) if recovery_key else 0,
        "restores": restores,
        "is_admin": is_admin,
        "set_up_form": forms.get("set_up_form")
        or (SetUpForm(candidates=actions.trustee_candidates()) if is_admin else None),
        "proposals": [(a, actions.proposal_of(a)) for a in actions.pending_set_ups(user)] if is_admin else [],
        "decision_form": SetUpDecisionForm(approve=_("Approve and make the key"), refuse=_("Refuse")),
        "open_form": forms.get("open_form") or (_open_form(request) if trustee else None),
        "share_form": forms.get("share_form"),
        "share_for": forms.get("share_for"),
        "open": RestoreStatus.OPEN,
    }
    return render(request, "breakglass/overview.html", context, status=status)


@require_GET
@staff_required()
def overview(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@staff_required(Perm.ACCOUNTS_MANAGE)
def set_up(request: HttpRequest) -> HttpResponse:
    """An administrator proposes trustees and a threshold; a second administrator must approve."""
    form = SetUpForm(request.POST, candidates=actions.trustee_candidates())
    if not form.is_valid():
        return _page(request, set_up_form=form, status=400)
    try:
        actions.propose_set_up(
            list(form.cleaned_data["trustees"]), form.cleaned_data["threshold"], actor=_user(request)
        )
    except actions.BreakGlassError as exc:
        form.add_error(None, str(exc))
        return _page(request, set_up_form=form, status=400)
    messages.success(request, _("Proposed: another administrator must approve before the key is made."))
    return redirect("breakglass:overview")


@require_POST
@staff_required(Perm.ACCOUNTS_MANAGE)
def set_up_decide(request: HttpRequest) -> HttpResponse:
    form = SetUpDecisionForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400)
    approval = get_object_or_404(actions.pending_set_ups(_user(request)), pk=form.cleaned_data["approval"])
    try:
        made = actions.decide_set_up(approval, approve=form.approve, actor=_user(request))
    except actions.BreakGlassError as exc:
        messages.error(request, str(exc))
        return _page(request, status=400)
    messages.success(
        request,
        _("The recovery key is made. Each trustee must now open their share and write it down.")
        if made
        else _("Refused."),
    )
    return redirect("breakglass:overview")


@require_http_methods(["GET", "POST"])
@staff_required()
@sensitive_post_parameters("words")
def my_share(request: HttpRequest) -> HttpResponse:
    """The trustee's own share: shown on request, until they type it back from paper; then deleted."""
    trustee = recovery.trusteeship_of(_user(request))
    if trustee is None or trustee.sealed_share is None:
        raise Http404
    context: dict[str, Any] = {"trustee": trustee, "form": ConfirmShareForm()}
    if request.method == "GET":
        return render(request, "breakglass/my_share.html", context)
    keyring, user = _keyring(request), _user(request)
    if "show" in request.POST:
        context["words"] = recovery.show_share(keyring, actor=user)
        return render(request, "breakglass/my_share.html", context)
    form = ConfirmShareForm(request.POST)
    context["form"] = form
    if form.is_valid():
        try:
            recovery.confirm_share_written(keyring, form.cleaned_data["words"], actor=user)
        except recovery.RecoveryError as exc:
            form.add_error("words", str(exc))
        else:
            messages.success(request, _("Thank you. Your share is now only on your paper: keep it safe."))
            return redirect("breakglass:overview")
    return render(request, "breakglass/my_share.html", context, status=400)


@require_POST
@staff_required()
def cover(request: HttpRequest) -> HttpResponse:
    """A holder seals the group keys they hold from before the set-up to the recovery key."""
    try:
        count = recovery.cover_held_generations(_keyring(request), actor=_user(request))
    except recovery.RecoveryError as exc:
        messages.error(request, str(exc))
        return _page(request, status=400)
    messages.success(
        request, local_digits(_("%(count)d older group keys can now be restored.") % {"count": count})
    )
    return redirect("breakglass:overview")


@require_POST
@staff_required()
def restore_open(request: HttpRequest) -> HttpResponse:
    if recovery.trusteeship_of(_user(request)) is None:
        raise PermissionDenied(_("Only a trustee of the recovery key may ask for a restore."))
    form = _open_form(request, request.POST)
    if not form.is_valid():
        return _page(request, open_form=form, status=400)
    try:
        actions.open_restore(
            form.cleaned_data["group"],
            form.cleaned_data["recipient"],
            reason=form.cleaned_data["reason"],
            actor=_user(request),
        )
    except (actions.BreakGlassError, recovery.RecoveryError) as exc:
        form.add_error(None, str(exc))
        return _page(request, open_form=form, status=400)
    messages.success(request, _("Asked. The trustees will each see it here and enter their shares."))
    return redirect("breakglass:overview")


def _restore_for(request: HttpRequest, restore_id: object) -> Restore:
    """The restore, if this user may see it (a trustee of its key, its opener or its recipient); else 404."""
    return get_object_or_404(
        recovery.restores_for(_user(request)).select_related("recovery_key"), pk=restore_id
    )


@require_POST
@staff_required()
@sensitive_post_parameters("words")
def restore_share(request: HttpRequest) -> HttpResponse:
    form = EnterShareForm(request.POST)
    if not form.is_valid():
        return _page(request, share_form=form, status=400)
    restore = _restore_for(request, form.cleaned_data["restore"])
    try:
        count = recovery.enter_share(restore, form.cleaned_data["words"], actor=_user(request))
    except recovery.NotTrustee as exc:
        raise PermissionDenied(str(exc)) from None
    except recovery.RecoveryError as exc:
        form.add_error("words", str(exc))
        return _page(request, share_form=form, share_for=restore.pk, status=400)
    messages.success(
        request,
        local_digits(
            _("Your share is in, sealed to the recipient: %(count)d of %(needed)d.")
            % {"count": count, "needed": restore.recovery_key.threshold}
        ),
    )
    return redirect("breakglass:overview")


@require_POST
@staff_required()
def restore_complete(request: HttpRequest) -> HttpResponse:
    form = RestoreForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400)
    restore = _restore_for(request, form.cleaned_data["restore"])
    if restore.recipient_id != request.user.pk:
        raise PermissionDenied(_("Only the named recipient completes a restore."))
    try:
        count = actions.complete_restore(restore, keyring=_keyring(request), actor=_user(request))
    except (actions.BreakGlassError, recovery.RecoveryError) as exc:
        messages.error(request, str(exc))
        return _page(request, status=400)
    messages.success(
        request, local_digits(_("Restored: you now hold %(count)d keys of the group.") % {"count": count})
    )
    return redirect("breakglass:overview")


@require_POST
@staff_required()
def restore_cancel(request: HttpRequest) -> HttpResponse:
    form = RestoreForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400)
    restore = _restore_for(request, form.cleaned_data["restore"])
    try:
        recovery.cancel_restore(restore, actor=_user(request))
    except recovery.NotTrustee as exc:
        raise PermissionDenied(str(exc)) from None
    except recovery.RecoveryError as exc:
        messages.error(request, str(exc))
        return _page(request, status=400)
    messages.success(request, _("Cancelled. The shares entered for it are gone."))
    return redirect("breakglass:overview")
