"""The casework bench's cases in bulk: the rows ``embrace synthetic_cases`` writes, thousands at a time.

``synthetic_cases`` builds each case as intake and the lifecycle do (one ``create_compartment`` per
compartment, one lifecycle step at a time with its audit entry): about 35 cases a second, so 100,000 cases
take most of an hour. The bench times the command on its first cases and fills the rest here, from the same
plans (``plan_case`` of the same seed: same references, texts, identifiers, labels, handlers and statuses)
and with the same rows: real key pairs, the compartment keys sealed to the team's and the custodians' group
keys (and to an assigned handler), messages and identity details sealed with the compartments' public keys,
blind-indexed identifiers, labels, and each lifecycle step's history row. What is left out is one audit
entry per step, which no casework page reads. What the pages cost afterwards does not depend on how the
rows were made.
"""

from __future__ import annotations

import datetime
import json
import time
import uuid

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.cases import lifecycle
from embrace.cases.actions import today
from embrace.cases.management.commands.synthetic_cases import (
    BATCH,
    Generator,
    Plan,
    _members,
)
from embrace.cases.models import Case, CaseTransition, Status, lifecycle_write
from embrace.vault import crypto
from embrace.vault.models import Compartment, CompartmentKey, Grant, GroupKey, UserKey


class BulkGenerator(Generator):
    """``synthetic_cases``' generator with its per-case vault and lifecycle calls replaced by bulk inserts."""

    def __init__(self, team: Team, seed: str) -> None:
        officers = list(_members(team, Role.INTAKE_OFFICER))
        super().__init__(team, officers, list(_members(team, Role.HANDLER)), seed)
        body_key, identity_key = self.team_group.current_key, self.identity_group.current_key
        if body_key is None or identity_key is None:
            raise RuntimeError("the team or the custodians hold no group key")
        self.body_key: GroupKey = body_key
        self.identity_key: GroupKey = identity_key
        self.user_public = {
            user_id: bytes(public)
            for user_id, public in UserKey.objects.filter(user__in=self.handlers).values_list(
                "user_id", "public_key"
            )
        }
        self.public: dict[uuid.UUID, tuple[uuid.UUID, bytes]] = {}  # compartment id → (key id, public key)

    def _compartment(
        self, kind: str, group_key: GroupKey, user_ids: list[uuid.UUID], rows: dict[str, list[object]]
    ) -> Compartment:
        public, private = crypto.generate_keypair()
        compartment = Compartment(kind=kind)
        key = CompartmentKey(compartment=compartment, version=1, public_key=public)
        rows["compartments"].append(compartment)
        rows["keys"].append(key)
        rows["grants"].append(
            Grant(
                key=key,
                group_key=group_key,
                sealed_private_key=crypto.seal_to(bytes(group_key.public_key), private),
            )
        )
        rows["grants"] += [
            Grant(
                key=key,
                user_id=user_id,
                sealed_private_key=crypto.seal_to(self.user_public[user_id], private),
            )
            for user_id in user_ids
        ]
        self.public[compartment.pk] = (key.pk, public)
        return compartment

    def _seal_body(self, case: Case, plaintext: bytes) -> bytes:
        key_id, public = self.public[case.body_id]
        return crypto.seal_message(public, key_id, plaintext)

    def _create(self, plans: list[Plan]) -> None:
        rows: dict[str, list[object]] = {"compartments": [], "keys": [], "grants": []}
        made = []
        for plan in plans:
            handler = self.handler_of(plan)
            body = self._compartment("body", self.body_key, [handler.pk] if handler else [], rows)
            identity = self._compartment("identity", self.identity_key, [], rows)
            key_id, public = self.public[identity.pk]
            details = crypto.seal_message(
                public, key_id, json.dumps(plan.identity, ensure_ascii=False).encode()
            )
            case = Case(
                reference=plan.reference,
                status=Status.QUARANTINED if plan.status == Status.QUARANTINED else Status.ENQUIRY,
                team=self.team,
                opened_on=plan.opened_on,
                last_enquirer_on=plan.last_enquirer_on,
                body=body,
                identity=identity,
                identity_details=details,
                handler=handler,
                needs_script_review=plan.needs_review,
                unread_by_staff=plan.unread,
            )
            made.append((case, plan))
        Compartment.objects.bulk_create(rows["compartments"])  # type: ignore[arg-type]
        CompartmentKey.objects.bulk_create(rows["keys"])  # type: ignore[arg-type]
        Grant.objects.bulk_create(rows["grants"])  # type: ignore[arg-type]
        Case.objects.bulk_create([case for case, _ in made])
        self._contents(made)
        self._steps(made)

    def _steps(self, made: list[tuple[Case, Plan]]) -> None:
        """Each case's lifecycle steps as the history rows the lifecycle writes, and its final status."""
        history, moved = [], []
        for case, plan in made:
            officer = self.officers[plan.officer_pick % len(self.officers)]
            status = case.status
            for seq, name in enumerate(plan.steps, start=1):
                row = lifecycle._step(name, status)
                history.append(
                    CaseTransition(
                        case=case,
                        seq=seq,
                        name=name,
                        from_status=status,
                        to_status=row.target,
                        actor=officer,
                        made_on=today(),
                    )
                )
                status = row.target
            if plan.steps:
                case.status = status
                if status == Status.DORMANT:
                    case.dormant_until = today() + datetime.timedelta(days=plan.dormant_days)
                moved.append(case)
        CaseTransition.objects.bulk_create(history)
        with lifecycle_write():
            Case.objects.bulk_update(moved, ["status", "dormant_until"])


def fill(team_name: str, seed: str, start: int, stop: int) -> float:
    """Cases ``start`` to ``stop`` of ``seed`` in the team (those not made yet); returns the seconds taken."""
    generator = BulkGenerator(Team.objects.get(name=team_name), seed)
    began = time.perf_counter()
    for first in range(start, stop, BATCH):
        generator.batch(range(first, min(first + BATCH, stop)))
    return time.perf_counter() - began
