"""Retention: how long case content is kept, per status and compartment, and the one path that destroys it.

Floor: with ``intake`` and ``channels``. The destroy path reaches into ``cases``, ``vetting`` and ``passage``
(below); housekeeping and the settings pages in ``core`` (above) and the quarantine in ``intake`` (same
floor) call it.
"""

from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "embrace.retention"
    label = "retention"
