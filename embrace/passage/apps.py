from django.apps import AppConfig


class PassageConfig(AppConfig):
    name = "embrace.passage"
    label = "passage"
