"""The channels' records: contacts found by blind index, updates already seen, the outbox."""

from __future__ import annotations
