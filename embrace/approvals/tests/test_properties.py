"""Whatever people do, in whatever order, no request ends decided by its requester or by no one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from hypothesis import example, given, settings
from hypothesis import strategies as st

from embrace.accounts.actions import set_roles
from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.approvals.actions import ApprovalError, cancel_approval, decide_approval, request_approval
from embrace.approvals.models import Approval, Status
from embrace.audit.events import Event
from embrace.audit.log import verify_chain
from embrace.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

ROLES, SUBJECTS = [Role.CUSTODIAN, Role.REWARD_COMMITTEE], ["cases.case:1", "cases.case:2"]
# Everyone starts with a role so that decisions happen early in an example; steps then grant and revoke.
START = [{Role.CUSTODIAN}, {Role.CUSTODIAN, Role.REWARD_COMMITTEE}, {Role.REWARD_COMMITTEE}]
PEOPLE = len(START)
person = st.integers(0, PEOPLE - 1)
pick = st.integers(0, 7)  # an index into the requests made so far, modulo their number
steps = st.lists(
    st.one_of(
        st.tuples(st.just("grant"), person, st.sampled_from(ROLES)),
        st.tuples(st.just("revoke"), person, st.sampled_from(ROLES)),
        st.tuples(st.just("active"), person, st.booleans()),
        st.tuples(st.just("request"), person, st.sampled_from(SUBJECTS), st.sampled_from(ROLES)),
        st.tuples(st.just("decide"), pick, person, st.booleans()),
        st.tuples(st.just("cancel"), pick, person),
        # A buggy caller writing a decision straight to the table, as its requester or as no one.
        st.tuples(st.just("force"), pick, st.booleans()),
    ),
    max_size=30,
)


@dataclass
class World:
    """What the rules say should happen, kept beside the database."""

    users: list[User]
    roles: list[set[Role]] = field(default_factory=lambda: [set(r) for r in START])
    active: list[bool] = field(default_factory=lambda: [True] * PEOPLE)
    requests: list[Approval] = field(default_factory=list)
    status: dict[object, str] = field(default_factory=dict)

    def may_decide(self, approval: Approval, who: int) -> bool:
        return (
            self.status[approval.pk] == Status.PENDING
            and self.users[who].pk != approval.requested_by_id
            and self.active[who]
            and approval.required_role in self.roles[who]
        )

    def step(self, op: tuple) -> None:
        kind, *args = op
        if kind in ("grant", "revoke"):
            who, role = args
            self.roles[who] = self.roles[who] | {role} if kind == "grant" else self.roles[who] - {role}
            set_roles(self.users[who], self.roles[who], actor=None)
        elif kind == "active":
            who, active = args
            User.objects.filter(pk=self.users[who].pk).update(is_active=active)
            self.active[who] = active
        elif kind == "request":
            who, subject, role = args
            allowed = Status.PENDING not in {self.status[a.pk] for a in self.requests if a.subject == subject}
            outcome = attempt(
                lambda: request_approval("x", subject, required_role=role, reason="", actor=self.users[who])
            )
            assert (outcome is not None) == allowed
            if outcome is not None:
                self.requests.append(outcome)
                self.status[outcome.pk] = Status.PENDING
        elif self.requests:
            approval = self.requests[args[0] % len(self.requests)]
            self.act_on(approval, kind, args[1:])

    def act_on(self, approval: Approval, kind: str, args: list) -> None:
        if kind == "decide":
            who, approve = args
            allowed = self.may_decide(approval, who)
            outcome = attempt(lambda: decide_approval(approval, approve=approve, actor=self.users[who]))
            assert (outcome is not None) == allowed
            if outcome is not None:
                self.status[approval.pk] = Status.APPROVED if approve else Status.REFUSED
                last = AuditEntry.objects.last()
                assert last is not None
                assert (last.event, last.actor) == (
                    Event.APPROVAL_APPROVED if approve else Event.APPROVAL_REFUSED,
                    self.users[who].pk,
                )
        elif kind == "cancel":
            (who,) = args
            allowed = (
                self.status[approval.pk] == Status.PENDING and self.users[who].pk == approval.requested_by_id
            )
            outcome = attempt(lambda: cancel_approval(approval, actor=self.users[who]))
            assert (outcome is not None) == allowed
            if outcome is not None:
                self.status[approval.pk] = Status.CANCELLED
        else:
            (as_requester,) = args
            with pytest.raises(IntegrityError), transaction.atomic():
                Approval.objects.filter(pk=approval.pk).update(
                    status=Status.APPROVED,
                    decided_by_id=approval.requested_by_id if as_requester else None,
                    decided_at=timezone.now(),
                )


def attempt(action: Callable[[], Approval]) -> Approval | None:
    try:
        return action()
    except ApprovalError:
        return None


def test_no_sequence_of_steps_ends_in_a_self_or_anonymous_decision() -> None:
    users = [User.objects.create(username=f"person{n}") for n in range(PEOPLE)]
    for user, roles in zip(users, START, strict=True):
        set_roles(user, roles, actor=None)
    reached: set[str] = set()

    @settings(max_examples=80, deadline=None, database=None)
    @given(steps)
    @example(
        [
            # Each guard once, so that removing any of them fails every run, not just an unlucky one.
            ("request", 0, SUBJECTS[0], Role.CUSTODIAN),
            ("decide", 0, 0, True),  # refused: one's own
            ("decide", 0, 2, True),  # refused: lacks the role
            ("active", 1, False),
            ("decide", 0, 1, True),  # refused: inactive
            ("active", 1, True),
            ("decide", 0, 1, True),
            ("decide", 0, 1, False),  # refused: decided already
            ("request", 2, SUBJECTS[1], Role.REWARD_COMMITTEE),
            ("force", 1, True),
            ("force", 1, False),
            ("decide", 1, 1, False),
            ("request", 0, SUBJECTS[0], Role.CUSTODIAN),
            ("cancel", 2, 1),  # refused: not theirs
            ("cancel", 2, 0),
            ("cancel", 2, 0),  # refused: cancelled already
        ]
    )
    def run(ops: list[tuple]) -> None:
        with transaction.atomic():
            world = World([User.objects.get(pk=u.pk) for u in users])
            for op in ops:
                world.step(op)
            decided = Approval.objects.filter(status__in=[Status.APPROVED, Status.REFUSED])
            assert not Approval.objects.filter(decided_by=F("requested_by")).exists()
            assert not decided.filter(decided_by__isnull=True).exists()
            assert not decided.filter(decided_at__isnull=True).exists()
            assert dict(Approval.objects.values_list("pk", "status")) == world.status
            assert verify_chain().ok
            reached.update(world.status.values())
            transaction.set_rollback(True)

    run()
    # The examples must have got somewhere, or the property holds vacuously.
    assert reached == set(Status.values)
