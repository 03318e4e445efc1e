"""Figures: what each published or internal number counts (versioned definitions), the statistics the task
worker computes from clear workflow fields, and the analysts' dashboards.

Floor: above ``rewards`` (it counts cases, transitions, vetting and passage steps, payments and stipends, all
below it); ``releases`` builds on it, and ``core`` ties it in. It never opens a compartment and never imports
``embrace.vault``: every number here comes from statuses, dates, channels and teams.
"""

from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "embrace.figures"
    label = "figures"
