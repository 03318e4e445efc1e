"""Building what an enquirer sends: form data with a valid token, and photos full of metadata."""

from __future__ import annotations

import io
import re

from django.test import Client
from PIL import Image

EXIF_MAKE = "MARKER-CAMERA-MAKE-6611"
EXIF_MODEL = "MARKER-PHONE-MODEL-7722"
EXIF_ARTIST = "MARKER-ARTIST-8833"


def form_token(client: Client, path: str) -> str:
    page = client.get(path).content.decode()
    match = re.search(r'name="token" value="([^"]+)"', page)
    assert match, page[:500]
    return match.group(1)


def receipt_on(page: str) -> str:
    # The receipt is shown in pieces (spans) that keep its groups whole; read it as the text a person sees.
    text = re.sub(r"<[^>]+>", "", page)
    match = re.search(r"(\d{4} \d{4} \d{4} \d{4})", text)
    assert match, text[:2000]
    return match.group(1).replace(" ", "")


def visit_on(page: str) -> tuple[str, str]:
    visit = re.search(r'name="visit" value="([^"]+)"', page)
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert visit, page[:1000]
    assert token, page[:1000]
    return visit.group(1), token.group(1)


def jpeg_with_metadata(width: int = 64, height: int = 48) -> bytes:
    """A JPEG carrying camera, artist and GPS data, rotated by its Orientation tag (6: 90° clockwise)."""
    picture = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = EXIF_MAKE  # Make
    exif[0x0110] = EXIF_MODEL  # Model
    exif[0x013B] = EXIF_ARTIST  # Artist
    exif[0x0112] = 6  # Orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (16.0, 49.0, 12.345)  # latitude: near Yangon
    gps[3], gps[4] = "E", (96.0, 9.0, 54.321)
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif, comment=b"MARKER-JPEG-COMMENT-9944")
    return out.getvalue()
