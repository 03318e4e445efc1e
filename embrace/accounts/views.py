"""Staff sign-in (password, then TOTP), enrolment, password change and recovery, and account management."""

from __future__ import annotations

import base64
import io
import uuid
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts import actions
from embrace.accounts.decorators import staff_required
from embrace.accounts.forms import (
    CodeForm,
    EnrolForm,
    LoginForm,
    PasswordChangeForm,
    RecoverForm,
    ReenrolForm,
    TeamForm,
)
from embrace.accounts.models import Team, User
from embrace.accounts.roles import Perm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.core.access import public
from embrace.myanmar.formats import local_digits
from embrace.vault import keyring as vault_keyring

PREAUTH = "preauth_user"


def _pending_user(request: HttpRequest) -> User | None:
    """The user who passed the password step in this session and still owes the second factor."""
    user_id = request.session.get(PREAUTH)
    return User.objects.filter(pk=user_id, is_active=True).first() if user_id else None


def _next_url(request: HttpRequest) -> str | None:
    """Where to go after login, only if it stays on this site (never an open redirect)."""
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and safe else None


def _throttled(request: HttpRequest, form: LoginForm, username: str) -> HttpResponse | None:
    """A 429 asking for the password and code together while this username, or the whole site, has seen too
    many failures; else None. Never blocks someone who has their authenticator."""
    wait, site = actions.throttle_wait(username), actions.site_wait()
    if not wait and not site:
        return None
    record(Event.LOGIN_THROTTLED, username_hash=actions.throttle_key(username)[:16], site=bool(site))
    seconds = max(wait, site)
    why = (
        _("Too many failed attempts for this username.")
        if wait
        else _("Too many failed sign-ins across the site just now.")
    )
    then = ngettext(
        "Enter your password and the 6-digit code from your authenticator together to sign in now, or try "
        "again without the code in %(seconds)d second.",
        "Enter your password and the 6-digit code from your authenticator together to sign in now, or try "
        "again without the code in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}
    # Two whole sentences, each translated on its own.
    form.add_error(None, why)
    form.add_error(None, local_digits(then))
    return render(request, "accounts/login.html", {"form": form, "ask_code": True}, status=429)


def _complete_login(request: HttpRequest, user: User, device: TOTPDevice) -> None:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    otp_login(request, device)
    request.session.pop(PREAUTH, None)
    # login() has just cycled the session into a saved row, so it has a key to remember.
    actions.note_session(str(request.session.session_key), user)
    actions.register_success(user.username)
    record(Event.LOGIN, actor=user, subject=user)


def _login_with_code(request: HttpRequest, form: LoginForm) -> HttpResponse:
    """Password and code in one step (offered while throttled): both right sign in at once."""
    username, password = form.cleaned_data["username"], form.cleaned_data["password"]
    user = authenticate(request, username=username, password=password)
    # The code is checked only once the password is right: a stranger cannot spend the real person's
    # wrong-code allowance on the authenticator.
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() if user is not None else None
    allowed = device is not None and device.verify_is_allowed()[0]
    if user is None or device is None or not allowed or not device.verify_token(form.cleaned_data["code"]):
        actions.register_failure(username, user=User.objects.filter(username=username).first())
        form.add_error(None, _("Wrong username, password or code."))
        return render(request, "accounts/login.html", {"form": form, "ask_code": True}, status=400)
    try:
        keyring = vault_keyring.unlock_with_password(user, password)
    except vault_keyring.VaultLocked:
        form.add_error(None, _("This account has no usable keys. Ask an administrator to recreate it."))
        return render(request, "accounts/login.html", {"form": form}, status=400)
    request.session.flush()
    cookie = vault_keyring.start_session(request, keyring)
    _complete_login(request, user, device)
    response = redirect(_next_url(request) or "accounts:home")
    vault_keyring.set_key_cookie(response, cookie)
    return response


@require_http_methods(["GET", "POST"])
@public
@sensitive_post_parameters("password", "code")
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username, password = form.cleaned_data["username"], form.cleaned_data["password"]
        if form.cleaned_data["code"]:
            return _login_with_code(request, form)
        if throttled := _throttled(request, form, username):
            return throttled
        user = authenticate(request, username=username, password=password)
        if user is None:
            actions.register_failure(username, user=User.objects.filter(username=username).first())
            form.add_error(None, _("Wrong username or password."))
            return render(request, "accounts/login.html", {"form": form}, status=400)
        try:
            keyring = vault_keyring.unlock_with_password(user, password)
        except vault_keyring.VaultLocked:
            form.add_error(None, _("This account has no usable keys. Ask an administrator to recreate it."))
            return render(request, "accounts/login.html", {"form": form}, status=400)
        # A fresh session: nothing of an earlier user (or an attacker-planted session) carries over.
        request.session.flush()
        request.session[PREAUTH] = str(user.pk)
        cookie = vault_keyring.start_session(request, keyring)
        has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        target = reverse("accounts:login_code" if has_device else "accounts:enrol")
        if has_device and (next_url := _next_url(request)):
            target += "?" + urlencode({"next": next_url})
        response = redirect(target)
        vault_keyring.set_key_cookie(response, cookie)
        return response
    context = {"form": form, "ask_code": bool(form.data.get("code"))}
    return render(request, "accounts/login.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@public
@sensitive_post_parameters("code")
def login_code(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("Start with your username and password."))
        return redirect("accounts:login")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect("accounts:enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _why = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["code"]):
            _complete_login(request, user, device)
            return redirect(_next_url(request) or "accounts:home")
        record(Event.OTP_FAILED, actor=user, subject=user)
        form.add_error(
            "code",
            _("That code is wrong or was already used. Wait for the next code and try again.")
            if allowed
            else _("Too many wrong codes. Wait a minute, then try again."),
        )
        return render(request, "accounts/login_code.html", {"form": form}, status=400 if allowed else 429)
    return render(request, "accounts/login_code.html", {"form": form}, status=400 if form.errors else 200)


def qr_data_uri(device: TOTPDevice) -> str:
    """The enrolment QR code as a ``data:`` image. As an image (not inline markup) the SVG needs its own
    namespace and size, or browsers draw nothing: segno's ``svg_inline`` leaves both out, so ask for them."""
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(buffer, kind="svg", scale=4, xmldecl=False, svgns=True)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@require_http_methods(["GET", "POST"])
@public
@sensitive_post_parameters("code", "new_password", "new_password_again")
def enrol(request: HttpRequest) -> HttpResponse:
    """First login: scan a QR code, prove it with a code, and (for a temporary password) choose one's own."""
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts:login_code")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = EnrolForm(request.POST or None, user=user)
    context = {"form": form, "qr": qr_data_uri(device), "secret": base64.b32encode(device.bin_key).decode()}
    if request.method == "POST" and form.is_valid():
        if not device.verify_token(form.cleaned_data["code"]):
            form.add_error("code", _("That code is wrong or was already used. Wait for the next code."))
            return render(request, "accounts/enrol.html", context, status=400)
        try:
            keyring = vault_keyring.keyring_from_request(request, user)
        except vault_keyring.VaultLocked:
            messages.error(request, _("Your sign-in expired. Log in again."))
            return redirect("accounts:login")
        recovery_key = None
        if user.must_change_password:
            # The administrator knew the temporary password: the key it wrapped is replaced, not re-wrapped.
            keyring, recovery_key = actions.replace_password_and_keys(
                keyring, form.cleaned_data["new_password"]
            )
        actions.confirm_totp(device, actor=user)
        _complete_login(request, user, device)
        cookie = vault_keyring.start_session(request, keyring)
        response = (
            render(request, "accounts/recovery_key.html", {"recovery_key": recovery_key})
            if recovery_key
            else redirect("accounts:home")
        )
        vault_keyring.set_key_cookie(response, cookie)
        return response
    return render(request, "accounts/enrol.html", context, status=400 if form.errors else 200)


@require_POST
@public
def choose_language(request: HttpRequest) -> HttpResponse:
    """The switch on every staff page: a signed-in person's setting, or a cookie on the sign-in pages."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponse(
            _("Choose English or Burmese."), status=400, content_type="text/plain; charset=utf-8"
        )
    if request.user.is_authenticated:
        actions.choose_language(request.user, language)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None) or not target.startswith("/staff/"):
        target = reverse("accounts:home")
    response = redirect(target)
    response.set_cookie(
        settings.STAFF_LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        path="/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


@require_POST
@public
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        record(Event.LOGOUT, actor=request.user, subject=request.user)
    actions.forget_session(request.session.session_key)
    logout(request)
    response = redirect("accounts:login")
    vault_keyring.clear_key_cookie(response)
    return response


@require_http_methods(["GET", "POST"])
@public
@sensitive_post_parameters("new_password", "new_password_again", "recovery_key")
def recover(request: HttpRequest) -> HttpResponse:
    """A forgotten password: the recovery key and a current TOTP code together set a new password."""
    form = RecoverForm(request.POST or None, user=User())
    if request.method == "POST" and form.is_valid():
        # No block here: recovery needs a 256-bit key and a current code, so a stranger's failures for this
        # username must not keep the real person out (they are still counted and audited).
        user = User.objects.filter(username=form.cleaned_data["username"], is_active=True).first()
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() if user else None
        try:
            if user is None or device is None:
                raise vault_keyring.VaultLocked("unknown user")
            keyring = vault_keyring.unlock_with_recovery_key(user, form.cleaned_data["recovery_key"])
        except vault_keyring.VaultLocked:
            keyring = None
        if keyring is None or device is None or not device.verify_token(form.cleaned_data["code"]):
            actions.register_failure(form.cleaned_data["username"], user=user)
            form.add_error(None, _("The username, recovery key or code is wrong."))
            return render(request, "accounts/recover.html", {"form": form}, status=400)
        recovery_key = actions.recover_account(keyring, form.cleaned_data["new_password"])
        return render(request, "accounts/recovery_key.html", {"recovery_key": recovery_key})
    return render(request, "accounts/recover.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@public
@sensitive_post_parameters("password", "recovery_key")
def reenrol(request: HttpRequest) -> HttpResponse:
    """A lost authenticator: password and recovery key together, then a new one enrolled as at first login."""
    form = ReenrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username, password = form.cleaned_data["username"], form.cleaned_data["password"]
        user = authenticate(request, username=username, password=password)
        keyring = None
        if user is not None:
            try:
                keyring = vault_keyring.unlock_with_recovery_key(user, form.cleaned_data["recovery_key"])
            except vault_keyring.VaultLocked:
                keyring = None
        if user is None or keyring is None:
            # Counted like any failure, but never blocking: this door needs a 256-bit key as well.
            actions.register_failure(username, user=User.objects.filter(username=username).first())
            form.add_error(None, _("The username, password or recovery key is wrong."))
            return render(request, "accounts/reenrol.html", {"form": form}, status=400)
        recovery_key = actions.reenrol_authenticator(keyring, password)
        request.session.flush()
        request.session[PREAUTH] = str(user.pk)
        cookie = vault_keyring.start_session(request, keyring)
        response = render(
            request, "accounts/recovery_key.html", {"recovery_key": recovery_key, "then_enrol": True}
        )
        vault_keyring.set_key_cookie(response, cookie)
        return response
    return render(request, "accounts/reenrol.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@staff_required()
@sensitive_post_parameters("current_password", "new_password", "new_password_again")
def password_change(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = PasswordChangeForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        actions.change_password(request.keyring, form.cleaned_data["new_password"])  # type: ignore[attr-defined]
        update_session_auth_hash(request, user)
        messages.success(request, _("Password changed. Your keys are now protected by the new password."))
        return redirect("accounts:home")
    return render(
        request, "accounts/password_change.html", {"form": form}, status=400 if form.errors else 200
    )


# --- Account management (administrators: accounts, never case contents) ------------------------------------


@require_http_methods(["GET", "POST"])
@staff_required(Perm.ACCOUNTS_MANAGE)
def team_new(request: HttpRequest) -> HttpResponse:
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        team = actions.create_team(
            form.cleaned_data["name"],
            form.cleaned_data["description"],
            actor=request.user,  # type: ignore[arg-type]
        )
        messages.success(request, _("Team “%(name)s” created.") % {"name": team.name})
        return redirect("accounts:team_list")
    return render(request, "accounts/team_form.html", {"form": form}, status=400 if form.errors else 200)


def get_team_for(user: User, team_id: uuid.UUID) -> Team:
    """A team, for an administrator (the decorator has checked the permission): 404 if unknown."""
    return get_object_or_404(Team, pk=team_id)


@require_GET
@staff_required(Perm.ACCOUNTS_MANAGE)
def team_list(request: HttpRequest) -> HttpResponse:
    teams = Team.objects.annotate(people=Count("members", filter=Q(members__is_active=True)))
    return render(request, "accounts/team_list.html", {"teams": teams})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.ACCOUNTS_MANAGE)
def team_edit(request: HttpRequest, team_id: uuid.UUID) -> HttpResponse:
    team = get_team_for(request.user, team_id)  # type: ignore[arg-type]
    # The form works on a copy, so a rejected name never shows as the team's name in the page's heading.
    data = request.POST if request.method == "POST" else None
    form = TeamForm(data, instance=Team.objects.get(pk=team.pk))
    if request.method == "POST" and form.is_valid():
        actions.update_team(
            team,
            form.cleaned_data["name"],
            form.cleaned_data["description"],
            actor=request.user,  # type: ignore[arg-type]
        )
        messages.success(request, _("Team “%(name)s” saved.") % {"name": team.name})
        return redirect("accounts:team_list")
    members = team.members.filter(is_active=True).order_by("username")
    context = {"form": form, "team": team, "members": members}
    return render(request, "accounts/team_form.html", context, status=400 if form.errors else 200)
