"""Staffing: who joins, what they may do, and who says so. Stands on the approvals floor.

Invitations with a key fingerprint a second person confirms, widening access by two administrators,
narrowing at once (sessions ended, keys revoked), and resetting a lost authenticator by two administrators.
It needs ``embrace.approvals``, so it cannot live in ``embrace.accounts`` below it.
"""

from django.apps import AppConfig


class StaffingConfig(AppConfig):
    name = "embrace.staffing"
    label = "staffing"
