"""The enquirer's pages leave no cookie behind once the browser is closed.

A phone may be searched at a checkpoint: a cookie from this site that outlives the browser session (Django's
CSRF cookie lived a year) says the phone's owner was here. Every cookie the enquirer's pages and the return
path set must be a browser-session cookie: no Expires, no Max-Age.
"""

from __future__ import annotations

from http.cookies import Morsel

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from embrace.cases.actions import reply_to_enquirer
from embrace.cases.models import Case
from embrace.intake.tests.helpers import form_token, receipt_on, visit_on
from embrace.testing.personas import Persona

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("intake_route")]


class Walk:
    """An enquirer's browser that enforces CSRF as a real one does, remembering every cookie it was sent."""

    def __init__(self) -> None:
        self.client = Client(enforce_csrf_checks=True)
        self.set_cookies: list[tuple[str, Morsel[str]]] = []

    def _seen(self, path: str, response: HttpResponse) -> HttpResponse:
        self.set_cookies += [(path, morsel) for morsel in response.cookies.values()]
        return response

    def get(self, path: str) -> HttpResponse:
        return self._seen(path, self.client.get(path))

    def post(self, path: str, data: dict[str, str], *, csrf: bool = True) -> HttpResponse:
        if csrf:
            data = {**data, "csrfmiddlewaretoken": self.client.cookies[settings.CSRF_COOKIE_NAME].value}
        return self._seen(path, self.client.post(path, data))

    def lasting(self) -> list[str]:
        return [
            f"{path}: {morsel.OutputString()}"
            for path, morsel in self.set_cookies
            if morsel["expires"] or morsel["max-age"] != ""
        ]


def _url(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)


def _walk_in(walk: Walk, language: str, staff: Persona) -> None:
    """Every enquirer page as a person uses it: read, enquire, keep the receipt, return, reply, err."""
    prefix = "" if language == "my" else f"/{language}"
    landing = walk.get(f"{prefix}/")
    assert landing.status_code == 200
    enquire = _url("intake:enquire", language)
    page = walk.post(
        enquire,
        {
            "token": form_token(walk.client, enquire),
            "kind": "information",
            "message": "MARKER-COOKIE-1",
            "reply_via": "site",
        },
    )
    assert page.status_code == 200, page.content.decode()[:1000]
    receipt = receipt_on(page.content.decode())
    assert walk.post(enquire, {"token": "x", "message": ""}).status_code == 400  # a form sent back
    for case in Case.objects.all():
        reply_to_enquirer(case, "MARKER-STAFF-REPLY", actor=staff.user)

    back = _url("intake:return", language)
    assert walk.get(back).status_code == 200
    assert walk.post(back, {"receipt": "1234 5678 9012 3456"}).status_code == 400  # a wrong receipt
    thread = walk.post(back, {"receipt": receipt})
    assert thread.status_code == 200
    visit, token = visit_on(thread.content.decode())
    reply = _url("intake:reply", language)
    assert walk.post(reply, {"visit": visit, "token": token, "message": "MARKER-COOKIE-2"}).status_code == 200
    assert walk.post(reply, {"visit": "expired", "token": token, "message": "x"}).status_code == 400
    photo = _url("intake:photo", language)
    assert (
        walk.post(photo, {"visit": visit, "photo": "00000000-0000-0000-0000-000000000000"}).status_code == 404
    )
    assert walk.post(back, {"receipt": receipt}, csrf=False).status_code == 403  # the neutral CSRF page
    assert walk.get(f"{prefix}/no-such-page/").status_code == 404


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_enquirer_pages_set_only_cookies_that_end_with_the_browser_session(intake_officer: Persona) -> None:
    walk = Walk()
    _walk_in(walk, "my", intake_officer)  # Burmese, at /
    _walk_in(walk, "en", intake_officer)  # the language switch: the same pages under /en/
    first_visit = Walk()  # a fresh browser's first page is where a cookie is first set
    for path in ("/", "/en/", _url("intake:enquire", "my"), _url("intake:return", "en")):
        first_visit.get(path)

    names = {morsel.key for _path, morsel in walk.set_cookies + first_visit.set_cookies}
    assert settings.CSRF_COOKIE_NAME in names  # the walk did meet the cookie the forms need
    assert walk.lasting() + first_visit.lasting() == []
