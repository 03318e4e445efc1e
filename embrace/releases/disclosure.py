"""The disclosure engine: how a true count is published, and whether a draft may join what is published.

Pure functions over case-id sets (any hashable ids: the workflow's UUIDs in tests, keyed digests of them in
the database), so the checks are exact and the property tests can drive them without a database.

Published forms:
- a count of at least ``threshold`` is a range ``low``..``high`` from fixed bands that start at the threshold
  and are never narrower than it ("between 20 and 29");
- a smaller count is suppressed ("fewer than 10");
- a differentially private count (optional) is the noisy value, itself suppressed below the threshold (post-
  processing of a DP value costs no privacy). DP figures give a reader no hard bound, so they pin nothing.

Differencing. A reader who knows how figures are defined knows which published sets contain which others;
from the published bounds they can try to prove that some combination of sets (A minus B, A and B but not
C …) holds between 1 and ``threshold`` - 1 cases: that is isolating. Every combination is a union of
*atoms* (cases grouped by exactly which published figures count them). The check: take every atom holding
fewer than ``threshold`` cases and imagine those cases gone. If every range still holds (its count minus the
small atoms it contains stays at or above its published lower bound; upper bounds and suppressions only get
truer as cases go), then a world exists, consistent with everything published, in which every small
combination is empty, and a combination that is really ``threshold`` or more cannot be proven smaller. So
nothing fewer than ``threshold`` cases is isolated. If a range breaks, the draft is refused, naming the
earlier release that is enough, with the draft, to break it.

Figures that count people ("dependants received": several per case). The unit protected stays the case (a
family): such a figure's set is the cases behind it, each with its *weight* (how many people it counted for
that case). Its range is over the people, but it is published only when it rests on at least ``threshold``
cases as well as people; otherwise it is withheld without a number ("fewer than 10" could be false when
three families bring twelve people, and a different word for the two reasons would itself say which one
held). A reader of a weighted range therefore knows two lower bounds, people >= ``low`` and cases >=
``threshold``, and both must survive: emptying the small atoms (small by their number of *cases*) lowers the
figure by those cases' weights, and that must stay at or above ``low``. The case bound then holds by itself:
what is left of the figure is whole atoms of ``threshold`` cases or more, or nothing (no people, under any
range). Upper bounds and withheld figures, again, only get truer as cases go.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext as _

DEFAULT_THRESHOLD = 10
DEFAULT_BAND = 10


class Form(StrEnum):
    RANGE = "range"
    SUPPRESSED = "suppressed"
    DP = "dp"


@dataclass(frozen=True)
class Rules:
    threshold: int = DEFAULT_THRESHOLD
    band: int = DEFAULT_BAND

    def __post_init__(self) -> None:
        if self.threshold < 1 or self.band < 1:
            raise ValueError("threshold and band must be positive")

    @property
    def width(self) -> int:
        # A band narrower than the threshold would let two neighbouring ranges say more than a count of
        # ``threshold`` may: the width is never below it.
        return max(self.band, self.threshold)


@dataclass(frozen=True)
class Figure:
    """One count of a draft: which definition (key and version), over which days (inclusive), at programme
    level (``breakdown`` "") or for one channel, and the set of cases it counts. A figure counting people
    has ``weights``, the people it counts per case (each at least 1; ``case_ids`` is its keys); see
    ``weighted``."""

    key: str
    version: int
    start: datetime.date
    end: datetime.date
    breakdown: str
    case_ids: frozenset[Hashable]
    weights: Mapping[Any, int] | None = field(default=None, compare=False, hash=False)

    @property
    def count(self) -> int:
        return len(self.case_ids) if self.weights is None else sum(self.weights.values())

    def published(self, rules: Rules) -> Published:
        return published_form(self.count, rules, cases=None if self.weights is None else len(self.case_ids))


def weighted(weights: Mapping[Hashable, int]) -> tuple[frozenset[Hashable], dict[Hashable, int]]:
    """The set and weights of a figure counting people, from the people counted per case: cases counting
    nobody are left out (the figure says nothing of them), and no weight is negative."""
    if any(w < 0 for w in weights.values()):
        raise ValueError("a case counts no fewer than zero people")
    kept = {case: w for case, w in weights.items() if w > 0}
    return frozenset(kept), kept


@dataclass(frozen=True)
class Published:
    """What the public reads of a figure. ``low`` is the lower bound a reader can rely on (0 when suppressed
    or noisy: those prove no case exists)."""

    form: Form
    low: int = 0
    high: int | None = None
    value: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"form": str(self.form), "low": self.low, "high": self.high, "value": self.value}


def published_form(count: int, rules: Rules, *, cases: int | None = None) -> Published:
    """The range or suppression of a true count. For a count of people, ``cases`` is how many cases it rests
    on: under the threshold of either, it is withheld with no number (``high`` None), whichever the reason."""
    if count < 0 or (cases is not None and not 0 <= cases <= count):
        raise ValueError("a count is never negative, nor fewer people than the cases that count them")
    if cases is not None and (cases < rules.threshold or count < rules.threshold):
        return Published(Form.SUPPRESSED)
    if count < rules.threshold:
        return Published(Form.SUPPRESSED, high=rules.threshold - 1)
    low = rules.threshold + (count - rules.threshold) // rules.width * rules.width
    return Published(Form.RANGE, low=low, high=low + rules.width - 1)


def noisy_form(noisy: int, rules: Rules) -> Published:
    """A DP count as published: the noisy value, or "fewer than" when the noise put it under the threshold."""
    if noisy < rules.threshold:
        return Published(Form.DP, high=rules.threshold - 1)
    return Published(Form.DP, value=noisy)


@dataclass(frozen=True)
class Shown:
    """A figure as the differencing check sees it: its release's name (for the refusal), its cases and its
    published form; for a figure counting people, the people it counted per case (``Figure.weights``, as
    they were when it was published)."""

    release: str
    case_ids: frozenset[Hashable]
    published: Published
    label: str = ""
    weights: Mapping[Any, int] | None = field(default=None, compare=False, hash=False)

    @property
    def pins(self) -> bool:
        # Ranges and suppressions are hard bounds a reader can combine; a DP value is not.
        return self.published.form != Form.DP


@dataclass(frozen=True)
class Clash:
    """Why a draft may not be published: ``release`` is the earlier release it clashes with ("" when the
    draft's own figures together isolate cases)."""

    release: str
    label: str
    reason: str = field(compare=False)


def open_breakdowns(figures: Sequence[Figure], open_case_ids: frozenset[Hashable]) -> list[Figure]:
    """Figures below programme level that count a case still open: a breakdown could point at it."""
    return [f for f in figures if f.breakdown and not f.case_ids.isdisjoint(open_case_ids)]


def signatures(sets: Sequence[frozenset[Hashable]]) -> dict[Hashable, int]:
    """Which sets count each case: bit i of a case's signature is set when set i counts it."""
    signature: dict[Hashable, int] = {}
    get = signature.get
    for i, ids in enumerate(sets):
        bit = 1 << i
        for case in ids:
            signature[case] = get(case, 0) | bit
    return signature


def atoms(sets: Sequence[frozenset[Hashable]]) -> Counter[int]:
    """How many cases each combination of sets holds, keyed by signature (``signatures``)."""
    return Counter(signatures(sets).values())


def differencing_clash(published: Sequence[Shown], draft: Sequence[Shown], rules: Rules) -> Clash | None:
    """None if the draft may join what is published; else the clash, naming the earlier release it clashes
    with ("" when the draft's own figures isolate cases on their own)."""
    published = related(published, draft)
    failing = _failing_range(published, draft, rules)
    if failing is None:
        return None
    if _failing_range([], draft, rules) is not None:
        return _clash("", failing.label)
    # Name the earliest release that is enough, with the draft, to isolate cases; else any that overlaps.
    releases = list(dict.fromkeys(s.release for s in published))
    for release in releases:
        if _failing_range([s for s in published if s.release == release], draft, rules) is not None:
            return _clash(release, failing.label)
    counted = frozenset().union(*(s.case_ids for s in draft))
    overlapping = [s.release for s in published if not s.case_ids.isdisjoint(counted)]
    return _clash((overlapping or releases)[0], failing.label)


def related(published: Sequence[Shown], draft: Sequence[Shown]) -> list[Shown]:
    """The published figures (ranges and suppressions) that the draft's check depends on, in their order:
    those linked to a draft figure by a chain of figures that share cases.

    Leaving the others out changes nothing: a case's atom is made of the figures counting it, which all share
    it, so every atom, and every range's sum over its small atoms, lies within one such linked group. A group
    with no draft figure in it is what was published before, which passed its own checks. Without this the
    check would grow with every release ever published; with it, with those that touch the draft's cases."""
    reach: set[Hashable] = set().union(*(s.case_ids for s in draft if s.pins))
    left = [n for n, s in enumerate(published) if s.pins]
    kept: set[int] = set()
    grew = True
    while grew:
        grew = False
        for n in left:
            if not published[n].case_ids.isdisjoint(reach):
                reach |= published[n].case_ids
                kept.add(n)
                grew = True
        left = [n for n in left if n not in kept]
    return [s for n, s in enumerate(published) if n in kept]


def _failing_range(published: Sequence[Shown], draft: Sequence[Shown], rules: Rules) -> Shown | None:
    """The first range (the draft's first) that does not hold once every atom under the threshold is
    emptied; None if all hold."""
    shown = [s for s in (*published, *draft) if s.pins]
    earlier = sum(1 for s in published if s.pins)
    signature = signatures([s.case_ids for s in shown])
    small = [(sig, n) for sig, n in Counter(signature.values()).items() if n < rules.threshold]
    if not small:
        return None
    for i in [*range(earlier, len(shown)), *range(earlier)]:
        figure = shown[i]
        if figure.published.form != Form.RANGE:
            continue
        emptied = [(sig, n) for sig, n in small if sig >> i & 1]
        if figure.weights is None:
            if len(figure.case_ids) - sum(n for _sig, n in emptied) < figure.published.low:
                return figure
            continue
        # People: the figure loses the weights of the cases emptied. Its other bound, cases >= threshold,
        # needs no test of its own: what is left is whole atoms of ``threshold`` cases or more, or nothing,
        # and nothing left is no people, under any published range.
        small_sigs = {sig for sig, _n in emptied}
        if not small_sigs:
            continue
        people = sum(figure.weights.values())
        lost = sum(w for case, w in figure.weights.items() if signature[case] in small_sigs)
        if people - lost < figure.published.low:
            return figure
    return None


def _clash(release: str, figure: str) -> Clash:
    if release:
        reason = _(
            "Together with the release “%(release)s”, the figure “%(figure)s” would let a reader work out a "
            "group of fewer than the smallest number we publish. Change the period or the figures."
        ) % {"release": release, "figure": figure}
    else:
        reason = _(
            "The figures of this draft would together let a reader work out a group of fewer than the "
            "smallest number we publish (the figure “%(figure)s”). Leave out the breakdown or change the "
            "period."
        ) % {"figure": figure}
    return Clash(release=release, label=figure, reason=reason)


# --- Differential privacy and the yearly budget ---------------------------------------------------------


class Overspent(Exception):
    """The epsilon asked for is more than the year's budget has left."""


@dataclass(frozen=True)
class Budget:
    total: Decimal
    spent: Decimal

    @property
    def left(self) -> Decimal:
        return self.total - self.spent


def spend(budget: Budget, epsilon: Decimal) -> Budget:
    """The budget after drawing ``epsilon``; refuses a non-positive epsilon or one past what is left."""
    if epsilon <= 0:
        raise ValueError("epsilon must be positive")
    if budget.spent + epsilon > budget.total:
        raise Overspent(
            _("This year's privacy budget for this figure has %(left)s left; %(asked)s was asked for.")
            % {"left": budget.left, "asked": epsilon}
        )
    return Budget(budget.total, budget.spent + epsilon)


def dp_count(count: int, epsilon: Decimal) -> int:
    """A count with discrete Laplace (geometric) noise of scale 1/epsilon: sensitivity 1, since adding or
    removing one person's case changes a count by at most one. OpenDP is imported here only: it is large
    and only drafting needs it."""
    import opendp.prelude as dp

    dp.enable_features("contrib")
    measurement = dp.m.make_laplace(
        dp.atom_domain(T=int), dp.absolute_distance(T=int), scale=1 / float(epsilon)
    )
    # The measurement's own privacy map is the proof that this scale spends no more than epsilon.
    if measurement.map(1) > float(epsilon) * (1 + 1e-9):
        raise ValueError("the noise is too small for the epsilon")
    return max(0, int(measurement(count)))
