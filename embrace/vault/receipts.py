"""The enquirer's receipt: 16 random digits that find their case and unlock their copy of its key.

The receipt is stretched with Argon2id (at least 64 MiB) under a salt kept in the secrets folder, not the
database (nor, in production, the data folder: embrace.E030). Half of the output, hashed, is the lookup; the
other half wraps the holder's private key. A wrong receipt therefore costs a guesser one full derivation and
tells them nothing about which cases exist.

Derivations are the expensive part of every enquirer request, so at most ``RECEIPT_CONCURRENCY`` run at once
per process, admitted in order of arrival from two lanes (new enquiries, returns) that each keep a share
(``embrace.vault.stretching``); a request that would wait past ``RECEIPT_WAIT_SECONDS`` gets ``Busy`` at once
and the page asks to try again shortly.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid

from django.conf import settings
from django.db.models import QuerySet

from embrace.vault import crypto
from embrace.vault.keyring import Keyring
from embrace.vault.models import Grant, ReceiptHolder
from embrace.vault.stretching import Busy as Busy  # the pages catch it as receipts.Busy
from embrace.vault.stretching import Lane, StretchQueue

RECEIPT_DIGITS = 16
_PURPOSE = b"embrace/receipt-holder/v1"


def _queue() -> StretchQueue:
    # Half the slots kept for each lane (none with a single slot: then plain FIFO across both).
    share = settings.RECEIPT_CONCURRENCY // 2
    return StretchQueue(settings.RECEIPT_CONCURRENCY, {Lane.NEW: share, Lane.RETURN: share})


# One queue per process: gunicorn's workers each take their share of the machine (docs/security.md, "Floods").
queue = _queue()


class ReceiptKeyring(Keyring):
    """An enquirer's keyring for one request: reads only what was sealed to their receipt."""

    __slots__ = ("holder",)

    def __init__(self, holder: ReceiptHolder, private_key: bytes) -> None:
        super().__init__(None, private_key)  # type: ignore[arg-type]
        self.holder = holder

    def __repr__(self) -> str:
        return f"<ReceiptKeyring {self.holder.pk}>"

    def _grants(self) -> QuerySet[Grant]:
        return Grant.objects.filter(receipt=self.holder)


def new_receipt() -> str:
    return f"{secrets.randbelow(10**RECEIPT_DIGITS):0{RECEIPT_DIGITS}d}"


def _salt() -> bytes:
    return hashlib.blake2b(settings.RECEIPT_SALT.encode(), digest_size=16, person=b"embrace-receipt").digest()


def _derive(receipt: str, lane: Lane) -> tuple[str, bytes]:
    with queue.slot(lane, settings.RECEIPT_WAIT_SECONDS):
        out = crypto.stretch(
            receipt.encode(),
            _salt(),
            opslimit=settings.RECEIPT_OPSLIMIT,
            memlimit=settings.RECEIPT_MEMLIMIT,
            size=64,
        )
    return hashlib.sha256(out[:32]).hexdigest(), out[32:]


def prepare_holder() -> tuple[ReceiptHolder, str]:
    """A new receipt and its (unsaved) holder; the caller saves it in its own transaction.

    The derivation is slow, so it runs before any transaction opens. The receipt is returned once and is
    never stored.
    """
    while True:
        receipt = new_receipt()
        lookup, wrap_key = _derive(receipt, Lane.NEW)
        if not ReceiptHolder.objects.filter(lookup=lookup).exists():
            break
    public, private = crypto.generate_keypair()
    holder = ReceiptHolder(
        lookup=lookup,
        public_key=public,
        wrapped_private_key=crypto.wrap_with_key(wrap_key, private, purpose=_PURPOSE),
    )
    return holder, receipt


def open_receipt(receipt: str) -> ReceiptKeyring | None:
    """The keyring for a receipt (digits only), or None for a receipt that fits no case."""
    if len(receipt) != RECEIPT_DIGITS or not receipt.isascii() or not receipt.isdigit():
        return None
    lookup, wrap_key = _derive(receipt, Lane.RETURN)
    holder = ReceiptHolder.objects.filter(lookup=lookup).first()
    if holder is None:
        return None
    try:
        private = crypto.unwrap_with_key(wrap_key, bytes(holder.wrapped_private_key), purpose=_PURPOSE)
    except crypto.DecryptionError:
        return None
    return ReceiptKeyring(holder, private)


# --- A visit: the holder's key re-wrapped under a random key that only the enquirer's open page holds -------

_VISIT_PURPOSE = b"embrace/receipt-visit/v1"


def wrap_for_visit(keyring: ReceiptKeyring) -> tuple[bytes, bytes]:
    """(wrapped private key, visit key). The wrapped form is stored; the visit key goes into the page."""
    visit_key = crypto.random_key()
    return crypto.wrap_with_key(visit_key, keyring._private_bytes(), purpose=_VISIT_PURPOSE), visit_key


def keyring_for_visit(holder_id: uuid.UUID, wrapped: bytes, visit_key: bytes) -> ReceiptKeyring | None:
    holder = ReceiptHolder.objects.filter(pk=holder_id).first()
    if holder is None:
        return None
    try:
        private = crypto.unwrap_with_key(visit_key, wrapped, purpose=_VISIT_PURPOSE)
    except crypto.DecryptionError:
        return None
    return ReceiptKeyring(holder, private)
