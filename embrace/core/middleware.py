"""Response headers that Django's SecurityMiddleware does not set: CSP and Permissions-Policy."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

# Nothing from another origin, no inline script, no plugins, no framing, forms post only to us.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

# The enquirer's site runs no script at all and shows no image from anywhere but us.
ENQUIRER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'", "script-src 'none'"
).replace("connect-src 'self'", "connect-src 'none'")

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
        "interest-cohort",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        staff = request.path.startswith(("/staff/", "/static/staff/"))
        csp = CONTENT_SECURITY_POLICY if staff else ENQUIRER_CONTENT_SECURITY_POLICY
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        # Django's XFrameOptionsMiddleware sits inside WhiteNoise and below where a DisallowedHost becomes a
        # 400, so static files and those errors would go without it: set it out here for every response.
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        if request.path.startswith("/staff/"):
            # Staff pages hold decrypted case content: never cache them anywhere.
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def staff_language(request: HttpRequest) -> str:
    """The language of a staff page: the signed-in person's setting, else the sign-in pages' cookie, else
    the programme's default (Burmese)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return str(user.language)
    chosen = request.COOKIES.get(settings.STAFF_LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class StaffLanguageMiddleware:
    """Staff pages speak each person's language. Django's LocaleMiddleware gives every address outside the
    enquirer's language prefix the default language; under /staff/ this overrides it per person."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/staff/"):
            return self.get_response(request)
        language = staff_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers["Content-Language"] = language
        return response


# Where the chat channels' webhooks live (embrace/urls.py).
WEBHOOK_PREFIX = "/hooks/"


def is_onion_host(host: str) -> bool:
    """Whether ``host`` (as ``request.get_host()`` gives it, perhaps with a port) is a Tor onion address."""
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name.lower().rstrip(".").endswith(".onion")


class OnionOnlyMiddleware:
    """With ``EMBRACE_ONION_ONLY``, the enquirer's pages (everything outside /staff/ and the webhooks) refuse
    any host that is not a .onion address with 421 Misdirected Request and a short neutral page, before any
    redirect, static file or form could answer. Staff pages follow ``EMBRACE_STAFF_ONION_ONLY``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The chat channels' webhooks are called by Telegram's and Meta's servers, which reach no onion
        # address; they authenticate every request themselves (embrace.channels) and serve no enquirer page.
        webhook = request.path.startswith(WEBHOOK_PREFIX)
        if settings.ONION_ONLY and not webhook and not is_onion_host(request.get_host()):
            staff = request.path.startswith(("/staff/", "/static/staff/"))
            if not staff or settings.STAFF_ONION_ONLY:
                return self.refusal(request)
        return self.get_response(request)

    @staticmethod
    def refusal(request: HttpRequest) -> HttpResponse:
        language = "en" if request.path.startswith("/en/") else settings.LANGUAGE_CODE
        with translation.override(language):
            title = gettext("Open this site in Tor Browser")
            text = gettext(
                "This site opens only through Tor, at its .onion address. Nothing was sent or kept."
            )
        page = (
            f'<!doctype html><html lang="{language}"><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width"><link rel="icon" href="data:,">'
            f"<title>{escape(title)}</title><h1>{escape(title)}</h1><p>{escape(text)}</p></html>"
        )
        response = HttpResponse(page, status=421, content_type="text/html; charset=utf-8")
        response.headers["Cache-Control"] = "no-store"
        return response
