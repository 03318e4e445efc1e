"""Drafting, publishing and withdrawing public releases: the only way a ``Release`` changes.

Drafting computes each figure through ``embrace.figures.definitions`` (clear workflow fields only: status,
days, channel; never a compartment), runs the disclosure checks, and stores only what the public would read
plus each figure's set of case ids (see ``models``). A second analyst publishes it (``approvals``: never the
drafter); publishing runs the differencing check again, against everything published since the draft.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Count
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Perm, Role
from embrace.approvals import actions as approvals
from embrace.audit.events import Event
from embrace.audit.log import record, subject_of
from embrace.cases.actions import today
from embrace.cases.models import Case, Channel, Dependant
from embrace.figures import definitions
from embrace.figures.models import Key
from embrace.myanmar.formats import in_reader_language
from embrace.releases import disclosure
from embrace.releases.budget import spend_epsilon
from embrace.releases.disclosure import Figure, Published, Rules, Shown
from embrace.releases.models import (
    Breakdown,
    Release,
    ReleaseFigure,
    ReleaseStatus,
    pack_ids,
    pack_weights,
    split_ids,
    unpack_ids,
    unpack_weights,
)

PUBLISH = "releases.publish"
# Definitions a release may count. "Dependants received" counts people, several per case: the check weighs
# each case by the people it counted (``disclosure``, "Figures that count people").
RELEASABLE = (
    Key.ENQUIRY,
    Key.GENUINE_ENQUIRY,
    Key.DEFECTION,
    Key.REGISTRATION,
    Key.REWARD_PAID,
    Key.DEPENDANTS_RECEIVED,
)
MAX_EPSILON = Decimal(1)
T = TypeVar("T")


class ReleaseError(Exception):
    """The draft or decision is not allowed; the message says why, in words for the analyst."""


def rules() -> Rules:
    return Rules(threshold=settings.RELEASE_THRESHOLD, band=settings.RELEASE_BAND)


@dataclass(frozen=True)
class Draft:
    title_my: str  # shown on the Burmese page
    title_en: str  # shown on the English page
    start: datetime.date
    end: datetime.date
    keys: Sequence[str]
    breakdown: str = Breakdown.NONE
    private: bool = False
    epsilon: Decimal | None = None


def figure_label(key: str, breakdown: str) -> str:
    name = str(Key(key).label)
    if not breakdown:
        return name
    return _("%(figure)s, by %(channel)s") % {"figure": name, "channel": Channel(breakdown).label}


def _allowed(actor: User, perm: Perm) -> User:
    person = afresh(actor)
    if person is None or not person.can(perm):
        raise ReleaseError(_("Only an analyst may do this."))
    return person


def _raw(values: Sequence[str]) -> list[bytes]:
    """Case ids read as text, as their 16 bytes each. SQLite keeps a UUID as 32 hex digits, PostgreSQL's
    text form has dashes. Joined and split in one go: a call per id was a tenth of a draft."""
    return split_ids(bytes.fromhex("".join(values).replace("-", "")))


def _by_id(rows: Iterable[tuple[str, T]]) -> dict[bytes, T]:
    """Rows of (case id as text, value) as {16-byte id: value}."""
    found = list(rows)
    return dict(zip(_raw([row[0] for row in found]), [row[1] for row in found], strict=True))


def _counted(
    definition: definitions.Definition, start: datetime.date, end: datetime.date
) -> dict[bytes, str]:
    """The cases ``definition`` counts in the period (``definitions.case_ids``), each with its channel.

    Read as text rather than as UUIDs: making 100,000 UUID objects, only to take their bytes, was most of a
    draft's time. Sets hold the ids' 16 bytes, as the database stores published figures."""
    found = definitions.events(definition)
    rows = (
        found.between(start, end)
        .annotate(case_key=Cast(found.case, CharField()))
        .values_list("case_key", f"{found.case_prefix}channel")
    )
    if found.case_prefix:  # rows of steps or payments: a case may have several (a case row is one)
        rows = rows.distinct()
    return _by_id(rows)


def _people(definition: definitions.Definition, start: datetime.date, end: datetime.date) -> dict[bytes, int]:
    """For a definition counting dependants: how many each counted case has (as ``definitions.count``
    counts them), for the cases that have any."""
    found = definitions.events(definition)
    rows = (
        Dependant.objects.filter(case_id__in=found.between(start, end).values(found.case))
        .annotate(case_key=Cast("case_id", CharField()))
        .values("case_key")
        .annotate(people=Count("id"))
        .values_list("case_key", "people")
        .order_by()
    )
    return _by_id(rows)


def _open_case_ids() -> frozenset[bytes]:
    """``definitions.open_case_ids``, as bytes (see ``_counted``)."""
    keys = (
        Case.objects.exclude(status__in=definitions.FINAL_STATUSES)
        .annotate(case_key=Cast("id", CharField()))
        .values_list("case_key", flat=True)
    )
    return frozenset(_raw(list(keys)))


def _figures(draft: Draft) -> list[Figure]:
    figures: list[Figure] = []
    for key in draft.keys:
        try:
            definition = definitions.current(key, draft.end)
        except definitions.Definition.DoesNotExist:
            raise ReleaseError(
                _("No definition of “%(figure)s” was in force at the end of the period.")
                % {"figure": Key(key).label}
            ) from None
        counted = _counted(definition, draft.start, draft.end)
        people = None
        if definition.rule.get("count", "cases") == "dependants":
            if draft.private:
                raise ReleaseError(
                    _(
                        "“%(figure)s” cannot have noise added: one family can change it by several people, "
                        "so the noise would not hide a family. Publish it as a range, or leave it out."
                    )
                    % {"figure": Key(key).label}
                )
            people = _people(definition, draft.start, draft.end)
        figures.append(_figure(definition, draft, "", counted.keys(), people))
        if draft.breakdown == Breakdown.CHANNEL:
            by_channel: dict[str, list[bytes]] = defaultdict(list)
            for case_id, channel in counted.items():
                by_channel[channel].append(case_id)
            for channel in Channel.values:
                figures.append(_figure(definition, draft, channel, by_channel.get(channel, ()), people))
    return figures


def _figure(
    definition: definitions.Definition,
    draft: Draft,
    breakdown: str,
    cases: Iterable[bytes],
    people: dict[bytes, int] | None,
) -> Figure:
    """One figure of ``cases``; of their people, weighted by case, when ``people`` is given."""
    start, end = draft.start, draft.end
    if people is None:
        return Figure(definition.key, definition.version, start, end, breakdown, frozenset(cases))
    ids, weights = disclosure.weighted({case: people.get(case, 0) for case in cases})
    return Figure(definition.key, definition.version, start, end, breakdown, ids, weights)


def _shown(release: str, row: ReleaseFigure) -> Shown:
    """A stored figure as the differencing check sees it, with the weights it was published with."""
    blob = bytes(row.case_ids)
    if row.weights is None:
        return Shown(release, unpack_ids(blob), row.published, _label(row))
    weights = unpack_weights(blob, bytes(row.weights))
    return Shown(release, frozenset(weights), row.published, _label(row), weights)


def published_figures(*, excluding: Release | None = None) -> list[Shown]:
    """Every figure ever published (withdrawn ones too: they were read), as the differencing check sees it."""
    rows = ReleaseFigure.objects.filter(release__published_on__isnull=False).select_related("release")
    if excluding is not None:
        rows = rows.exclude(release=excluding)
    return [
        _shown(row.release.title, row)
        for row in rows.order_by("release__published_on", "release__title_en", "position")
    ]


def _label(row: ReleaseFigure) -> str:
    return figure_label(row.key, row.breakdown)


def _validate(draft: Draft) -> None:
    if not draft.title_my.strip() or not draft.title_en.strip():
        raise ReleaseError(_("Give the release a title in Burmese and in English."))
    if draft.start > draft.end:
        raise ReleaseError(_("The period must start before it ends."))
    if draft.end >= today():
        raise ReleaseError(_("The period must have ended: choose an end before today."))
    if not draft.keys or any(key not in RELEASABLE for key in draft.keys):
        raise ReleaseError(_("Choose at least one figure."))
    if draft.private and (draft.epsilon is None or not 0 < draft.epsilon <= MAX_EPSILON):
        raise ReleaseError(_("Give a privacy cost (epsilon) above 0 and at most 1."))


def draft_release(draft: Draft, *, actor: User) -> Release:
    """Compute, check and store a draft, and ask a second analyst to publish it."""
    drafter = _allowed(actor, Perm.STATS_READ)
    _validate(draft)
    the_rules = rules()
    figures = _figures(draft)
    if draft.breakdown:
        still_open = disclosure.open_breakdowns(figures, _open_case_ids())
        if still_open:
            raise ReleaseError(
                _(
                    "“%(figure)s” counts a case that is still open: figures below the programme total wait "
                    "until every case they count has closed. Leave out the breakdown."
                )
                % {"figure": figure_label(still_open[0].key, "")}
            )
    forms = [f.published(the_rules) for f in figures]
    title = in_reader_language(draft.title_my, draft.title_en)  # as the drafter reads it
    shown = [
        Shown(title, f.case_ids, form, figure_label(f.key, f.breakdown), f.weights)
        for f, form in zip(figures, forms, strict=True)
    ]
    with transaction.atomic():
        if not draft.private:
            clash = disclosure.differencing_clash(published_figures(), shown, the_rules)
            if clash is not None:
                raise ReleaseError(clash.reason)
        release = Release.objects.create(
            title_my=draft.title_my.strip(),
            title_en=draft.title_en.strip(),
            start=draft.start,
            end=draft.end,
            breakdown=draft.breakdown,
            private=draft.private,
            epsilon=draft.epsilon if draft.private else None,
            drafted_by=drafter,
            drafted_on=today(),
        )
        if draft.private:
            assert draft.epsilon is not None  # noqa: S101  (checked by _validate)
            forms = _noisy(figures, draft.epsilon, the_rules, year=draft.end.year)
        ReleaseFigure.objects.bulk_create(
            ReleaseFigure(
                release=release,
                position=n,
                key=f.key,
                version=f.version,
                breakdown=f.breakdown,
                form=form.form,
                low=form.low,
                high=form.high,
                value=form.value,
                epsilon=draft.epsilon if draft.private else None,
                case_ids=pack_ids(f.case_ids),
                weights=None if f.weights is None else pack_weights(f.weights),
            )
            for n, (f, form) in enumerate(zip(figures, forms, strict=True))
        )
        release.approval = approvals.request_approval(
            PUBLISH, subject_of(release), required_role=Role.ANALYST, reason="", actor=drafter
        )
        release.save(update_fields=["approval"])
        record(
            Event.RELEASE_DRAFTED,
            actor=drafter,
            subject=release,
            figures=len(figures),
            definitions=[f"{f.key}:{f.version}" for f in figures if not f.breakdown],
            private=draft.private,
        )
    return release


def _noisy(figures: list[Figure], epsilon: Decimal, the_rules: Rules, *, year: int) -> list[Published]:
    """Draw each figure's noise, spending its definition's budget: once for the total and once for the
    channels together (they split the total's cases, so one draw each costs epsilon once: parallel
    composition)."""
    queries = {(f.key, bool(f.breakdown)) for f in figures}
    spent: dict[str, Decimal] = defaultdict(Decimal)
    for key, _by_channel in queries:
        spent[key] += epsilon
    for key, amount in sorted(spent.items()):
        try:
            spend_epsilon(key, year, amount)
        except disclosure.Overspent:
            raise ReleaseError(
                _("This year's privacy budget for “%(figure)s” has too little left for this draft.")
                % {"figure": Key(key).label}
            ) from None
    return [disclosure.noisy_form(disclosure.dp_count(f.count, epsilon), the_rules) for f in figures]


def _lock_releases() -> None:
    # Two analysts publishing two drafts at once must not each pass the differencing check without the
    # other: every unpublished draft and every published release is locked, in one order, first.
    list(
        Release.objects.select_for_update()
        .filter(status__in=[ReleaseStatus.DRAFT, ReleaseStatus.PUBLISHED])
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def decide_release(release: Release, *, approve: bool, actor: User) -> Release:
    """Publish (or refuse) another analyst's draft."""
    decider = _allowed(actor, Perm.STATS_PUBLISH)
    with transaction.atomic():
        _lock_releases()
        release = Release.objects.get(pk=release.pk)
        if release.status != ReleaseStatus.DRAFT:
            raise ReleaseError(_("This release is not waiting for a decision."))
        try:
            approvals.decide_request_about(
                release, release.approval_id, PUBLISH, approve=approve, actor=decider
            )
        except approvals.ApprovalError as exc:
            raise ReleaseError(str(exc)) from exc
        if approve and not release.private:
            mine = [_shown(release.title, row) for row in release.figures.all()]
            clash = disclosure.differencing_clash(published_figures(excluding=release), mine, rules())
            if clash is not None:
                raise ReleaseError(clash.reason)
        release.status = ReleaseStatus.PUBLISHED if approve else ReleaseStatus.REFUSED
        if approve:
            release.published_on = today()
        release.save(update_fields=["status", "published_on"])
        record(
            Event.RELEASE_PUBLISHED if approve else Event.RELEASE_REFUSED,
            actor=decider,
            subject=release,
            drafted_by=str(release.drafted_by_id),
        )
    return release


def withdraw_release(release: Release, *, actor: User) -> Release:
    """Take a release off the public page (any analyst), or a draft back (its drafter). A withdrawn release
    was read while it was up, so later drafts are still checked against it."""
    person = _allowed(actor, Perm.STATS_READ)
    with transaction.atomic():
        release = Release.objects.select_for_update().get(pk=release.pk)
        if release.status == ReleaseStatus.DRAFT:
            if release.drafted_by_id != person.pk:
                raise ReleaseError(_("Only the analyst who drafted it may take a draft back."))
            if release.approval is not None:
                approvals.cancel_approval(release.approval, actor=person)
        elif release.status != ReleaseStatus.PUBLISHED:
            raise ReleaseError(_("This release is not up or waiting."))
        was = release.status
        release.status = ReleaseStatus.WITHDRAWN
        release.save(update_fields=["status"])
        record(Event.RELEASE_WITHDRAWN, actor=person, subject=release, was=was)
    return release
