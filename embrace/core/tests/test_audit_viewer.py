"""The auditor's viewer: newest first, filtered by person, event, case and period, paged by key; a CSV export
of what the filters select, itself audited; the signed anchors, shown and exported."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.audit.models import AuditEntry
from embrace.cases.models import Case
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault import actions as vault
from embrace.vault import anchors, crypto

pytestmark = pytest.mark.django_db

LOG = reverse("audit:log")


@pytest.fixture
def auditor() -> Persona:
    return make_persona("auditor", Role.AUDITOR)


@pytest.fixture
def viewer(auditor: Persona) -> Client:
    return log_in(Client(), auditor)


@pytest.fixture
def handler() -> Persona:
    return make_persona("handler", Role.HANDLER)


def _case(reference: str) -> Case:
    team = Team.objects.get_or_create(name="Team")[0]
    return Case.objects.create(
        reference=reference,
        team=team,
        opened_on="2026-01-01",
        last_enquirer_on="2026-01-01",
        body=vault.create_compartment("body", [], actor=None, audited=False),
        identity=vault.create_compartment("identity", [], actor=None, audited=False),
    )


def _seqs(page: str) -> list[int]:
    return [int(n) for n in re.findall(r"<tr>\s*<td translate=\"no\">(\d+)</td>", page)]


def test_the_auditors_home_page_leads_to_the_log(viewer: Client) -> None:
    home = viewer.get(reverse("accounts:home")).content.decode()
    assert f'href="{LOG}"' in home


def test_entries_are_shown_newest_first_with_who_what_and_about_what(
    viewer: Client, handler: Persona
) -> None:
    case = _case("K7M2P9QX")
    record(Event.CONVERSATION_READ, actor=handler.user, subject=case, messages=3, notes=1)
    record(Event.ROLE_GRANTED, actor=None, subject=handler.user, role="handler")
    page = viewer.get(LOG).content.decode()
    seqs = _seqs(page)
    assert seqs == sorted(seqs, reverse=True)
    assert "Conversation and notes read" in page
    assert "case K7M2P9QX" in page
    assert "messages: 3" in page
    assert "the system" in page
    assert "staff member handler" in page


def test_filters_select_by_person_event_case_and_period(viewer: Client, handler: Persona) -> None:
    case, other = _case("K7M2P9QX"), _case("ABCDEFGH")
    mine = record(Event.CONVERSATION_READ, actor=handler.user, subject=case, messages=1, notes=0)
    record(Event.CONVERSATION_READ, actor=handler.user, subject=other, messages=1, notes=0)
    record(Event.IDENTITY_READ, actor=uuid.uuid4(), subject=case)

    def shown(**filters: str) -> set[int]:
        response = viewer.get(LOG, filters)
        assert response.status_code == 200, response.content.decode()[:2000]
        return set(_seqs(response.content.decode()))

    by_case = shown(case="k7m2-p9qx")  # as typed: lower case, a dash
    assert mine.seq in by_case
    assert all(AuditEntry.objects.get(seq=s).subject == f"cases.case:{case.pk}" for s in by_case)
    assert shown(person="handler", case="K7M2 P9QX", event=Event.CONVERSATION_READ.value) == {mine.seq}
    assert shown(case=str(case.pk)) == by_case  # the id from a page address finds it too
    today = timezone.localdate(mine.at)  # days as the programme counts them (its time zone)
    assert mine.seq in shown(start=today.isoformat(), end=today.isoformat())
    assert shown(end="2000-01-01") == set()


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"person": "nobody-here"}, "No staff member has the username nobody-here."),
        ({"case": "K7M2"}, "A case reference is 8 letters and digits"),
        ({"case": "K7M2P9QZ"}, "No case has the reference K7M2P9QZ."),
        ({"event": "case.made_up"}, "Select a valid choice"),
        ({"start": "2026-13-01"}, "Enter a valid date"),
        ({"start": "2026-02-01", "end": "2026-01-01"}, "The last day comes before the first."),
        ({"before": "12abc"}, "That page link is damaged"),
    ],
)
def test_bad_filter_input_is_a_clear_400_with_the_form_as_typed(
    viewer: Client, filters: dict[str, str], message: str
) -> None:
    _case("K7M2P9QX")
    response = viewer.get(LOG, filters)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    for name in ("person", "case", "start", "end"):
        if name in filters:
            assert f'value="{filters[name]}"' in page  # kept as typed, to be corrected


def test_paging_walks_a_long_log_by_key_without_counting_it(viewer: Client) -> None:
    for n in range(120):
        record(Event.CONFIG_CHANGED, subject=f"config:{n}", n=n)
    newest = AuditEntry.objects.order_by("-seq").first().seq
    with CaptureQueriesContext(connection) as queries:
        first = viewer.get(LOG)
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    assert not any("OFFSET" in q["sql"].upper() for q in queries.captured_queries)
    seqs = _seqs(first.content.decode())
    assert seqs == list(range(newest, newest - 50, -1))
    second = viewer.get(LOG, {"before": seqs[-1]})
    second_seqs = _seqs(second.content.decode())
    assert second_seqs == list(range(newest - 50, newest - 100, -1))
    assert f"?after={second_seqs[0]}" in second.content.decode()
    back = viewer.get(LOG, {"after": second_seqs[0]})
    assert _seqs(back.content.decode()) == seqs


def test_csv_export_streams_the_filtered_entries_and_is_itself_audited(
    viewer: Client, auditor: Persona, handler: Persona
) -> None:
    case = _case("K7M2P9QX")
    read = record(Event.CONVERSATION_READ, actor=handler.user, subject=case, messages=2, notes=0)
    record(Event.CONFIG_CHANGED, actor=handler.user, subject="=cmd|' /C calc'!A0")
    record(Event.CONFIG_CHANGED, actor=auditor.user, subject="config:other")
    response = viewer.get(reverse("audit:export"), {"person": "handler"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r["who"] for r in rows] == ["handler", "handler"]
    assert rows[1]["seq"] == str(read.seq)
    assert rows[1]["subject"] == "case K7M2P9QX"
    assert json.loads(rows[1]["data"]) == {"messages": 2, "notes": 0}
    assert rows[0]["subject"].startswith("'=")  # a spreadsheet shows it as text, never runs it
    export = AuditEntry.objects.filter(event=Event.EXPORT).get()
    assert (export.subject, str(export.actor)) == ("audit:log", str(auditor.user.pk))
    assert export.data["person"] == "handler"
    bad = viewer.get(reverse("audit:export"), {"case": "nonsense"})
    assert bad.status_code == 400
    assert AuditEntry.objects.filter(event=Event.EXPORT).count() == 1


def test_anchors_are_shown_and_exported_with_the_public_key_and_the_export_verifies(
    viewer: Client, tmp_path: Path
) -> None:
    record(Event.CONFIG_CHANGED, subject="config:x")
    anchor = anchors.sign_anchor()
    page = viewer.get(LOG).content.decode()
    public = anchors.public_key()
    assert public.hex() in page
    assert f"#{anchor.seq}" in page
    response = viewer.get(reverse("audit:anchors"))
    assert response.status_code == 200
    lines = [json.loads(line) for line in response.content.decode().splitlines()]
    assert lines[0]["public_key"] == public.hex()
    assert lines[1]["seq"] == anchor.seq
    message = anchors.signed_message(anchor.seq, anchor.hash, anchor.at)
    assert crypto.signature_is_valid(public, message, bytes.fromhex(lines[1]["signature"]))
    assert AuditEntry.objects.filter(event=Event.EXPORT, subject="audit:anchors").count() == 1
    kept = tmp_path / "anchors.jsonl"
    kept.write_bytes(response.content)
    call_command("audit", "verify", "--anchors", str(kept), "--public-key", public.hex())
