"""Every kind of audit entry has a label written for people: the fallback spells the internal name in
English, which a Burmese auditor would read on the log page."""

from embrace.audit.events import Event
from embrace.audit.labels import LABELS


def test_every_event_has_a_written_label() -> None:
    missing = sorted(event.value for event in Event if event not in LABELS)
    assert not missing, f"events without a label in embrace/audit/labels.py: {missing}"
