from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "embrace.channels"
    label = "channels"
