"""The Messenger webhook refuses what Meta did not sign, what is too large, malformed or arrives while the
channel is paused, and stores nothing then; the subscription handshake echoes only for the right token."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from embrace.accounts.tests.scan import database_text
from embrace.cases.models import Channel
from embrace.channels import switches
from embrace.channels.models import Switch
from embrace.channels.tests.helpers import stored_counts
from embrace.channels.tests.hostile import (
    assert_taken_or_refused_cleanly,
    hostile_bodies,
    hostile_examples,
    json_values,
)
from embrace.channels.tests.messenger_helpers import (
    URL,
    VERIFY_TOKEN,
    event,
    post,
    sign,
)
from embrace.testing.fake_graph import FakeGraph

pytestmark = pytest.mark.django_db


def _handshake(client: Client, token: str, challenge: str = "1158201444", mode: str = "subscribe") -> object:
    return client.get(URL, {"hub.mode": mode, "hub.verify_token": token, "hub.challenge": challenge})


def test_the_handshake_echoes_the_challenge_for_the_right_verify_token(
    meta: Client, messenger: FakeGraph
) -> None:
    response = _handshake(meta, VERIFY_TOKEN)
    assert response.status_code == 200
    assert response.content == b"1158201444"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize(
    ("token", "mode"),
    [
        ("wrong-token", "subscribe"),
        ("", "subscribe"),
        (VERIFY_TOKEN + "x", "subscribe"),
        (VERIFY_TOKEN, "other"),
    ],
)
def test_the_handshake_refuses_a_wrong_token_or_mode(
    meta: Client, messenger: FakeGraph, token: str, mode: str
) -> None:
    response = _handshake(meta, token, mode=mode)
    assert response.status_code == 403
    assert b"1158201444" not in response.content


def test_the_handshake_echoes_no_markup(meta: Client, messenger: FakeGraph) -> None:
    assert _handshake(meta, VERIFY_TOKEN, challenge="<script>x</script>").status_code == 400


@pytest.mark.parametrize("signature", [None, "", "sha256=" + "0" * 64, "sha1=abc", "sha256=zz"])
def test_an_unsigned_or_wrongly_signed_event_is_refused_and_nothing_stored(
    meta: Client, messenger: FakeGraph, signature: str | None
) -> None:
    before = stored_counts()
    assert post(meta, event("text"), signature=signature).status_code == 403
    assert stored_counts() == before
    assert messenger.sent == []


def test_a_signature_over_a_different_body_is_refused(meta: Client, messenger: FakeGraph) -> None:
    before = stored_counts()
    genuine = json.dumps(event("text")).encode()
    forged = event("text", text="MARKER-FORGED")
    assert post(meta, forged, signed_body=genuine).status_code == 403
    assert stored_counts() == before


def test_a_signature_with_another_secret_is_refused(meta: Client, messenger: FakeGraph) -> None:
    body = json.dumps(event("text")).encode()
    assert post(meta, body, signature=sign(body, "another-app-secret")).status_code == 403
    assert stored_counts()["Case"] == 0


def test_a_signature_is_checked_over_the_raw_bytes_as_sent(meta: Client, messenger: FakeGraph) -> None:
    # Meta signs the body as it sends it (non-ASCII escaped as \\uXXXX): re-encoding it would not match.
    body = json.dumps(event("text", text="ကျွန်တော် MARKER"), ensure_ascii=True).encode()
    assert post(meta, body).status_code == 200
    assert stored_counts()["Case"] == 1


def test_an_oversized_body_is_refused_before_its_signature_is_checked(
    meta: Client, messenger: FakeGraph
) -> None:
    body = event("text", text="x" * 300_000)
    assert post(meta, body).status_code == 413
    assert stored_counts()["Case"] == 0


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"object": "page", "entry": []}',
        b'{"object": "instagram", "entry": [{"id": "1", "messaging": []}]}',
        b'{"object": "page", "object": "page", "entry": [{"id": "1", "messaging": []}]}',
        b'{"object": "page", "entry": [{"id": "1"}]}',
        b'{"object": "page", "entry": [{"id": 1, "messaging": []}]}',
        b'{"object": "page", "entry": [{"id": "1", "messaging": [{"sender": {"id": "2"}}]}]}',
        b'{"object": "page", "entry": [{"id": "1", "messaging": [{"sender": {"id": "x"}, '
        b'"recipient": {"id": "1"}, "message": {"mid": "m", "text": "hi"}}]}]}',
        b'{"object": "page", "entry": [{"id": "1", "messaging": [{"sender": {"id": "2"}, '
        b'"recipient": {"id": "1"}, "message": {"text": "no mid"}}]}]}',
        b'{"object": "page", "entry": [{"id": "1", "messaging": [{"sender": {"id": "2"}, '
        b'"recipient": {"id": "1"}, "message": {"mid": "m", "text": 5}}]}]}',
        b'{"object": "page", "entry": [{"id": "1", "messaging": [{"sender": {"id": "2"}, '
        b'"recipient": {"id": "1"}, "message": {"mid": "m", "is_echo": "yes", "text": "x"}}]}]}',
        b'{"object": "page", "entry": [{"id": "1", "messaging": [{"sender": {"id": "2"}, '
        b'"recipient": {"id": "1"}, "message": {"mid": "m", "attachments": [{"type": "image", '
        b'"payload": {"url": "file:///etc/passwd"}}]}}]}]}',
    ],
)
def test_a_malformed_body_is_refused_and_nothing_stored(
    meta: Client, messenger: FakeGraph, body: bytes
) -> None:
    before = stored_counts()
    assert post(meta, body).status_code == 400
    assert stored_counts() == before
    assert messenger.sent == []


def test_a_batch_with_one_malformed_event_stores_none_of_it(meta: Client, messenger: FakeGraph) -> None:
    body = event("text")
    body["entry"].append({"id": "104857600000001", "messaging": [{"sender": {"id": "1"}}]})
    assert post(meta, body).status_code == 400
    assert stored_counts()["Case"] == 0


def test_while_paused_events_are_refused_with_503_so_meta_delivers_them_later(
    meta: Client, messenger: FakeGraph
) -> None:
    # Written here as another process would; the webhook reads it once its remembered answer is forgotten.
    Switch.objects.filter(channel=Channel.MESSENGER).update(enabled=False)
    switches.forget()
    response = post(meta, event("text"))
    assert response.status_code == 503
    assert stored_counts()["Case"] == 0
    Switch.objects.filter(channel=Channel.MESSENGER).update(enabled=True)
    switches.forget()
    assert post(meta, event("text")).status_code == 200
    assert stored_counts()["Case"] == 1


def test_a_forged_event_learns_nothing_of_the_switch(meta: Client, messenger: FakeGraph) -> None:
    Switch.objects.filter(channel=Channel.MESSENGER).update(enabled=False)
    switches.forget()
    assert post(meta, event("text"), signature=None).status_code == 403


@pytest.mark.parametrize(
    "missing", ["MESSENGER_APP_SECRET", "MESSENGER_VERIFY_TOKEN", "MESSENGER_PAGE_TOKEN"]
)
def test_without_its_secrets_the_webhook_does_not_exist(
    settings, meta: Client, messenger: FakeGraph, missing: str
) -> None:
    setattr(settings, missing, None)
    assert post(meta, event("text")).status_code == 404
    assert _handshake(meta, VERIFY_TOKEN).status_code == 404
    assert stored_counts()["Case"] == 0


def test_other_methods_are_refused(meta: Client, messenger: FakeGraph) -> None:
    assert meta.put(URL, data=b"{}").status_code == 405


def test_a_replayed_event_is_acknowledged_stored_once_and_answered_once(
    meta: Client, messenger: FakeGraph
) -> None:
    # Meta delivers again what it was not sure we took; a replay of a signed body is the same thing.
    body = json.dumps(event("text")).encode()
    assert post(meta, body).status_code == 200
    before, answers = stored_counts(), len(messenger.sent)
    assert post(meta, body).status_code == 200
    assert stored_counts() == before
    assert len(messenger.sent) == answers + 1  # "we already have this message", nothing stored


# --- Generated hostile events ----------------------------------------------------------------------------

# Bodies that look like Meta's, with any part replaced by anything.
shaped_message = st.fixed_dictionaries(
    {},
    optional={
        "mid": json_values,
        "text": st.text(max_size=50) | json_values,
        "is_echo": json_values,
        "attachments": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "type": st.sampled_from(["image", "audio", "x"]) | json_values,
                    "payload": json_values,
                },
            ),
            max_size=3,
        )
        | json_values,
    },
)
shaped = st.fixed_dictionaries(
    {"object": st.sampled_from(["page", "user"]) | json_values},
    optional={
        "entry": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "id": json_values,
                    "messaging": st.lists(
                        st.fixed_dictionaries(
                            {},
                            optional={
                                "sender": st.fixed_dictionaries(
                                    {}, optional={"id": st.text(max_size=20) | json_values}
                                ),
                                "message": shaped_message | json_values,
                                "postback": json_values,
                            },
                        ),
                        max_size=3,
                    )
                    | json_values,
                },
            ),
            max_size=2,
        )
        | json_values,
    },
)


@hostile_examples
@given(body=hostile_bodies(shaped))
def test_no_signed_body_ever_gives_a_server_error(meta: Client, messenger: FakeGraph, body: bytes) -> None:
    assert_taken_or_refused_cleanly(lambda raw: post(meta, raw), body)


def test_nothing_of_a_refused_event_reaches_the_database(meta: Client, messenger: FakeGraph) -> None:
    canary = "MARKER-REFUSED-MESSENGER-7171"
    body = json.dumps(event("text", text=canary)).encode()
    post(meta, body, signature=None)
    post(meta, body, signature=sign(body, "another-secret"))
    Switch.objects.update(enabled=False)
    switches.forget()
    post(meta, body)
    Switch.objects.update(enabled=True)
    switches.forget()
    malformed = event("text", text=canary)
    malformed["entry"][0]["messaging"][0]["message"]["mid"] = 5
    post(meta, malformed)
    assert stored_counts()["Message"] == 0
    assert canary not in database_text()
