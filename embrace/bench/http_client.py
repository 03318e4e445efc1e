"""A small HTTP client for the enquirer-path benchmarks: one connection and one cookie jar per client.

The standard library only (``http.client``), so that a body is counted exactly as it crossed the wire: the
client never decompresses anything by itself.
"""

from __future__ import annotations

import gzip
import html
import http.client
import re
import secrets
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

HOST = "127.0.0.1"
TIMEOUT_SECONDS = 90  # longer than the server's receipt wait (20 s) and gunicorn's timeout (60 s)


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]  # lower-case names; repeated headers other than Set-Cookie joined with ", "
    wire: bytes  # the body exactly as sent, compressed or not
    seconds: float

    @property
    def text(self) -> str:
        body = gzip.decompress(self.wire) if self.headers.get("content-encoding") == "gzip" else self.wire
        return body.decode("utf-8", "replace")


class Client:
    """One visitor: a keep-alive connection to the server and the cookies it was given."""

    def __init__(self, port: int, *, accept_gzip: bool = True) -> None:
        self.port = port
        self.accept_gzip = accept_gzip
        self.cookies: dict[str, str] = {}
        self._conn: http.client.HTTPConnection | None = None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def get(self, path: str) -> Reply:
        return self._request("GET", path, b"", {})

    def post_form(self, path: str, fields: dict[str, str]) -> Reply:
        body = urlencode(fields).encode()
        return self._request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, path: str, fields: dict[str, str], *, empty_file: str = "") -> Reply:
        """POST as a browser posts a multipart form; ``empty_file`` names a file input left empty."""
        body, content_type = multipart(fields, empty_file=empty_file)
        return self._request("POST", path, body, {"Content-Type": content_type})

    def _request(self, method: str, path: str, body: bytes, extra: dict[str, str]) -> Reply:
        headers = {
            "Host": f"{HOST}:{self.port}",
            "User-Agent": "embrace-bench",
            "Accept": "text/html,*/*",
            **({"Accept-Encoding": "gzip"} if self.accept_gzip else {}),
            **extra,
        }
        if method == "POST":
            # As a browser does: Django's CSRF check wants a same-origin Origin (or Referer) on a POST.
            headers["Origin"] = f"http://{HOST}:{self.port}"
            headers["Content-Length"] = str(len(body))
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        start = time.perf_counter()
        for attempt in (1, 2):
            conn = self._connection()
            try:
                conn.request(method, path, body=body or None, headers=headers)
                response = conn.getresponse()
                wire = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection just as we reused it: one fresh try, as a
                # browser does. Anything else, and a second failure, is the caller's to count.
                self.close()
                if attempt == 2:
                    raise
        seconds = time.perf_counter() - start
        self._remember_cookies(response.msg.get_all("Set-Cookie") or [])
        headers_out = {
            name.lower(): value for name, value in response.getheaders() if name.lower() != "set-cookie"
        }
        if response.will_close:
            self.close()
        return Reply(response.status, headers_out, wire, seconds)

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            self._conn = http.client.HTTPConnection(HOST, self.port, timeout=TIMEOUT_SECONDS)
        return self._conn

    def _remember_cookies(self, lines: list[str]) -> None:
        for line in lines:
            pair = line.split(";", 1)[0]
            name, _, value = pair.partition("=")
            if "max-age=0" in line.lower() or value == '""':
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()


def multipart(fields: dict[str, str], *, empty_file: str = "") -> tuple[bytes, str]:
    boundary = f"----embrace-bench-{secrets.token_hex(12)}"
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode()
            + b"\r\n"
        )
    if empty_file:
        # What a browser sends for a file input nobody used: a part with an empty file name and no bytes.
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{empty_file}"; filename=""\r\n'
            "Content-Type: application/octet-stream\r\n\r\n\r\n".encode()
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


_HIDDEN = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def enquiry_form(fields: dict[str, str], message: str) -> dict[str, str]:
    """What a person sends with the enquiry form: ``fields`` are the hidden fields of the form as served
    (its CSRF token and form token), ``message`` what they typed; the rest as a person leaves it, the trap
    field empty. One payload for every bench and the CI check, so a new form field is added here once."""
    return {
        "csrfmiddlewaretoken": fields["csrfmiddlewaretoken"],
        "token": fields["token"],
        "kind": "leave_family",
        "message": message,
        "service": "army",
        "rank": "",
        "unit": "",
        "equipment": "",
        "reply_via": "site",
        "contact": "",
        "website": "",
    }


def hidden_fields(page: str) -> dict[str, str]:
    """Every ``<input type="hidden">`` of a page, by name (the CSRF token, the form token, the visit)."""
    found = {}
    for tag in _HIDDEN.findall(page):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get("type") == "hidden" and "name" in attrs:
            found[attrs["name"]] = html.unescape(attrs.get("value", ""))
    return found


class _Subresources(HTMLParser):
    """What a browser fetches after the HTML: stylesheets, icons, preloads, images, scripts, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and {"stylesheet", "icon", "preload", "apple-touch-icon"} & set(
            a.get("rel", "").split()
        ):
            self.urls.append(a.get("href", ""))
        elif tag in ("img", "script", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "object" and a.get("data"):
            self.urls.append(a["data"])


_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def subresources(page: str, base: str) -> list[str]:
    """Same-site URLs a browser would request for this page; ``data:`` URLs cost no request."""
    parser = _Subresources()
    parser.feed(page)
    return _fetchable(parser.urls, base)


def css_subresources(css: str, base: str) -> list[str]:
    return _fetchable([a or b for a, b in _CSS_URL.findall(css)], base)


def _fetchable(urls: list[str], base: str) -> list[str]:
    out: list[str] = []
    for url in urls:
        if not url or url.startswith("data:"):
            continue
        absolute = urljoin(base, url)
        if absolute not in out:
            out.append(absolute)
    return out


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def is_local(url: str, port: int) -> bool:
    return urlsplit(url).netloc in (f"{HOST}:{port}", "")
