"""``/staff/rewards/``, named in the README: the rewards home says what waits for whom, in either language."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.roles import Role
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = pytest.mark.django_db

HOME = "/staff/rewards/"


def test_the_rewards_home_is_where_the_readme_says(db: None) -> None:
    assert reverse("rewards:home") == HOME


def test_committee_and_finance_reach_every_rewards_page_from_the_home(db: None) -> None:
    committee = log_in(Client(), make_persona("committee_home", Role.REWARD_COMMITTEE))
    page = committee.get(HOME)
    assert page.status_code == 200
    html = page.content.decode()
    for name in ("rewards:claims_queue", "rewards:stipends", "rewards:stipend_rates", "rewards:finance"):
        assert reverse(name) in html
        assert committee.get(reverse(name)).status_code == 200
    assert "Nothing waits for you." in html
    assert reverse("rewards:donation_new") not in html  # only finance records funds
    finance = log_in(Client(), make_persona("finance_home", Role.FINANCE))
    html = finance.get(HOME).content.decode()
    assert reverse("rewards:donation_new") in html
    assert finance.get(reverse("rewards:donation_new")).status_code == 200


def test_roles_without_a_part_in_rewards_are_refused_the_home(
    intake_officer: Persona, admin: Persona
) -> None:
    for persona in (intake_officer, admin):
        assert log_in(Client(), persona).get(HOME).status_code == 403
    assert Client().get(HOME).status_code == 302
    assert (
        log_in(Client(), make_persona("committee_post", Role.REWARD_COMMITTEE)).post(HOME).status_code == 405
    )


def test_a_burmese_committee_member_reads_the_rewards_pages_in_burmese(db: None) -> None:
    member = log_in(Client(), make_persona("burmese_committee", Role.REWARD_COMMITTEE, language="my"))
    home = member.get(HOME).content.decode()
    for burmese in ("ဆုငွေများ", "သင့်ကို စောင့်နေသည့် အလုပ်", "ထောက်ပံ့ငွေများ"):
        assert burmese in home
    assert "What waits for you" not in home
    stipends = member.get(reverse("rewards:stipends")).content.decode()
    assert "ဤလအတွက် ထောက်ပံ့ငွေ မရှိပါ။" in stipends
    assert "No stipends for this month." not in stipends
