from __future__ import annotations

import pytest

from embrace.accounts.roles import Role
from embrace.testing.personas import Persona, make_persona


@pytest.fixture
def second_admin(db: None) -> Persona:
    return make_persona("admin2", Role.ADMINISTRATOR)
