from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation

from embrace.accounts.roles import Role
from embrace.testing.personas import Persona, make_persona


@pytest.fixture
def second_admin(db: None) -> Persona:
    return make_persona("admin2", Role.ADMINISTRATOR)


@pytest.fixture(autouse=True)
def _english_outside_requests() -> Iterator[None]:
    """The actions' refusals these tests match are read in English, as the English personas read them."""
    with translation.override("en"):
        yield
