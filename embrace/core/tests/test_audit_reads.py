"""Every read of sensitive content leaves an entry, as the staff member opens the page, and the auditor then
finds it in the viewer by the case's reference. Entries hold ids and counts, never what was shown."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from embrace.audit.events import Event
from embrace.audit.labels import label
from embrace.audit.models import AuditEntry
from embrace.testing.personas import log_in
from embrace.testing.world import World, build_world

pytestmark = pytest.mark.django_db


def _new_entries(since: int) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(seq__gt=since).order_by("seq"))


def _last_seq() -> int:
    entry = AuditEntry.objects.order_by("-seq").first()
    return entry.seq if entry else 0


class Staff:
    """The world's people, each signed in once: a second sign-in in one TOTP step would replay the code."""

    def __init__(self, world: World) -> None:
        self.world: World = world
        self.clients: dict[str, Client] = {}

    def __call__(self, who: str) -> Client:
        if who not in self.clients:
            self.clients[who] = log_in(Client(raise_request_exception=False), self.world.personas[who])
        return self.clients[who]


def _pages(world: World) -> list[tuple[str, str, Event, dict[str, Any]]]:
    """(who, page, the entry it adds, data the entry holds) for each page that shows sealed content."""
    a = world.cases["A"]
    case_id = a.case.pk
    assert a.dependant is not None
    return [
        ("handler_a", reverse("cases:detail", args=[case_id]), Event.CONVERSATION_READ, {"messages": 1}),
        ("custodian_a", reverse("identity:detail", args=[case_id]), Event.IDENTITY_READ, {"dependants": 1}),
        (
            "custodian_a",
            reverse("identity:dependant_edit", args=[case_id, a.dependant.pk]),
            Event.IDENTITY_READ,
            {"dependant": str(a.dependant.pk)},
        ),
        ("reviewer_a", reverse("vetting:case", args=[case_id]), Event.VETTING_READ, {"evidence": 1}),
        ("courier_p", reverse("passage:plan", args=[case_id]), Event.PASSAGE_PLAN_READ, {"entries": 1}),
        (
            "finance_a",
            reverse("rewards:claim", args=[world.rewards.claim.pk]),
            Event.CLAIM_READ,
            {"claim": str(world.rewards.claim.pk), "items": 1, "payment_channels": 1},
        ),
    ]


def test_each_sensitive_page_adds_an_entry_the_auditor_then_sees_in_the_viewer() -> None:
    world = build_world()
    staff = Staff(world)
    auditor = staff("auditor_a")
    case = world.cases["A"].case
    # As a volunteer would read it out: lower case, in two groups.
    typed_reference = f"{case.reference[:4].lower()} {case.reference[4:].lower()}"
    everything_shown = [text for texts in world.cases["A"].markers.values() for text in texts]
    for who, url, event, data in _pages(world):
        reader = staff(who)
        before = _last_seq()
        page = reader.get(url)
        assert page.status_code == 200, (who, url, page.status_code)
        reads = [e for e in _new_entries(before) if e.event == event]
        assert len(reads) == 1, (url, [e.event for e in _new_entries(before)])
        entry = reads[0]
        assert str(entry.actor) == str(world.user(who).pk)
        assert entry.subject == f"cases.case:{case.pk}"
        assert data.items() <= entry.data.items(), (url, entry.data)
        # Ids and counts only: nothing that was on the page is in the log.
        assert not any(text in str(entry.data) for text in everything_shown)

        viewer = auditor.get(reverse("audit:log"), {"case": typed_reference, "event": event.value})
        assert viewer.status_code == 200
        shown = viewer.content.decode()
        assert label(event) in shown
        assert who in shown
        assert f"case {case.reference}" in shown
        assert f'<td translate="no">{entry.seq}</td>' in shown
        assert not any(text in shown for text in everything_shown)


def test_lists_with_opening_words_record_which_cases_were_read() -> None:
    world = build_world()
    staff = Staff(world)
    reference = world.cases["A"].case.reference
    for who, url in (
        ("intake_a", reverse("cases:inbox")),
        ("handler_a", reverse("cases:mine")),
        ("intake_a", reverse("cases:search") + f"?reference={reference}"),
    ):
        before = _last_seq()
        assert staff(who).get(url).status_code == 200
        reads = [e for e in _new_entries(before) if e.event == Event.CASE_PREVIEWS_READ]
        assert len(reads) == 1, url
        assert str(world.cases["A"].case.pk) in reads[0].data["cases"]
        assert str(world.cases["B"].case.pk) not in reads[0].data["cases"]


def test_a_page_shown_without_the_key_records_no_read() -> None:
    """Team A's reviewer sees that case A exists but holds no body key: "no key" is not a read."""
    world = build_world()
    before = _last_seq()
    page = Staff(world)("reviewer_a").get(reverse("cases:detail", args=[world.cases["A"].case.pk]))
    assert page.status_code == 403
    assert Event.CONVERSATION_READ not in [e.event for e in _new_entries(before)]
