"""Language in tests: does a Burmese page still show English sentences (a heuristic usable on any page), and
a browser that reads the sign-in pages in English.

A run of three or more Latin-script words with nothing but spaces and punctuation between them is taken
for an English sentence (or a fragment of one) left untranslated. Single English words inside Burmese
(Telegram, JPEG, a username) pass; so do the brand and format names in ALLOWED, which are written the same
way in Burmese text. Only what a reader sees counts: text between tags, outside <style>, <script> and
<title> (the title is checked too, as visible in the tab), plus button and input values that are shown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.test import Client

# Names Burmese text writes in Latin letters, as they are: apps, formats, units, the currency sign.
ALLOWED = frozenset(
    {
        "telegram",
        "signal",
        "tor",
        "browser",
        "jpeg",
        "png",
        "webp",
        "mb",
        "us",
        "embrace",
        "zawgyi",
        "unicode",
        "english",
        "totp",
        "qr",
    }
)

_HIDDEN = re.compile(r"<(style|script|textarea)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_SHOWN_VALUE = re.compile(r'<(?:input)[^>]*\btype="(?:submit|button)"[^>]*\bvalue="([^"]*)"', re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# Latin words (letters, inner apostrophes and hyphens) separated only by spaces, punctuation or digits.
_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[\s,.:;!?()“”\"/&—–0-9$%]+[A-Za-z][A-Za-z'’-]*)*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def visible_text(page: str) -> list[str]:
    """The pieces of text a reader sees on ``page`` (an HTML document), in order."""
    shown_values = _SHOWN_VALUE.findall(page)
    body = _HIDDEN.sub(" ", page)
    pieces = [html.unescape(p).strip() for p in _TAG.split(body)]
    return [p for p in pieces + [html.unescape(v) for v in shown_values] if p]


def english_sentences(page: str, *, allowed: Iterable[str] = (), words: int = 3) -> list[str]:
    """Runs of ``words`` or more Latin words in the visible text of ``page``, brand names not counted.

    ``allowed`` adds words this page may show (a username, a test marker); compare case-insensitively.
    """
    allowed_words = ALLOWED | {w.casefold() for w in allowed}
    found = []
    for piece in visible_text(page):
        for run in _RUN.finditer(piece):
            counted = [w for w in _WORD.findall(run.group()) if w.casefold() not in allowed_words]
            if len(counted) >= words:
                found.append(run.group())
    return found


# An internal name a person should never read: snake_case (leave_equipment, Start_triage), or a slug of
# three or more lowercase words joined by hyphens (defect-tank-or-apc); "two-person" or "break-glass" pass.
_INTERNAL = re.compile(
    r"\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]\b|(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}(?![\w-])"
)


def internal_names(page: str, *, allowed: Iterable[str] = ()) -> set[str]:
    """snake_case words and slugs in the visible text of ``page``, apart from ``allowed`` ones (usernames)."""
    allowed_names = set(allowed)
    return {
        name for piece in visible_text(page) for name in _INTERNAL.findall(piece) if name not in allowed_names
    }


# What a page may show in Latin letters that is not an untranslated sentence: the world's random test markers
# (MARKER-FINANCE-ASSET-A-…), ids, hashes and raw audit subjects (rewards.claim:…), case and claim references
# (random capitals and digits, like K7M2P9QX), and currency codes written in Latin letters in Burmese too.
_CONTENT = re.compile(
    r"(?s)MARKER-[A-Z0-9-]+-[0-9a-f]+"
    r"|\b[a-z]+\.[a-z_]+:[0-9a-f-]+|\b(?=[0-9a-f-]*\d)[0-9a-f-]{6,}\b"
    r"|\b(?=[A-Z0-9]*\d)[A-Z0-9]{8}\b"
    # Addresses, and what a page shows to be copied exactly (a join link, a recovery key, a fingerprint).
    r"|https?://\S+"
    r'|<(\w+)[^>]*\bclass="secret"[^>]*>.*?</\1>'
)
# Text a page marks as English on purpose: the language switch, the schedule's English column, the audit
# record.
_MARKED_ENGLISH = re.compile(r'<(\w+)[^>]*\blang="en"[^>]*>.*?</\1>', re.DOTALL)
CODES = frozenset({"USD", "MMK", "THB"})


def wording_problems(
    page: str, *, language: str, allowed: Iterable[str] = (), content: Iterable[str] = ()
) -> list[str]:
    """What a volunteer should not read on ``page``: internal names in any language, and on a Burmese page
    English sentences. ``allowed`` are words the page may show (usernames); ``content`` are strings people
    typed or that the page shows as data (references, what a test wrote), removed before checking."""
    page = _CONTENT.sub("", page)
    for text in content:
        page = page.replace(text, "")
    allowed = set(allowed)
    problems = [f"internal name {name!r}" for name in sorted(internal_names(page, allowed=allowed))]
    if language == "my":
        problems += [
            f"English {run!r}"
            for run in english_sentences(_MARKED_ENGLISH.sub("", page), allowed=allowed | CODES)
        ]
    return problems


# What a Burmese page shows in Latin digits on purpose: what a person copies or types back and compares
# character by character. Such text is marked in the page as data: <code>, <kbd>, <samp> and <data>
# elements, class="secret" (keys, fingerprints, links to pass on), translate="no" (an identifier in running
# text), and what is marked English (lang="en": the audit record, the schedule's English column).
_DATA = re.compile(
    r"(?s)<(code|kbd|samp|data)\b[^>]*>.*?</\1>"
    r'|<(\w+)[^>]*\b(?:class="secret"|translate="no"|lang="en")[^>]*>.*?</\2>'
)
_LATIN_DIGITS = re.compile(r"[0-9]+")


def latin_digits(page: str, *, allowed: Iterable[str] = ()) -> list[str]:
    """Visible pieces of ``page`` that show Latin digits (0-9) outside what is marked as data; a Burmese
    page should return ``[]``. ``allowed`` are strings the page shows as data without marking (case
    references, usernames with digits, what a test typed), removed before checking."""
    page = _DATA.sub(" ", page)
    for text in sorted(set(allowed), key=len, reverse=True):
        if text:
            page = page.replace(text, "")
    return [piece for piece in visible_text(page) if _LATIN_DIGITS.search(piece)]


def english_client(**options: Any) -> Client:
    """A browser whose language switch was set to English (the cookie ``accounts:language`` sets)."""
    client = Client(**options)
    client.cookies[settings.STAFF_LANGUAGE_COOKIE_NAME] = "en"
    return client
