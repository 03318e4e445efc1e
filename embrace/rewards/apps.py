from django.apps import AppConfig


class RewardsConfig(AppConfig):
    name = "embrace.rewards"
    label = "rewards"
