"""Approval tests call the actions directly: outside a request the site's language is Burmese
(``LANGUAGE_CODE``), so the refusals these tests match are read in English, as the English personas read them
on the pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_outside_requests() -> Iterator[None]:
    with translation.override("en"):
        yield
