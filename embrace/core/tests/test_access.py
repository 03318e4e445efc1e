"""Every URL has an explicit access decision, and the decision is real."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path
from django.urls.resolvers import RoutePattern

from embrace.core.access import PUBLIC, STAFF_PREFIX, access_of, public

SAMPLES = {"uuid": str(uuid.uuid4()), "int": "1", "slug": "x", "str": "x", "path": "x"}


def walk(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry


def undecided(resolver: URLResolver) -> list[str]:
    """Routes whose view is neither staff_required nor @public, or a staff view that skips CSRF."""
    problems = []
    for route, entry in walk(resolver):
        access = access_of(entry.callback)
        if access is None:
            problems.append(f"{route} ({entry.lookup_str}): no access decision")
        elif access != PUBLIC and getattr(entry.callback, "csrf_exempt", False):
            problems.append(f"{route} ({entry.lookup_str}): a staff view must not be csrf_exempt")
    return problems


def sample_path(route: str) -> str:
    return "/" + re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLES[m.group(1) or "str"], route)


def test_every_view_has_an_explicit_access_decision() -> None:
    routes = list(walk(get_resolver()))
    assert len(routes) >= 11  # the walker really reached the accounts urls
    assert undecided(get_resolver()) == []


def _unmarked(request: HttpRequest) -> HttpResponse:
    return HttpResponse("open to all by accident")


@public
def _marked(request: HttpRequest) -> HttpResponse:
    return HttpResponse("open to all on purpose")


class _UrlConf:
    urlpatterns = [path("open/", _marked), path("forgot/", _unmarked)]


def test_walker_catches_a_view_without_a_decision() -> None:
    problems = undecided(get_resolver(_UrlConf))
    assert len(problems) == 1
    assert problems[0].startswith("forgot/")


def _staff_routes() -> list[tuple[str, Callable[..., Any]]]:
    return [
        (route, entry.callback)
        for route, entry in walk(get_resolver())
        if isinstance(entry.pattern, RoutePattern)
        and (access_of(entry.callback) or "").startswith(STAFF_PREFIX)
    ]


@pytest.mark.parametrize(("route", "view"), _staff_routes(), ids=[r for r, _ in _staff_routes()])
def test_staff_marked_views_really_refuse_anonymous(
    client: Client, db: None, route: str, view: object
) -> None:
    # The marker must not be a label stuck on an open view: anonymous requests never get through.
    for method in ("GET", "POST"):
        response = client.generic(method, sample_path(route))
        assert response.status_code in (302, 405), (method, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith("/staff/login/")
