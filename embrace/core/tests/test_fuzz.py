"""Hostile input, generated: every enquirer page and every staff URL asked with random fields, invalid
UTF-8, huge, truncated and malformed bodies, decompression-bomb pictures and wrong methods.

Whatever arrives, the answer is never a 5xx, and a refused request stores nothing (no case, message or
file appears). The enquirer's typed message comes back in a refused form. The staff URLs are the ones the
access matrix walks (``test_access_matrix.staff_targets``), so a new URL is fuzzed without being listed here.

Example counts come from the hypothesis profile: ``fuzz`` (the default, small: the suite stays fast) or
``long`` for a manual run: ``EMBRACE_FUZZ_PROFILE=long pytest embrace/core/tests/test_fuzz.py``.
"""

from __future__ import annotations

import html
import os
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from embrace.cases.models import Attachment, Case, Message
from embrace.core.tests.test_access_matrix import EXPECTED, Target, staff_targets, url_for
from embrace.intake.forms import EnquiryForm, ReceiptForm, ReplyForm
from embrace.intake.tests.helpers import form_token, receipt_on, visit_on
from embrace.testing.world import World, build_world

# Small by default so the suite stays fast; EMBRACE_FUZZ_PROFILE=long for a manual run that digs deeper.
hypothesis_settings.register_profile(
    "fuzz",
    max_examples=6,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
hypothesis_settings.register_profile("long", hypothesis_settings.get_profile("fuzz"), max_examples=300)
fuzzing = hypothesis_settings(hypothesis_settings.get_profile(os.environ.get("EMBRACE_FUZZ_PROFILE", "fuzz")))
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND")
TYPED = "MARKER-FUZZ-TYPED ကျွန်တော်"

# Field values: any text (Burmese, controls, NULs, right-to-left marks), long text, and values that look
# like what a form expects (numbers, ids, choices) but are not.
texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300),
    st.sampled_from(["", "0", "-1", "1e309", "NaN", "00000000-0000-0000-0000-000000000000", "\x00", "on"]),
    st.integers().map(str),
    st.just("x" * 20_000),
)


def fields_for(known: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """The form's own fields, each present or not, with hostile values; and a few made-up ones."""
    values = texts | st.lists(texts, max_size=3)
    own = st.fixed_dictionaries({}, optional=dict.fromkeys(known, values))
    extra = st.dictionaries(st.text(min_size=1, max_size=12), values, max_size=3)
    return st.tuples(own, extra).map(lambda pair: {**pair[1], **pair[0]})


def bodies() -> st.SearchStrategy[tuple[bytes, str]]:
    """Raw bodies with the content type they claim: invalid UTF-8, broken multipart, nonsense."""
    boundary = "----fuzz"
    multipart_ok = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\n{TYPED}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n'
        f"Content-Type: image/jpeg\r\n\r\n\xff\xd8\xff\r\n--{boundary}--\r\n"
    ).encode()
    cut = st.integers(min_value=0, max_value=len(multipart_ok)).map(lambda n: multipart_ok[:n])
    return st.one_of(
        st.tuples(st.binary(max_size=400), st.just("application/x-www-form-urlencoded")),
        st.tuples(
            st.binary(max_size=200).map(lambda b: b"message=" + b + b"&kind=\xff\xfe&receipt=%FF%C0%AF"),
            st.just("application/x-www-form-urlencoded; charset=utf-8"),
        ),
        st.tuples(cut, st.just(f"multipart/form-data; boundary={boundary}")),
        st.tuples(st.binary(max_size=400), st.just(f"multipart/form-data; boundary={boundary}")),
        st.tuples(st.binary(max_size=100), st.just("multipart/form-data")),  # no boundary
        st.tuples(st.binary(max_size=100), st.sampled_from(["application/json", "text/plain", "\xff/\xfe"])),
        # Above DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) of fields.
        st.just((b"message=" + b"a" * (3 * 1024 * 1024), "application/x-www-form-urlencoded")),
    )


def _counts() -> tuple[int, int, int, int]:
    files = sum(1 for p in Path(settings.UPLOADS_DIR).rglob("*") if p.is_file())
    return Case.objects.count(), Message.objects.count(), Attachment.objects.count(), files


def _ask(client: Client, method: str, path: str, **kwargs: Any) -> int:
    response: Any = client.generic(method, path, **kwargs)
    if response.streaming:  # a sealed photo streams out: read it all, so a failure mid-stream shows
        b"".join(response.streaming_content)
    assert response.status_code < 500, f"{method} {path}: {response.status_code}"
    return response.status_code


# --- Pictures that declare more pixels than they carry ---------------------------------------------------


def png_claiming(width: int, height: int) -> bytes:
    """A small, valid PNG file whose header declares ``width`` by ``height`` (one compressed row)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress(b"\x00" * (min(width, 4096) + 1))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def jpeg_claiming(width: int, height: int) -> bytes:
    """A JPEG whose frame header (SOF0) declares ``width`` by ``height``, with almost no scan data."""
    sof = struct.pack(">BHHB", 8, height, width, 1) + bytes([1, 0x11, 0])
    quant = bytes([0]) + bytes(range(1, 65))
    huff = bytes([0x00]) + bytes([0, 1] + [0] * 14) + bytes([0])
    scan = struct.pack(">B", 1) + bytes([1, 0x00]) + bytes([0, 63, 0])

    def segment(marker: int, data: bytes) -> bytes:
        return struct.pack(">BBH", 0xFF, marker, len(data) + 2) + data

    return (
        b"\xff\xd8"
        + segment(0xDB, quant)
        + segment(0xC0, sof)
        + segment(0xC4, huff)
        + segment(0xC4, bytes([0x10]) + huff[1:])
        + segment(0xDA, scan)
        + b"\x00" * 64
        + b"\xff\xd9"
    )


huge = st.integers(min_value=20_000, max_value=65_535)
bombs = st.one_of(
    st.tuples(st.just("png"), huge, huge).map(lambda t: ("bomb.png", png_claiming(t[1], t[2]))),
    # Any shape, as long as it declares more pixels than allowed: a 1-pixel-high PNG within the limit is a
    # whole, valid picture (its one row is all there is), and is rightly accepted.
    st.tuples(st.just("png"), st.integers(1, 2**31 - 1), st.integers(1, 2**31 - 1))
    .filter(lambda t: t[1] * t[2] > settings.INTAKE_MAX_PHOTO_PIXELS)
    .map(lambda t: ("wide.png", png_claiming(t[1], t[2]))),
    st.tuples(st.just("jpg"), huge, huge).map(lambda t: ("bomb.jpg", jpeg_claiming(t[1], t[2]))),
    st.binary(min_size=1, max_size=300).map(lambda b: ("junk.jpg", b"\xff\xd8\xff" + b)),
    st.binary(min_size=1, max_size=300).map(lambda b: ("junk.png", b"\x89PNG\r\n\x1a\n" + b)),
)


# --- The enquirer's site -----------------------------------------------------------------------------------


class Enquirer:
    """A browser on the enquirer's site, with a case of its own and its visit open."""

    def __init__(self) -> None:
        self.client = Client()
        token = form_token(self.client, "/enquire/")
        page = self.client.post(
            "/enquire/", {"token": token, "kind": "leave_alone", "message": "hello", "reply_via": "site"}
        ).content.decode()
        self.receipt = receipt_on(page)
        opened = self.client.post("/return/", {"receipt": self.receipt}).content.decode()
        self.visit, _ = visit_on(opened)

    def token(self) -> str:
        return form_token(self.client, "/enquire/")


# Each form's own fields, read from the form: a field added to a form is fuzzed without being listed here.
ENQUIRER_FIELDS = {
    "/enquire/": list(EnquiryForm.base_fields),
    "/return/": list(ReceiptForm.base_fields),
    "/return/reply/": list(ReplyForm.base_fields),
    "/return/photo/": ["visit", "photo"],  # a plain POST, no form: the visit token and the photo's id
    "/": [],
}


def test_every_enquirer_url_is_fuzzed() -> None:
    """The table above follows the enquirer URLs: a new one must be added to it."""
    from embrace.intake.urls import urlpatterns

    assert {"/" + str(p.pattern) for p in urlpatterns} == set(ENQUIRER_FIELDS)


def _fill(enquirer: Enquirer, path: str, fields: dict[str, Any], real: dict[str, bool]) -> dict[str, Any]:
    """Random fields, with the real token and visit put back where chosen, so the deeper checks run too."""
    data = dict(fields)
    if real.get("token") and "token" in ENQUIRER_FIELDS[path]:
        data["token"] = enquirer.token()
    if real.get("visit") and "visit" in ENQUIRER_FIELDS[path]:
        data["visit"] = enquirer.visit
    if real.get("typed") and "message" in ENQUIRER_FIELDS[path]:
        data["message"] = TYPED
    return data


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_enquirer_pages_answer_every_method_without_a_server_error() -> None:
    client = Client()
    for path in ENQUIRER_FIELDS:
        for method in METHODS:
            before = _counts()
            status = _ask(client, method, path)
            if status >= 400:
                assert _counts() == before


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_enquirer_pages_answer_random_fields_without_a_server_error() -> None:
    enquirer = Enquirer()
    for path, known in ENQUIRER_FIELDS.items():
        _fuzz_enquirer(enquirer, path, known)


def _fuzz_enquirer(enquirer: Enquirer, path: str, known: list[str]) -> None:
    @fuzzing
    @given(
        fields=fields_for(known),
        real=st.fixed_dictionaries({"token": st.booleans(), "visit": st.booleans(), "typed": st.booleans()}),
        multipart=st.booleans(),
    )
    def ask(fields: dict[str, Any], real: dict[str, bool], multipart: bool) -> None:
        data = _fill(enquirer, path, fields, real)
        before = _counts()
        if multipart:
            response = enquirer.client.post(path, data)
        else:
            response = enquirer.client.post(
                path, _urlencode(data), content_type="application/x-www-form-urlencoded"
            )
        status = response.status_code
        assert status < 500, f"POST {path}: {status}"
        if status >= 400:
            assert _counts() == before, f"POST {path} answered {status} but stored something"
            if real["typed"] and "message" in known and status != 413:
                page = response.content.decode()
                assert html.escape(TYPED) in page or TYPED in page, f"POST {path}: the message was lost"

    ask()


def _urlencode(fields: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    return urlencode(fields, doseq=True)


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_enquirer_pages_answer_raw_hostile_bodies_without_a_server_error() -> None:
    enquirer = Enquirer()

    @fuzzing
    @given(
        path=st.sampled_from(sorted(ENQUIRER_FIELDS)),
        method=st.sampled_from(("POST", "PUT", "PATCH")),
        body=bodies(),
    )
    def ask(path: str, method: str, body: tuple[bytes, str]) -> None:
        payload, content_type = body
        before = _counts()
        status = _ask(enquirer.client, method, path, data=payload, content_type=content_type)
        if status >= 400:
            assert _counts() == before

    ask()


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_decompression_bombs_and_broken_pictures_are_refused_and_the_message_kept() -> None:
    enquirer = Enquirer()

    @fuzzing
    @given(pictures=st.lists(bombs, min_size=1, max_size=3), reply=st.booleans())
    def send(pictures: list[tuple[str, bytes]], reply: bool) -> None:
        from django.core.files.uploadedfile import SimpleUploadedFile

        uploads = [SimpleUploadedFile(name, data, content_type="image/jpeg") for name, data in pictures]
        before = _counts()
        if reply:
            page = enquirer.client.post(
                reverse("intake:reply"),
                {"token": enquirer.token(), "visit": enquirer.visit, "message": TYPED, "photos": uploads},
            )
        else:
            page = enquirer.client.post(
                "/enquire/",
                {
                    "token": enquirer.token(),
                    "kind": "leave_alone",
                    "message": TYPED,
                    "reply_via": "site",
                    "photos": uploads,
                },
            )
        assert page.status_code == 400, page.status_code
        assert html.escape(TYPED) in page.content.decode() or TYPED in page.content.decode()
        assert _counts() == before

    send()


# --- Staff pages -------------------------------------------------------------------------------------------

# Who asks each staff URL: the first person for whom its POST gets past the access checks (the form is then
# really parsed), else the first the page opens for, else anyone.
NOT_THROUGH = {"302", "403", "404", "405"}
SKIP = {"accounts:logout"}  # it would end the session the rest of the walk uses


def _asker(target: Target) -> str:
    row = EXPECTED[(target.name, target.case)]
    through = [who for who, codes in row.items() if codes.split("/")[1] not in NOT_THROUGH]
    opens = [who for who, codes in row.items() if codes.split("/")[0] == "200"]
    return (through or opens or ["admin_a"])[0]


def _names_on(client: Client, url: str) -> list[str]:
    response = client.get(url)
    if response.status_code != 200 or response.streaming:
        return []
    return sorted(set(re.findall(r'name="([^"]+)"', response.content.decode())) - {"csrfmiddlewaretoken"})


def test_every_staff_url_answers_random_fields_raw_bodies_and_methods_without_a_server_error() -> None:
    world = build_world()
    clients = world.clients()
    clients["anonymous"] = Client()
    clients["stale"] = Client()
    targets = [t for t in staff_targets() if t.name not in SKIP]
    assert len(targets) >= 40
    for target in targets:
        _fuzz_staff(world, clients, target)


def _fuzz_staff(world: World, clients: dict[str, Client], target: Target) -> None:
    url = url_for(world, target)
    who = _asker(target)
    client = clients[who]
    known = _names_on(client, url)

    @fuzzing
    @given(
        method=st.sampled_from(METHODS),
        fields=fields_for(known),
        raw=st.none() | bodies(),
    )
    def ask(method: str, fields: dict[str, Any], raw: tuple[bytes, str] | None) -> None:
        before = _counts()
        if raw is None:
            status = _ask(
                client, method, url, data=_urlencode(fields), content_type="application/x-www-form-urlencoded"
            )
        else:
            status = _ask(client, method, url, data=raw[0], content_type=raw[1])
        if status >= 400:
            assert _counts() == before, f"{method} {target.name} as {who}: {status}, stored something"

    ask()
