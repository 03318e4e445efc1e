from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "embrace.accounts"
    label = "accounts"
