from django.db import models


class Event(models.TextChoices):
    """Every audit event name. Entries hold ids and hashes, never content."""

    LOGIN = "auth.login"
    LOGIN_FAILED = "auth.login_failed"
    LOGIN_THROTTLED = "auth.login_throttled"
    LOGOUT = "auth.logout"
    OTP_FAILED = "auth.otp_failed"
    OTP_ENROLLED = "auth.otp_enrolled"
    PASSWORD_CHANGED = "auth.password_changed"  # noqa: S105  (an event name, not a password)
    PASSWORD_RECOVERED = "auth.password_recovered"  # noqa: S105
    KEY_COOKIE_REJECTED = "auth.key_cookie_rejected"
    USER_CREATED = "accounts.user_created"
    USER_UPDATED = "accounts.user_updated"
    USER_DEACTIVATED = "accounts.user_deactivated"
    ROLE_GRANTED = "accounts.role_granted"
    ROLE_REVOKED = "accounts.role_revoked"
    TEAM_CREATED = "accounts.team_created"
    TEAM_JOINED = "accounts.team_joined"
    TEAM_LEFT = "accounts.team_left"
    USER_KEYS_CREATED = "vault.user_keys_created"
    COMPARTMENT_CREATED = "vault.compartment_created"
    COMPARTMENT_DESTROYED = "vault.compartment_destroyed"
    ACCESS_GRANTED = "vault.access_granted"
    ACCESS_REVOKED = "vault.access_revoked"
    COMPARTMENT_REKEYED = "vault.compartment_rekeyed"
    REVEAL = "vault.reveal"
    APPROVAL_REQUESTED = "approvals.requested"
    APPROVAL_APPROVED = "approvals.approved"
    APPROVAL_REFUSED = "approvals.refused"
    APPROVAL_CANCELLED = "approvals.cancelled"
    CASE_MESSAGE_SENT = "case.message_sent"
    QUARANTINE_EMPTIED = "case.quarantine_emptied"
    EXPORT = "data.export"
    CONFIG_CHANGED = "config.changed"
    DEMO_SEEDED = "config.demo_seeded"
