"""Photos from enquirers: identify, bound, decode and re-encode them with nothing but their pixels.

A photo from a phone says more than its picture: EXIF carries the place (GPS), the time, the phone's make,
model and serial number; XMP and comments carry editing software and free text; PNG text chunks carry
whatever the last program wrote. An enquirer who photographs a document must not also send the coordinates
of the barracks. So a photo is never stored as received: it is decoded to pixels and written afresh, before
it is encrypted, and anything that cannot be decoded safely is refused with a reason the form can show while
the text of the enquiry is kept.

What is kept: the pixels (first frame only), turned the way the picture was meant to be seen (the EXIF
orientation is applied, then dropped), and transparency. What is dropped, besides EXIF, XMP, comments and
text chunks: the ICC colour profile. A profile is not harmless: its header names the device manufacturer
and model and the date the profile was made, and the choice of profile alone tells an iPhone (Display P3)
from an Android phone (sRGB or none) — one more bit about a person in a small pool. The cost is a slight
colour shift for wide-gamut photos, which does not matter for evidence. (Converting to sRGB first would
keep the colours, but means parsing an untrusted profile with LittleCMS for little gain.)

Limits, with their reasons:

- ``DEFAULT_MAX_BYTES`` (10 MiB): a phone JPEG of 12-16 megapixels weighs 3-6 MB; 10 MiB leaves room for
  a large PNG screenshot while bounding what a request holds in memory (see ``uploads``).
- ``DEFAULT_MAX_PIXELS`` (40 megapixels): above every phone's default picture size (12-16 MP, including
  phones with 48-200 MP sensors, which bin to 12 MP by default) and below Pillow's own bomb warning (89 MP).
  The limit is what bounds memory: a few bytes of compressed PNG can declare a huge picture, and decoding
  costs 3-4 bytes a pixel, twice over while re-encoding — up to about 320 MB for a 40 MP RGBA picture.
  Hence also ``_DECODING``: one decode at a time per process, so threads cannot multiply that peak.
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ImproperlyConfigured
from PIL import Image, ImageFile, ImageOps

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000

# Decoded pictures are large (see the module docstring); gunicorn runs threads, so bound concurrency here.
# A photo that waits longer than this for its turn is refused as "busy" rather than holding the request.
_DECODING = threading.BoundedSemaphore(1)
_DECODING_WAIT_SECONDS = 30


class Refusal(StrEnum):
    """Why a photo (or an uploaded file) was refused: a code the view maps to a translated message."""

    TOO_LARGE = "too_large"
    TOO_MANY_PIXELS = "too_many_pixels"
    NOT_AN_IMAGE = "not_an_image"
    UNSUPPORTED_TYPE = "unsupported_type"
    CORRUPT = "corrupt"
    BUSY = "busy"
    TOO_MANY_FILES = "too_many_files"


MESSAGES: dict[Refusal, str] = {
    Refusal.TOO_LARGE: "This file is too large. Please send a smaller photo.",
    Refusal.TOO_MANY_PIXELS: "This picture is too big in pixels. Please send a smaller photo.",
    Refusal.NOT_AN_IMAGE: "This file is not a photo. Please send a JPEG, PNG or WebP photo.",
    Refusal.UNSUPPORTED_TYPE: "This kind of picture is not accepted. Please send a JPEG, PNG or WebP photo.",
    Refusal.CORRUPT: "This photo is damaged or incomplete and could not be read. Please send it again.",
    Refusal.BUSY: "The server is busy. Please send this photo again in a few minutes.",
    Refusal.TOO_MANY_FILES: "Too many files were sent at once. The extra files were not received.",
}


class PhotoError(Exception):
    """A photo was refused. ``code`` is a :class:`Refusal`; ``message`` is plain English for the enquirer."""

    def __init__(self, code: Refusal | str) -> None:
        self.code = Refusal(code)
        self.message = MESSAGES[self.code]
        super().__init__(self.message)


@dataclass(frozen=True)
class CleanPhoto:
    data: bytes
    mime: str
    extension: str
    width: int
    height: int


# Input format (as Pillow names it) -> output format, MIME type, extension and encoder options.
# MPO is the multi-picture JPEG some phones write; Pillow's JPEG plugin returns it for such files.
_OUTPUT: dict[str, tuple[str, str, str, dict[str, object]]] = {
    "JPEG": ("JPEG", "image/jpeg", "jpg", {"quality": 85, "progressive": True, "optimize": True}),
    "MPO": ("JPEG", "image/jpeg", "jpg", {"quality": 85, "progressive": True, "optimize": True}),
    "PNG": ("PNG", "image/png", "png", {"compress_level": 6}),
    "WEBP": ("WEBP", "image/webp", "webp", {"quality": 80, "method": 0}),
}
# Encoding speed is availability: anyone can send a 40 MP picture that compresses to little. Measured on a
# 40 MP screenshot on a small server: PNG optimize took 4.8 s against 2.6 s at level 6 for 12 % fewer
# bytes, and WebP method 4 took 9 s against 3.6 s at method 0 for 6 % fewer bytes. Not worth it.
_ACCEPTED_FORMATS = ["JPEG", "PNG", "WEBP"]

# Signatures of picture formats we recognise but refuse, so the enquirer hears "send a JPEG" rather
# than "this is not a photo". HEIF/AVIF are ISO boxes: "ftyp" at offset 4, then a brand.
_OTHER_IMAGE_PREFIXES = (
    b"GIF87a",
    b"GIF89a",
    b"BM",  # BMP
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
    b"\x00\x00\x01\x00",  # ICO
    b"8BPS",  # Photoshop
    b"\xff\x0a",  # JPEG XL codestream
    b"\x00\x00\x00\x0cJXL \r\n\x87\n",  # JPEG XL container
    b"\x00\x00\x00\x0cjP  \r\n\x87\n",  # JPEG 2000
    b"\xff\x4f\xff\x51",  # JPEG 2000 codestream
)
_ISO_IMAGE_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}


def _sniff(data: bytes) -> str | None:
    """The accepted format the content claims to be, "other" for a refused picture format, else None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data.startswith(_OTHER_IMAGE_PREFIXES):
        return "other"
    if data[4:8] == b"ftyp" and data[8:12] in _ISO_IMAGE_BRANDS:
        return "other"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and b"<svg" in head:
        return "other"
    return None


def sanitise(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, max_pixels: int = DEFAULT_MAX_PIXELS
) -> CleanPhoto:
    """Return the photo re-encoded with its pixels only, or raise :class:`PhotoError`.

    The type comes from the content alone: the file name and the browser's Content-Type are the sender's
    claims. Cheap checks (size, signature, dimensions from the header) all come before decoding.
    """
    if len(data) > max_bytes:
        raise PhotoError(Refusal.TOO_LARGE)
    kind = _sniff(data)
    if kind == "other":
        raise PhotoError(Refusal.UNSUPPORTED_TYPE)
    if kind is None:
        raise PhotoError(Refusal.NOT_AN_IMAGE)
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        # Pillow would then fill a truncated picture with grey instead of failing; some library set
        # this process-wide switch and we cannot override it for one call, so fail closed.
        raise ImproperlyConfigured("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay False.")
    if not _DECODING.acquire(timeout=_DECODING_WAIT_SECONDS):
        raise PhotoError(Refusal.BUSY)
    try:
        return _reencode(data, max_pixels=max_pixels)
    finally:
        _DECODING.release()


def _reencode(data: bytes, *, max_pixels: int) -> CleanPhoto:
    picture, source_format = _decode(data, max_pixels=max_pixels)
    output_format, mime, extension, options = _OUTPUT[source_format]
    # Rebinding releases each stage as the next is made, so at most two copies of the pixels exist at once.
    picture = _convert(picture, output_format)
    clean = _pixels_only(picture)
    del picture
    out = io.BytesIO()
    clean.save(out, output_format, **options)
    return CleanPhoto(out.getvalue(), mime, extension, clean.width, clean.height)


def _decode(data: bytes, *, max_pixels: int) -> tuple[Image.Image, str]:
    """The first frame, decoded in full and turned upright, and the format Pillow found."""
    try:
        # Pillow warns about, then refuses, pictures above its own limit while reading the header;
        # the warning must be a refusal too, never a log line followed by the decode.
        with warnings.catch_warnings(action="error", category=Image.DecompressionBombWarning):
            source = Image.open(io.BytesIO(data), formats=_ACCEPTED_FORMATS)
        width, height = source.size
        if width < 1 or height < 1 or width * height > max_pixels:
            raise PhotoError(Refusal.TOO_MANY_PIXELS)
        # Only frame 0 is decoded: the other frames of an animated PNG or WebP are never read.
        source.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError(Refusal.TOO_MANY_PIXELS) from exc
    except PhotoError:
        raise
    except Exception as exc:
        # Pillow's decoders raise OSError, SyntaxError, ValueError and, on hostile input, the odd
        # IndexError or struct.error: whatever it is, the photo is unreadable, and that is no crash.
        logger.info("photo refused as corrupt: %s", type(exc).__name__)
        raise PhotoError(Refusal.CORRUPT) from exc
    return _upright(source), source.format or ""


def _upright(source: ImageFile.ImageFile) -> Image.Image:
    """The decoded picture turned as its EXIF (or XMP) orientation says, which is then dropped."""
    try:
        ImageOps.exif_transpose(source, in_place=True)
    except Exception as exc:
        # Malformed EXIF costs the enquirer the rotation, not the photo: the metadata is dropped anyway.
        logger.info("photo orientation unreadable: %s", type(exc).__name__)
    return source


def _pixels_only(picture: Image.Image) -> Image.Image:
    """A new image holding only the pixels, palette and transparency.

    A new image starts with an empty ``info``: the encoders take EXIF, XMP, ICC profiles and comments
    from there, so nothing from the received file can be carried into the new one.
    """
    clean = Image.new(picture.mode, picture.size)
    if picture.mode == "P" and picture.palette is not None:
        palette_mode = picture.palette.mode
        clean.putpalette(picture.getpalette(palette_mode) or [], palette_mode)
        if "transparency" in picture.info:
            clean.info["transparency"] = picture.info["transparency"]
    clean.paste(picture, (0, 0))
    return clean


def _convert(picture: Image.Image, output_format: str) -> Image.Image:
    """The picture in a mode the output encoder takes, keeping transparency where the format can."""
    mode = picture.mode
    if mode == "I" or mode.startswith("I;16"):
        # A 16-bit grey PNG: a plain convert("L") would clip everything above 255 to white.
        picture = picture.convert("I").point(lambda v: v / 256).convert("L")
        mode = "L"
    has_alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in picture.info
    if output_format == "JPEG":
        target = "L" if mode in ("1", "L") else "RGB"
    elif output_format == "PNG":
        if mode == "P" or (mode in ("1", "L", "LA", "RGB", "RGBA") and "transparency" not in picture.info):
            target = mode
        else:
            target = "RGBA" if has_alpha else "RGB"
    else:
        target = "RGBA" if has_alpha else "RGB"
    return picture if target == mode else picture.convert(target)
