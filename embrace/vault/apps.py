from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "embrace.vault"
    label = "vault"
