"""Each definition pinned against cases walked through the real lifecycle: what it counts, what it leaves out,
the edges of a period, and which version is in force on a day."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError
from django.utils import translation
from django.utils.translation import gettext

from embrace.cases.lifecycle import request_transition
from embrace.cases.models import Case, Channel, Status
from embrace.figures import definitions
from embrace.figures.models import Definition, Key
from embrace.figures.seeds import V1, V1_FROM
from embrace.figures.tests.conftest import Crew, on
from embrace.rewards.models import Payment
from embrace.testing.world import build_world

D = datetime.date
JAN1, JAN31 = D(2026, 1, 1), D(2026, 1, 31)


def v1(key: str) -> Definition:
    return definitions.get(key, 1)


@pytest.mark.django_db
def test_version_one_of_every_definition_is_seeded_with_a_rule_the_interpreter_knows() -> None:
    seeded = {d.key: d for d in Definition.objects.filter(version=1)}
    assert set(seeded) == set(Key.values)
    for definition in seeded.values():
        definitions.validate_rule(definition.rule)


@pytest.mark.django_db
def test_every_seeded_description_reads_in_burmese() -> None:
    for definition in Definition.objects.all():
        with translation.override("my"):
            assert gettext(definition.description) != definition.description, definition.key


@pytest.mark.django_db
def test_the_version_in_force_is_the_latest_started_by_that_day() -> None:
    Definition.objects.create(
        key=Key.DEFECTION,
        version=2,
        effective_from=D(2026, 4, 1),
        rule={"event": "transition_to", "statuses": ["registered"]},
        description="Cases registered in the period.",
    )
    assert definitions.current(Key.DEFECTION, D(2026, 3, 31)).version == 1
    assert definitions.current(Key.DEFECTION, D(2026, 4, 1)).version == 2
    assert definitions.current(Key.DEFECTION, D(2027, 1, 1)).version == 2
    with pytest.raises(Definition.DoesNotExist):
        definitions.current(Key.DEFECTION, D(2020, 12, 31))


@pytest.mark.django_db
def test_a_version_number_is_used_once_per_definition() -> None:
    with pytest.raises(IntegrityError):
        Definition.objects.create(
            key=Key.ENQUIRY,
            version=1,
            effective_from=D(2030, 1, 1),
            rule={"event": "opened"},
            description="x",
        )


@pytest.mark.parametrize(
    "rule",
    [
        [],
        {"event": "read_the_body"},
        {"event": "opened", "statuses": ["arrived"]},
        {"event": "transition_to"},
        {"event": "transition_to", "statuses": ["flying"]},
        {"event": "paid", "what": "bribe"},
        {"event": "opened", "count": "people"},
    ],
)
def test_a_rule_outside_the_vocabulary_is_refused_not_guessed(rule: object) -> None:
    with pytest.raises(definitions.RuleError):
        definitions.validate_rule(rule)


def test_enquiries_count_cases_opened_in_the_period_but_not_junk_or_repeats(crew: Crew) -> None:
    first_day = crew.enquiry(opened_on=JAN1)
    last_day = crew.enquiry(opened_on=JAN31, channel=Channel.TELEGRAM)
    crew.enquiry(opened_on=D(2025, 12, 31))
    crew.enquiry(opened_on=D(2026, 2, 1))
    repeat = crew.step(crew.enquiry(opened_on=D(2026, 1, 15)), "mark_duplicate")
    assert repeat.status == Status.DUPLICATE
    moved_on = crew.to_vetting(crew.enquiry(opened_on=D(2026, 1, 20)))

    assert definitions.case_ids(v1("enquiry"), JAN1, JAN31) == {first_day.pk, last_day.pk, moved_on.pk}
    assert definitions.count(v1("enquiry"), JAN1, JAN31) == 3


def test_genuine_enquiries_count_passage_approved_in_the_period(crew: Crew) -> None:
    approved = crew.approve_passage(crew.to_vetting(crew.enquiry()))
    on(approved, Status.PASSAGE_APPROVED, JAN31)
    later = crew.approve_passage(crew.to_vetting(crew.enquiry()))
    on(later, Status.PASSAGE_APPROVED, D(2026, 2, 1))
    still_vetting = crew.to_vetting(crew.enquiry())
    on(still_vetting, Status.VETTING, JAN1)

    assert definitions.case_ids(v1("genuine_enquiry"), JAN1, JAN31) == {approved.pk}
    # Arriving afterwards does not make a genuine enquiry stop being one.
    crew.arrive(approved)
    assert definitions.count(v1("genuine_enquiry"), JAN1, JAN31) == 1


def test_defections_count_arrivals_in_the_period_not_passages_under_way(crew: Crew) -> None:
    arrived = crew.arrived()
    on(arrived, Status.ARRIVED, JAN1)
    before = crew.arrived()
    on(before, Status.ARRIVED, D(2025, 12, 31))
    in_transit = crew.approve_passage(crew.to_vetting(crew.enquiry()))
    for step in ("plan_passage", "begin_transit"):
        in_transit = crew.step(in_transit, step, crew.handler)
    on(in_transit, Status.IN_TRANSIT, JAN1)

    assert definitions.case_ids(v1("defection"), JAN1, JAN31) == {arrived.pk}
    assert definitions.count(v1("defection"), D(2025, 12, 31), JAN31) == 2


def test_registrations_count_the_second_persons_approval_day(crew: Crew) -> None:
    registered = crew.register(crew.arrived())
    on(registered, Status.REGISTERED, JAN31)
    screened_only = crew.step(crew.arrived(), "record_screening", crew.reviewer)
    on(screened_only, Status.SCREENED, JAN1)

    assert definitions.case_ids(v1("registration"), JAN1, JAN31) == {registered.pk}
    assert definitions.count(v1("registration"), D(2026, 2, 1), D(2026, 2, 28)) == 0


def test_dependants_received_counts_people_of_the_cases_that_arrived(crew: Crew) -> None:
    family = crew.arrived()
    crew.add_dependant(family, "spouse")
    crew.add_dependant(family, "child")
    crew.add_dependant(family, "child")
    on(family, Status.ARRIVED, JAN1)
    alone = crew.arrived()
    on(alone, Status.ARRIVED, JAN31)
    not_yet = crew.approve_passage(crew.to_vetting(crew.enquiry()))
    crew.add_dependant(not_yet, "parent")

    assert definitions.case_ids(v1("dependants_received"), JAN1, JAN31) == {family.pk, alone.pk}
    assert definitions.count(v1("dependants_received"), JAN1, JAN31) == 3
    assert definitions.count(v1("dependants_received"), D(2026, 2, 1), D(2026, 2, 28)) == 0


@pytest.mark.django_db
def test_rewards_paid_count_cases_paid_a_tranche_and_not_reversals_or_stipends() -> None:
    world = build_world()
    paid_case = world.cases["A"].case
    Payment.objects.filter(pk=world.rewards.payment.pk).update(paid_on=JAN31)

    assert definitions.case_ids(v1("reward_paid"), JAN1, JAN31) == {paid_case.pk}
    assert definitions.count(v1("reward_paid"), D(2026, 2, 1), D(2026, 2, 28)) == 0
    Payment.objects.filter(pk=world.rewards.payment.pk).update(reversed=True)
    assert definitions.count(v1("reward_paid"), JAN1, JAN31) == 0


def test_a_later_version_counts_by_its_own_rule_and_the_first_is_unchanged(crew: Crew) -> None:
    """Had the programme's "defector" meant registered from 2024, its two totals would each say so."""
    arrived = crew.arrived()
    registered = crew.register(crew.arrived())
    for case in (arrived, registered):
        on(case, Status.ARRIVED, JAN1)
    on(registered, Status.REGISTERED, JAN1)
    v2 = Definition.objects.create(
        key=Key.DEFECTION,
        version=2,
        effective_from=D(2026, 1, 1),
        rule={"event": "transition_to", "statuses": ["registered"]},
        description="Cases registered in the period.",
    )
    assert definitions.current(Key.DEFECTION, JAN31) == v2
    assert definitions.case_ids(v2, JAN1, JAN31) == {registered.pk}
    assert definitions.case_ids(v1("defection"), JAN1, JAN31) == {arrived.pk, registered.pk}


def test_open_cases_are_those_whose_story_is_not_over(crew: Crew) -> None:
    enquiry = crew.enquiry()
    in_vetting = crew.to_vetting(crew.enquiry())
    arrived = crew.arrived()
    registered = crew.register(crew.arrived())
    withdrawn = crew.step(crew.enquiry(), "withdraw")
    lost = crew.step(crew.enquiry(), "lose_contact")
    request_transition(in_vetting, "reject", actor=crew.reviewer.user)  # a plant: rejected, over
    assert Case.objects.get(pk=in_vetting.pk).status == Status.REJECTED

    assert definitions.open_case_ids() == {enquiry.pk, arrived.pk, lost.pk}
    assert registered.pk not in definitions.open_case_ids()
    assert withdrawn.pk not in definitions.open_case_ids()


@pytest.mark.django_db
def test_the_seeded_rows_say_what_the_marked_words_say() -> None:
    """The migration copies the seeds; the copy and the msgids ``make messages`` collects must not drift."""
    for key, (rule, description) in V1.items():
        definition = v1(key)
        assert (definition.rule, definition.description) == (rule, description)
        assert definition.effective_from.isoformat() == V1_FROM


@pytest.mark.django_db
def test_the_seeded_definitions_are_put_back_for_the_tests_after_a_transactional_one() -> None:
    # A transactional test (the browser journeys) empties every table when it ends; without the seed put
    # back, the next one found no definition and its figures were silently never computed.
    from embrace.testing.seeds import ensure_seed_data

    Definition.objects.all().delete()
    ensure_seed_data()
    assert set(Definition.objects.filter(version=1).values_list("key", flat=True)) == set(V1)
