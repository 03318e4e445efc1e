from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "embrace.core"
    label = "core"

    def ready(self) -> None:
        from embrace.core import checks  # noqa: F401  (registers the system checks)
