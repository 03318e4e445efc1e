"""Cases tests call the actions directly as well as through the pages: outside a request the site's language
is Burmese (``LANGUAGE_CODE``) or whatever the last request left active, so the refusals these tests match are
read in English, as the English personas read them on the pages. Burmese pages are tested with a Burmese
persona (``test_workspace_words``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_outside_requests() -> Iterator[None]:
    with translation.override("en"):
        yield
