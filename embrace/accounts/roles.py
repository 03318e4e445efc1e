"""Roles and the permissions they carry. Permissions are checked by name; keys enforce the rest."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    INTAKE_OFFICER = "intake_officer", _("Intake officer")
    HANDLER = "handler", _("Case handler")
    VETTING_REVIEWER = "vetting_reviewer", _("Vetting reviewer")
    CUSTODIAN = "custodian", _("Custodian")
    REWARD_COMMITTEE = "reward_committee", _("Reward committee")
    FINANCE = "finance", _("Finance")
    ANALYST = "analyst", _("Analyst")
    AUDITOR = "auditor", _("Auditor")


class Perm(StrEnum):
    ACCOUNTS_MANAGE = "accounts:manage"
    CONFIG_MANAGE = "config:manage"
    AUDIT_READ = "audit:read"
    CASE_TRIAGE = "case:triage"
    CASE_HANDLE = "case:handle"
    CASE_IDENTITY_REQUEST = "case:identity:request"
    CASE_IDENTITY_REVEAL = "case:identity:reveal"
    CASE_PASSAGE_APPROVE = "case:passage:approve"
    VETTING_REVIEW = "vetting:review"
    REWARD_VERIFY = "reward:verify"
    REWARD_VALUE = "reward:value"
    REWARD_APPROVE = "reward:approve"
    SCHEDULE_CHANGE = "reward:schedule:change"
    STIPEND_APPROVE = "stipend:approve"
    FINANCE_READ = "finance:read"
    FUNDS_RECORD = "funds:record"
    PAYMENT_RELEASE = "payment:release"
    STATS_READ = "stats:read"
    STATS_PUBLISH = "stats:publish"


# Administrators run accounts and configuration and are deliberately given no case permission: they can
# create a user but never read what that user reads (the vault never seals a compartment to them).
ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.ADMINISTRATOR: frozenset({Perm.ACCOUNTS_MANAGE, Perm.CONFIG_MANAGE}),
    Role.INTAKE_OFFICER: frozenset({Perm.CASE_TRIAGE}),
    Role.HANDLER: frozenset({Perm.CASE_HANDLE, Perm.CASE_IDENTITY_REQUEST, Perm.CASE_PASSAGE_APPROVE}),
    Role.VETTING_REVIEWER: frozenset({Perm.VETTING_REVIEW, Perm.REWARD_VERIFY, Perm.CASE_IDENTITY_REQUEST}),
    Role.CUSTODIAN: frozenset({Perm.CASE_IDENTITY_REVEAL}),
    # The committee values claims, approves tranches and stipends, and changes the published schedule (each
    # by two people, or by someone other than the one who proposed); finance records money in and out.
    Role.REWARD_COMMITTEE: frozenset(
        {
            Perm.REWARD_VALUE,
            Perm.REWARD_APPROVE,
            Perm.SCHEDULE_CHANGE,
            Perm.STIPEND_APPROVE,
            Perm.FINANCE_READ,
        }
    ),
    Role.FINANCE: frozenset({Perm.PAYMENT_RELEASE, Perm.FUNDS_RECORD, Perm.FINANCE_READ}),
    # Analysts draft public releases and publish another analyst's draft (never their own: approvals and
    # the database refuse it), so a release always has two analysts behind it.
    Role.ANALYST: frozenset({Perm.STATS_READ, Perm.STATS_PUBLISH}),
    Role.AUDITOR: frozenset({Perm.AUDIT_READ}),
}

# Roles that must never hold case-content keys.
CONTENT_BLIND_ROLES = frozenset({Role.ADMINISTRATOR, Role.AUDITOR})
# Roles whose work is reading case content. Nobody holds one of these and a content-blind role: an
# administrator who could also read would need no second person to give themselves the keys, and an auditor
# who reads would audit their own reading. The database enforces the same split (accounts migration 0002).
CONTENT_ROLES = frozenset(
    {
        Role.INTAKE_OFFICER,
        Role.HANDLER,
        Role.VETTING_REVIEWER,
        Role.CUSTODIAN,
        Role.REWARD_COMMITTEE,
        Role.FINANCE,
    }
)


def duties_conflict(roles: Iterable[Role | str]) -> str | None:
    """Why these roles may not be held together by one person, in words for the page; None if they may."""
    held = {Role(r) for r in roles}
    blind, content = held & CONTENT_BLIND_ROLES, held & CONTENT_ROLES
    if not blind or not content:
        return None
    return gettext(
        "%(blind)s cannot also be %(content)s: administrators and auditors never see case contents. Use a "
        "separate account for a separate person."
    ) % {
        "blind": gettext(" and ").join(sorted(str(r.label) for r in blind)),
        "content": ", ".join(sorted(str(r.label).lower() for r in content)),
    }
