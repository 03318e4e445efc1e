from django.apps import AppConfig


class RewardsConfig(AppConfig):
    name = "embrace.rewards"
    label = "rewards"

    def ready(self) -> None:
        from embrace.custody.actions import register_direct_rule
        from embrace.rewards.claims import unqualified_finance_grants

        register_direct_rule(unqualified_finance_grants)
