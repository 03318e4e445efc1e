"""Account pages for administrators (who never see case content) and the invitee's own set-up page."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import Team, User
from embrace.accounts.roles import Perm, Role
from embrace.accounts.views import qr_data_uri
from embrace.approvals.forms import DecisionForm
from embrace.approvals.models import Approval, Status
from embrace.approvals.queries import pending_for
from embrace.audit.log import subject_of
from embrace.core.access import public
from embrace.myanmar.formats import local_digits
from embrace.staffing import actions
from embrace.staffing.actions import RESET_AUTHENTICATOR, WIDEN_ACCESS, StaffingError
from embrace.staffing.forms import AcceptInvitationForm, AccessForm, FingerprintForm, InviteForm
from embrace.staffing.models import AccessChange, Invitation

INVITATION_DEVICE = "invitation_device"
SEEN_NOTE = gettext_lazy(
    "What this person could read before is assumed seen: it cannot be taken back. Only content added from "
    "now on is closed to them."
)


def _actor(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def get_account_for(user: User, user_id: uuid.UUID) -> User:
    """An account, for an administrator (the decorator has checked the permission): 404 if unknown."""
    return get_object_or_404(User, pk=user_id)


@require_GET
@staff_required(Perm.ACCOUNTS_MANAGE)
def user_list(request: HttpRequest) -> HttpResponse:
    me = _actor(request)
    waiting = pending_for(me).filter(action__in=[WIDEN_ACCESS, RESET_AUTHENTICATOR])
    context = {
        # Invitees appear as invitations until a second administrator has confirmed them.
        "users": User.objects.filter(
            Q(invitation__isnull=True) | Q(invitation__confirmed_at__isnull=False)
        ).prefetch_related("role_assignments", "teams"),
        "invitations": Invitation.objects.filter(
            confirmed_at__isnull=True, cancelled_at__isnull=True
        ).select_related("user", "invited_by"),
        "changes": AccessChange.objects.filter(approval__in=waiting).select_related(
            "user", "approval__requested_by"
        ),
        "resets": waiting.filter(action=RESET_AUTHENTICATOR).select_related("requested_by"),
        "teams": Team.objects.all(),
    }
    return render(request, "staffing/user_list.html", context)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.ACCOUNTS_MANAGE)
def invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, token = actions.invite_user(
                form.cleaned_data["username"],
                roles=[Role(r) for r in form.cleaned_data["roles"]],
                teams=form.cleaned_data["teams"],
                actor=_actor(request),
            )
        except StaffingError as exc:
            form.add_error(None, str(exc))
        else:
            link = request.build_absolute_uri(reverse("staffing:join", args=[token]))
            return render(
                request, "staffing/invitation_created.html", {"invitation": invitation, "link": link}
            )
    return render(request, "staffing/invite.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.ACCOUNTS_MANAGE)
def invitation_detail(request: HttpRequest, invitation_id: uuid.UUID) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("user", "invited_by"), pk=invitation_id)
    form = FingerprintForm(request.POST if request.POST.get("do") == "confirm" else None)
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("do") == "withdraw":
                actions.cancel_invitation(invitation, actor=_actor(request))
                messages.success(request, _("Invitation withdrawn."))
                return redirect("staffing:user_list")
            if form.is_valid():
                actions.confirm_invitation(
                    invitation, form.cleaned_data["fingerprint"], actor=_actor(request)
                )
                messages.success(request, _("%(name)s is confirmed and active.") % {"name": invitation.user})
                return redirect("staffing:user_list")
            status = 400
        except StaffingError as exc:
            form.add_error(None, str(exc))
            status = 400
        if request.POST.get("do") not in ("confirm", "withdraw"):
            form.add_error(None, _("Choose to confirm or to withdraw."))
    context = {
        "invitation": invitation,
        "form": form,
        "own": invitation.invited_by_id == request.user.pk,
        "bootstrap": actions.may_bootstrap(invitation, _actor(request)),
        "teams": invitation.teams.all(),
        "roles": [Role(r).label for r in invitation.roles],
    }
    return render(request, "staffing/invitation.html", context, status=status)


@require_http_methods(["GET", "POST"])
@public
@sensitive_post_parameters("new_password", "new_password_again", "code")
def join(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee's page: their own password and authenticator, then their recovery key and fingerprint."""
    invitation = actions.invitation_for_token(token)
    if invitation is None:
        return render(request, "staffing/join_invalid.html", status=404)
    user = invitation.user
    device = None
    if request.method == "POST":
        device = TOTPDevice.objects.filter(
            pk=request.session.get(INVITATION_DEVICE), user=user, confirmed=False
        ).first()
    if device is None:
        # A device per visit, remembered by this browser's session only: whoever opened the link earlier
        # (the inviter, say) saw another secret, which will be deleted when this one is confirmed.
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
        request.session[INVITATION_DEVICE] = device.pk
        form = AcceptInvitationForm(user=user)
    else:
        form = AcceptInvitationForm(request.POST, user=user)
    if request.method == "POST" and form.is_bound and form.is_valid():
        if not device.verify_token(form.cleaned_data["code"]):
            form.add_error("code", _("That code is wrong or was already used. Wait for the next code."))
        else:
            try:
                recovery_key, fingerprint = actions.accept_invitation(
                    invitation,
                    form.cleaned_data["new_password"],
                    device,
                    language=form.cleaned_data["language"] or None,
                )
            except StaffingError as exc:
                return render(request, "staffing/join_invalid.html", {"reason": str(exc)}, status=409)
            request.session.pop(INVITATION_DEVICE, None)
            done = {"recovery_key": recovery_key, "fingerprint": fingerprint, "username": user.username}
            return render(request, "staffing/joined.html", done)
    if request.method == "POST" and not form.is_bound:
        form.add_error(None, _("This page was opened afresh: scan the new code below and try again."))
    context = {"form": form, "qr": qr_data_uri(device), "username": user.username}
    return render(request, "staffing/join.html", context, status=400 if form.errors else 200)


def _change_access(request: HttpRequest, user: User, form: AccessForm) -> None:
    """What was unticked is removed at once; what was ticked anew is proposed to a second administrator."""
    actor, data = _actor(request), form.cleaned_data
    roles, teams = {Role(r) for r in data["roles"]}, set(data["teams"])
    removed_roles, removed_teams = user.roles - roles, set(user.teams.all()) - teams
    deactivate = user.is_active and not data["is_active"]
    if removed_roles or removed_teams or deactivate:
        narrowed = actions.narrow_user(
            user, roles=removed_roles, teams=removed_teams, deactivate=deactivate, actor=actor
        )
        ended = local_digits(_("Removed at once; %(n)d open session(s) ended.") % {"n": narrowed.sessions})
        messages.success(request, f"{ended} {SEEN_NOTE}")
        user = User.objects.get(pk=user.pk)
    added_roles, added_teams = roles - user.roles, teams - set(user.teams.all())
    reactivate = data["is_active"] and not user.is_active
    if added_roles or added_teams or reactivate:
        actions.propose_widening(
            user, roles=added_roles, teams=added_teams, reactivate=reactivate, actor=actor
        )
        messages.info(request, _("The additions wait for a second administrator to approve them."))


@require_http_methods(["GET", "POST"])
@staff_required(Perm.ACCOUNTS_MANAGE)
def user_edit(request: HttpRequest, user_id: uuid.UUID) -> HttpResponse:
    user = get_account_for(_actor(request), user_id)
    # An empty POST is a form with every box unticked (a browser sends nothing for unticked boxes).
    form = AccessForm(request.POST if request.method == "POST" else None, user=user, editor=_actor(request))
    if request.method == "POST" and form.is_valid():
        try:
            _change_access(request, user, form)
        except StaffingError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("staffing:user_list")
    context = {"form": form, "edited": user, "seen_note": SEEN_NOTE}
    return render(request, "staffing/user_form.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.ACCOUNTS_MANAGE)
def change_decide(request: HttpRequest, change_id: uuid.UUID) -> HttpResponse:
    change = get_object_or_404(
        AccessChange.objects.select_related("user", "approval__requested_by"),
        pk=change_id,
        approval__status=Status.PENDING,
    )
    form = DecisionForm(request.POST or None, approve=_("Approve and apply"), refuse=_("Refuse"))
    if request.method == "POST" and form.is_valid():
        try:
            actions.decide_widening(change, approve=form.approve, actor=_actor(request))
        except StaffingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Applied.") if form.approve else _("Refused."))
            return redirect("staffing:user_list")
    context = {
        "change": change,
        "form": form,
        "roles": [Role(r).label for r in change.roles],
        "teams": change.teams.all(),
    }
    return render(request, "staffing/change.html", context, status=400 if form.errors else 200)


@require_POST
@staff_required(Perm.ACCOUNTS_MANAGE)
def reset_request(request: HttpRequest, user_id: uuid.UUID) -> HttpResponse:
    user = get_account_for(_actor(request), user_id)
    try:
        actions.request_authenticator_reset(user, actor=_actor(request))
    except StaffingError as exc:
        messages.error(request, str(exc))
        return redirect("staffing:user_edit", user_id=user.pk)
    messages.info(request, _("The reset waits for a second administrator to approve it."))
    return redirect("staffing:user_list")


@require_http_methods(["GET", "POST"])
@staff_required(Perm.ACCOUNTS_MANAGE)
def reset_decide(request: HttpRequest, approval_id: uuid.UUID) -> HttpResponse:
    approval: Approval = get_object_or_404(
        Approval.objects.select_related("requested_by"),
        pk=approval_id,
        action=RESET_AUTHENTICATOR,
        status=Status.PENDING,
    )
    user = get_object_or_404(User, pk=approval.subject.rpartition(":")[2])
    form = DecisionForm(request.POST or None, approve=_("Approve the reset"), refuse=_("Refuse"))
    if request.method == "POST" and form.is_valid():
        try:
            actions.decide_authenticator_reset(approval, approve=form.approve, actor=_actor(request))
        except StaffingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Done."))
            return redirect("staffing:user_list")
    context = {"approval": approval, "subject": user, "form": form, "subject_ref": subject_of(user)}
    return render(request, "staffing/reset.html", context, status=400 if form.errors else 200)
