from django.apps import AppConfig


class CustodyConfig(AppConfig):
    """Who holds which group key, and how a key reaches a person: given by a holder, never by a role.

    Stands on the approvals floor: it imports accounts, vault and approvals (and the floors below), and
    the casework apps above it ask it which groups to seal to.
    """

    name = "embrace.custody"
    label = "custody"
