from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "embrace.cases"
    label = "cases"
