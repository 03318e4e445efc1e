import pytest
from django.conf import settings
from django.test import Client


@pytest.fixture(autouse=True)
def _english_sign_in_pages(client: Client) -> None:
    """These tests read the sign-in pages' messages in English: the browser's language switch says so
    (the Burmese default for a stranger is tested in test_language and core/tests/test_home)."""
    client.cookies[settings.STAFF_LANGUAGE_COOKIE_NAME] = "en"
