from django.apps import AppConfig


class BreakGlassConfig(AppConfig):
    """Break-glass pages: setting up the organisation recovery key and restoring a group nobody holds.

    Stands on the approvals floor (it uses ``approvals`` for the set-up and ``accounts`` for roles); the key
    work is ``embrace.vault.recovery``.
    """

    name = "embrace.breakglass"
    label = "breakglass"
