"""SLIP-39 shares of a 32-byte secret, through ``shamir-mnemonic`` (Trezor's reference implementation).

Why SLIP-39 and not a bare Shamir split: each share is a list of words a trustee can write on paper and
type back, with a Reed-Solomon checksum that catches a mistyped word before anything is combined, and an
identifier that says which split a share belongs to. One group, k of n members, no passphrase: the shares
are the whole secret, kept by people, not by this server.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import shamir_mnemonic
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from shamir_mnemonic import MnemonicError, Share
from shamir_mnemonic.wordlist import WORD_INDEX_MAP

from embrace.myanmar.templatetags.myanmar import digits

MAX_SHARES = 16  # SLIP-39 carries a member index in four bits


class BadShare(ValueError):
    """The words are not a valid share (a typo, a missing word) or do not fit with the others."""


@dataclass(frozen=True)
class ShareInfo:
    identifier: int
    index: int
    threshold: int


def normalise(words: str) -> str:
    """Lower case, single spaces: how a share is compared and stored, whatever the trustee typed."""
    return " ".join(words.lower().split())


def split(secret: bytes, threshold: int, count: int) -> tuple[int, list[str]]:
    """(identifier, ``count`` shares of which any ``threshold`` rebuild ``secret``), share i for member i."""
    if not 2 <= threshold <= count <= MAX_SHARES:
        raise ValueError(f"cannot split {threshold} of {count}")
    (shares,) = shamir_mnemonic.generate_mnemonics(1, [(threshold, count)], secret)
    return Share.from_mnemonic(shares[0]).identifier, shares


def parse(words: str) -> ShareInfo:
    """What a share says about itself, or BadShare naming the first word that is not in the list."""
    text = normalise(words)
    unknown = [w for w in text.split() if w not in WORD_INDEX_MAP]
    if unknown:
        raise BadShare(
            _("“%(word)s” is not one of the share words: check the spelling.") % {"word": unknown[0]}
        )
    try:
        share = Share.from_mnemonic(text)
    except MnemonicError as exc:
        raise BadShare(
            _("These words are not a valid share: a word is wrong, missing or out of order.")
        ) from exc
    return ShareInfo(share.identifier, share.index, share.member_threshold)


def combine(shares: Sequence[str], threshold: int) -> bytes:
    """The secret from exactly ``threshold`` of the shares, or BadShare."""
    if len(shares) < threshold:
        raise BadShare(
            ngettext(
                "%(needed)s shares are needed; %(entered)s has been entered.",
                "%(needed)s shares are needed; %(entered)s have been entered.",
                len(shares),
            )
            % {"needed": digits(threshold), "entered": digits(len(shares))}
        )
    try:
        return shamir_mnemonic.combine_mnemonics([normalise(s) for s in shares[:threshold]])
    except MnemonicError as exc:
        raise BadShare(
            _("The shares do not fit together: they are not all from the same recovery key.")
        ) from exc
