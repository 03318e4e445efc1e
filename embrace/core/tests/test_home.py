"""Each role's home page lists its work as links and what waits there; roles are named in words."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.testing.personas import log_in, make_persona

HOME = reverse("accounts:home")

# For each role: pages its home must link to.
LINKS = {
    Role.INTAKE_OFFICER: ["cases:inbox", "intake_staff:quarantine"],
    Role.HANDLER: ["cases:mine"],
    Role.VETTING_REVIEWER: ["vetting:queue"],
    Role.CUSTODIAN: ["identity:queue"],
    Role.REWARD_COMMITTEE: ["rewards:claims_queue", "rewards:stipends", "rewards:schedules"],
    Role.FINANCE: ["rewards:claims_queue", "rewards:stipends", "rewards:finance"],
    Role.AUDITOR: ["audit:log"],
    Role.ADMINISTRATOR: [
        "staffing:user_list",
        "accounts:team_list",
        "config:labels",
        "config:routes",
        "config:retention",
    ],
    Role.ANALYST: ["figures:home", "releases:list"],
}


@pytest.mark.parametrize("role", list(LINKS), ids=[r.value for r in LINKS])
def test_each_role_home_links_to_its_work_and_names_the_role_in_words(role: Role, intake_team: Team) -> None:
    person = make_persona(f"home{len(role.value)}{role.value[:3]}", role, teams=(intake_team,))
    page = log_in(Client(), person).get(HOME).content.decode()
    for name in LINKS[role]:
        assert f'href="{reverse(name)}' in page, f"{role.label}'s home has no link to {name}"
    assert str(role.label) in page
    if "_" in role.value:
        assert role.value not in page, "no internal role name on the page"


def test_analyst_reaches_the_public_figures_from_home_and_gets_back(db: None) -> None:
    client = log_in(Client(), make_persona("analyst", Role.ANALYST))
    assert f'href="{reverse("releases:list")}"' in client.get(HOME).content.decode()
    releases = client.get(reverse("releases:list")).content.decode()
    assert f'href="{reverse("figures:home")}"' in releases, "the staff navigation leads back to the figures"


def test_a_role_sees_no_other_roles_work(intake_team: Team) -> None:
    handler = make_persona("only-handler", Role.HANDLER, teams=(intake_team,))
    page = log_in(Client(), handler).get(HOME).content.decode()
    for name in ("cases:inbox", "staffing:user_list", "audit:log", "identity:queue"):
        assert f'href="{reverse(name)}"' not in page


def test_administrator_home_counts_invitations_waiting(db: None) -> None:
    from embrace.staffing import actions as staffing

    admin = make_persona("admin-home", Role.ADMINISTRATOR)
    staffing.invite_user("newcomer", roles=[Role.ANALYST], teams=[], actor=admin.user)
    page = log_in(Client(), admin).get(HOME).content.decode()
    assert "Invitations waiting" in page
    assert "1 waiting" in page


def test_a_burmese_persona_home_is_in_burmese(intake_team: Team) -> None:
    reader = make_persona("burmese-intake", Role.INTAKE_OFFICER, teams=(intake_team,), language="my")
    page = log_in(Client(), reader).get(HOME).content.decode()
    assert "ဝင်စာ" in page  # "Inbox"
    assert "Inbox" not in page
    assert "Intake officer" not in page


def test_a_burmese_auditor_reads_the_audit_log_in_burmese(db: None) -> None:
    auditor = make_persona("burmese-auditor", Role.AUDITOR, language="my")
    page = log_in(Client(), auditor).get(reverse("audit:log")).content.decode()
    assert "လုပ်ဆောင်ချက်မှတ်တမ်း" in page  # "Audit log"
    assert "ဝင်ရောက်ခဲ့သည်" in page, "event names are in Burmese too (the auditor's own sign-in)"
    assert "Who did what" not in page
    assert "Signed in" not in page


def test_the_sign_in_page_is_burmese_for_a_stranger_and_english_with_the_cookie(db: None) -> None:
    from django.conf import settings

    burmese = Client().get(reverse("accounts:login")).content.decode()
    assert "အသုံးပြုသူအမည်" in burmese  # "Username"
    assert "Log in" not in burmese
    english = Client()
    english.cookies[settings.STAFF_LANGUAGE_COOKIE_NAME] = "en"
    assert "Log in" in english.get(reverse("accounts:login")).content.decode()


def test_a_draft_waiting_for_an_analyst_is_counted_at_public_figures_not_in_the_approvals_banner(
    intake_team: Team,
) -> None:
    # The banner's link opens the approvals page, which lists requests about cases only: a release waiting
    # there read "1 request waits for your decision" and led to an empty page (the analysts' journey).
    import datetime

    from embrace.releases import actions
    from embrace.releases.cases import bare_cases

    drafter, publisher = make_persona("drafter", Role.ANALYST), make_persona("publisher", Role.ANALYST)
    bare_cases(intake_team, 12, opened_on=datetime.date(2026, 1, 10))
    actions.draft_release(
        actions.Draft(
            "ဇန်နဝါရီ", "January", datetime.date(2026, 1, 1), datetime.date(2026, 1, 31), ["enquiry"]
        ),
        actor=drafter.user,
    )
    page = log_in(Client(), publisher).get(HOME).content.decode()
    assert re.search(r'href="/staff/releases/">Public figures</a> — <strong>1 waiting', page), page
    assert "waits for your decision" not in page
    mine = log_in(Client(), drafter).get(HOME).content.decode()
    assert re.search(r'href="/staff/releases/">Public figures</a></li>', mine), "a drafter waits for nobody"
