from django.apps import AppConfig


class PassageConfig(AppConfig):
    name = "embrace.passage"
    label = "passage"

    def ready(self) -> None:
        from embrace.custody.actions import register_direct_rule
        from embrace.passage.actions import unqualified_passage_grants

        register_direct_rule(unqualified_passage_grants)
