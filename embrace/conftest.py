from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.channels import switches
from embrace.testing.personas import Persona, log_in, make_persona


@pytest.fixture(autouse=True)
def _switches_as_in_a_fresh_process() -> None:
    """No test sees a chat channel's switch as an earlier test's database had it (``switches.is_on``
    remembers what it read for a moment, and each test's database is rolled back under it)."""
    switches.forget()


@pytest.fixture(autouse=True)
def _language_as_in_a_fresh_process() -> Iterator[None]:
    """Every test starts in the language a fresh process has outside a request (Burmese, LANGUAGE_CODE).

    A request activates the language of its page or person and leaves it active in the thread; without this,
    a test that calls an action directly and reads its message would read it in whatever language the
    previous test's last request left, and pass or fail by test order. Tests that read messages in English
    say so (``translation.override("en")`` in their app's conftest)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def intake_team(db: None) -> Team:
    return Team.objects.create(name="Intake A")


@pytest.fixture
def other_team(db: None) -> Team:
    return Team.objects.create(name="Intake B")


@pytest.fixture
def admin(db: None) -> Persona:
    return make_persona("admin", Role.ADMINISTRATOR)


@pytest.fixture
def intake_officer(intake_team: Team) -> Persona:
    return make_persona("intake", Role.INTAKE_OFFICER, teams=(intake_team,))


@pytest.fixture
def handler(intake_team: Team) -> Persona:
    return make_persona("handler", Role.HANDLER, teams=(intake_team,))


@pytest.fixture
def custodian(db: None) -> Persona:
    return make_persona("custodian", Role.CUSTODIAN)


@pytest.fixture
def second_custodian(db: None) -> Persona:
    return make_persona("custodian2", Role.CUSTODIAN)


@pytest.fixture
def outsider(other_team: Team) -> Persona:
    return make_persona("outsider", Role.HANDLER, teams=(other_team,))


@pytest.fixture
def staff_client(client: Client):
    """``staff_client(persona)`` logs the persona in through the real views and returns the client."""

    def _login(persona: Persona) -> Client:
        return log_in(client, persona)

    return _login


@pytest.fixture
def intake_route(intake_team: Team, intake_officer: Persona):
    """The intake team receives enquiries; its officer holds the keys to read them."""
    from embrace.intake.models import IntakeRoute

    return IntakeRoute.objects.create(team=intake_team)


@pytest.fixture(autouse=True)
def _empty_uploads_after_each_test():
    """Each test process shares one data folder; what one test uploads must not be seen by the next."""
    yield
    import shutil

    from django.conf import settings

    for child in settings.UPLOADS_DIR.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()


@pytest.fixture(autouse=True)
def _seed_data(request: pytest.FixtureRequest) -> None:
    """Put back what migrations seed, which an earlier transactional test in this process emptied."""
    if request.node.get_closest_marker("django_db") is None and not {"db", "transactional_db"} & set(
        request.fixturenames
    ):
        return
    request.getfixturevalue("transactional_db" if _is_transactional(request) else "db")
    from embrace.testing.seeds import ensure_seed_data

    ensure_seed_data()


def _is_transactional(request: pytest.FixtureRequest) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "transactional_db" in request.fixturenames
