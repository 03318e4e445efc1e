"""Response headers that Django's SecurityMiddleware does not set: CSP and Permissions-Policy."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

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
