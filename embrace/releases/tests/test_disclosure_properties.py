"""Property tests of the disclosure engine: random case histories, random sequences of drafted releases.

What a reader may combine is every published range and suppression (DP values give no hard bound). Whatever
sequence of drafts the engine lets through, no combination of published sets holding between 1 and
threshold-1 cases can be proven non-empty: a world where that combination is empty still fits every
published bound. Figures counting people (dependants, several per case) are among them: a combination is
small by its number of cases, and a reader of a people range also knows it rests on threshold cases or more.
And the privacy budget is never overspent.
"""

from __future__ import annotations

import datetime
import itertools
import uuid
from collections.abc import Hashable
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from embrace.releases.disclosure import (
    Budget,
    Figure,
    Form,
    Overspent,
    Rules,
    Shown,
    differencing_clash,
    spend,
    weighted,
)

DAY0 = datetime.date(2026, 1, 1)
CHANNELS = ("web", "telegram", "phone")
# Each definition counts a subset of the one before: a genuine enquiry is an enquiry, a defection genuine.
KEYS = ("enquiry", "genuine_enquiry", "defection")
# Counts people: the dependants of the cases that defected.
DEPENDANTS = "dependants_received"


@dataclass(frozen=True)
class Case:
    id: uuid.UUID
    day: int
    channel: str
    depth: int  # how far along: 0 enquiry, 1 genuine, 2 defected
    dependants: int = 0


cases_st = st.lists(
    st.builds(
        Case,
        id=st.uuids(),
        day=st.integers(0, 27),
        channel=st.sampled_from(CHANNELS),
        depth=st.integers(0, 2),
        # Mostly small families, sometimes a large one: a large family is what a people count can hide.
        dependants=st.one_of(st.integers(0, 2), st.integers(3, 12)),
    ),
    max_size=80,
    unique_by=lambda c: c.id,
)
draft_st = st.tuples(
    st.integers(0, 27),
    st.integers(0, 27),
    st.sets(st.sampled_from((*KEYS, DEPENDANTS)), min_size=1),
    st.booleans(),
)


def figures_of(cases: list[Case], draft: tuple[int, int, set[str], bool]) -> list[Figure]:
    a, b, keys, by_channel = draft
    lo, hi = min(a, b), max(a, b)
    out = []
    for key in sorted(keys):
        depth = KEYS.index(key) if key in KEYS else KEYS.index("defection")
        counted = [c for c in cases if lo <= c.day <= hi and c.depth >= depth]
        start, end = DAY0 + datetime.timedelta(lo), DAY0 + datetime.timedelta(hi)
        for channel in ("", *CHANNELS) if by_channel else ("",):
            part = [c for c in counted if c.channel == channel or not channel]
            if key == DEPENDANTS:
                ids, weights = weighted({c.id: c.dependants for c in part})
                out.append(Figure(key, 1, start, end, channel, ids, weights))
            else:
                out.append(Figure(key, 1, start, end, channel, frozenset(c.id for c in part)))
    return out


def holds_without(s: Shown, gone: frozenset[Hashable], rules: Rules) -> bool:
    """Whether the lower bounds a reader has from ``s`` still hold once the cases ``gone`` are removed."""
    left = s.case_ids - gone
    if s.weights is None:
        return len(left) >= s.published.low
    if s.published.form != Form.RANGE:
        return True
    return len(left) >= rules.threshold and sum(s.weights[c] for c in left) >= s.published.low


def isolating_combination(shown: list[Shown], rules: Rules) -> frozenset[Hashable] | None:
    """A set of 1..threshold-1 cases, built from published sets (atoms and their unions up to three), that
    every world fitting the published bounds must hold at least one case of; None if there is none."""
    pinned = [s for s in shown if s.published.form != Form.DP]
    groups: dict[tuple[bool, ...], set[Hashable]] = {}
    for case in set().union(*(s.case_ids for s in pinned)) if pinned else set():
        groups.setdefault(tuple(case in s.case_ids for s in pinned), set()).add(case)
    small = [frozenset(g) for g in groups.values() if len(g) < rules.threshold]
    for size in (1, 2, 3):
        for combo in itertools.combinations(small, size):
            candidate = frozenset().union(*combo)
            if not 1 <= len(candidate) < rules.threshold:
                continue
            # Remove the candidate: does every published bound still hold? Only lower bounds can break.
            if not all(holds_without(s, candidate, rules) for s in pinned):
                return candidate
    return None


def _publish_what_the_engine_allows(
    cases: list[Case], drafts: list[tuple[int, int, set[str], bool]], threshold: int
) -> None:
    """Offer each draft in turn, publish those the differencing check lets through, then look for any
    combination of everything published that isolates fewer than the threshold of cases."""
    rules = Rules(threshold=threshold, band=threshold)
    published: list[Shown] = []
    for n, draft in enumerate(drafts):
        shown = [
            Shown(f"release {n}", f.case_ids, f.published(rules), f.key, f.weights)
            for f in figures_of(cases, draft)
        ]
        if differencing_clash(published, shown, rules) is None:
            published.extend(shown)
    assert isolating_combination(published, rules) is None
    # Nothing published rests on fewer than the threshold of cases, people counts included.
    assert all(len(s.case_ids) >= rules.threshold for s in published if s.published.form == Form.RANGE)


@settings(max_examples=150, deadline=None)
@given(cases=cases_st, drafts=st.lists(draft_st, max_size=6), threshold=st.integers(2, 10))
def test_no_combination_of_what_the_engine_let_publish_isolates_fewer_than_the_threshold(
    cases: list[Case], drafts: list[tuple[int, int, set[str], bool]], threshold: int
) -> None:
    _publish_what_the_engine_allows(cases, drafts, threshold)


@settings(max_examples=100, deadline=None)
@given(cases=cases_st, weeks=st.sets(st.integers(0, 3), min_size=1), key=st.sampled_from((*KEYS, DEPENDANTS)))
def test_programme_totals_of_weeks_that_do_not_overlap_are_never_refused(
    cases: list[Case], weeks: set[int], key: str
) -> None:
    """The check is not simply refusing: totals over separate weeks share no case, so nothing differs."""
    rules = Rules()
    published: list[Shown] = []
    for week in sorted(weeks):
        (figure,) = figures_of(cases, (7 * week, 7 * week + 6, {key}, False))
        shown = [Shown(f"week {week}", figure.case_ids, figure.published(rules), key, figure.weights)]
        assert differencing_clash(published, shown, rules) is None
        published.extend(shown)


@settings(max_examples=200, deadline=None)
@given(
    total=st.decimals(min_value=Decimal("0.1"), max_value=Decimal("5"), places=3),
    asks=st.lists(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("3"), places=3), max_size=30),
)
def test_the_privacy_budget_never_goes_negative(total: Decimal, asks: list[Decimal]) -> None:
    budget = Budget(total=total, spent=Decimal(0))
    for epsilon in asks:
        try:
            budget = spend(budget, epsilon)
        except Overspent:
            assert budget.spent + epsilon > budget.total
        assert Decimal(0) <= budget.spent <= budget.total
        assert budget.left >= 0


families_st = st.lists(
    st.builds(
        Case,
        id=st.uuids(),
        day=st.integers(0, 13),
        channel=st.sampled_from(CHANNELS),
        depth=st.just(2),
        dependants=st.integers(0, 6),
    ),
    max_size=40,
    unique_by=lambda c: c.id,
)
people_draft_st = st.tuples(
    st.integers(0, 13),
    st.integers(0, 13),
    st.sets(st.sampled_from(("defection", DEPENDANTS)), min_size=1).map(lambda keys: keys | {DEPENDANTS}),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(families=families_st, drafts=st.lists(people_draft_st, max_size=5), threshold=st.integers(2, 6))
def test_no_combination_isolates_fewer_families_than_the_threshold_through_counts_of_people(
    families: list[Case], drafts: list[tuple[int, int, set[str], bool]], threshold: int
) -> None:
    """The same property where most figures count people: every case defected, with 0 to 6 dependants."""
    _publish_what_the_engine_allows(families, drafts, threshold)
