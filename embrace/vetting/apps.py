from django.apps import AppConfig


class VettingConfig(AppConfig):
    name = "embrace.vetting"
    label = "vetting"
