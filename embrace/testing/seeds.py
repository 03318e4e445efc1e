"""Data that migrations seed (the 2022 reward schedule, the first vetting checklist, the audit head, the
retention rules, version 1 of the figures' definitions).

A transactional test empties every table when it ends, and with it what migrations put there; tests that
run after it in the same process would then see a programme without a schedule or a checklist. Re-running
the migrations' own seed functions (all idempotent) before each database test puts the data back.
"""

from __future__ import annotations

from importlib import import_module

from django.apps import apps

SEEDS = [
    "embrace.rewards.migrations.0002_schedule_2022",
    "embrace.rewards.migrations.0006_stipend_rate_proposals",
    "embrace.vetting.migrations.0002_seed_checklist",
    "embrace.audit.migrations.0002_head",
    "embrace.retention.migrations.0002_default_rules",
    "embrace.figures.migrations.0002_seed_definitions",
]


def ensure_seed_data() -> None:
    for name in SEEDS:
        module = import_module(name)
        seed = getattr(module, "seed", None) or module.create_head
        seed(apps, None)
