"""Flood waves: new enquiries whose first messages are near-identical, grouped for the intake team.

A bot that obeys the form looks like a person, so a flood arrives as hundreds of ordinary new cases. What
gives a scripted wave away is that its messages say the same thing with small changes (a number, a name,
punctuation). "Near-identical" here means, after normalising (``normal_form``): the same normal form, or
word-pair shingles with a Jaccard similarity of at least ``SIMILARITY`` (0.8), joined transitively. A
genuine enquirer writes their own words and stays out; a genuine enquiry that copies a wave's text word for
word is shown in it, which is why moving a wave takes two people who both see a sample.

Everything here runs in the request, on text the officer's own keyring opens: the first messages of the
newest ``INTAKE_WAVE_WINDOW`` new enquiries. Nothing derived from the text (a normal form, a fingerprint, a
similarity) is stored; only the case ids of a wave someone asks to move (``embrace.intake.models``).
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet

from embrace.accounts.models import User
from embrace.cases.models import Case, Message, Sender, Status
from embrace.cases.queries import triage_inbox
from embrace.vault.keyring import Keyring

SIMILARITY = 0.8
# Tokens per shingle: pairs, so that one changed word in a thirty-word message changes two shingles of
# about thirty (similarity ≈ 0.87) and a wave whose script swaps a name or a unit still holds together.
SHINGLE = 2
DIGITS = "#"

# Burmese is written without spaces between words, so its tokens are syllables: a break before every
# consonant or independent vowel that is not stacked under the one before (after U+1039) and does not carry
# a killer (U+103A, U+1039) itself. Cheap, dictionary-free and stable, which is all shingles need.
_MYANMAR_SYLLABLE = re.compile(r"(?<!\u1039)(?=[\u1000-\u102a\u103f](?![\u1037]?[\u103a\u1039]))")
_MYANMAR_LETTER = re.compile(r"[\u1000-\u109f]")


def normal_form(text: str) -> str:
    """``text`` as a wave's copies share it: NFKC, case folded, every run of digits (Myanmar, Shan or ASCII)
    one ``#``, punctuation, symbols and invisible characters as spaces, runs of spaces as one."""
    text = unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    in_digits = False
    for char in text:
        category = unicodedata.category(char)
        if category == "Nd":
            if not in_digits:
                out.append(DIGITS)
            in_digits = True
            continue
        in_digits = False
        out.append(" " if category[0] in "PSZC" else char)
    return " ".join("".join(out).split())


def tokens(normal: str) -> list[str]:
    """Words, with Burmese words cut into syllables."""
    out: list[str] = []
    for word in normal.split():
        if _MYANMAR_LETTER.search(word):
            out.extend(piece for piece in _MYANMAR_SYLLABLE.split(word) if piece)
        else:
            out.append(word)
    return out


def shingles(normal: str) -> frozenset[int]:
    """The text's word pairs, each as its hash: comparing integers is cheaper than comparing tuples, and a
    chance collision (one in 2⁶⁴ per pair, in memory only for this request) moves a similarity by one pair."""
    words = tokens(normal)
    if len(words) <= SHINGLE:
        return frozenset({hash(tuple(words))})
    return frozenset(hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def group_texts(texts: Sequence[str], *, threshold: float = SIMILARITY) -> list[list[int]]:
    """Indexes of ``texts`` in groups of near-identical texts (each group's indexes ascending), largest
    group first. Every text is in exactly one group; an empty text is in none."""
    by_form: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        form = normal_form(text)
        if form:
            by_form.setdefault(form, []).append(index)
    forms = list(by_form)
    sets = [shingles(form) for form in forms]
    parent = list(range(len(forms)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Sizes first: two sets whose sizes differ by more than the threshold allows cannot reach it, so each
    # comparison stops at the first set too large. Quadratic in distinct forms at worst, which the window
    # bounds (500 forms: about 125,000 set comparisons at worst; the `waves` bench measures it).
    order = sorted(range(len(forms)), key=lambda i: len(sets[i]))
    for position, i in enumerate(order):
        for j in order[position + 1 :]:
            if len(sets[i]) < threshold * len(sets[j]):
                break
            if root(i) != root(j) and jaccard(sets[i], sets[j]) >= threshold:
                parent[root(j)] = root(i)
    grouped: dict[int, list[int]] = {}
    for form_index, form in enumerate(forms):
        grouped.setdefault(root(form_index), []).extend(by_form[form])
    return sorted((sorted(g) for g in grouped.values()), key=lambda g: (-len(g), g[0]))


def has_wave(texts: Sequence[str], *, minimum: int | None = None, threshold: float = SIMILARITY) -> bool:
    """Whether at least ``minimum`` (the wave setting by default) of ``texts`` are near-identical."""
    minimum = minimum or settings.INTAKE_WAVE_MIN_SIZE
    if len([t for t in texts if t]) < minimum:
        return False
    groups = group_texts(texts, threshold=threshold)
    return bool(groups) and len(groups[0]) >= minimum


# --- New enquiries, read with the officer's keys -------------------------------------------------------


def untouched(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Cases as a flood leaves them: new, nobody assigned, never answered."""
    answered = Message.objects.filter(case=OuterRef("pk"), sender=Sender.STAFF)
    return cases.filter(status=Status.ENQUIRY, handler__isnull=True).exclude(Exists(answered))


def new_enquiries(user: User) -> QuerySet[Case]:
    """The newest untouched enquiries of the user's teams, at most ``INTAKE_WAVE_WINDOW``."""
    window = settings.INTAKE_WAVE_WINDOW
    return untouched(triage_inbox(user)).order_by("-opened_on", "reference")[:window]


@dataclass(frozen=True)
class Wave:
    cases: list[Case]
    sample: str

    @property
    def size(self) -> int:
        return len(self.cases)

    @property
    def first_day(self) -> datetime.date:
        return min(case.opened_on for case in self.cases)

    @property
    def last_day(self) -> datetime.date:
        return max(case.opened_on for case in self.cases)

    @property
    def ids(self) -> list[str]:
        return [str(case.pk) for case in self.cases]


def first_texts(cases: Sequence[Case], keyring: Keyring) -> list[str]:
    """Each case's first message text, opened with ``keyring`` in one pass; "" where it holds no key."""
    firsts = {
        m.case_id: bytes(m.envelope)
        for m in Message.objects.filter(case__in=[c.pk for c in cases], seq=1)
        .only("case", "envelope")
        .order_by()
    }
    ids = [c.pk for c in cases if c.pk in firsts]
    opened = dict(zip(ids, keyring.open_many([firsts[i] for i in ids]), strict=True))
    texts = []
    for case in cases:
        plain = opened.get(case.pk)
        texts.append(str(json.loads(plain).get("text", "")) if plain is not None else "")
    return texts


def find_waves(user: User, keyring: Keyring) -> tuple[list[Wave], int]:
    """The waves among the user's newest new enquiries, largest first, and how many enquiries were read."""
    cases = list(new_enquiries(user).select_related(None).only("id", "reference", "opened_on", "team_id"))
    texts = first_texts(cases, keyring)
    # Team by team: a wave is moved by two officers of one team, so it never mixes teams.
    teams: dict[object, list[int]] = {}
    for index, case in enumerate(cases):
        teams.setdefault(case.team_id, []).append(index)
    waves = []
    for members in teams.values():
        for group in group_texts([texts[i] for i in members]):
            if len(group) >= settings.INTAKE_WAVE_MIN_SIZE:
                indexes = [members[i] for i in group]
                waves.append(Wave([cases[i] for i in indexes], texts[indexes[0]]))
    waves.sort(key=lambda wave: -wave.size)
    return waves, len(cases)
