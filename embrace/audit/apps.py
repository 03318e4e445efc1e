from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "embrace.audit"
    label = "audit"
