from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "embrace.intake"
    label = "intake"
