"""The enquirer's pages: Burmese by default, small, no script, nothing from elsewhere."""

from __future__ import annotations

import gzip
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = ["/", "/enquire/", "/return/", "/en/", "/en/enquire/", "/en/return/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_script_and_loads_nothing_from_elsewhere(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script" not in html.lower()
    assert re.search(r"<[^>]+\son[a-z]+\s*=", html) is None  # no inline event handlers
    for url in re.findall(r'(?:src|href|action)="([^"]*)"', html):
        assert url.startswith(("/", "#", "data:")), url
    assert "script-src 'none'" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", PAGES)
def test_page_with_its_stylesheet_is_under_15_kb_compressed(client: Client, path: str) -> None:
    html = client.get(path).content
    css = b""
    for href in re.findall(r'rel="stylesheet" href="([^"]+)"', html.decode()):
        response = client.get(href)
        assert response.status_code == 200
        css += b"".join(response.streaming_content) if response.streaming else response.content
    assert len(gzip.compress(html)) + len(gzip.compress(css)) <= 15 * 1024


def test_burmese_is_the_default_and_english_is_one_link_away(client: Client) -> None:
    burmese = client.get("/").content.decode()
    assert '<html lang="my">' in burmese
    assert "လုံခြုံစွာ ထွက်ခွာရေး" in burmese
    assert 'href="/en/"' in burmese
    english = client.get("/en/").content.decode()
    assert '<html lang="en">' in english
    assert "Safe way out" in english


def test_browser_language_does_not_switch_the_site(client: Client) -> None:
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="my">' in page


def test_reward_schedule_of_2022_is_on_the_landing_page(client: Client) -> None:
    page = client.get("/en/").content.decode()
    assert "US$500,000" in page
    assert "1,000,000,000 kyat" in page
    assert "valued by committee" in page
    burmese = client.get("/").content.decode()
    assert "US$၅၀၀,၀၀၀" in burmese
    assert "၁,၀၀၀,၀၀၀,၀၀၀ ကျပ်" in burmese


def test_enquiry_form_is_one_link_from_the_landing_page(client: Client) -> None:
    assert 'href="/enquire/"' in client.get("/").content.decode()
    assert 'href="/en/enquire/"' in client.get("/en/").content.decode()


@pytest.mark.parametrize("path", ["/", "/enquire/"])
def test_pages_travel_compressed(client: Client, path: str) -> None:
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < len(gzip.decompress(response.content)) / 2


def _csrf_masked(page: str) -> str:
    # The CSRF token is masked afresh for every page: the one value two renders of a page never share.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken" value=""', page)


def test_first_visit_form_is_the_page_rendered_field_by_field(client: Client) -> None:
    """A blank form's fields are rendered once per language and reused: the page a person gets is, byte for
    byte, the one rendered field by field (order, labels, help, the trap after the button), in their language,
    with their own token. Burmese comes again after English: a cache keyed wrongly would serve English."""
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils import translation

    from embrace.intake.forms import EnquiryForm

    for prefix, language in (("", "my"), ("/en", "en"), ("", "my")):
        served = client.get(f"{prefix}/enquire/").content.decode()
        token = re.search(r'name="token" value="([^"]+)"', served)
        assert token
        request = RequestFactory().get(f"{prefix}/enquire/")
        with translation.override(language):
            form = EnquiryForm(initial={"token": token.group(1)})
            full = render_to_string("intake/enquire.html", {"form": form}, request=request)
        assert _csrf_masked(served) == _csrf_masked(full), language


def test_every_visit_gets_a_token_of_its_own(client: Client) -> None:
    tokens = {
        re.findall(r'name="token" value="([^"]+)"', client.get("/enquire/").content.decode())[0]
        for _ in range(3)
    }
    assert len(tokens) == 3
