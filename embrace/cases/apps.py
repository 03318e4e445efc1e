from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "embrace.cases"
    label = "cases"

    def ready(self) -> None:
        from embrace.cases.keys import unqualified_case_grants
        from embrace.custody.actions import register_direct_rule

        register_direct_rule(unqualified_case_grants)
