"""Who an enquirer really is, and their family: the identity compartment, readable by custodians only.

Every case's identity is sealed to the custodians' group key from the moment it arrives (a custodian reads it
once another custodian has given them that key, ``embrace.custody``). Anyone
else reads it only after asking with a reason and a second person — a custodian who is not the asker —
approving: the approval seals the key to the asker, in the same transaction, and both steps are audited.
The checks here are for clear messages; the key is what actually keeps the content closed.
"""

from __future__ import annotations

import datetime
import json
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Perm, Role
from embrace.approvals import actions as approvals
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.approvals.queries import pending_for
from embrace.audit.events import Event
from embrace.audit.log import record, subject_of
from embrace.cases.actions import today
from embrace.cases.duplicates import index_identifiers
from embrace.cases.models import Case, Dependant
from embrace.cases.queries import visible_cases
from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring, NoAccess

# Not "case.…": that prefix is the lifecycle's, whose approvals page would offer to decide these as steps.
REVEAL_ACTION = "vault.reveal_identity"


class IdentityError(Exception):
    """A reveal step is not allowed; the message says why, in words for the user.

    ``status`` is the HTTP status a page should answer with: 403 for who is asking, 409 for a request that
    has moved on, 400 for the rest.
    """

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def get_case_for_identity(user: User, case_id: uuid.UUID | str) -> Case:
    """A case for its identity page: custodians may open any case, everyone else only the cases they see.

    Being shown the page is not being shown the identity: that still needs the compartment's key.
    """
    cases = Case.objects.all() if user.can(Perm.CASE_IDENTITY_REVEAL) else visible_cases(user)
    case = cases.filter(pk=case_id).select_related("team", "handler", "identity").first()
    if case is None:
        raise Http404("No such case")
    return case


def holds_identity_key(case: Case, user: User) -> bool:
    """Whether a grant on the current identity key exists for the user (not whether it opens: see Keyring)."""
    return str(user.pk) in vault.members_of(case.identity)


# --- Asking for and deciding a reveal --------------------------------------------------------------------


def _subject(case: Case, requester: User) -> str:
    # The asker is part of the subject, so two people may each have a request waiting on the same case.
    return f"{subject_of(case)}:for:{requester.pk}"


def pending_request(case: Case, user: User) -> Approval | None:
    return Approval.objects.filter(
        action=REVEAL_ACTION, subject=_subject(case, user), status=ApprovalStatus.PENDING
    ).first()


def request_reveal(case: Case, *, actor: User, reason: str) -> Approval:
    """Ask the custodians for this case's identity key; a different custodian decides."""
    reason = reason.strip()
    if not reason:
        raise IdentityError(_("Say why you need this person's identity."))
    current = afresh(actor)
    if current is None or not current.can(Perm.CASE_IDENTITY_REQUEST):
        raise IdentityError(_("Your role does not allow asking for an identity."), status=403)
    if not visible_cases(current).filter(pk=case.pk).exists():
        raise IdentityError(_("You may only ask for the identity of a case you work on."), status=403)
    if holds_identity_key(case, current):
        raise IdentityError(_("You already hold this case's identity key."), status=409)
    try:
        return approvals.request_approval(
            REVEAL_ACTION, _subject(case, current), required_role=Role.CUSTODIAN, reason=reason, actor=current
        )
    except approvals.ApprovalError as exc:
        raise IdentityError(str(exc), status=409) from exc


def reveal_requests(user: User) -> QuerySet[Approval]:
    """Waiting reveal requests this user may decide (never their own), oldest first."""
    return (
        pending_for(user).filter(action=REVEAL_ACTION).select_related("requested_by").order_by("requested_at")
    )


def case_of_request(approval: Approval) -> Case:
    """The case a reveal request is about, read from its subject, which must name its own requester."""
    label, _sep, rest = approval.subject.partition(":")
    case_pk, _sep, requester_pk = rest.partition(":for:")
    # The approval row is checked as if untrusted: anyone can create one with ``request_approval``.
    if approval.action != REVEAL_ACTION or label != Case._meta.label_lower:
        raise IdentityError(_("This request is not for an identity."))
    if requester_pk != str(approval.requested_by_id):
        raise IdentityError(_("This request names someone other than its requester."))
    case = Case.objects.filter(pk=case_pk).select_related("identity").first()
    if case is None:
        raise IdentityError(_("The case of this request no longer exists."), status=409)
    return case


def _refuse_unless_grantable(case: Case, requester: User | None, keyring: Keyring) -> User:
    if requester is None or not requester.can(Perm.CASE_IDENTITY_REQUEST):
        raise IdentityError(_("The requester may no longer ask for identities; refuse the request instead."))
    if not visible_cases(requester).filter(pk=case.pk).exists():
        raise IdentityError(_("The requester no longer works on this case; refuse the request instead."))
    if not keyring.can_read(case.identity):
        raise IdentityError(_("You hold no key for this identity, so you cannot pass it on."), status=403)
    return requester


def decide_reveal(
    approval: Approval, *, approve: bool, actor: User, keyring: Keyring, note: str = ""
) -> Approval:
    """Approve (sealing the identity key to the requester) or refuse, in one transaction.

    An approval that cannot be carried out is not recorded either: the custodian is told why and may refuse.
    """
    if keyring.user.pk != actor.pk:
        raise IdentityError(_("A reveal is decided with the decider's own key."), status=403)
    with transaction.atomic():
        approval = Approval.objects.select_for_update().get(pk=approval.pk)
        if approval.status != ApprovalStatus.PENDING:
            raise IdentityError(_("This request has already been decided."), status=409)
        if approval.requested_by_id == actor.pk:
            raise IdentityError(_("No one may decide their own request: another custodian must."), status=403)
        decider = afresh(actor)
        if (
            decider is None
            or not decider.has_role(Role.CUSTODIAN)
            or approval.required_role != Role.CUSTODIAN
        ):
            raise IdentityError(_("Only a custodian may decide this."), status=403)
        case = case_of_request(approval)
        requester = None
        if approve:
            requester = _refuse_unless_grantable(case, afresh(approval.requested_by), keyring)
        try:
            decided = approvals.decide_approval(approval, approve=approve, actor=decider, note=note)
        except approvals.ApprovalError as exc:
            raise IdentityError(str(exc), status=403) from exc
        if requester is not None:
            try:
                vault.grant(case.identity, requester, by=keyring, actor=decider)
            except NoAccess as exc:
                raise IdentityError(
                    _("The key could not be sealed to the requester; nothing was changed.")
                ) from exc
            record(
                Event.REVEAL, actor=decider, subject=case, approval=str(decided.pk), user=str(requester.pk)
            )
    return decided


def grant_identity_access(case: Case, custodian: User, *, by_keyring: Keyring, actor: User) -> None:
    """Seal a case's identity key to a custodian appointed after the case arrived. No approval: custodians
    hold every identity key by office; this only catches a new one up."""
    if by_keyring.user.pk != actor.pk:
        raise IdentityError(_("Access is passed on with the granter's own key."), status=403)
    granter, receiver = afresh(actor), afresh(custodian)
    if granter is None or not granter.has_role(Role.CUSTODIAN):
        raise IdentityError(_("Only a custodian may pass on an identity key."), status=403)
    if receiver is None or not receiver.has_role(Role.CUSTODIAN):
        raise IdentityError(_("Identity keys go to custodians only; others ask for a reveal."))
    try:
        vault.grant(case.identity, receiver, by=by_keyring, actor=granter)
    except NoAccess as exc:
        raise IdentityError(
            _("You hold no key for this identity, or they have no key pair."), status=403
        ) from exc


# --- Reading the identity and dependants ------------------------------------------------------------------

IDENTITY_LABELS = {
    "rank": gettext_lazy("Rank"),
    "unit": gettext_lazy("Unit"),
    "contact": gettext_lazy("Where to answer them"),
    "name": gettext_lazy("Name"),
    "phone": gettext_lazy("Phone number"),
    "service_number": gettext_lazy("Service number"),
}
RISK_LEVELS = [
    ("low", gettext_lazy("Low")),
    ("medium", gettext_lazy("Medium")),
    ("high", gettext_lazy("High")),
    ("critical", gettext_lazy("Critical")),
]


@dataclass(frozen=True)
class DependantDetails:
    id: uuid.UUID
    relation: str
    relation_label: str
    name: str
    location: str
    risk: str
    plan: str
    recorded_on: datetime.date

    @property
    def risk_label(self) -> str:
        return str(dict(RISK_LEVELS).get(self.risk, self.risk))


def read_identity(case: Case, keyring: Keyring) -> list[tuple[str, str]]:
    """The enquirer's identity answers as (label, value) pairs, or NoAccess without the identity key."""
    # Checked by key even when nothing was given, so "no identity" is never shown to someone without access.
    if not keyring.can_read(case.identity):
        raise NoAccess("no identity key")
    if case.identity_details is None:
        return []
    details = json.loads(keyring.open(bytes(case.identity_details)))
    return [(str(IDENTITY_LABELS.get(key, key)), str(value)) for key, value in details.items() if value]


def read_identity_fields(case: Case, keyring: Keyring) -> list[tuple[str, str]]:
    """The recorded identity as (field, value) pairs for a form, or NoAccess without the identity key."""
    if not keyring.can_read(case.identity):
        raise NoAccess("no identity key")
    if case.identity_details is None:
        return []
    details = json.loads(keyring.open(bytes(case.identity_details)))
    return [(key, str(details.get(key) or "")) for key in IDENTITY_FIELDS]


def read_dependant(dependant: Dependant, keyring: Keyring) -> DependantDetails:
    details = json.loads(keyring.open(bytes(dependant.details)))
    return DependantDetails(
        id=dependant.id,
        relation=dependant.relation,
        relation_label=dependant.get_relation_display(),
        name=details.get("name", ""),
        location=details.get("location", ""),
        risk=details.get("risk", ""),
        plan=details.get("plan", ""),
        recorded_on=dependant.recorded_on,
    )


def read_dependants(case: Case, keyring: Keyring) -> list[DependantDetails]:
    return [read_dependant(d, keyring) for d in case.dependants.order_by("recorded_on", "id")]


def note_identity_read(case: Case, *, actor: User, **shown: int | str) -> None:
    """Every showing of an identity leaves a trace: who, which case, when, and how much (counts and ids in
    ``shown``) — never what was shown."""
    record(Event.IDENTITY_READ, actor=actor, subject=case, **shown)


# --- Recording dependants ---------------------------------------------------------------------------------

DEPENDANT_FIELDS = ("name", "location", "risk", "plan")


def _sealed_details(case: Case, details: dict[str, str]) -> bytes:
    document = {key: details.get(key, "") for key in DEPENDANT_FIELDS}
    return vault.seal(case.identity, json.dumps(document, ensure_ascii=False).encode())


def _refuse_without_key(case: Case, keyring: Keyring, actor: User) -> None:
    # Sealing needs only the public key; recording family is still kept to those who may read the identity.
    if keyring.user.pk != actor.pk or not keyring.can_read(case.identity):
        raise IdentityError(
            _("You hold no key for this identity, so you cannot record its family."), status=403
        )


def record_dependant(
    case: Case, *, relation: str, details: dict[str, str], actor: User, keyring: Keyring
) -> Dependant:
    _refuse_without_key(case, keyring, actor)
    with transaction.atomic():
        dependant = Dependant.objects.create(
            case=case, relation=relation, details=_sealed_details(case, details), recorded_on=today()
        )
        record(Event.DEPENDANT_RECORDED, actor=actor, subject=case, dependant=str(dependant.pk))
    return dependant


def update_dependant(
    dependant: Dependant, *, relation: str, details: dict[str, str], actor: User, keyring: Keyring
) -> Dependant:
    case = dependant.case
    _refuse_without_key(case, keyring, actor)
    with transaction.atomic():
        dependant.relation = relation
        dependant.details = _sealed_details(case, details)
        dependant.save(update_fields=["relation", "details"])
        record(Event.DEPENDANT_RECORDED, actor=actor, subject=case, dependant=str(dependant.pk), edit=True)
    return dependant


# --- Recording who the enquirer is ------------------------------------------------------------------------

# What keyholders may record or correct; the enquiry's own answers (rank, unit, reply handle) stay as given
# unless changed here.
IDENTITY_FIELDS = ("name", "phone", "service_number", "rank", "unit")


def record_identity_details(case: Case, details: dict[str, str], *, actor: User, keyring: Keyring) -> None:
    """Record or correct the enquirer's name, phone, service number, rank and unit, sealed to the identity.

    Only a holder of the identity key (a custodian, a handler after a reveal) may: the sealed document is read
    and rewritten with their own keys. The new identifiers join the blind index, so duplicates show; the audit
    entry says how many fields were given, never what.
    """
    if keyring.user.pk != actor.pk or not keyring.can_read(case.identity):
        raise IdentityError(_("You hold no key for this identity, so you cannot change it."), status=403)
    given = {key: details.get(key, "").strip() for key in IDENTITY_FIELDS if key in details}
    with transaction.atomic():
        locked = Case.objects.select_for_update(of=("self",)).select_related("identity").get(pk=case.pk)
        current = json.loads(keyring.open(bytes(locked.identity_details))) if locked.identity_details else {}
        current.update(given)
        sealed = vault.seal(locked.identity, json.dumps(current, ensure_ascii=False).encode())
        Case.objects.filter(pk=case.pk).update(identity_details=sealed)
        index_identifiers(
            locked,
            phones=[current.get("phone", ""), current.get("contact", "")],
            service_numbers=[current.get("service_number", "")],
            names=[current.get("name", "")],
        )
        record(
            Event.IDENTITY_RECORDED,
            actor=actor,
            subject=case,
            fields=sum(1 for value in given.values() if value),
        )
