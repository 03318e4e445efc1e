"""Fetching claims for a user, their work queues, and a claim as a page shows it.

Who has a reason to see a claim: the case's handler (who opens it, drafts included), the vetting reviewers
of the case's team, the reward committee and finance (submitted claims onwards: a draft is the handler's
work in progress). Anyone else gets 404, not even the claim's existence. What a claim says (what was
brought, the evidence, the asset's number, where a payment went) is sealed to the case's finance
compartment, so a viewer whose keyring holds no key sees "sealed" whatever this module decides.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.cases.models import Case
from embrace.rewards import claims
from embrace.rewards.models import (
    AssetKind,
    Claim,
    ClaimStatus,
    Entry,
    Participant,
    Payment,
    Tranche,
    TrancheCondition,
    TrancheStatus,
)
from embrace.rewards.money import Currency, display
from embrace.vault.keyring import Keyring

# Holding any of these makes someone a party to some claims (the queue says which).
CLAIM_PERMS = (
    Perm.CASE_HANDLE,
    Perm.REWARD_VERIFY,
    Perm.REWARD_VALUE,
    Perm.REWARD_APPROVE,
    Perm.PAYMENT_RELEASE,
)
SEALED = "sealed: you hold no key"


def takes_part_in_claims(user: User) -> bool:
    return any(user.can(perm) for perm in CLAIM_PERMS)


def visible_claims(user: User) -> QuerySet[Claim]:
    rule = Q(pk__in=[])
    if user.can(Perm.CASE_HANDLE):
        rule |= Q(case__handler=user)
    past_draft = ~Q(status=ClaimStatus.DRAFT)
    if user.can(Perm.REWARD_VERIFY):
        rule |= past_draft & Q(case__team__in=user.teams.all())
    if user.can(Perm.REWARD_VALUE) or user.can(Perm.REWARD_APPROVE) or user.can(Perm.PAYMENT_RELEASE):
        rule |= past_draft
    return Claim.objects.filter(rule)


def get_claim_for(user: User, claim_id: uuid.UUID | str) -> Claim:
    claim = (
        visible_claims(user)
        .filter(pk=claim_id)
        .select_related("case__team", "opened_by", "verified_by", "valued_by")
        .first()
    )
    if claim is None:
        raise Http404("No such claim")
    return claim


def get_tranche_for(user: User, tranche_id: uuid.UUID | str) -> Tranche:
    tranche = Tranche.objects.filter(pk=tranche_id, claim__in=visible_claims(user)).first()
    if tranche is None:
        raise Http404("No such tranche")
    return tranche


def get_payment_for(user: User, payment_id: uuid.UUID | str) -> Payment:
    """A reward payment (stipend payments have their own pages)."""
    payment = Payment.objects.filter(pk=payment_id, tranche__claim__in=visible_claims(user)).first()
    if payment is None:
        raise Http404("No such payment")
    return payment


# --- Work queues ---------------------------------------------------------------------------------------


def _took_other_part(user: User, part: str | None) -> Exists:
    """A claim in which ``user`` already took a part other than ``part``: one they cannot act on."""
    others = Participant.objects.filter(claim=OuterRef("pk"), user=user)
    if part is not None:
        others = others.exclude(part=part)
    return Exists(others)


@dataclass
class Queue:
    mine: list[Claim] = field(default_factory=list)
    to_verify: list[Claim] = field(default_factory=list)
    to_value: list[Claim] = field(default_factory=list)
    to_ask: list[Tranche] = field(default_factory=list)
    to_decide: list[Tranche] = field(default_factory=list)
    to_pay: list[Tranche] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any((self.mine, self.to_verify, self.to_value, self.to_ask, self.to_decide, self.to_pay))


def claims_for(user: User) -> Queue:
    """What waits for this user: only what they may still do, so no one is offered a second part."""
    queue = Queue()
    base = visible_claims(user).select_related("case")
    if user.can(Perm.CASE_HANDLE):
        queue.mine = list(
            base.filter(case__handler=user, status__in=[ClaimStatus.DRAFT, ClaimStatus.SUBMITTED])
        )
    if user.can(Perm.REWARD_VERIFY):
        queue.to_verify = list(
            base.filter(
                status__in=[ClaimStatus.SUBMITTED, ClaimStatus.APPROVED],
                verified_on__isnull=True,
                case__team__in=user.teams.all(),
            ).exclude(_took_other_part(user, None))
        )
    if user.can(Perm.REWARD_VALUE):
        queue.to_value = list(
            base.filter(status=ClaimStatus.SUBMITTED, valued_on__isnull=True).exclude(
                _took_other_part(user, None)
            )
        )
    if user.can(Perm.REWARD_APPROVE):
        open_for_me = (
            base.filter(status__in=[ClaimStatus.SUBMITTED, ClaimStatus.APPROVED], valued_on__isnull=False)
            .exclude(_took_other_part(user, "approver"))
            .values("pk")
        )
        tranches = Tranche.objects.filter(claim__in=open_for_me).select_related("claim__case")
        queue.to_ask = list(
            tranches.filter(status=TrancheStatus.PLANNED).exclude(
                condition=TrancheCondition.VERIFICATION, claim__verified_on__isnull=True
            )
        )
        queue.to_decide = list(tranches.filter(status=TrancheStatus.ASKED).exclude(asked_by=user))
    if user.can(Perm.PAYMENT_RELEASE):
        payable = base.exclude(_took_other_part(user, "payer")).values("pk")
        queue.to_pay = list(
            Tranche.objects.filter(claim__in=payable, status=TrancheStatus.APPROVED)
            .exclude(Q(asked_by=user) | Q(approved_by=user))
            .select_related("claim__case")
        )
    return queue


# --- A claim as its page shows it ----------------------------------------------------------------------


@dataclass
class ItemView:
    pk: uuid.UUID
    entry_code: str
    entry_title: str
    schedule: str
    act_on: datetime.date
    quantity: int
    asset_kind: str
    value: str
    shares: list[tuple[str, str]]  # (case reference, percent)
    # Sealed: None when the viewer holds no key.
    details: dict[str, str] | None
    photos: list[uuid.UUID]


@dataclass
class OwedView:
    case_reference: str
    amount: str
    paid: bool


@dataclass
class PaymentView:
    pk: uuid.UUID
    tranche_position: int | None
    case_reference: str
    owed: str
    paid: str
    rate: str
    rate_source: str
    paid_on: datetime.date
    released_by: str
    reversed: bool
    channel: str | None  # sealed


@dataclass
class TrancheView:
    tranche: Tranche
    amount: str
    asked_by: str
    approved_by: str
    owed: list[OwedView]


@dataclass
class ClaimView:
    claim: Claim
    items: list[ItemView]
    total: str
    tranches: list[TrancheView]
    payments: list[PaymentView]
    closing_note: str | None
    has_key: bool


def _text(document: dict[str, object] | None, key: str) -> str:
    return str(document.get(key, "")) if document else ""


def claim_view(claim: Claim, keyring: Keyring) -> ClaimView:
    items = []
    total = 0
    for item in claim.items.select_related("entry__schedule").prefetch_related("shares__case", "photos"):
        opened = claims.open_sealed(keyring, item.details)
        details = None
        if opened is not None:
            details = {k: _text(opened, k) for k in ("description", "evidence", "asset_number")}
        total += item.value_minor or 0
        items.append(
            ItemView(
                pk=item.pk,
                entry_code=item.entry.code,
                entry_title=item.entry.title,
                schedule=item.entry.schedule.title,
                act_on=item.act_on,
                quantity=item.quantity,
                asset_kind=str(AssetKind(item.asset_kind).label) if item.asset_kind else "",
                value=display(item.value_minor, Currency.USD) if item.value_minor is not None else "",
                shares=[
                    (share.case.reference, f"{share.basis_points / 100:.2f}%")
                    for share in sorted(item.shares.all(), key=lambda s: s.case.reference)
                ],
                details=details,
                photos=[photo.pk for photo in item.photos.all()],
            )
        )
    payments = list(
        Payment.objects.filter(tranche__claim=claim).select_related("case", "released_by", "tranche")
    )
    tranches = []
    for tranche in claim.tranches.select_related("asked_by", "approved_by"):
        paid_cases = {p.case_id for p in payments if p.tranche_id == tranche.pk and not p.reversed}
        owed = [
            OwedView(
                case_reference=reference,
                amount=display(sum(a for _, a in rows), Currency.USD),
                paid=case_pk in paid_cases,
            )
            for case_pk, reference, rows in _owed_rows(tranche)
        ]
        tranches.append(
            TrancheView(
                tranche=tranche,
                amount=display(tranche.amount_minor, Currency.USD),
                asked_by=tranche.asked_by.username if tranche.asked_by else "",
                approved_by=tranche.approved_by.username if tranche.approved_by else "",
                owed=owed,
            )
        )
    note = claims.open_sealed(keyring, claim.closing_note)
    finance_file = getattr(claim.case, "finance_file", None)
    return ClaimView(
        claim=claim,
        items=items,
        total=display(total, Currency.USD),
        tranches=tranches,
        payments=[_payment_view(p, keyring) for p in payments],
        closing_note=_text(note, "note") if note is not None else None,
        has_key=finance_file is not None and keyring.can_read(finance_file.compartment),
    )


def _owed_rows(tranche: Tranche) -> list[tuple[uuid.UUID, str, list[tuple[Entry | None, int]]]]:
    owed = claims.owed_by_case(tranche)
    if not owed:
        return []
    references = dict(Case.objects.filter(pk__in=owed).values_list("pk", "reference"))
    rows = [(uuid.UUID(pk), references[uuid.UUID(pk)], amounts) for pk, amounts in owed.items()]
    return sorted(rows, key=lambda row: row[1])


def owed_references(tranche: Tranche) -> list[str]:
    """The case references an approved tranche owes something to (paid or not)."""
    return [reference for _, reference, _ in _owed_rows(tranche)]


def _payment_view(payment: Payment, keyring: Keyring) -> PaymentView:
    channel = claims.open_sealed(keyring, payment.channel)
    return PaymentView(
        pk=payment.pk,
        tranche_position=payment.tranche.position if payment.tranche else None,
        case_reference=payment.case.reference,
        owed=display(payment.owed_minor, payment.owed_currency),
        paid=display(payment.amount_minor, payment.currency),
        rate=f"{payment.rate.normalize():f}",
        rate_source=payment.rate_source,
        paid_on=payment.paid_on,
        released_by=payment.released_by.username,
        reversed=payment.reversed,
        channel=_text(channel, "channel") if channel is not None else None,
    )
