"""The chat channels' webhooks: public addresses outside the enquirer's language prefix, reached by the
channels' servers, authenticated by what each request carries (embrace.channels.telegram, .messenger)."""

from django.urls import path

from embrace.channels import messenger, telegram

app_name = "channels"
urlpatterns = [
    path("telegram/", telegram.webhook, name="telegram_webhook"),
    path("messenger/", messenger.webhook, name="messenger_webhook"),
]
