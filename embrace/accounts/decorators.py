"""The access decision every staff view makes, in one place.

Order on a view: HTTP method → ``staff_required`` (login, second factor, live key, permission) →
sensitive-parameter hiding.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from embrace.accounts.roles import Perm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.core.access import ATTRIBUTE, staff_access
from embrace.vault.keyring import VaultLocked, clear_key_cookie, keyring_from_request

View = TypeVar("View", bound=Callable[..., HttpResponse])


def session_ended(request: HttpRequest, message: str) -> HttpResponse:
    response = render(request, "accounts/session_ended.html", {"message": message}, status=403)
    clear_key_cookie(response)
    response.delete_cookie(settings.SESSION_COOKIE_NAME, samesite="Strict")
    return response


def staff_required(perm: Perm | None = None) -> Callable[[View], View]:
    """Logged in with both factors, holding a live key, and (if given) allowed ``perm``; else 302/403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                request.session.keys()  # load it: an unknown or expired session key is dropped here
                if request.COOKIES.get(settings.SESSION_COOKIE_NAME) and request.session.session_key is None:
                    return session_ended(
                        request,
                        _("Your session has ended (signed out, timed out, or not valid). Log in again."),
                    )
                return redirect_to_login(request.get_full_path())
            if not user.is_verified():  # type: ignore[attr-defined]
                return redirect_to_login(request.get_full_path())
            try:
                request.keyring = keyring_from_request(request, user)  # type: ignore[attr-defined]
            except VaultLocked as exc:
                record(Event.KEY_COOKIE_REJECTED, actor=user, reason=str(exc))
                logout(request)
                return session_ended(
                    request, _("Your key is missing or damaged, so nothing can be decrypted. Log in again.")
                )
            if perm is not None and not user.can(perm):
                raise PermissionDenied(_("Your role does not allow this."))
            return view(request, *args, **kwargs)

        # The marker the URL walker looks for (embrace.core.tests.test_access).
        setattr(wrapper, ATTRIBUTE, staff_access(perm))
        return wrapper  # type: ignore[return-value]

    return decorator
