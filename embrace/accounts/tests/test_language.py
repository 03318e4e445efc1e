"""Staff pages speak each person's language: a setting kept with the account, switched on every page."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.testing.personas import log_in, make_persona

SWITCH = reverse("accounts:language")


def test_a_person_who_chose_burmese_gets_burmese_pages_and_can_switch_to_english_for_good(db: None) -> None:
    reader = make_persona("burmese-reader", Role.AUDITOR, language="my")
    client = log_in(Client(), reader)
    home = client.get(reverse("accounts:home"))
    assert '<html lang="my">' in home.content.decode()
    assert home.headers["Content-Language"] == "my"
    assert 'value="en"' in home.content.decode(), "every page offers the other language"

    response = client.post(SWITCH, {"language": "en", "next": reverse("audit:log")})
    assert response.status_code == 302
    assert response.url == reverse("audit:log")
    assert User.objects.get(pk=reader.user.pk).language == "en"
    # The setting is the person's, not the browser's: a new session on another machine keeps it.
    # (the next authenticator code: the one just used cannot be used twice)
    other_machine = Client()
    other_machine.post(
        reverse("accounts:login"), {"username": reader.user.username, "password": reader.password}
    )
    assert other_machine.post(reverse("accounts:login_code"), {"code": reader.code(1)}).status_code == 302
    assert '<html lang="en">' in other_machine.get(reverse("accounts:home")).content.decode()


def test_the_sign_in_pages_start_in_burmese_and_remember_a_switch_in_a_cookie(db: None) -> None:
    client = Client()
    login = reverse("accounts:login")
    assert '<html lang="my">' in client.get(login).content.decode()
    client.post(SWITCH, {"language": "en", "next": login})
    assert client.cookies[settings.STAFF_LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in client.get(login).content.decode()


def test_the_enquirers_site_ignores_the_staff_language_cookie(db: None) -> None:
    client = Client()
    client.cookies[settings.STAFF_LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="my">' in client.get("/").content.decode()


def test_an_unknown_language_is_refused_and_changes_nothing(db: None) -> None:
    reader = make_persona("steady-reader", Role.AUDITOR)
    client = log_in(Client(), reader)
    response = client.post(SWITCH, {"language": "fr"})
    assert response.status_code == 400
    assert User.objects.get(pk=reader.user.pk).language == "en"


def test_the_switch_sends_back_only_to_a_staff_page_of_this_site(db: None) -> None:
    client = Client()
    for target in ("https://attacker.example/staff/", "//attacker.example/staff/", "/en/"):
        response = client.post(SWITCH, {"language": "en", "next": target})
        assert response.status_code == 302
        assert response.url == reverse("accounts:home"), target
