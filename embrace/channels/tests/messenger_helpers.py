"""Feeding the Messenger webhook recorded events (tests/updates/messenger_*.json, written from Meta's
documented webhook formats with made-up ids), signed as Meta signs them."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from embrace.cases.models import Channel
from embrace.channels.models import Switch
from embrace.intake.models import IntakeRoute
from embrace.testing.fake_graph import FakeGraph

UPDATES = Path(__file__).parent / "updates"
URL = "/hooks/messenger/"
APP_SECRET = "test-app-secret-0123456789abcdef"
VERIFY_TOKEN = "test-verify-token-MARKER-4141"
PAGE_TOKEN = "EAAtestPAGEtoken0123456789"
PSID = "7001002003004005"


def event(
    name: str, *, mid: str | None = None, psid: str | None = None, text: str | None = None
) -> dict[str, Any]:
    """A recorded webhook body, with its message id, sender or text changed where asked."""
    data: dict[str, Any] = copy.deepcopy(json.loads((UPDATES / f"messenger_{name}.json").read_text()))
    messaging = data["entry"][0]["messaging"][0]
    if psid is not None:
        messaging["sender"]["id"] = psid
    if mid is not None:
        messaging["message"]["mid"] = mid
    if text is not None:
        messaging["message"]["text"] = text
    return data


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post(
    client: Client,
    payload: dict[str, Any] | bytes,
    *,
    signature: str | None = "right",
    signed_body: bytes | None = None,
) -> Any:
    """POST as Meta does: JSON with X-Hub-Signature-256 over the raw body ("right"), a given header value,
    or none (None). ``signed_body``: sign that body instead of the one sent."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
    headers = {}
    if signature == "right":
        headers["HTTP_X_HUB_SIGNATURE_256"] = sign(signed_body if signed_body is not None else body)
    elif signature is not None:
        headers["HTTP_X_HUB_SIGNATURE_256"] = signature
    return client.post(URL, data=body, content_type="application/json", **headers)


@pytest.fixture
def graph(settings: Settings) -> Iterator[FakeGraph]:
    with FakeGraph(token=PAGE_TOKEN) as fake:
        settings.GRAPH_API = fake.url
        yield fake


@pytest.fixture
def messenger(settings: Settings, intake_route: IntakeRoute, graph: FakeGraph) -> FakeGraph:
    """The webhook configured with its three secrets, the channel switched on, the Send API faked."""
    settings.MESSENGER_APP_SECRET = APP_SECRET
    settings.MESSENGER_VERIFY_TOKEN = VERIFY_TOKEN
    settings.MESSENGER_PAGE_TOKEN = PAGE_TOKEN
    Switch.objects.update_or_create(channel=Channel.MESSENGER, defaults={"enabled": True})
    return graph


@pytest.fixture
def meta() -> Client:
    """Meta's servers: no cookie, no session, no CSRF token, on a site that enforces CSRF."""
    return Client(enforce_csrf_checks=True)
