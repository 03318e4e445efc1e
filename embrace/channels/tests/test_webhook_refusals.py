"""Forged, paused, oversized, malformed and replayed webhooks: each refused as designed, nothing stored.

Telegram authenticates an update only by the secret token header, so it is checked before anything else; a
paused channel answers 503 so that Telegram keeps the update and delivers it later; anything that is not an
update of a shape we accept is a 400. None of it ever gives a 5xx or stores a row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from hypothesis import given
from hypothesis import strategies as st

from embrace.cases.models import Channel
from embrace.channels import switches
from embrace.channels.models import Switch
from embrace.channels.telegram import MAX_BODY_BYTES
from embrace.channels.tests.helpers import SECRET, URL, post, stored_counts, update
from embrace.channels.tests.hostile import (
    assert_taken_or_refused_cleanly,
    hostile_bodies,
    hostile_examples,
    json_values,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("telegram")]

CANARY = "MARKER-CANARY-REFUSED-9090"


def _database_bytes() -> bytes:
    if connection.vendor != "sqlite":
        from embrace.accounts.tests.scan import database_text

        return database_text().encode("utf-8", "replace")
    name = Path(connection.settings_dict["NAME"])
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
    return b"".join(p.read_bytes() for p in name.parent.glob(name.name + "*") if p.is_file())


def _refused(client: Client, payload: dict | bytes, status: int, **kwargs: object) -> None:
    before = stored_counts()
    response = post(client, payload, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status, response.content[:300]
    assert stored_counts() == before


def _canary_update() -> dict:
    return update("text", text=CANARY)


@pytest.mark.parametrize(
    "secret",
    [None, "", "wrong", SECRET[:-1], SECRET + "x", SECRET.upper(), " " + SECRET, "x" * 300],
    ids=["missing", "empty", "wrong", "shorter", "longer", "case", "space", "huge"],
)
def test_a_forged_secret_is_refused_and_nothing_stored(bot_client: Client, secret: str | None) -> None:
    _refused(bot_client, _canary_update(), 403, secret=secret)


def test_a_forged_update_is_refused_before_its_body_is_read(bot_client: Client) -> None:
    # Not even a malformed body gets as far as the parser: the answer is the same 403.
    _refused(bot_client, b"\xff not json", 403, secret="wrong")
    _refused(bot_client, b"x" * (MAX_BODY_BYTES + 10), 403, secret="wrong")


def test_without_a_configured_secret_the_webhook_does_not_exist(bot_client: Client) -> None:
    with override_settings(TELEGRAM_WEBHOOK_SECRET=None):
        _refused(bot_client, _canary_update(), 404)
        _refused(bot_client, _canary_update(), 404, secret="")


def test_a_paused_channel_answers_503_so_telegram_delivers_it_later(bot_client: Client) -> None:
    # Written here as another process would; the webhook reads it once its remembered answer is forgotten.
    Switch.objects.filter(channel=Channel.TELEGRAM).update(enabled=False)
    switches.forget()
    _refused(bot_client, _canary_update(), 503)
    Switch.objects.all().delete()  # never enabled
    switches.forget()
    _refused(bot_client, _canary_update(), 503)
    # Switched on again, the same update (Telegram's retry) is taken.
    Switch.objects.create(channel=Channel.TELEGRAM, enabled=True)
    switches.forget()
    assert post(bot_client, _canary_update()).status_code == 200


def test_an_oversized_update_is_refused(bot_client: Client) -> None:
    big = update("text", text="x" * 4000)
    big["padding"] = "y" * MAX_BODY_BYTES
    _refused(bot_client, big, 413)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"\xff\xfe{}",
        b"[]",
        b"null",
        b'"update"',
        b"{}",
        b'{"update_id": NaN, "message": {}}',
        b'{"update_id": 1, "update_id": 2, "message": {}}',
        b"[" * 100_00,
    ],
    ids=["empty", "text", "utf16", "list", "null", "string", "empty-object", "nan", "dup-key", "deep"],
)
def test_malformed_json_is_refused(bot_client: Client, body: bytes) -> None:
    _refused(bot_client, body, 400)


def _with(path: tuple[str, ...], value: object) -> dict:
    data = _canary_update()
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("update_id",), "700000001"),
        (("update_id",), True),
        (("update_id",), -1),
        (("update_id",), 0),
        (("update_id",), 2**60),
        (("update_id",), 1.5),
        (("update_id",), _DELETE),
        (("message",), "hello"),
        (("message",), []),
        (("message", "chat"), _DELETE),
        (("message", "chat", "id"), "555000111"),
        (("message", "chat", "id"), None),
        (("message", "chat", "type"), 1),
        (("message", "message_id"), _DELETE),
        (("message", "text"), 42),
        (("message", "text"), "x" * 4097),
        (("message", "from"), "someone"),
        (("message", "from", "language_code"), ["en"]),
        (("message", "photo"), []),
        (("message", "photo"), [{"file_size": 3}]),
        (("message", "photo"), [{"file_id": ""}]),
        (("message", "photo"), "AgAC"),
        (("edited_message",), {}),
    ],
)
def test_wrong_shapes_are_refused(bot_client: Client, path: tuple[str, ...], value: object) -> None:
    _refused(bot_client, _with(path, value), 400)


def test_an_update_with_text_and_a_photo_is_refused(bot_client: Client) -> None:
    data = update("photo")
    data["message"]["text"] = CANARY
    _refused(bot_client, data, 400)


def test_a_replayed_update_is_acknowledged_and_stored_once(bot_client: Client) -> None:
    assert post(bot_client, _canary_update()).status_code == 200
    for _ in range(3):
        _refused(bot_client, _canary_update(), 200)


def test_other_methods_are_refused(bot_client: Client) -> None:
    for method in ("get", "put", "delete"):
        response = getattr(bot_client, method)(URL, HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN=SECRET)
        assert response.status_code == 405


@pytest.mark.django_db(transaction=True)
def test_nothing_of_a_refused_update_reaches_the_database_file(bot_client: Client) -> None:
    for secret in (None, "wrong"):
        post(bot_client, _canary_update(), secret=secret)
    Switch.objects.update(enabled=False)
    switches.forget()
    post(bot_client, _canary_update())
    Switch.objects.update(enabled=True)
    switches.forget()
    data = _canary_update()
    data["message"]["chat"]["id"] = "not a number"
    post(bot_client, data)
    assert CANARY.encode() not in _database_bytes()


def test_the_webhook_answers_on_a_clearnet_host_in_onion_only_mode(bot_client: Client) -> None:
    with override_settings(ONION_ONLY=True, ALLOWED_HOSTS=["bot.example.org", "shop.onion"]):
        assert post(bot_client, update("start"), HTTP_HOST="bot.example.org").status_code == 200
        # The enquirer's pages stay onion-only.
        assert bot_client.get("/", HTTP_HOST="bot.example.org").status_code == 421


# --- Generated hostile updates ---------------------------------------------------------------------------

# Updates that look like Telegram's, with any part replaced by anything.
kinds = st.sampled_from(["message", "edited_message", "my_chat_member", "channel_post", "poll", "x"])
shaped = st.fixed_dictionaries(
    {"update_id": st.one_of(st.integers(), json_values)},
    optional={
        "message": st.fixed_dictionaries(
            {},
            optional={
                "message_id": json_values,
                "chat": st.fixed_dictionaries(
                    {},
                    optional={
                        "id": st.integers() | json_values,
                        "type": st.sampled_from(["private", "group"]),
                    },
                ),
                "from": json_values,
                "text": st.text(max_size=50) | json_values,
                "caption": json_values,
                "photo": st.lists(st.fixed_dictionaries({}, optional={"file_id": json_values}), max_size=3),
                "sticker": json_values,
            },
        ),
    },
).flatmap(lambda d: st.dictionaries(kinds, json_values, max_size=2).map(lambda extra: {**extra, **d}))


@hostile_examples
@given(body=hostile_bodies(shaped))
def test_no_body_ever_gives_a_server_error(bot_client: Client, body: bytes) -> None:
    assert_taken_or_refused_cleanly(lambda raw: post(bot_client, raw), body)


def test_secrets_telegram_would_refuse_are_refused_at_start(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "EMBRACE_TELEGRAM_WEBHOOK_SECRET": "has spaces!", "EMBRACE_DATA_DIR": str(tmp_path)}
    env.pop("EMBRACE_TELEGRAM_WEBHOOK_SECRET_FILE", None)
    done = subprocess.run(
        [sys.executable, "-c", "import embrace.settings"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=settings.BASE_DIR.parent,
    )
    assert done.returncode != 0
    assert "EMBRACE_TELEGRAM_WEBHOOK_SECRET" in done.stderr
