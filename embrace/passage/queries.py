"""Fetching a passage plan for a user, and reading it with their keyring.

A plan is shown only to members of its passage team; anyone else gets 404, not even its existence. The
vault enforces the same by keys: a member who joined the team after the plan opened holds no key (403).
"""

from __future__ import annotations

import datetime
import json
import uuid
from dataclasses import dataclass

from django.http import Http404

from embrace.accounts.models import User
from embrace.passage.models import PassagePlan
from embrace.vault.keyring import Keyring


@dataclass(frozen=True)
class EntryItem:
    seq: int
    kind: str
    text: str
    written_on: datetime.date
    author: str

    @property
    def kind_label(self) -> str:
        """The kind in words ("Route segment"), never its stored name ("segment")."""
        from embrace.passage.forms import KIND_LABELS

        return str(KIND_LABELS.get(self.kind, self.kind))


def get_plan_for(user: User, case_id: uuid.UUID | str) -> PassagePlan:
    plan = (
        PassagePlan.objects.filter(case_id=case_id, team__members=user)
        .select_related("case", "team", "compartment")
        .first()
    )
    if plan is None:
        raise Http404("No such passage plan")
    return plan


def read_entries(plan: PassagePlan, keyring: Keyring) -> list[EntryItem]:
    """Every entry, oldest first. Raises NoAccess if the keyring holds no grant for them."""
    items = []
    for entry in plan.entries.select_related("author").order_by("seq"):
        document = json.loads(keyring.open(bytes(entry.envelope)))
        items.append(
            EntryItem(
                seq=entry.seq,
                kind=str(document.get("kind", "")),
                text=str(document.get("text", "")),
                written_on=entry.written_on,
                author=entry.author.username,
            )
        )
    return items
