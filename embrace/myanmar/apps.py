from django.apps import AppConfig


class MyanmarConfig(AppConfig):
    name = "embrace.myanmar"
    label = "myanmar"
    verbose_name = "Burmese text"
