"""Every change to a claim: opening, items, submission, verification, valuation, tranche approvals, rejection.

The steps and who takes them:
- the case's **handler** opens the claim, adds items (each matched to the schedule entry in force on the day
  of the act) with their evidence, and submits it;
- a **vetting reviewer** verifies it against the evidence (or rejects it);
- a **committee member** values it and plans its tranches ("on arrival", "after verification");
- two **other committee members** approve each tranche: one asks, a different one approves, which posts the
  tranche as owed in the ledger;
- **finance** pays each claimant's share of an approved tranche (``embrace.rewards.payments``).
One person takes one part in a claim (``Participant``, unique in the database), so no one approves their own
claim, values what they verified, or pays what they approved.

Each function runs in one transaction, locks the claim first, reads the actor afresh, and writes its audit
entry (ids, amounts, codes; never what the claim says) in the same transaction.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import CONTENT_BLIND_ROLES, Perm, Role
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.actions import Photo, attachment_path, today, write_sealed_file
from embrace.cases.models import Case, Status
from embrace.custody import groups as custody_groups
from embrace.myanmar.templatetags.myanmar import day, digits
from embrace.myanmar.text import normalise_digits
from embrace.rewards import ledger
from embrace.rewards.ledger import Leg
from embrace.rewards.models import (
    Account,
    AssetKind,
    Claim,
    ClaimItem,
    ClaimStatus,
    Entry,
    EvidencePhoto,
    FinanceFile,
    JournalKind,
    Line,
    Part,
    Participant,
    Share,
    Tranche,
    TrancheCondition,
    TrancheStatus,
    schedule_in_force,
)
from embrace.rewards.money import Currency, amount_shown, split
from embrace.vault import actions as vault
from embrace.vault.blind import blind_index
from embrace.vault.keyring import Keyring, NoAccess
from embrace.vault.models import Compartment, KeyGroup

# A reward is claimed once the person is out: from arrival until the case is closed.
CLAIMABLE = frozenset({Status.ARRIVED, Status.SCREENED, Status.REGISTERED})
WHOLE = 10_000  # basis points
COMPARTMENT_KIND = "finance"
ALREADY_CLAIMED = gettext_lazy(
    "This asset is already claimed: the same aircraft, vessel or weapon is paid once."
)


class ClaimError(Exception):
    """The step is refused; the message says why, in words for the person who tried. ``status`` is what a
    page answers with: 409 for something already done (submitted, paid, a part taken), else 400."""

    def __init__(self, message: str | Promise, *, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _locked(claim: Claim) -> Claim:
    return Claim.objects.select_for_update(of=("self",)).select_related("case").get(pk=claim.pk)


def _handler_of(claim: Claim, actor: User) -> User | None:
    """The actor, if they handle the claim's case now (a case handed to someone else takes its claims with
    it), recorded as the claim's handler; they may not have taken another part in it. None if someone else
    handles the case: the caller refuses in a whole sentence that names the step (Burmese word order does
    not let a sentence be assembled around a verb phrase)."""
    current = afresh(actor, Perm.CASE_HANDLE)
    if current is None:
        raise ClaimError(_("You may not work on reward claims."))
    if claim.case.handler_id != current.pk:
        return None
    take_part(claim, current, Part.HANDLER)
    return current


def take_part(claim: Claim, user: User, part: Part) -> None:
    """Record ``user``'s part in the claim, or refuse if they already took another one.

    The lookup gives a clear message; the unique constraint is what holds if two requests race.
    """
    existing = Participant.objects.filter(claim=claim, user=user).first()
    if existing is not None:
        if existing.part == part:
            return
        raise ClaimError(
            _(
                "You already took part in this claim (%(part)s); each step must be taken by a different "
                "person."
            )
            % {"part": Part(existing.part).label.lower()},
            status=409,
        )
    try:
        with transaction.atomic():
            Participant.objects.create(claim=claim, user=user, part=part)
    except IntegrityError:
        raise ClaimError(
            _("You already took part in this claim; another person must take this step."), status=409
        ) from None


# --- The finance compartment ---------------------------------------------------------------------------


def finance_groups() -> list[KeyGroup]:
    """The group keys a finance file is sealed to, those that exist: the committee and finance, and the
    reviewers (who verify claims). Never an administrator or auditor: they are never entitled to a group."""
    return [g for g in (custody_groups.finance_group(), custody_groups.vetting_group()) if g.current_key]


def finance_compartment(case: Case, *, actor: User | None) -> Compartment:
    """The case's finance compartment, made the first time it is needed: sealed to ``finance_groups`` and to
    the case's handler directly."""
    with transaction.atomic():
        file = FinanceFile.objects.select_for_update().filter(case=case).select_related("compartment").first()
        if file is not None:
            return file.compartment
        handler = (
            User.objects.filter(handled_cases=case, is_active=True, vault_key__isnull=False)
            .exclude(role_assignments__role__in=CONTENT_BLIND_ROLES)
            .distinct()
        )
        compartment = vault.create_compartment(
            COMPARTMENT_KIND, handler, groups=finance_groups(), actor=actor
        )
        FinanceFile.objects.create(case=case, compartment=compartment)
        record(Event.FINANCE_FILE_OPENED, actor=actor, subject=case, compartment=str(compartment.pk))
    return compartment


def finance_readers_missing(case: Case) -> list[User]:
    """Who should read the case's finance file by a key of their own but holds none: a handler assigned by
    someone who could not pass the key on. The committee, finance and reviewers read it through their group
    keys (given on the keys page), so they are never missing here. Only someone who holds the key can hand it
    on (``share_finance_file``)."""
    file = FinanceFile.objects.filter(case=case).select_related("compartment").first()
    if file is None or case.handler_id is None:
        return []
    if str(case.handler_id) in vault.members_of(file.compartment):
        return []
    handler = User.objects.filter(pk=case.handler_id, is_active=True, vault_key__isnull=False).exclude(
        role_assignments__role__in=CONTENT_BLIND_ROLES
    )
    return list(handler.distinct())


def share_finance_file(case: Case, *, keyring: Keyring, actor: User) -> list[User]:
    """Seal the case's finance file to everyone entitled to it who lacks the key. It widens nothing: the same
    people the file would be sealed to if it were opened today."""
    with transaction.atomic():
        current = afresh(actor)
        file = FinanceFile.objects.select_for_update().filter(case=case).select_related("compartment").first()
        if current is None or file is None:
            raise ClaimError(_("This case has no finance file to share."), status=404)
        if not keyring.can_read(file.compartment):
            raise ClaimError(_("You hold no key to this finance file: ask someone who does."), status=403)
        missing = finance_readers_missing(case)
        if not missing:
            raise ClaimError(_("Everyone who should read this finance file already can."), status=409)
        try:
            for user in missing:
                vault.grant(file.compartment, user, by=keyring, actor=current)
        except NoAccess:  # re-keyed without them since the check above: nothing was granted
            raise ClaimError(
                _("You no longer hold this file's key: ask someone who does."), status=403
            ) from None
        record(
            Event.FINANCE_FILE_SHARED,
            actor=current,
            subject=case,
            compartment=str(file.compartment.pk),
            users=[str(user.pk) for user in missing],
        )
    return missing


def seal_for(case: Case, data: dict[str, Any], *, actor: User | None) -> bytes:
    payload = json.dumps(data, ensure_ascii=False).encode()
    return vault.seal(finance_compartment(case, actor=actor), payload)


def open_sealed(keyring: Keyring, envelope: bytes | memoryview | None) -> dict[str, Any] | None:
    """The sealed JSON, or None if there is none or this keyring holds no key for it."""
    if envelope is None:
        return None
    opened = keyring.open_many([bytes(envelope)])[0]
    return json.loads(opened) if opened is not None else None


# --- Opening and filling a claim -----------------------------------------------------------------------


def open_claim(case: Case, *, actor: User) -> Claim:
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        current = afresh(actor, Perm.CASE_HANDLE)
        if current is None:
            raise ClaimError(_("You may not open a reward claim."))
        if locked.handler_id != current.pk:
            raise ClaimError(_("Only the case's handler may open a reward claim for it."))
        if locked.status not in CLAIMABLE:
            raise ClaimError(
                _("A reward is claimed after arrival and before the case closes; this case is %(status)s.")
                % {"status": Status(locked.status).label.lower()}
            )
        finance_compartment(locked, actor=current)
        claim = Claim.objects.create(case=locked, opened_on=today(), opened_by=current)
        take_part(claim, current, Part.HANDLER)
        record(Event.CLAIM_OPENED, actor=current, subject=claim, case=str(locked.pk))
    return claim


def normalise_asset_number(raw: str) -> str:
    """Letters and digits only, upper case, Myanmar digits as ASCII: "4-601", "4601" and "၄၆၀၁" are one."""
    return re.sub(r"[^0-9A-Z]", "", normalise_digits(raw).upper())


def asset_digest(kind: str, number: str) -> str | None:
    normalised = normalise_asset_number(number)
    if not normalised:
        return None
    if kind not in AssetKind.values:
        raise ClaimError(_("Choose what kind of number identifies the asset."))
    return blind_index(f"asset_{kind}", normalised)


def entry_in_force(code: str, act_on: datetime.date) -> Entry:
    schedule = schedule_in_force(act_on)
    if schedule is None:
        raise ClaimError(_("No reward schedule was in force on %(day)s.") % {"day": day(act_on)})
    entry = schedule.entries.filter(code=code).first()
    if entry is None:
        raise ClaimError(
            _("The schedule in force on %(day)s (%(title)s) has no such entry.")
            % {"day": day(act_on), "title": schedule.title}
        )
    return entry


@dataclass(frozen=True)
class ShareSpec:
    case_reference: str
    basis_points: int


def add_item(
    claim: Claim,
    *,
    entry_code: str,
    act_on: datetime.date,
    quantity: int = 1,
    asset_kind: str = "",
    asset_number: str = "",
    description: str,
    evidence: str,
    shares: Sequence[ShareSpec] = (),
    photos: Sequence[Photo] = (),
    actor: User,
) -> ClaimItem:
    """One item of a draft claim. ``shares`` default to the whole for the claim's case; given, they name each
    claimant's case by reference and must sum to the whole (10,000 basis points). ``photos``, already cleaned
    of metadata, are sealed to the case's finance compartment with the rest of the evidence."""
    written: list[str] = []
    try:
        with transaction.atomic():
            locked = _locked(claim)
            current = _handler_of(locked, actor)
            if current is None:
                raise ClaimError(_("Only the case's handler may add to its claims."))
            if locked.status != ClaimStatus.DRAFT:
                raise ClaimError(_("Items are added before the claim is submitted."))
            if act_on > today():
                raise ClaimError(_("The day of the act cannot be in the future."))
            entry = entry_in_force(entry_code, act_on)
            if quantity < 1 or (quantity > 1 and not entry.per_item):
                raise ClaimError(_("Only an entry paid per vehicle may have more than one."))
            digest = asset_digest(asset_kind, asset_number) if asset_number.strip() else None
            if digest and ClaimItem.objects.filter(asset_digest=digest, asset_held=True).exists():
                raise ClaimError(ALREADY_CLAIMED, status=409)
            share_rows = _shares(locked, shares)
            details = {"description": description, "evidence": evidence, "asset_number": asset_number.strip()}
            try:
                # The partial unique index decides between two claims racing for the same asset.
                with transaction.atomic():
                    item = ClaimItem.objects.create(
                        claim=locked,
                        entry=entry,
                        act_on=act_on,
                        quantity=quantity,
                        asset_kind=asset_kind if digest else "",
                        asset_digest=digest,
                        details=seal_for(locked.case, details, actor=current),
                        added_on=today(),
                    )
            except IntegrityError:
                raise ClaimError(ALREADY_CLAIMED, status=409) from None
            Share.objects.bulk_create(Share(item=item, case=case, basis_points=bp) for case, bp in share_rows)
            compartment = finance_compartment(locked.case, actor=current)
            for photo in photos:
                written.append(write_sealed_file(compartment, photo.data))
                meta = {
                    "mime": photo.mime,
                    "width": photo.width,
                    "height": photo.height,
                    "bytes": len(photo.data),
                }
                EvidencePhoto.objects.create(
                    item=item,
                    stored_name=written[-1],
                    meta=vault.seal(compartment, json.dumps(meta).encode()),
                )
            record(
                Event.CLAIM_ITEM_ADDED,
                actor=current,
                subject=locked,
                item=str(item.pk),
                entry=entry.code,
                schedule=entry.schedule_id,
                shares=len(share_rows),
                photos=len(photos),
            )
    except BaseException:
        # Nothing was acknowledged: no file outlives the rows that would have named it.
        for name in written:
            attachment_path(name).unlink(missing_ok=True)
        raise
    return item


def _shares(claim: Claim, specs: Sequence[ShareSpec]) -> list[tuple[Case, int]]:
    if not specs:
        return [(claim.case, WHOLE)]
    rows: dict[str, tuple[Case, int]] = {}
    for spec in specs:
        reference = spec.case_reference.strip().upper()
        case = Case.objects.filter(reference=reference).first()
        if case is None:
            raise ClaimError(_("There is no case %(reference)s.") % {"reference": reference})
        if case.status not in CLAIMABLE and case.pk != claim.case_id:
            raise ClaimError(
                _("Case %(reference)s has not arrived: only people who are out share a reward.")
                % {"reference": reference}
            )
        if reference in rows:
            raise ClaimError(_("Case %(reference)s is named twice.") % {"reference": reference})
        if not 1 <= spec.basis_points <= WHOLE:
            raise ClaimError(_("Each share is more than nothing and at most the whole."))
        rows[reference] = (case, spec.basis_points)
    if claim.case.reference not in rows:
        raise ClaimError(_("The claim's own case must have a share."))
    if sum(bp for _, bp in rows.values()) != WHOLE:
        raise ClaimError(_("The shares must add up to the whole (100%)."))
    return list(rows.values())


def submit_claim(claim: Claim, *, actor: User) -> Claim:
    with transaction.atomic():
        locked = _locked(claim)
        current = _handler_of(locked, actor)
        if current is None:
            raise ClaimError(_("Only the case's handler may submit its claims."))
        if locked.status != ClaimStatus.DRAFT:
            raise ClaimError(_("This claim has already been submitted."), status=409)
        items = list(locked.items.prefetch_related("shares"))
        if not items:
            raise ClaimError(_("A claim needs at least one item."))
        for item in items:
            if sum(s.basis_points for s in item.shares.all()) != WHOLE:
                raise ClaimError(_("An item's shares do not add up to the whole."))
        locked.status, locked.submitted_on = ClaimStatus.SUBMITTED, today()
        locked.save(update_fields=["status", "submitted_on"])
        record(Event.CLAIM_SUBMITTED, actor=current, subject=locked, items=len(items))
    return locked


# --- Verification and valuation ------------------------------------------------------------------------


def _holds_key(claim: Claim, keyring: Keyring | None) -> bool:
    """The evidence must have been readable to the person judging it: a key, not only a role."""
    file = FinanceFile.objects.filter(case=claim.case_id).select_related("compartment").first()
    return keyring is not None and file is not None and keyring.can_read(file.compartment)


def verify_claim(claim: Claim, *, genuine: bool, note: str, actor: User, keyring: Keyring | None) -> Claim:
    """A vetting reviewer's judgement of the evidence. Not genuine rejects the claim."""
    with transaction.atomic():
        locked = _locked(claim)
        current = afresh(actor, Perm.REWARD_VERIFY)
        if current is None:
            raise ClaimError(_("You may not verify reward claims."))
        if locked.status not in (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED) or locked.verified_on:
            raise ClaimError(_("Only a submitted claim that is not yet verified can be verified."))
        if not _holds_key(locked, keyring):
            raise ClaimError(_("You hold no key to this claim's evidence, so you cannot verify it."))
        take_part(locked, current, Part.VERIFIER)
        if not genuine:
            return _close(locked, ClaimStatus.REJECTED, note, actor=current)
        locked.verified_on, locked.verified_by = today(), current
        locked.save(update_fields=["verified_on", "verified_by"])
        record(Event.CLAIM_VERIFIED, actor=current, subject=locked)
    return locked


@dataclass(frozen=True)
class TranchePlan:
    condition: TrancheCondition
    amount_minor: int  # US cents


def value_claim(
    claim: Claim,
    values: dict[str, int],
    tranches: Sequence[TranchePlan],
    *,
    actor: User,
    keyring: Keyring | None,
) -> Claim:
    """Set each item's value (US cents) and the tranches it is paid in. A fixed entry is worth its published
    amount times the quantity; an entry "valued by committee" is worth what the valuer sets."""
    with transaction.atomic():
        locked = _locked(claim)
        current = afresh(actor, Perm.REWARD_VALUE)
        if current is None:
            raise ClaimError(_("You may not value reward claims."))
        if locked.status != ClaimStatus.SUBMITTED or locked.valued_on:
            raise ClaimError(_("Only a submitted claim that is not yet valued can be valued."))
        if not _holds_key(locked, keyring):
            raise ClaimError(_("You hold no key to this claim's evidence, so you cannot value it."))
        take_part(locked, current, Part.VALUER)
        items = list(locked.items.select_related("entry"))
        if set(values) != {str(item.pk) for item in items}:
            raise ClaimError(_("Give a value for every item of the claim, and only for them."))
        total = 0
        for item in items:
            value = values[str(item.pk)]
            fixed = _published_value(item)
            if fixed is not None and value != fixed:
                raise ClaimError(
                    _("%(entry)s: the published amount is fixed at %(amount)s.")
                    % {"entry": item.entry.title, "amount": amount_shown(fixed, Currency.USD)}
                )
            if value <= 0:
                raise ClaimError(_("Every item is worth more than nothing; reject the claim instead."))
            item.value_minor = value
            item.save(update_fields=["value_minor"])
            total += value
        _plan_tranches(locked, tranches, total)
        locked.valued_on, locked.valued_by = today(), current
        locked.save(update_fields=["valued_on", "valued_by"])
        record(
            Event.CLAIM_VALUED, actor=current, subject=locked, total_usd_cents=total, tranches=len(tranches)
        )
    return locked


def _published_value(item: ClaimItem) -> int | None:
    entry = item.entry
    if entry.valued_by_committee or entry.amount_usd is None:
        return None
    return int(entry.amount_usd * 100) * item.quantity


def _plan_tranches(claim: Claim, plans: Sequence[TranchePlan], total: int) -> None:
    if not plans:
        raise ClaimError(_("Plan at least one tranche."))
    if any(p.amount_minor <= 0 for p in plans):
        raise ClaimError(_("Every tranche is more than nothing."))
    if sum(p.amount_minor for p in plans) != total:
        raise ClaimError(
            _("The tranches must add up to the claim's value, %(amount)s.")
            % {"amount": amount_shown(total, Currency.USD)}
        )
    Tranche.objects.bulk_create(
        Tranche(claim=claim, position=i, condition=p.condition, amount_minor=p.amount_minor)
        for i, p in enumerate(plans, start=1)
    )


# --- Tranche approvals ---------------------------------------------------------------------------------


def _locked_tranche(tranche: Tranche) -> tuple[Claim, Tranche]:
    claim = _locked(tranche.claim)
    return claim, Tranche.objects.select_for_update().get(pk=tranche.pk)


def _refuse_unless_due(claim: Claim, tranche: Tranche) -> None:
    if claim.status not in (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED) or not claim.valued_on:
        raise ClaimError(_("Tranches are approved on a submitted, valued claim."))
    if tranche.condition == TrancheCondition.VERIFICATION and not claim.verified_on:
        raise ClaimError(_("This tranche is paid after verification, and the claim is not verified yet."))
    if claim.case.status not in CLAIMABLE and claim.case.status != Status.CLOSED:
        raise ClaimError(_("The case is no longer one a reward is paid on."))


def ask_tranche(tranche: Tranche, *, actor: User) -> Tranche:
    """The first committee member's approval: asks a second one to approve."""
    with transaction.atomic():
        claim, locked = _locked_tranche(tranche)
        current = afresh(actor, Perm.REWARD_APPROVE)
        if current is None:
            raise ClaimError(_("You may not approve reward tranches."))
        if locked.status != TrancheStatus.PLANNED:
            raise ClaimError(_("This tranche is not waiting for approval."))
        _refuse_unless_due(claim, locked)
        take_part(claim, current, Part.APPROVER)
        locked.status, locked.asked_by = TrancheStatus.ASKED, current
        locked.save(update_fields=["status", "asked_by"])
        record(Event.TRANCHE_ASKED, actor=current, subject=locked, claim=str(claim.pk))
    return locked


def decide_tranche(tranche: Tranche, *, approve: bool, actor: User) -> Tranche:
    """The second committee member's decision. Approval posts what the tranche owes each claimant."""
    with transaction.atomic():
        claim, locked = _locked_tranche(tranche)
        current = afresh(actor, Perm.REWARD_APPROVE)
        if current is None:
            raise ClaimError(_("You may not approve reward tranches."))
        if locked.status != TrancheStatus.ASKED:
            raise ClaimError(_("This tranche is not waiting for a second approval."))
        if locked.asked_by_id == current.pk:
            raise ClaimError(_("You asked for this approval: a second committee member must decide it."))
        take_part(claim, current, Part.APPROVER)
        if not approve:
            locked.status, locked.asked_by = TrancheStatus.PLANNED, None
            locked.save(update_fields=["status", "asked_by"])
            record(Event.TRANCHE_REFUSED, actor=current, subject=locked, claim=str(claim.pk))
            return locked
        _refuse_unless_due(claim, locked)
        journal = ledger.post(JournalKind.REWARD_OWED, _owed_legs(claim, locked), actor=current, on=today())
        try:
            with transaction.atomic():
                # Conditional on the status read under the lock: should the lock ever be lost, a second
                # approval updates nothing and its posting is rolled back with it.
                claimed = Tranche.objects.filter(pk=locked.pk, status=TrancheStatus.ASKED).update(
                    status=TrancheStatus.APPROVED, approved_by=current, approved_on=today(), owed=journal
                )
        except IntegrityError:
            # tranche_two_approvers: the check above says it in words; the constraint is the backstop.
            raise ClaimError(_("A tranche needs two different committee members.")) from None
        if claimed != 1:
            raise ClaimError(_("This tranche has just been decided by someone else."), status=409)
        locked.refresh_from_db()
        if not claim.tranches.exclude(status__in=[TrancheStatus.APPROVED, TrancheStatus.PAID]).exists():
            claim.status = ClaimStatus.APPROVED
            claim.save(update_fields=["status"])
        record(
            Event.TRANCHE_APPROVED, actor=current, subject=locked, claim=str(claim.pk), journal=journal.number
        )
    return locked


def entitlements(claim: Claim) -> list[tuple[Case, Entry, int]]:
    """Each claimant's case and entry with its value in the claim (US cents), shares split exactly."""
    rows: list[tuple[Case, Entry, int]] = []
    for item in claim.items.select_related("entry").prefetch_related("shares__case"):
        shares = sorted(item.shares.all(), key=lambda s: s.case.reference)
        parts = split(item.value_minor or 0, [s.basis_points for s in shares])
        rows += [(share.case, item.entry, amount) for share, amount in zip(shares, parts, strict=True)]
    return rows


def _owed_legs(claim: Claim, tranche: Tranche) -> list[Leg]:
    """The tranche split over (case, entry) in proportion to each one's value; debit the expense, credit
    what is owed, so that ``rewards_owed`` per case is exactly what payments must clear."""
    merged: dict[tuple[Case, Entry], int] = defaultdict(int)
    for case, entry, amount in entitlements(claim):
        merged[(case, entry)] += amount
    keys = sorted(merged, key=lambda k: (k[0].reference, k[1].position))
    parts = split(tranche.amount_minor, [merged[k] for k in keys])
    legs: list[Leg] = []
    for (case, entry), amount in zip(keys, parts, strict=True):
        if amount:
            legs += [
                Leg(Account.REWARDS, Currency.USD, amount, case, entry),
                Leg(Account.REWARDS_OWED, Currency.USD, -amount, case, entry),
            ]
    return legs


def owed_by_case(tranche: Tranche) -> dict[str, list[tuple[Entry | None, int]]]:
    """What an approved tranche owes each case (by case pk), per entry, in US cents."""
    if tranche.owed_id is None:
        return {}
    owed: dict[str, list[tuple[Entry | None, int]]] = defaultdict(list)
    lines = Line.objects.filter(journal_id=tranche.owed_id, account=Account.REWARDS_OWED).select_related(
        "entry"
    )
    for line in lines:
        owed[str(line.case_id)].append((line.entry, -line.amount_minor))
    return dict(owed)


# --- Ending a claim early ------------------------------------------------------------------------------


def withdraw_claim(claim: Claim, *, note: str, actor: User) -> Claim:
    with transaction.atomic():
        locked = _locked(claim)
        current = _handler_of(locked, actor)
        if current is None:
            raise ClaimError(_("Only the case's handler may withdraw its claims."))
        if locked.status not in (ClaimStatus.DRAFT, ClaimStatus.SUBMITTED, ClaimStatus.APPROVED):
            raise ClaimError(_("This claim can no longer be withdrawn."))
        return _close(locked, ClaimStatus.WITHDRAWN, note, actor=current)


def _close(claim: Claim, status: ClaimStatus, note: str, *, actor: User) -> Claim:
    """Reject or withdraw: unpaid tranches are cancelled (what they owed is reversed in the ledger), and the
    claim's assets are freed for a later claim unless some of it was already paid, in which case they stay
    held for good."""
    open_tranches = list(claim.tranches.select_for_update().exclude(status=TrancheStatus.PAID))
    for tranche in open_tranches:
        if tranche.payments.filter(reversed=False).exists():
            raise ClaimError(
                _("Tranche %(number)s is partly paid: pay the rest or reverse those payments first.")
                % {"number": digits(tranche.position)}
            )
    paid_any = claim.tranches.filter(payments__reversed=False).exists()
    for tranche in open_tranches:
        if tranche.owed is not None and not hasattr(tranche.owed, "reversed_by"):
            ledger.reverse(tranche.owed, actor=actor, on=today(), memo=f"claim {claim.reference} {status}")
        Tranche.objects.filter(pk=tranche.pk).update(status=TrancheStatus.CANCELLED)
    if not paid_any:
        claim.items.update(asset_held=False)
    claim.status = status
    claim.closing_note = seal_for(claim.case, {"note": note}, actor=actor) if note else None
    claim.save(update_fields=["status", "closing_note"])
    event = Event.CLAIM_REJECTED if status == ClaimStatus.REJECTED else Event.CLAIM_WITHDRAWN
    record(event, actor=actor, subject=claim, assets_freed=not paid_any)
    return claim


def unqualified_finance_grants(user: User) -> list[Compartment]:
    """Finance files the user holds a key of their own to but no longer qualifies for (for
    ``custody.leave_unentitled``): a handler who lost the role or left the team, or, for files sealed before
    group keys, someone no longer in the committee, finance or the team's reviewers."""
    from embrace.cases.keys import Standing, own_compartments

    mine = own_compartments(user)
    standing = Standing(user)
    out = []
    for file in FinanceFile.objects.filter(compartment_id__in=mine).select_related("case", "compartment"):
        case = file.case
        keeps = standing.ok and (
            standing.handles(case)
            or bool(standing.roles & {Role.REWARD_COMMITTEE, Role.FINANCE})
            or (Role.VETTING_REVIEWER in standing.roles and case.team_id in standing.teams)
        )
        if not keeps:
            out.append(file.compartment)
    return out
