"""The disclosure engine by example: ranges, suppression, breakdowns of open cases, differencing."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest

from embrace.releases.disclosure import (
    Budget,
    Figure,
    Form,
    Overspent,
    Rules,
    Shown,
    differencing_clash,
    dp_count,
    noisy_form,
    open_breakdowns,
    published_form,
    spend,
    weighted,
)

RULES = Rules()


def ids(n: int) -> frozenset[uuid.UUID]:
    return frozenset(uuid.uuid4() for _ in range(n))


def shown(release: str, cases: frozenset[uuid.UUID], label: str = "enquiries") -> Shown:
    return Shown(release, cases, published_form(len(cases), RULES), label)


@pytest.mark.parametrize(
    ("count", "low", "high"), [(10, 10, 19), (19, 10, 19), (20, 20, 29), (25, 20, 29), (1234, 1230, 1239)]
)
def test_a_count_at_or_over_the_threshold_is_published_as_a_band(count: int, low: int, high: int) -> None:
    assert published_form(count, RULES) == published_form(count, RULES)
    form = published_form(count, RULES)
    assert (form.form, form.low, form.high) == (Form.RANGE, low, high)


@pytest.mark.parametrize("count", [0, 1, 9])
def test_a_count_under_the_threshold_is_suppressed(count: int) -> None:
    form = published_form(count, RULES)
    assert (form.form, form.low, form.value) == (Form.SUPPRESSED, 0, None)


def test_a_band_is_never_narrower_than_the_threshold() -> None:
    form = published_form(23, Rules(threshold=10, band=5))
    assert form.high is not None
    assert form.high - form.low + 1 == 10


def test_a_noisy_count_under_the_threshold_is_published_as_fewer_than() -> None:
    assert noisy_form(7, RULES).value is None
    assert noisy_form(31, RULES).value == 31


def test_a_breakdown_counting_an_open_case_is_flagged() -> None:
    open_case = uuid.uuid4()
    day = datetime.date(2026, 1, 1)
    total = Figure("enquiry", 1, day, day, "", ids(30) | {open_case})
    web = Figure("enquiry", 1, day, day, "web", ids(12) | {open_case})
    phone = Figure("enquiry", 1, day, day, "phone", ids(12))
    assert open_breakdowns([total, web, phone], frozenset({open_case})) == [web]


def test_a_period_one_day_longer_than_a_published_one_is_refused_naming_it() -> None:
    january = ids(21)  # published as 20..29
    extended = january | ids(9)  # 30..39: the extra day would be proven to hold 1..19 cases
    clash = differencing_clash([shown("January", january)], [shown("January and a day", extended)], RULES)
    assert clash is not None
    assert clash.release == "January"
    assert "January" in clash.reason


def test_periods_that_do_not_overlap_never_clash() -> None:
    assert differencing_clash([shown("January", ids(21))], [shown("March", ids(3))], RULES) is None


def test_a_nested_definition_whose_difference_is_small_is_refused() -> None:
    genuine = ids(30)
    enquiries = genuine | ids(3)  # 33 and 30: "30..39" twice pins nothing ...
    assert differencing_clash([shown("Enquiries", enquiries)], [shown("Genuine", genuine)], RULES) is None
    genuine_29 = frozenset(list(genuine)[:29])  # ... but 20..29 beside 30..39 proves 1..19 are not genuine
    enquiries_32 = genuine_29 | ids(3)
    clash = differencing_clash([shown("Enquiries", enquiries_32)], [shown("Genuine", genuine_29)], RULES)
    assert clash is not None
    assert clash.release == "Enquiries"


def test_a_breakdown_whose_small_channel_would_show_through_the_total_is_refused() -> None:
    web, phone = ids(18), ids(3)
    total = web | phone  # 21: 20..29 minus web's 10..19 proves phone has 1..
    clash = differencing_clash([], [shown("", total), shown("", web), shown("", phone)], RULES)
    assert clash is not None
    assert clash.release == ""


def families(*sizes: int) -> dict[uuid.UUID, int]:
    """Cases with the given numbers of dependants."""
    return {uuid.uuid4(): n for n in sizes}


def people(release: str, weights: dict[uuid.UUID, int], label: str = "dependants") -> Shown:
    cases, kept = weighted(weights)
    return Shown(release, cases, published_form(sum(kept.values()), RULES, cases=len(cases)), label, kept)


def test_a_count_of_people_is_a_band_over_the_people() -> None:
    form = people("", families(*[2] * 12)).published  # 24 people in 12 families
    assert (form.form, form.low, form.high) == (Form.RANGE, 20, 29)


def test_a_count_of_people_resting_on_fewer_families_than_the_threshold_is_withheld_without_a_number() -> (
    None
):
    few = published_form(15, RULES, cases=3)  # 15 people is over the threshold, 3 families are not
    assert (few.form, few.low, few.high, few.value) == (Form.SUPPRESSED, 0, None, None)
    # ... and so is a small count of people, the same way: the two reasons must read alike.
    assert published_form(6, RULES, cases=6) == few


def test_families_counting_nobody_are_not_in_a_count_of_people() -> None:
    cases, kept = weighted(families(0, 3, 0, 1))
    assert len(cases) == 2
    assert sorted(kept.values()) == [1, 3]


def test_a_longer_period_adding_one_large_family_is_refused_by_the_people_it_adds() -> None:
    january = families(*[2] * 12, 1)  # 25 people in 13 families: 20..29
    and_a_day = {**january, **families(6)}  # 31: 30..39; only the people prove the new family is there
    clash = differencing_clash([people("January", january)], [people("January and a day", and_a_day)], RULES)
    assert clash is not None
    assert clash.release == "January"


def test_a_new_family_that_leaves_every_band_in_place_is_published() -> None:
    """The check is not simply refusing people counts: 24 dependants, then a family of five more (29), stay
    in 20..29 beside arrivals that stay in 20..29; removing that family contradicts nothing."""
    arrived = families(*[1] * 24, 0)  # 25 arrivals, 24 of them bringing one dependant each
    more = {**arrived, **families(5)}
    published = [shown("Arrivals", frozenset(more), "arrivals"), people("Dependants", arrived)]
    assert differencing_clash(published, [people("Dependants again", more)], RULES) is None


def test_a_release_sharing_no_case_with_the_draft_still_counts_through_one_that_does() -> None:
    """Published B (25) and A (15) share 5 cases; the draft D takes 15 of B's cases and none of A's. A still
    matters: it splits the rest of B into two groups of five, which, with D, pin B down."""
    d, rest_of_b, a_and_b, a_only = ids(15), ids(5), ids(5), ids(10)
    b, a = d | rest_of_b | a_and_b, a_and_b | a_only
    assert differencing_clash([shown("B", b), shown("A", a)], [], RULES) is None
    assert differencing_clash([shown("B", b)], [shown("D", d)], RULES) is None  # without A: passes
    clash = differencing_clash([shown("B", b), shown("A", a)], [shown("D", d)], RULES)
    assert clash is not None


def test_a_dp_figure_pins_nothing() -> None:
    a = ids(21)
    noisy = Shown("DP", a | ids(2), noisy_form(24, RULES))
    assert differencing_clash([noisy], [shown("Draft", a)], RULES) is None


def test_spending_past_the_budget_is_refused() -> None:
    budget = spend(Budget(Decimal("1.0"), Decimal(0)), Decimal("0.6"))
    with pytest.raises(Overspent):
        spend(budget, Decimal("0.5"))
    assert spend(budget, Decimal("0.4")).left == 0


def test_a_dp_count_is_a_whole_number_near_the_count() -> None:
    draws = [dp_count(500, Decimal("2")) for _ in range(20)]
    assert all(isinstance(d, int) and d >= 0 for d in draws)
    assert sum(draws) / len(draws) == pytest.approx(500, abs=20)
