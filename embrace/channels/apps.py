"""Channels: enquiries that arrive by Telegram, Facebook Messenger or through staff, into the same cases.

Every channel lands in the same cases, triage and compartments as the web form. An account identifier (a chat
id, a page-scoped id) is never in clear at rest: it is found by a blind index and stored sealed to the case.

Floor: "intake and channels" — imports cases, intake, vault, accounts, approvals, audit and myanmar, never
rewards, stats or core.
"""

from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "embrace.channels"
    label = "channels"

    def ready(self) -> None:
        # The case views send replies through embrace.cases.outbound without importing this app.
        from embrace.cases import outbound
        from embrace.channels import checks  # noqa: F401  (registers the channels' system checks)
        from embrace.channels.outbox import ChannelOutbound

        outbound.register(ChannelOutbound())
