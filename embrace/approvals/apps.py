from django.apps import AppConfig


class ApprovalsConfig(AppConfig):
    name = "embrace.approvals"
    label = "approvals"
