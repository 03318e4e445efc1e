"""Onion-only mode: the enquirer's pages answer only through Tor, at the .onion address."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings

from embrace.cases.models import Case
from embrace.core.checks import check_onion_only
from embrace.core.middleware import is_onion_host

ONION = "embraceexample2x3y4z5a6b7c8d9e0f1g2h3i4j5k6l7m8n9o0pqrs.onion"
CLEARNET = "embrace.example.org"
HOSTS = [ONION, CLEARNET]

pytestmark = pytest.mark.django_db


def onion_only(**more: Any) -> override_settings:
    return override_settings(ONION_ONLY=True, ALLOWED_HOSTS=HOSTS, **more)


@pytest.mark.parametrize("path", ["/", "/enquire/", "/return/", "/en/", "/en/enquire/"])
def test_enquirer_pages_refuse_a_clearnet_host_with_421_in_onion_only_mode(client: Client, path: str) -> None:
    with onion_only():
        response = client.get(path, HTTP_HOST=CLEARNET)
    assert response.status_code == 421
    assert "Tor" in response.content.decode()
    assert response.headers["Cache-Control"] == "no-store"
    # The refusal carries the enquirer site's headers like any other page.
    assert "script-src 'none'" in response.headers["Content-Security-Policy"]


def test_an_enquiry_posted_to_a_clearnet_host_is_refused_and_nothing_is_stored(client: Client) -> None:
    with onion_only():
        response = client.post(
            "/enquire/", {"message": "I want to leave", "csrfmiddlewaretoken": "x"}, HTTP_HOST=CLEARNET
        )
    assert response.status_code == 421
    assert Case.objects.count() == 0


@pytest.mark.parametrize("path", ["/", "/enquire/", "/en/return/"])
def test_enquirer_pages_open_on_the_onion_host(client: Client, path: str) -> None:
    with onion_only():
        response = client.get(path, HTTP_HOST=ONION)
    assert response.status_code == 200


def test_the_refusal_speaks_burmese_by_default_and_english_under_en(client: Client) -> None:
    with onion_only():
        burmese = client.get("/", HTTP_HOST=CLEARNET).content.decode()
        english = client.get("/en/", HTTP_HOST=CLEARNET).content.decode()
    assert 'lang="my"' in burmese
    assert "Open this site in Tor Browser" not in burmese
    assert 'lang="en"' in english
    assert "Open this site in Tor Browser" in english


def test_staff_pages_stay_on_clearnet_unless_staff_onion_only_is_on(client: Client) -> None:
    with onion_only():
        assert client.get("/staff/login/", HTTP_HOST=CLEARNET).status_code == 200
    with onion_only(STAFF_ONION_ONLY=True):
        assert client.get("/staff/login/", HTTP_HOST=CLEARNET).status_code == 421
        assert client.get("/staff/login/", HTTP_HOST=ONION).status_code == 200


def test_without_onion_only_a_clearnet_host_is_served(client: Client) -> None:
    with override_settings(ALLOWED_HOSTS=HOSTS):
        assert client.get("/", HTTP_HOST=CLEARNET).status_code == 200


def test_a_host_outside_allowed_hosts_is_still_a_400_not_a_refusal_page(client: Client) -> None:
    with onion_only():
        assert client.get("/", HTTP_HOST="elsewhere.onion").status_code == 400


@pytest.mark.parametrize(
    ("host", "onion"),
    [
        (ONION, True),
        (f"{ONION}:80", True),
        (ONION.upper(), True),
        (f"{ONION}.", True),
        (CLEARNET, False),
        ("onion.example.org", False),
        ("127.0.0.1:8000", False),
        ("[::1]", False),
        ("[::1]:8000", False),
    ],
)
def test_onion_hosts_are_recognised_with_or_without_a_port(host: str, onion: bool) -> None:
    assert is_onion_host(host) is onion


def test_onion_only_without_an_onion_host_allowed_is_a_system_check_error() -> None:
    with override_settings(ONION_ONLY=True, ALLOWED_HOSTS=[CLEARNET]):
        assert {m.id for m in check_onion_only()} == {"embrace.E040"}
    with override_settings(ONION_ONLY=True, ALLOWED_HOSTS=HOSTS):
        assert check_onion_only() == []


def test_staff_onion_only_alone_is_a_system_check_error() -> None:
    with override_settings(STAFF_ONION_ONLY=True, ALLOWED_HOSTS=HOSTS):
        assert {m.id for m in check_onion_only()} == {"embrace.E041"}
