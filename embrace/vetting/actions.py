"""Every vetting change: one function each, one transaction, one audit entry (ids, never a result, verdict or
reason).

Content, results and verdicts are sealed with the vetting compartment's public key only, so recording needs no
private key. A sign-off also works out the case's clear "cleared for passage" yes/no, which takes reading the
other sign-offs' verdicts: the signer's own keyring does that, so someone who cannot read the vetting file
cannot sign it off either.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext

from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.actions import today
from embrace.cases.models import Case, Status
from embrace.custody import groups as custody_groups
from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring, NoAccess
from embrace.vault.models import Compartment, KeyGroup
from embrace.vetting.flags import Flag, open_log, seal_log
from embrace.vetting.models import (
    CaseCheck,
    CaseVetting,
    CheckDefinition,
    Result,
    SignOff,
    Verdict,
)
from embrace.vetting.queries import REQUIRED_SIGN_OFFS, eligible_sign_offs, vetting_cases

if TYPE_CHECKING:
    from embrace.accounts.models import User

COMPARTMENT_KIND = "vetting"


class VettingError(Exception):
    """The vetting step is refused; the message says why, in words for the reviewer."""


def _locked_case(case: Case, actor: User) -> Case:
    """The case, locked, if ``actor`` may review it now: an active reviewer, not its handler, and the case
    has reached vetting. Checked in the database inside the transaction, never on the caller's copy."""
    locked = vetting_cases(actor).select_for_update().filter(pk=case.pk).first()
    if locked is None:
        if Case.objects.filter(pk=case.pk, handler=actor).exists():
            raise VettingError(
                gettext("You handle this case, so you cannot review it: vetting must be independent.")
            )
        raise VettingError(
            gettext("You may not review this case: you are no vetting reviewer, or it is not in vetting.")
        )
    if locked.status == Status.CLOSED:
        raise VettingError(gettext("This case is closed; its vetting can no longer change."))
    return locked


def _vetting_groups() -> list[KeyGroup]:
    """The reviewers' and custodians' group keys, those that exist. The case's handler, if a reviewer, reads
    through the pool key too: the pages refuse them (``vetting_cases``), and docs/security.md says so."""
    return [g for g in (custody_groups.vetting_group(), custody_groups.custodians_group()) if g.current_key]


def vetting_compartment(case: Case, *, actor: User) -> Compartment:
    """The case's vetting compartment, made on first use, sealed to the vetting and custodians group keys.
    Call inside a transaction holding the case's lock."""
    existing = CaseVetting.objects.filter(case=case).select_related("compartment").first()
    if existing is not None:
        return existing.compartment
    sealed_to = _vetting_groups()
    if not sealed_to:
        raise VettingError(
            gettext("No reviewer or custodian holds a vetting key yet: nothing could be read back.")
        )
    compartment = vault.create_compartment(COMPARTMENT_KIND, [], groups=sealed_to, actor=actor)
    # An empty flag log from the start: a case whose flags were all cleared then looks like any other.
    CaseVetting.objects.create(case=case, compartment=compartment, plant_flags=seal_log(compartment, []))
    record(Event.VETTING_COMPARTMENT_OPENED, actor=actor, subject=case, compartment=str(compartment.pk))
    return compartment


def _seal(case: Case, text: str, *, actor: User) -> bytes:
    return vault.seal(vetting_compartment(case, actor=actor), text.encode())


def record_check(
    case: Case, definition: CheckDefinition, result: str, evidence: str, *, actor: User
) -> CaseCheck:
    """Add the actor's result for one check; an earlier result of theirs stays, this one counts."""
    if result not in Result.values:
        raise VettingError(gettext("Choose pass, fail or unclear."))
    with transaction.atomic():
        locked = _locked_case(case, actor)
        if not CheckDefinition.objects.filter(pk=definition.pk, active=True).exists():
            raise VettingError(gettext("This check is no longer on the programme's checklist."))
        check = CaseCheck.objects.create(
            case=locked,
            definition=definition,
            result=_seal(locked, result, actor=actor),
            reviewer=actor,
            recorded_on=today(),
            evidence=_seal(locked, evidence, actor=actor),
        )
        record(Event.VETTING_CHECK_RECORDED, actor=actor, subject=locked, check=definition.code, row=check.pk)
    return check


def sign_off(case: Case, verdict: str, note: str, *, actor: User, keyring: Keyring) -> SignOff:
    """The actor's verdict on the whole case, once, sealed; never by the case's handler (``_locked_case``).

    Then the case's "cleared for passage" is worked out afresh with the actor's keyring, which must open every
    counting verdict: a reviewer without the vetting key is told so and nothing is recorded.
    """
    if verdict not in Verdict.values:
        raise VettingError(gettext("Choose genuine, not genuine or unsure."))
    with transaction.atomic():
        locked = _locked_case(case, actor)
        if locked.status != Status.VETTING:
            raise VettingError(gettext("Sign-off is for a case in vetting; this one has moved on."))
        if SignOff.objects.filter(case=locked, reviewer=actor).exists():
            raise VettingError(gettext("You have already signed off this case; a second reviewer must sign."))
        signed = SignOff.objects.create(
            case=locked,
            reviewer=actor,
            verdict=_seal(locked, verdict, actor=actor),
            signed_on=today(),
            note=_seal(locked, note, actor=actor),
        )
        _work_out_clearance(locked, keyring)
        record(Event.VETTING_SIGNED_OFF, actor=actor, subject=locked)
    return signed


def _work_out_clearance(case: Case, keyring: Keyring) -> None:
    """Set the case's clear yes/no from its sealed verdicts: the first two independent genuine ones count."""
    vetting = CaseVetting.objects.select_for_update().get(case=case)
    genuine: list[str] = []
    for signed in eligible_sign_offs(case).order_by("pk"):
        try:
            opened = keyring.open(bytes(signed.verdict)).decode()
        except NoAccess:
            raise VettingError(
                gettext(
                    "You hold no key to this case's vetting file, so you cannot sign it off: ask a reviewer "
                    "who holds it to share it with you."
                )
            ) from None
        if opened == Verdict.GENUINE and str(signed.reviewer_id) not in genuine:
            genuine.append(str(signed.reviewer_id))
    counted = genuine[:REQUIRED_SIGN_OFFS]
    vetting.cleared_for_passage = len(counted) == REQUIRED_SIGN_OFFS
    vetting.cleared_by = counted if vetting.cleared_for_passage else []
    vetting.save(update_fields=["cleared_for_passage", "cleared_by"])


def _flag_log(case: Case, keyring: Keyring, *, actor: User) -> tuple[CaseVetting, list[Flag]]:
    """The case's vetting row, locked, and its opened flag log: adding to the log takes reading it."""
    vetting_compartment(case, actor=actor)
    vetting = CaseVetting.objects.select_for_update().select_related("compartment").get(case=case)
    try:
        return vetting, open_log(keyring, vetting.plant_flags)
    except NoAccess:
        raise VettingError(
            gettext(
                "You hold no key to this case's vetting file, so you cannot raise or clear a flag: ask a "
                "reviewer who holds it to share it with you."
            )
        ) from None


def _store_flags(vetting: CaseVetting, flags: list[Flag]) -> None:
    vetting.plant_flags = seal_log(vetting.compartment, flags)
    vetting.plant_flag_stands = any(flag.active for flag in flags)
    vetting.save(update_fields=["plant_flags", "plant_flag_stands"])


def raise_plant_flag(case: Case, note: str, *, actor: User, keyring: Keyring) -> Flag:
    """Mark the case as a suspected plant: passage may not be asked for while the flag stands.

    Who raised it, when and why go into the sealed log; the clear row says only that a flag stands.
    """
    if not note.strip():
        raise VettingError(gettext("Say why you suspect a plant."))
    with transaction.atomic():
        locked = _locked_case(case, actor)
        vetting, flags = _flag_log(locked, keyring, actor=actor)
        flag = Flag(pk=uuid.uuid4(), raised_by=str(actor.pk), raised_on=today(), note=note)
        _store_flags(vetting, [*flags, flag])
        record(Event.PLANT_FLAG_RAISED, actor=actor, subject=locked, flag=str(flag.pk))
    return flag


def clear_plant_flag(
    case: Case, flag_id: uuid.UUID | str, note: str, *, actor: User, keyring: Keyring
) -> Flag:
    """Clear a flag: only a reviewer other than the one who raised it, so one person cannot both raise a
    doubt and wave it away (nor raise one to stall a case and drop it when it suits them).

    The raiser is in the sealed log, so this check lives here, under the case's lock, and not in a database
    constraint as it did while the raiser was a clear column.
    """
    if not note.strip():
        raise VettingError(gettext("Say why the suspicion no longer holds."))
    with transaction.atomic():
        locked = _locked_case(case, actor)
        vetting, flags = _flag_log(locked, keyring, actor=actor)
        current = next((f for f in flags if str(f.pk) == str(flag_id)), None)
        if current is None:
            raise VettingError(gettext("There is no such flag on this case."))
        if not current.active:
            raise VettingError(gettext("This flag has already been cleared."))
        if current.raised_by == str(actor.pk):
            raise VettingError(gettext("Another reviewer must clear a flag you raised."))
        cleared = current.cleared(str(actor.pk), today(), note)
        _store_flags(vetting, [cleared if f.pk == current.pk else f for f in flags])
        record(Event.PLANT_FLAG_CLEARED, actor=actor, subject=locked, flag=str(current.pk))
    return cleared


def destroy_vetting(case: Case, *, actor: User | None) -> None:
    """Destroy the case's vetting compartment, for a purge: evidence and reasons become unreadable for good.

    For ``embrace.retention.destroy`` to call; check results, sign-offs and the flag log go with it (they are
    sealed too); whether the case was cleared for passage stays, like its status.
    """
    with transaction.atomic():
        vetting = CaseVetting.objects.filter(case=case).select_related("compartment").first()
        if vetting is not None and vetting.compartment.destroyed_at is None:
            vault.destroy_compartment(vetting.compartment, actor=actor)
        # The ciphertext goes too, not only the key: a key coerced from a backup must find nothing here.
        CaseCheck.objects.filter(case=case).delete()
        SignOff.objects.filter(case=case).delete()
        CaseVetting.objects.filter(case=case).update(plant_flags=b"")


def unqualified_vetting_grants(user: User) -> list[Compartment]:
    """Vetting files sealed to the user directly (before group keys) that they no longer qualify for: no
    longer a reviewer or custodian, deactivated, or now the case's handler."""
    from embrace.cases.keys import Standing, own_compartments

    mine = own_compartments(user)
    standing = Standing(user)
    out = []
    for row in CaseVetting.objects.filter(compartment_id__in=mine).select_related("case", "compartment"):
        keeps = (
            standing.ok
            and bool(standing.roles & {Role.VETTING_REVIEWER, Role.CUSTODIAN})
            and row.case.handler_id != standing.pk
        )
        if not keeps:
            out.append(row.compartment)
    return out
