"""The analysts' dashboards, walked through the pages as the analyst persona over the shared world (two
cases whose compartments hold random markers, one arrived and paid, one in vetting)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.models import Case
from embrace.figures.models import Snapshot
from embrace.figures.seeds import V1
from embrace.figures.stats import DASHBOARDS, compute_all
from embrace.testing.personas import log_in, make_persona
from embrace.testing.world import World, build_world

pytestmark = pytest.mark.django_db


def _walk(client: Client) -> dict[str, str]:
    """Every dashboard page and every table's download, as the analyst reaches them from the list."""
    pages = {"home": client.get(reverse("figures:home"))}
    for board in DASHBOARDS:
        pages[board] = client.get(reverse("figures:dashboard", args=[board]))
        for figure in Snapshot.objects.get(dashboard=board).data["figures"]:
            link = reverse("figures:csv", args=[board, figure["name"]])
            assert link in pages[board].content.decode(), f"{board} does not link {link}"
            pages[f"{board}/{figure['name']}.csv"] = client.get(link)
    for where, response in pages.items():
        assert response.status_code == 200, where
    return {where: response.content.decode() for where, response in pages.items()}


def _secrets(world: World) -> list[str]:
    """What must never reach an analyst: references and everything sealed (markers are random per run)."""
    found = list(Case.objects.values_list("reference", flat=True))
    found += [m for wc in world.cases.values() for markers in wc.markers.values() for m in markers]
    found += [world.rewards.claim.reference]
    return found


@pytest.mark.parametrize("language", ["en", "my"])
def test_the_analyst_walks_every_dashboard_and_download_and_meets_no_reference_or_content(
    client: Client, language: str
) -> None:
    world = build_world()
    analyst = make_persona("analyst_x", *world.user("analyst_a").roles, language=language)
    compute_all()
    pages = _walk(log_in(client, analyst))
    secrets = _secrets(world)
    assert len(secrets) >= 10
    for where, content in pages.items():
        assert [s for s in secrets if s in content] == [], where
    # Not vacuous: the figures of the two cases are there (two enquiries opened this year, one arrival).
    with translation.override(language):
        funnel = pages["funnel/funnel.csv"]
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(funnel))}
    assert len(rows) == 6, funnel


def test_the_counts_shown_are_those_the_definitions_give(client: Client) -> None:
    world = build_world()
    compute_all()
    response = log_in(client, world.personas["analyst_a"]).get(
        reverse("figures:csv", args=["funnel", "funnel"])
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    counted = {row[0]: row[1] for row in rows[1:]}
    assert counted == {
        "Enquiries": "2",
        "Referred for vetting": "2",
        "Passage approved": "1",
        "Arrived": "1",
        "Registered": "0",
    }


def test_each_figure_names_its_definition_and_version_in_the_readers_language(client: Client) -> None:
    world = build_world()
    analyst = make_persona("analyst_my", *world.user("analyst_a").roles, language="my")
    compute_all()
    page = log_in(client, analyst).get(reverse("figures:dashboard", args=["enquiries"])).content.decode()
    with translation.override("my"):
        assert gettext("Enquiries per week, by channel") in page
        assert gettext("Enquiries") in page
        assert gettext(V1["enquiry"][1]) in page
    assert "Enquiries per week" not in page


def test_charts_are_inline_svg_with_text_and_no_script_style_or_outside_address(client: Client) -> None:
    world = build_world()
    compute_all()
    client = log_in(client, world.personas["analyst_a"])
    for board in DASHBOARDS:
        page = client.get(reverse("figures:dashboard", args=[board])).content.decode()
        charts = re.findall(r"<svg.*?</svg>", page, re.S)
        assert charts, board
        for svg in charts:
            assert "<text" in svg
            assert "<script" not in svg, board
            assert "<style" not in svg, board
            assert "style=" not in svg, board
            assert "<!--" not in svg, board
            addresses = set(re.findall(r"(?:https?:)?//[^\s\"'<>)]+", svg))
            assert addresses <= {"http://www.w3.org/2000/svg"}, addresses
        assert "<script" not in page


def test_recompute_from_the_page_computes_afresh_and_is_audited(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    world = build_world()
    client = log_in(client, world.personas["analyst_a"])
    assert "not computed yet" in client.get(reverse("figures:home")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("figures:recompute"), {"dashboard": "funnel"})
    assert response.status_code == 302
    assert response["Location"] == reverse("figures:dashboard", args=["funnel"])
    assert set(Snapshot.objects.values_list("dashboard", flat=True)) == set(DASHBOARDS)
    assert AuditEntry.objects.filter(
        event=Event.FIGURES_RECOMPUTE_ASKED, actor=world.user("analyst_a").pk
    ).exists()


def test_a_dashboard_page_reads_its_snapshot_not_the_cases(
    client: Client, django_assert_max_num_queries
) -> None:
    world = build_world()
    compute_all()
    client = log_in(client, world.personas["analyst_a"])
    url = reverse("figures:dashboard", args=["stages"])
    client.get(url)
    # The session, the user, the key check, the snapshot, the definitions: a handful, whatever the cases.
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_an_unknown_dashboard_or_table_is_a_404(client: Client) -> None:
    world = build_world()
    compute_all()
    client = log_in(client, world.personas["analyst_a"])
    assert client.get(reverse("figures:dashboard", args=["salaries"])).status_code == 404
    assert client.get(reverse("figures:csv", args=["funnel", "names"])).status_code == 404


def test_only_analysts_open_the_figures_even_a_handler_or_an_administrator_may_not(client: Client) -> None:
    compute_all()
    for who, role in (("handler_x", Role.HANDLER), ("admin_x", Role.ADMINISTRATOR)):
        other = log_in(Client(), make_persona(who, role))
        for url in (
            reverse("figures:home"),
            reverse("figures:dashboard", args=["funnel"]),
            reverse("figures:csv", args=["funnel", "funnel"]),
        ):
            assert other.get(url).status_code == 403, (who, url)
        assert other.post(reverse("figures:recompute")).status_code == 403


@pytest.mark.parametrize("language", ["en", "my"])
def test_a_download_names_its_definition_in_words_not_its_code(client: Client, language: str) -> None:
    world = build_world()
    analyst = make_persona("analyst_x", *world.user("analyst_a").roles, language=language)
    compute_all()
    response = log_in(client, analyst).get(reverse("figures:csv", args=["vetting", "outcomes"]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    with translation.override(language):
        assert rows[-1][:2] == [gettext("Definition"), gettext("Genuine enquiries")]
    assert "genuine_enquiry" not in response.content.decode()


def test_the_figures_page_says_when_computing_failed_and_when_a_run_is_waiting(settings, db: None) -> None:
    """Old figures are never shown as if all were well: a failed run is said, in words, until one succeeds."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from embrace.figures.tasks import schedule_figures

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    client = log_in(Client(), make_persona("analyst", Role.ANALYST))
    assert "failed" not in client.get(reverse("figures:home")).content.decode()

    assert schedule_figures()
    assert "being computed now" in client.get(reverse("figures:home")).content.decode()

    DBTaskResult.objects.update(status=TaskResultStatus.FAILED)
    page = client.get(reverse("figures:home")).content.decode()
    assert "Computing the figures failed" in page
    assert "being computed now" not in page

    DBTaskResult.objects.update(status=TaskResultStatus.SUCCESSFUL)
    page = client.get(reverse("figures:home")).content.decode()
    assert "Computing the figures failed" not in page
    assert "being computed now" not in page
