"""Words an auditor reads for each event, instead of its internal name.

Kept apart from ``Event`` so that adding an event needs no label: one without is shown from its name
("custody.group_granted" → "Custody: group granted"), and entries of retired events still read.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from embrace.audit.events import Event

LABELS = {
    Event.LOGIN: _("Signed in"),
    Event.LOGIN_FAILED: _("Wrong password at sign-in"),
    Event.LOGIN_THROTTLED: _("Sign-in slowed after wrong passwords"),
    Event.LOGOUT: _("Signed out"),
    Event.OTP_FAILED: _("Wrong authenticator code"),
    Event.OTP_ENROLLED: _("Authenticator set up"),
    Event.PASSWORD_CHANGED: _("Password changed"),
    Event.PASSWORD_RECOVERED: _("Password reset with the recovery key"),
    Event.KEY_COOKIE_REJECTED: _("Session refused: its key did not fit"),
    Event.USER_CREATED: _("Staff account created"),
    Event.USER_UPDATED: _("Staff account changed"),
    Event.USER_DEACTIVATED: _("Staff account deactivated"),
    Event.ROLE_GRANTED: _("Role given"),
    Event.ROLE_REVOKED: _("Role taken away"),
    Event.TEAM_CREATED: _("Team created"),
    Event.TEAM_JOINED: _("Joined a team"),
    Event.TEAM_LEFT: _("Left a team"),
    Event.USER_KEYS_CREATED: _("Staff keys created"),
    Event.COMPARTMENT_CREATED: _("Sealed section created"),
    Event.COMPARTMENT_DESTROYED: _("Sealed section destroyed"),
    Event.ACCESS_GRANTED: _("Key given to someone"),
    Event.ACCESS_REVOKED: _("Key taken back"),
    Event.COMPARTMENT_REKEYED: _("Sealed section re-keyed"),
    Event.REVEAL: _("Identity revealed to a handler"),
    Event.APPROVAL_REQUESTED: _("Approval asked for"),
    Event.APPROVAL_APPROVED: _("Approved"),
    Event.APPROVAL_REFUSED: _("Refused"),
    Event.APPROVAL_CANCELLED: _("Approval request withdrawn"),
    Event.CASE_MESSAGE_SENT: _("Message sent to the enquirer"),
    Event.CASE_ASSIGNED: _("Case assigned"),
    Event.CASE_NOTE_ADDED: _("Internal note written"),
    Event.ATTACHMENT_VIEWED: _("Photo opened"),
    Event.QUARANTINE_EMPTIED: _("Quarantine emptied"),
    Event.WAVE_QUARANTINE_ASKED: _("Asked to move a flood wave to quarantine"),
    Event.WAVE_QUARANTINED: _("Flood wave moved to quarantine"),
    Event.EXPORT: _("Data exported"),
    Event.BACKUP_CREATED: _("Backup made"),
    Event.BACKUP_RESTORED: _("Restored from a backup"),
    Event.CONFIG_CHANGED: _("Settings changed"),
    Event.DEMO_SEEDED: _("Demonstration data created"),
    Event.CASE_TRANSITION: _("Case moved to another step"),
    Event.CASE_PURGED: _("Case purged"),
    Event.PASSAGE_OPENED: _("Passage plan opened"),
    Event.PASSAGE_ENTRY_ADDED: _("Passage plan written to"),
    Event.PASSAGE_ARRIVAL_NOTED: _("Arrival noted"),
    Event.PASSAGE_DESTROYED: _("Passage plan destroyed"),
    Event.CONTENT_DESTROYED: _("Case content destroyed"),
    Event.RETENTION_CHANGE_PROPOSED: _("Change to a retention rule proposed"),
    Event.RETENTION_RULE_CHANGED: _("Retention rule changed"),
    Event.IDENTITY_READ: _("Identity or family read"),
    Event.DEPENDANT_RECORDED: _("Family member recorded"),
    Event.IDENTITY_RECORDED: _("Name, phone or service number recorded"),
    Event.VETTING_COMPARTMENT_OPENED: _("Vetting file opened"),
    Event.VETTING_CHECK_RECORDED: _("Vetting check recorded"),
    Event.VETTING_SIGNED_OFF: _("Vetting signed off"),
    Event.PLANT_FLAG_RAISED: _("Suspected plant flagged"),
    Event.PLANT_FLAG_CLEARED: _("Suspected-plant flag cleared"),
    Event.LEDGER_POSTED: _("Ledger entry posted"),
    Event.FINANCE_FILE_OPENED: _("Finance file opened"),
    Event.FINANCE_FILE_SHARED: _("Finance file shared"),
    Event.EVIDENCE_VIEWED: _("Evidence photo opened"),
    Event.CLAIM_OPENED: _("Reward claim opened"),
    Event.CLAIM_ITEM_ADDED: _("Item added to a claim"),
    Event.CLAIM_SUBMITTED: _("Claim submitted"),
    Event.CLAIM_VERIFIED: _("Claim verified"),
    Event.CLAIM_VALUED: _("Claim valued"),
    Event.CLAIM_REJECTED: _("Claim rejected"),
    Event.CLAIM_WITHDRAWN: _("Claim withdrawn"),
    Event.TRANCHE_ASKED: _("Payment instalment asked for"),
    Event.TRANCHE_APPROVED: _("Payment instalment approved"),
    Event.TRANCHE_REFUSED: _("Payment instalment refused"),
    Event.PAYMENT_RECORDED: _("Payment made"),
    Event.PAYMENT_REVERSED: _("Payment reversed"),
    Event.FUNDS_RECEIVED: _("Funds received"),
    Event.FUNDS_REVERSED: _("Funds entry reversed"),
    Event.STIPEND_PROPOSED: _("Monthly support proposed"),
    Event.STIPEND_APPROVED: _("Monthly support approved"),
    Event.STIPEND_REFUSED: _("Monthly support refused"),
    Event.STIPEND_RATE_PROPOSED: _("Support rate proposed"),
    Event.STIPEND_RATE_PUBLISHED: _("Support rate published"),
    Event.SCHEDULE_PROPOSED: _("Reward schedule proposed"),
    Event.SCHEDULE_PUBLISHED: _("Reward schedule published"),
    Event.CONVERSATION_READ: _("Conversation and notes read"),
    Event.CASE_PREVIEWS_READ: _("Case list with opening words read"),
    Event.PASSAGE_PLAN_READ: _("Passage plan read"),
    Event.VETTING_READ: _("Vetting evidence and verdicts read"),
    Event.CLAIM_READ: _("Claim details read"),
    Event.AUDIT_ANCHORED: _("Audit log signed (anchor)"),
    Event.USER_REACTIVATED: _("Staff account reactivated"),
    Event.SESSIONS_ENDED: _("Sign-ins ended on every device"),
    Event.INVITATION_CREATED: _("Invitation made"),
    Event.INVITATION_ACCEPTED: _("Invitation accepted"),
    Event.INVITATION_CONFIRMED: _("Invitation confirmed by a second administrator"),
    Event.INVITATION_CANCELLED: _("Invitation cancelled"),
    Event.ACCESS_WIDENING_PROPOSED: _("More access proposed"),
    Event.ACCESS_WIDENED: _("Access widened"),
    Event.ACCESS_NARROWED: _("Access narrowed"),
    Event.AUTHENTICATOR_RESET: _("Authenticator reset"),
    Event.AUTHENTICATOR_REENROLLED: _("New authenticator set up"),
    Event.TEAM_UPDATED: _("Team changed"),
    Event.GROUP_KEY_CREATED: _("Shared key created"),
    Event.GROUP_MEMBER_ADDED: _("Shared key given to someone"),
    Event.GROUP_MEMBER_REMOVED: _("Shared key taken back"),
    Event.RECOVERY_KEY_CREATED: _("Break-glass recovery key created"),
    Event.RECOVERY_KEY_RETIRED: _("Break-glass recovery key retired"),
    Event.RECOVERY_SHARE_SHOWN: _("Recovery share shown to its trustee"),
    Event.RECOVERY_SHARE_WRITTEN_DOWN: _("Recovery share written down"),
    Event.RECOVERY_COVERED: _("Key covered by break-glass recovery"),
    Event.RESTORE_OPENED: _("Key restore asked for"),
    Event.RESTORE_SHARE_ENTERED: _("Recovery share entered for a restore"),
    Event.RESTORE_SHARE_REFUSED: _("Recovery share refused"),
    Event.RESTORE_COMPLETED: _("Key restored"),
    Event.RESTORE_CANCELLED: _("Key restore cancelled"),
    Event.LABEL_CREATED: _("Case label created"),
    Event.INTAKE_ROUTE_CHANGED: _("Intake route opened or closed"),
    Event.IDENTIFIER_SEARCHED: _("Searched by name, phone or service number"),
}


def label(event: str) -> str:
    """The readable label of an event name, known or not."""
    known = LABELS.get(event)  # type: ignore[call-overload]
    if known is not None:
        return str(known)
    area, _dot, action = event.partition(".")
    return f"{area.capitalize()}: {action.replace('_', ' ')}" if action else event


def choices() -> list[tuple[str, str]]:
    """Every event, by label, for a filter."""
    return sorted(((e.value, label(e.value)) for e in Event), key=lambda c: c[1].lower())
