"""Generated hostile webhook bodies, shared by every channel's refusal tests: anything at all, any JSON, and
bodies shaped like the channel's own with any part replaced by anything. Whatever arrives, the webhook
answers 200 (taken) or 400 (refused, nothing stored), never a 5xx."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from embrace.channels.tests.helpers import stored_counts

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)

# Each example posts to the webhook through the test client against the test database.
hostile_examples = hypothesis_settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def hostile_bodies(shaped: st.SearchStrategy[Any]) -> st.SearchStrategy[bytes]:
    """Raw bytes, any JSON value, or ``shaped`` (the channel's own shape, spoilt), encoded as JSON."""
    return st.one_of(
        st.binary(max_size=300),
        json_values.map(lambda v: json.dumps(v).encode()),
        shaped.map(lambda v: json.dumps(v).encode()),
    )


def assert_taken_or_refused_cleanly(send: Callable[[bytes], Any], body: bytes) -> None:
    """``send(body)`` answers 200 or 400, and a 400 stores nothing."""
    before = stored_counts()
    response = send(body)
    assert response.status_code in (200, 400), (response.status_code, body[:200])
    if response.status_code == 400:
        assert stored_counts() == before
