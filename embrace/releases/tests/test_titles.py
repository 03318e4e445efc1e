"""A release's title in Burmese and in English: asked for in the draft form, each shown to readers of its
language on every page that names a release, refused with a clear message when it is missing or wrong."""

from __future__ import annotations

import datetime
import html

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.releases import actions
from embrace.releases.cases import bare_cases
from embrace.releases.models import TITLE_LENGTH, Release
from embrace.testing.journey import words
from embrace.testing.personas import PASSWORD, Persona, log_in, make_persona

JAN = datetime.date(2026, 1, 10)
BURMESE = "၂၀၂၆ ဇန်နဝါရီလ စုံစမ်းစာများ"
ENGLISH = "Enquiries in January 2026"
# "ကျေးဇူးတင်ပါတယ်" as a Zawgyi keyboard types it.
ZAWGYI = "ေက်းဇူးတင္ပါတယ္"


def _analyst(name: str, language: str) -> Persona:
    return make_persona(name, Role.ANALYST, language=language)


def _post(client: Client, title_my: str, title_en: str) -> object:
    data = {"title_my": title_my, "title_en": title_en, "start": "2026-01-01", "end": "2026-01-31"}
    return client.post("/staff/releases/draft/", {**data, "keys": ["enquiry"]})


def _published(intake_team: Team, drafter: Persona, publisher: Persona) -> Release:
    bare_cases(intake_team, 24, opened_on=JAN)
    release = actions.draft_release(
        actions.Draft(BURMESE, ENGLISH, datetime.date(2026, 1, 1), datetime.date(2026, 1, 31), ["enquiry"]),
        actor=drafter.user,
    )
    return actions.decide_release(release, approve=True, actor=publisher.user)


# What goes wrong in the form, and the message the person reads (an English msgid, shown in their language).
BAD_TITLES = {
    "no Burmese title": ("", ENGLISH, "Give the release a title in Burmese."),
    "no English title": (BURMESE, "", "Give the release a title in English."),
    "only spaces": ("   ", ENGLISH, "Give the release a title in Burmese."),
    "English in the Burmese box": (
        ENGLISH,
        ENGLISH,
        "Write the Burmese title in Burmese letters: readers of the Burmese page see it.",
    ),
    "Burmese in the English box": (
        BURMESE,
        BURMESE,
        "Write the English title in English: readers of the English page see it.",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["my", "en"])
@pytest.mark.parametrize("case", list(BAD_TITLES))
def test_a_bad_title_is_refused_in_the_analysts_language_keeping_what_they_typed(
    intake_team: Team, language: str, case: str
) -> None:
    bare_cases(intake_team, 24, opened_on=JAN)
    client = log_in(Client(), _analyst("analyst_one", language))
    title_my, title_en, msgid = BAD_TITLES[case]
    response = _post(client, title_my, title_en)
    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert words(language, msgid) in page
    for typed in (title_my.strip(), title_en.strip()):
        if typed:
            assert f'value="{typed}"' in page, typed
    assert 'value="2026-01-31"' in page  # the rest of the form is kept too
    assert not Release.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["my", "en"])
def test_a_title_longer_than_the_limit_is_refused_with_the_limit_in_the_readers_digits(
    intake_team: Team, language: str
) -> None:
    bare_cases(intake_team, 24, opened_on=JAN)
    client = log_in(Client(), _analyst("analyst_one", language))
    too_long = "ပ" * (TITLE_LENGTH + 1)
    response = _post(client, too_long, ENGLISH)
    page = response.content.decode()
    assert response.status_code == 400
    assert ("၁၂၀" if language == "my" else "120") in page
    assert f'value="{too_long}"' in page
    assert not Release.objects.exists()
    assert _post(client, too_long[:-1], ENGLISH).status_code == 302  # exactly the limit is accepted


@pytest.mark.django_db
def test_a_burmese_title_typed_in_zawgyi_is_kept_in_unicode(intake_team: Team) -> None:
    bare_cases(intake_team, 24, opened_on=JAN)
    client = log_in(Client(), _analyst("analyst_one", "my"))
    assert _post(client, ZAWGYI, ENGLISH).status_code == 302
    assert Release.objects.get().title_my == "ကျေးဇူးတင်ပါတယ်"


@pytest.mark.django_db
def test_each_page_shows_the_title_in_its_readers_language(intake_team: Team) -> None:
    readers = {"my": _analyst("analyst_my", "my"), "en": _analyst("analyst_en", "en")}
    release = _published(intake_team, readers["my"], readers["en"])
    for language, reader in readers.items():
        staff = log_in(Client(), reader)
        shown, other = (BURMESE, ENGLISH) if language == "my" else (ENGLISH, BURMESE)
        public = "/figures/" if language == "my" else "/en/figures/"
        for response in (
            staff.get("/staff/releases/"),
            staff.get(f"/staff/releases/{release.pk}/"),
            Client().get(public),
        ):
            assert response.status_code == 200
            text = response.content.decode()
            assert shown in text, (language, response.request["PATH_INFO"])
            assert other not in text, (language, response.request["PATH_INFO"])


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "quoted"), [("my", BURMESE), ("en", ENGLISH)])
def test_a_clash_names_the_earlier_release_by_its_title_in_the_analysts_language(
    intake_team: Team, language: str, quoted: str
) -> None:
    drafter = _analyst("analyst_one", language)
    _published(intake_team, drafter, _analyst("analyst_two", "en"))
    bare_cases(intake_team, 9, opened_on=datetime.date(2026, 2, 1))
    client = log_in(Client(), drafter)
    response = client.post(
        "/staff/releases/draft/",
        {
            "title_my": "ဇန်နဝါရီနှင့် တစ်ရက်",
            "title_en": "January and a day",
            "start": "2026-01-01",
            "end": "2026-02-01",
            "keys": ["enquiry"],
        },
    )
    assert response.status_code == 400
    assert f"“{quoted}”" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_an_old_release_its_one_title_in_both_languages() -> None:
    before, after = [("releases", "0001_initial")], [("releases", "0002_release_titles_in_both_languages")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    drafter = User.objects.create(username="old_analyst", password=PASSWORD)
    old.get_model("releases", "Release").objects.create(
        title="Old figures", start=JAN, end=JAN, drafted_by_id=drafter.pk, drafted_on=JAN
    )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    release = new.get_model("releases", "Release").objects.get()
    assert (release.title_my, release.title_en) == ("Old figures", "Old figures")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # whatever later migrations there are
