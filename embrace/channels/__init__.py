"""Channels: enquiries that arrive by Telegram, Facebook Messenger or through staff, into the same cases.

Every channel lands in the same cases, triage and compartments as the web form. An account identifier (a chat
id, a page-scoped id) is never in clear at rest: it is found by a blind index and stored sealed to the case.
"""
