"""Bare cases in bulk for the releases' tests and bench: workflow rows only (status, team, channel, the day
opened), each with its two compartments as empty rows. What a definition counts reads nothing else."""

from __future__ import annotations

import datetime

from embrace.accounts.models import Team
from embrace.cases.models import Case, Channel, Status, lifecycle_write
from embrace.vault.models import Compartment


def bare_cases(
    team: Team,
    n: int,
    *,
    opened_on: datetime.date,
    channel: str = Channel.WEB,
    status: str = Status.CLOSED,
) -> list[Case]:
    bodies = Compartment.objects.bulk_create([Compartment(kind="body") for _ in range(n)])
    identities = Compartment.objects.bulk_create([Compartment(kind="identity") for _ in range(n)])
    cases = [
        Case(
            status=status,
            team=team,
            channel=channel,
            opened_on=opened_on,
            last_enquirer_on=opened_on,
            body=body,
            identity=identity,
        )
        for body, identity in zip(bodies, identities, strict=True)
    ]
    with lifecycle_write():
        return Case.objects.bulk_create(cases, batch_size=2000)
