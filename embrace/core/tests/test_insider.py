"""The insider is the adversary: what one administrator can do alone, walked through the staff pages.

Each attempt from issue 9 that a lone administrator would try is either refused or left waiting for a
second person, and no key — so no content — reaches anyone because of a role alone: a holder gives it.
The pieces each have their own tests (``staffing``, ``custody``, ``breakglass``, ``vault``, ``audit``); this
module walks them together in one programme, as the administrator would, to show the doors stay shut when
tried one after another. The access matrix (``test_access_matrix.py``) shows the same for every staff URL.
"""

from __future__ import annotations

import secrets

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.models import Case
from embrace.custody import groups
from embrace.intake.actions import submit_enquiry
from embrace.retention.models import Rule, RuleChange
from embrace.staffing.models import AccessChange, Invitation
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault import actions as vault
from embrace.vault.keyring import NoAccess, public_fingerprint, unlock_with_password
from embrace.vault.models import Grant, GroupGrant

pytestmark = pytest.mark.django_db

HOME = reverse("accounts:home")
PUPPET_PASSWORD = "the administrator's second account 7"


def _enquiry(marker: str) -> Case:
    case, _ = submit_enquiry(
        {"text": f"body {marker}"},
        {"name": f"name {marker}", "contact": "+959451112233"},
        [],
        token=secrets.token_hex(8),
        quarantine=False,
    )
    return case


def _edit(browser: Client, user: User, *, roles: list[Role], teams: list[Team], active: bool = True) -> int:
    data: dict[str, object] = {"roles": [r.value for r in roles], "teams": [t.pk for t in teams]}
    if active:
        data["is_active"] = "on"
    return browser.post(reverse("staffing:user_edit", args=[user.pk]), data).status_code


def _case_pages(case: Case) -> list[str]:
    return [
        reverse("cases:inbox"),
        reverse("cases:detail", kwargs={"case_id": case.pk}),
        reverse("cases:search") + f"?q={case.reference}",
        reverse("identity:detail", kwargs={"case_id": case.pk}),
        reverse("identity:edit", kwargs={"case_id": case.pk}),
        reverse("vetting:case", kwargs={"case_id": case.pk}),
        reverse("passage:plan", kwargs={"case_id": case.pk}),
        reverse("rewards:case_claims", kwargs={"case_id": case.pk}),
        reverse("rewards:home"),
        reverse("intake_staff:quarantine"),
        reverse("custody:keys"),
        reverse("breakglass:overview"),
        # The administrator's own pages: teams, labels, intake routes, their settings, the home page.
        reverse("accounts:team_list"),
        reverse("config:labels"),
        reverse("config:routes"),
        reverse("accounts:password_change"),
        reverse("accounts:home"),
    ]


def _holds_nothing(user: User) -> bool:
    return not Grant.objects.filter(user=user).exists() and not GroupGrant.objects.filter(user=user).exists()


def test_a_lone_administrator_reads_nothing_and_widens_nothing_alone(
    admin: Persona, intake_route: object, intake_team: Team, intake_officer: Persona, custodian: Persona
) -> None:
    marker = secrets.token_hex(6)
    case = _enquiry(marker)
    make_persona("admin-two", Role.ADMINISTRATOR)  # a colleague exists, so no bootstrap exception applies
    browser = log_in(Client(raise_request_exception=False), admin)

    # Ticks every role on their own account: refused, nothing waits.
    assert _edit(browser, admin.user, roles=list(Role), teams=[intake_team]) == 400
    admin.user.refresh_from_db()
    assert admin.user.roles == {Role.ADMINISTRATOR}
    assert not AccessChange.objects.filter(user=admin.user).exists()

    # Gives a colleague the custodian role: it waits for a second administrator.
    assert _edit(
        browser, intake_officer.user, roles=[Role.INTAKE_OFFICER, Role.CUSTODIAN], teams=[intake_team]
    )
    intake_officer.user.refresh_from_db()
    assert Role.CUSTODIAN not in intake_officer.user.roles
    assert AccessChange.objects.filter(user=intake_officer.user).exists()

    # Makes a second account for themselves: an invitation whose link they open and set up themselves ...
    response = browser.post(
        reverse("staffing:invite"),
        {"username": "puppet", "roles": [Role.INTAKE_OFFICER.value], "teams": [intake_team.pk]},
    )
    assert response.status_code == 200
    link = str(response.context["link"])
    puppet_browser = Client()
    assert puppet_browser.get(link).status_code == 200
    device = TOTPDevice.objects.get(pk=puppet_browser.session["invitation_device"])
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    puppet_browser.post(
        link, {"new_password": PUPPET_PASSWORD, "new_password_again": PUPPET_PASSWORD, "code": code}
    )
    invitation = Invitation.objects.get(user__username="puppet")
    fingerprint = public_fingerprint(invitation.user)
    # ... but cannot confirm it: the account stays inactive, roleless and keyless.
    response = browser.post(
        reverse("staffing:invitation", args=[invitation.pk]), {"do": "confirm", "fingerprint": fingerprint}
    )
    assert response.status_code == 400
    puppet = User.objects.get(username="puppet")
    assert not puppet.is_active
    assert puppet.roles == frozenset()
    assert _holds_nothing(puppet)

    # Tries to take a key: they hold none to give, and no group is theirs.
    team_group = groups.team_group(intake_team)
    response = browser.post(reverse("custody:give"), {"group": team_group.pk, "user": admin.user.pk})
    assert response.status_code in (403, 404)
    assert browser.post(reverse("custody:start"), {"group": team_group.pk}).status_code in (403, 409)

    # Reads every page about the case: the enquirer's words and name appear on none.
    for url in _case_pages(case):
        page = browser.get(url)
        assert page.status_code in (200, 403, 404), url
        assert marker.encode() not in page.content, url
    assert _holds_nothing(admin.user)


def test_a_role_given_by_two_administrators_opens_nothing_until_a_holder_gives_the_key(
    admin: Persona, intake_route: object, intake_team: Team, intake_officer: Persona
) -> None:
    second_admin = make_persona("admin-two", Role.ADMINISTRATOR)
    newcomer = make_persona("newcomer", keys=False)
    marker = secrets.token_hex(6)
    case = _enquiry(marker)
    detail = reverse("cases:detail", kwargs={"case_id": case.pk})

    first = log_in(Client(), admin)
    assert _edit(first, newcomer.user, roles=[Role.INTAKE_OFFICER], teams=[intake_team]) in (200, 302)
    change = AccessChange.objects.get(user=newcomer.user)
    second = log_in(Client(), second_admin)
    assert (
        second.post(reverse("staffing:change", args=[change.pk]), {"decision": "approve"}).status_code == 302
    )
    newcomer.user.refresh_from_db()
    assert newcomer.user.roles == {Role.INTAKE_OFFICER}

    # The role is the right to ask; it pulls no key.
    reader = log_in(Client(raise_request_exception=False), newcomer)
    assert marker.encode() not in reader.get(detail).content
    assert _holds_nothing(newcomer.user)

    # A holder gives it from their own session: the existing case opens at once.
    holder = log_in(Client(), intake_officer)
    group = groups.team_group(intake_team)
    assert (
        holder.post(reverse("custody:give"), {"group": group.pk, "user": newcomer.user.pk}).status_code == 302
    )
    assert marker.encode() in reader.get(detail).content

    # Narrowing is immediate and alone: the session ends and what is written afterwards is closed to them.
    assert _edit(first, newcomer.user, roles=[], teams=[intake_team]) == 302
    assert reader.get(HOME).status_code in (302, 403)
    assert not GroupGrant.objects.filter(user=newcomer.user).exists()
    later = vault.seal(case.body, b"written after they left")
    kept = unlock_with_password(newcomer.user, newcomer.password)
    with pytest.raises(NoAccess):
        kept.open(later)
    new_case = _enquiry(secrets.token_hex(6))
    with pytest.raises(NoAccess):
        kept.open(vault.seal(new_case.body, b"a new enquiry"))
    # The team keeps reading, old and new.
    colleague = unlock_with_password(intake_officer.user, intake_officer.password)
    assert colleague.open(later) == b"written after they left"


def test_a_lone_administrator_cannot_shorten_or_lengthen_retention_alone(admin: Persona) -> None:
    """Keeping content longer helps whoever seizes the server; destroying it sooner erases a case's evidence:
    either way a retention rule changes only with a second administrator."""
    make_persona("admin-two", Role.ADMINISTRATOR)
    browser = log_in(Client(raise_request_exception=False), admin)
    for key, data in (
        ("withdrawn", {"keep": "on"}),
        ("passage", {"days": "3650"}),
        ("quarantined", {"days": "0"}),
    ):
        assert browser.post(reverse("config:retention_edit", args=[key]), data).status_code == 302
    for change in RuleChange.objects.all():
        decided = browser.post(reverse("config:retention_decide", args=[change.pk]), {"decision": "approve"})
        assert decided.status_code == 403
    assert {rule.key: rule.days for rule in Rule.objects.current()}["withdrawn"] == 180
    assert {rule.key: rule.days for rule in Rule.objects.current()}["quarantined"] == 30
    assert not AuditEntry.objects.filter(event=Event.RETENTION_RULE_CHANGED).exists()
