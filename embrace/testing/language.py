"""Browsers for tests that read the sign-in pages in English.

Signed-in staff read their own language (``User.language``); the sign-in pages, before anyone is known,
are Burmese unless the language cookie says otherwise, as a person's earlier switch would have set it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.test import Client


def english_client(**options: Any) -> Client:
    """A browser whose language switch was set to English (the cookie ``accounts:language`` sets)."""
    client = Client(**options)
    client.cookies[settings.STAFF_LANGUAGE_COOKIE_NAME] = "en"
    return client
