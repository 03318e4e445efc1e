"""A retention rule changes only when a second administrator approves what the first proposed, and the
approval page says in words what the rule is now and what it would become."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.retention.models import Rule, RuleChange, RuleKey
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = pytest.mark.django_db


def _rule(key: str) -> Rule:
    return Rule.objects.get(key=key)


def _propose(browser: Client, key: str, data: dict[str, str]) -> object:
    return browser.post(reverse("config:retention_edit", args=[key]), data)


def test_a_lone_administrator_cannot_change_a_rule(admin: Persona) -> None:
    make_persona("admin-two", Role.ADMINISTRATOR)
    browser = log_in(Client(), admin)
    response = _propose(browser, RuleKey.WITHDRAWN, {"days": "7"})
    change = RuleChange.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("config:retention_change", args=[change.pk])
    assert _rule(RuleKey.WITHDRAWN).days == 180  # waiting, not changed

    # Approving their own proposal is refused, and the rule stays.
    decide = reverse("config:retention_decide", args=[change.pk])
    response = browser.post(decide, {"decision": "approve"})
    assert response.status_code == 403
    assert "another administrator must" in response.content.decode()
    assert _rule(RuleKey.WITHDRAWN).days == 180
    # Nor can a second proposal on the same rule start a race.
    assert _propose(browser, RuleKey.WITHDRAWN, {"days": "1"}).status_code == 400
    assert RuleChange.objects.count() == 1
    assert not AuditEntry.objects.filter(event=Event.RETENTION_RULE_CHANGED).exists()


def test_a_second_administrator_sees_old_and_new_in_words_and_approves(admin: Persona) -> None:
    second = make_persona("admin-two", Role.ADMINISTRATOR)
    _propose(log_in(Client(), admin), RuleKey.WITHDRAWN, {"days": "90"})
    change = RuleChange.objects.get()
    browser = log_in(Client(), second)

    page = browser.get(reverse("config:retention_change", args=[change.pk])).content.decode()
    assert "Withdrawn cases" in page
    assert "Destroyed 180 days after the case was withdrawn." in page
    assert "Destroyed 90 days after the case was withdrawn." in page
    assert "withdrawn</dd>" not in page  # words, not the rule's internal name
    response = browser.post(reverse("config:retention_decide", args=[change.pk]), {"decision": "approve"})
    assert response.status_code == 302
    assert _rule(RuleKey.WITHDRAWN).days == 90
    entry = AuditEntry.objects.get(event=Event.RETENTION_RULE_CHANGED)
    assert entry.data["old"] == 180
    assert entry.data["new"] == 90
    assert entry.data["proposed_by"] == str(admin.user.pk)
    # Decided once: a second decision changes nothing.
    assert (
        browser.post(reverse("config:retention_decide", args=[change.pk]), {"decision": "refuse"}).status_code
        == 400
    )


def test_a_refused_proposal_leaves_the_rule_and_keep_means_until_purged(admin: Persona) -> None:
    second = make_persona("admin-two", Role.ADMINISTRATOR)
    _propose(log_in(Client(), admin), RuleKey.QUARANTINED, {"keep": "on"})
    change = RuleChange.objects.get()
    assert change.new_days is None
    browser = log_in(Client(), second)
    page = browser.get(reverse("config:retention_change", args=[change.pk])).content.decode()
    assert "Kept until someone closes the case with purge." in page
    browser.post(reverse("config:retention_decide", args=[change.pk]), {"decision": "refuse"})
    assert _rule(RuleKey.QUARANTINED).days == 30


def test_bad_days_are_refused_in_words_with_the_form_kept(admin: Persona) -> None:
    browser = log_in(Client(), admin)
    for data, words in (
        ({"days": "soon"}, "Write a whole number of days"),
        ({"days": "-3"}, "Give 0 days or more."),
        ({"days": "99999"}, "Give at most 3650 days."),
        ({}, "Give the number of days"),
        ({"days": "180"}, "That is the rule already."),
    ):
        response = _propose(browser, RuleKey.WITHDRAWN, data)
        assert response.status_code == 400, data
        assert words in response.content.decode(), data
    # A passage plan always ends: "keep" is not offered and an empty form names no days.
    page = browser.get(reverse("config:retention_edit", args=[RuleKey.PASSAGE])).content.decode()
    assert 'name="keep"' not in page
    assert _propose(browser, RuleKey.PASSAGE, {"keep": "on"}).status_code == 400
    assert browser.get(reverse("config:retention_edit", args=["everything"])).status_code == 404
    assert not RuleChange.objects.exists()


def test_the_settings_page_lists_every_rule_in_words(admin: Persona) -> None:
    page = log_in(Client(), admin).get(reverse("config:retention")).content.decode()
    for words in (
        "Quarantined enquiries (junk)",
        "Destroyed 30 days after it was put in quarantine.",
        "Destroyed 180 days after contact was lost.",
        "Passage plans after arrival",
        "Kept until someone closes the case with purge.",
    ):
        assert words in page


def test_the_second_administrators_home_counts_the_change_waiting_for_them(admin: Persona) -> None:
    second = make_persona("admin-two", Role.ADMINISTRATOR)
    proposer = log_in(Client(), admin)
    _propose(proposer, RuleKey.WITHDRAWN, {"days": "90"})
    page = log_in(Client(), second).get(reverse("accounts:home")).content.decode()
    assert f'href="{reverse("config:retention")}"' in page
    assert "1 waiting" in page
    # The proposer has nothing to decide.
    assert "1 waiting" not in proposer.get(reverse("accounts:home")).content.decode()
