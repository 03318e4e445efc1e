from django.apps import AppConfig


class VettingConfig(AppConfig):
    name = "embrace.vetting"
    label = "vetting"

    def ready(self) -> None:
        from embrace.custody.actions import register_direct_rule
        from embrace.vetting.actions import unqualified_vetting_grants

        register_direct_rule(unqualified_vetting_grants)
