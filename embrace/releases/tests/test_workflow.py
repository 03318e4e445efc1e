"""Public releases the way analysts and the public use them: drafted on the staff pages, published by a
second analyst, listed on the enquirer's site."""

from __future__ import annotations

import datetime
import gzip
import random
import re
from decimal import Decimal

import pytest
from django.test import Client

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.models import CaseTransition, Channel, Dependant, Status
from embrace.releases.cases import bare_cases
from embrace.releases.models import TITLE_LENGTH, PrivacyBudget, Release, ReleaseStatus
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = pytest.mark.django_db

JAN = datetime.date(2026, 1, 10)


@pytest.fixture
def analysts() -> tuple[Persona, Persona]:
    return make_persona("analyst_one", Role.ANALYST), make_persona("analyst_two", Role.ANALYST)


def draft(client: Client, title: str, start: str, end: str, **extra: object) -> object:
    """Draft through the page: ``title`` in English, the Burmese title made from it unless given."""
    data = {"title_my": f"ကိန်းဂဏန်း {title}", "title_en": title, "start": start, "end": end}
    return client.post("/staff/releases/draft/", {**data, "keys": ["enquiry"], **extra})


def publish(client: Client, release: Release) -> object:
    return client.post(f"/staff/releases/{release.pk}/decide/", {"decision": "publish"})


def test_a_release_is_public_only_after_a_second_analyst_publishes_it(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    bare_cases(intake_team, 24, opened_on=JAN)
    drafter, publisher = (log_in(Client(), a) for a in analysts)
    response = draft(drafter, "January 2026", "2026-01-01", "2026-01-31", title_my="၂၀၂၆ ဇန်နဝါရီ")
    assert response.status_code == 302
    release = Release.objects.get()
    page = drafter.get(f"/staff/releases/{release.pk}/").content.decode()
    assert "between 20 and 29" in page
    assert "January 2026" not in Client().get("/en/figures/").content.decode()  # a draft is never public

    refused = publish(drafter, release)
    assert refused.status_code == 400
    assert "another person must" in refused.content.decode()
    assert Release.objects.get().status == ReleaseStatus.DRAFT

    assert publish(publisher, release).status_code == 302
    assert Release.objects.get().status == ReleaseStatus.PUBLISHED
    english = Client().get("/en/figures/").content.decode()
    assert "January 2026" in english
    assert "၂၀၂၆ ဇန်နဝါရီ" not in english
    assert "between 20 and 29" in english
    burmese = Client().get("/figures/").content.decode()
    assert "၂၀၂၆ ဇန်နဝါရီ" in burmese
    assert "January 2026" not in burmese
    assert "၂၀" in burmese
    events = list(AuditEntry.objects.filter(event__startswith="releases.").values_list("event", flat=True))
    assert events == [Event.RELEASE_DRAFTED, Event.RELEASE_PUBLISHED]


def test_a_draft_never_appears_on_the_public_page(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    bare_cases(intake_team, 15, opened_on=JAN)
    drafter = log_in(Client(), analysts[0])
    draft(drafter, "Waiting figures", "2026-01-01", "2026-01-31")
    refused_one = Release.objects.get()
    publish(log_in(Client(), analysts[1]), refused_one)
    Release.objects.filter(pk=refused_one.pk).update(status=ReleaseStatus.REFUSED)
    draft(drafter, "Still a draft", "2026-01-01", "2026-01-31")
    for path in ("/figures/", "/en/figures/"):
        page = Client().get(path).content.decode()
        assert "Still a draft" not in page
        assert "Waiting figures" not in page


def test_a_small_count_is_published_as_fewer_than(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    bare_cases(intake_team, 4, opened_on=JAN)
    drafter = log_in(Client(), analysts[0])
    draft(drafter, "Quiet month", "2026-01-01", "2026-01-31")
    page = drafter.get(f"/staff/releases/{Release.objects.get().pk}/").content.decode()
    assert "fewer than 10" in page
    assert ">4<" not in page


def test_a_release_that_would_isolate_cases_with_a_published_one_is_refused_naming_it(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    bare_cases(intake_team, 21, opened_on=JAN)
    bare_cases(intake_team, 9, opened_on=datetime.date(2026, 2, 1))
    drafter, publisher = (log_in(Client(), a) for a in analysts)
    draft(drafter, "January", "2026-01-01", "2026-01-31")
    publish(publisher, Release.objects.get())
    response = draft(drafter, "January and a day", "2026-01-01", "2026-02-01")
    assert response.status_code == 400
    assert "“January”" in response.content.decode()
    assert Release.objects.count() == 1


def test_a_breakdown_is_refused_while_a_case_it_counts_is_open(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    bare_cases(intake_team, 30, opened_on=JAN)
    bare_cases(intake_team, 12, opened_on=JAN, channel=Channel.TELEGRAM, status=Status.VETTING)
    drafter = log_in(Client(), analysts[0])
    response = draft(drafter, "By channel", "2026-01-01", "2026-01-31", breakdown="channel")
    assert response.status_code == 400
    assert "still open" in response.content.decode()
    assert draft(drafter, "Totals", "2026-01-01", "2026-01-31").status_code == 302


def test_a_breakdown_of_closed_cases_is_published_by_channel(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    bare_cases(intake_team, 30, opened_on=JAN)
    bare_cases(intake_team, 12, opened_on=JAN, channel=Channel.TELEGRAM)
    drafter = log_in(Client(), analysts[0])
    assert draft(drafter, "By channel", "2026-01-01", "2026-01-31", breakdown="channel").status_code == 302
    page = drafter.get(f"/staff/releases/{Release.objects.get().pk}/").content.decode()
    assert "between 40 and 49" in page
    assert "between 30 and 39" in page
    assert "between 10 and 19" in page


def test_a_private_count_spends_the_budget_and_a_draft_past_it_is_refused(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    bare_cases(intake_team, 200, opened_on=JAN)
    drafter = log_in(Client(), analysts[0])
    first = draft(drafter, "Noisy", "2026-01-01", "2026-01-31", private="on", epsilon="0.7")
    assert first.status_code == 302
    assert PrivacyBudget.objects.get(key="enquiry", year=2026).spent == Decimal("0.700")
    page = drafter.get(f"/staff/releases/{Release.objects.get().pk}/").content.decode()
    assert re.search(r"about \d+", page)
    second = draft(drafter, "Noisier", "2026-01-01", "2026-01-31", private="on", epsilon="0.4")
    assert second.status_code == 400
    assert "privacy budget" in second.content.decode()
    assert PrivacyBudget.objects.get(key="enquiry", year=2026).spent == Decimal("0.700")


def test_a_withdrawn_release_leaves_the_public_page_but_still_bars_what_would_isolate_cases(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    bare_cases(intake_team, 21, opened_on=JAN)
    bare_cases(intake_team, 9, opened_on=datetime.date(2026, 2, 1))
    drafter, publisher = (log_in(Client(), a) for a in analysts)
    draft(drafter, "January", "2026-01-01", "2026-01-31")
    release = Release.objects.get()
    publish(publisher, release)
    assert publisher.post(f"/staff/releases/{release.pk}/withdraw/").status_code == 302
    assert "January" not in Client().get("/en/figures/").content.decode()
    assert draft(drafter, "January and a day", "2026-01-01", "2026-02-01").status_code == 400
    assert AuditEntry.objects.filter(event=Event.RELEASE_WITHDRAWN).count() == 1


def test_a_drafter_cannot_publish_their_own_draft_even_by_the_action(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    from embrace.releases import actions

    bare_cases(intake_team, 24, opened_on=JAN)
    drafter = analysts[0]
    release = actions.draft_release(
        actions.Draft("ကျွန်ုပ်၏", "Mine", datetime.date(2026, 1, 1), datetime.date(2026, 1, 31), ["enquiry"]),
        actor=drafter.user,
    )
    with pytest.raises(actions.ReleaseError):
        actions.decide_release(release, approve=True, actor=drafter.user)
    assert Release.objects.get().published_on is None


def longest_title(alphabet: str, seed: int) -> str:
    """A title as long as the form allows, in letters that compress as badly as real words or worse."""
    pick = random.Random(seed)
    ends = alphabet.replace(" ", "")  # a title is stored without spaces around it
    middle = "".join(pick.choice(alphabet) for _ in range(TITLE_LENGTH - 2))
    return pick.choice(ends) + middle + pick.choice(ends)


@pytest.mark.parametrize("path", ["/figures/", "/en/figures/"])
def test_the_public_figures_page_has_no_script_and_fits_the_page_budget_with_the_longest_titles(
    path: str, intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    from embrace.releases import actions

    bare_cases(intake_team, 30, opened_on=JAN)
    bare_cases(intake_team, 12, opened_on=JAN, channel=Channel.PHONE)
    titles = []
    for month in range(1, 7):
        start = datetime.date(2025, month, 1)
        title_my = longest_title("ကခဂဃငစဆဇညတထဒဓနပဖဗဘမယရလဝသဟအ ါိီုူေဲံ့း်", month)
        title_en = longest_title("abcdefghijklmnopqrstuvwxyz ", month)
        titles.append(title_en if path.startswith("/en/") else title_my)
        release = actions.draft_release(
            actions.Draft(
                title_my, title_en, start, start + datetime.timedelta(days=27), list(actions.RELEASABLE)
            ),
            actor=analysts[0].user,
        )
        actions.decide_release(release, approve=True, actor=analysts[1].user)
    response = Client().get(path)
    html = response.content
    assert all(title in html.decode() for title in titles)
    assert response.status_code == 200
    assert b"<script" not in html.lower()
    assert "script-src 'none'" in response["Content-Security-Policy"]
    css = b""
    for href in re.findall(r'rel="stylesheet" href="([^"]+)"', html.decode()):
        sheet = Client().get(href)
        css += b"".join(sheet.streaming_content) if sheet.streaming else sheet.content  # type: ignore[attr-defined]
    assert len(gzip.compress(html)) + len(gzip.compress(css)) <= 15 * 1024


def test_publishing_checks_again_against_what_was_published_since_the_draft(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    bare_cases(intake_team, 21, opened_on=JAN)
    bare_cases(intake_team, 9, opened_on=datetime.date(2026, 2, 1))
    drafter, publisher = (log_in(Client(), a) for a in analysts)
    draft(drafter, "January", "2026-01-01", "2026-01-31")
    draft(drafter, "January and a day", "2026-01-01", "2026-02-01")  # nothing published yet: accepted
    first, second = Release.objects.order_by("title_en")
    assert publish(publisher, first).status_code == 302
    refused = publish(publisher, second)
    assert refused.status_code == 400
    assert "“January”" in refused.content.decode()
    assert Release.objects.get(pk=second.pk).status == ReleaseStatus.DRAFT


def test_the_landing_page_links_to_the_public_figures() -> None:
    assert 'href="/figures/"' in Client().get("/").content.decode()
    assert 'href="/en/figures/"' in Client().get("/en/").content.decode()


def arrived_families(
    team: Team, actor: Persona, sizes: list[int], *, day: datetime.date = JAN
) -> list[object]:
    """Closed cases whose arrival was recorded on ``day``, each with ``sizes[n]`` dependants."""
    cases = bare_cases(team, len(sizes), opened_on=day)
    CaseTransition.objects.bulk_create(
        CaseTransition(
            case=case,
            seq=1,
            name="arrive",
            from_status=Status.IN_TRANSIT,
            to_status=Status.ARRIVED,
            actor=actor.user,
            made_on=day,
        )
        for case in cases
    )
    Dependant.objects.bulk_create(
        Dependant(case=case, relation=Dependant.Relation.CHILD, details=b"", recorded_on=day)
        for case, size in zip(cases, sizes, strict=True)
        for _ in range(size)
    )
    return list(cases)


def test_dependants_received_are_published_as_a_range_of_people_and_kept_with_their_weights(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    from embrace.releases import actions

    families = arrived_families(intake_team, analysts[0], [2] * 12 + [1, 0])  # 25 people, 13 families
    drafter, publisher = (log_in(Client(), a) for a in analysts)
    response = draft(drafter, "January", "2026-01-01", "2026-01-31", keys=["dependants_received"])
    assert response.status_code == 302
    release = Release.objects.get()
    assert "between 20 and 29" in drafter.get(f"/staff/releases/{release.pk}/").content.decode()
    assert publish(publisher, release).status_code == 302
    assert "Dependants received" in Client().get("/en/figures/").content.decode()
    # A dependant recorded since does not change what the check believes was published.
    Dependant.objects.create(case=families[0], relation="child", details=b"", recorded_on=JAN)
    (figure,) = actions.published_figures()
    assert figure.weights is not None
    assert sum(figure.weights.values()) == 25
    assert len(figure.case_ids) == 13  # the family with no dependant is not behind the figure


def test_dependants_of_too_few_families_are_withheld_even_when_they_are_many_people(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    arrived_families(intake_team, analysts[0], [6, 6, 6])  # 18 people, but 3 families
    drafter = log_in(Client(), analysts[0])
    draft(drafter, "January", "2026-01-01", "2026-01-31", keys=["dependants_received"])
    page = drafter.get(f"/staff/releases/{Release.objects.get().pk}/").content.decode()
    assert "not published: too few families" in page
    assert "fewer than 10" not in page  # 18 people: "fewer than 10" would be false
    assert "between 10 and 19" not in page


def test_one_more_family_that_shows_through_the_dependants_is_refused_naming_the_release(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    arrived_families(intake_team, analysts[0], [2] * 12 + [1])  # 25: 20..29
    arrived_families(intake_team, analysts[0], [6], day=datetime.date(2026, 2, 1))  # 31: 30..39
    drafter, publisher = (log_in(Client(), a) for a in analysts)
    draft(drafter, "January", "2026-01-01", "2026-01-31", keys=["dependants_received"])
    publish(publisher, Release.objects.get())
    response = draft(drafter, "January and a day", "2026-01-01", "2026-02-01", keys=["dependants_received"])
    assert response.status_code == 400
    assert "“January”" in response.content.decode()


def test_dependants_received_cannot_be_drawn_with_noise(
    intake_team: Team, analysts: tuple[Persona, Persona]
) -> None:
    arrived_families(intake_team, analysts[0], [3] * 40)
    drafter = log_in(Client(), analysts[0])
    response = draft(
        drafter,
        "Noisy",
        "2026-01-01",
        "2026-01-31",
        keys=["dependants_received"],
        private="on",
        epsilon="0.5",
    )
    assert response.status_code == 400
    assert "cannot have noise added" in response.content.decode()
    assert 'value="Noisy"' in response.content.decode()  # what the analyst typed is kept
    assert not Release.objects.exists()
    assert not PrivacyBudget.objects.exists()
