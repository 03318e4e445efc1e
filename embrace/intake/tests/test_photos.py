"""Photos lose everything but their pixels; bad files are refused by reason; uploads stay in memory.

Every picture is made here with Pillow (or by hand, for the bombs), so each test shows what it feeds in.
Tests that look for metadata in the output first check that the marker really is in the input.
"""

from __future__ import annotations

import io
import random
import resource
import struct
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.http import HttpRequest, JsonResponse
from django.test import Client, RequestFactory
from django.urls import path
from django.views.decorators.http import require_POST
from PIL import ExifTags, Image, ImageCms, ImageFile, PngImagePlugin, TiffImagePlugin
from pytest_django.fixtures import Settings

from embrace.core.access import public
from embrace.intake import photos
from embrace.intake.photos import CleanPhoto, PhotoError, Refusal, sanitise
from embrace.intake.uploads import InMemoryUploadHandler, UploadError, upload_errors

GPS_DATUM = "GPSMARKER-DATUM"
GPS_SECONDS = TiffImagePlugin.IFDRational(1697531, 100000)  # a distinctive rational: 16.97531"
MAKE = "MARKER-PHONE-MAKE"
COMMENT = "COMMENTMARKER written by the phone"
XMP_MARKER = "XMPMARKER-creator-tool"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:xap="http://ns.adobe.com/xap/1.0/" '
    f'xap:CreatorTool="{XMP_MARKER}"/></rdf:RDF></x:xmpmeta>'
).encode()
XMP_NAMESPACE = b"http://ns.adobe.com/xap"


def _sideways_picture() -> Image.Image:
    """40x20, red on the left half: stored the way a phone held upright stores it, with Orientation 6."""
    picture = Image.new("RGB", (40, 20), "blue")
    picture.paste((255, 0, 0), (0, 0, 20, 20))
    return picture


def _exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = MAKE
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (16, 49, GPS_SECONDS)
    gps[ExifTags.GPS.GPSMapDatum] = GPS_DATUM
    return exif


def _encode(picture: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    picture.save(out, fmt, **options)
    return out.getvalue()


def _srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


# What identifies a phone or a place, as it appears in the bytes of a file.
IDENTIFYING = {
    "EXIF header": b"Exif",
    "GPS datum": GPS_DATUM.encode(),
    "GPS seconds (little-endian)": struct.pack("<I", 1697531),
    "GPS seconds (big-endian)": struct.pack(">I", 1697531),
    "camera make": MAKE.encode(),
    "XMP namespace": XMP_NAMESPACE,
    "XMP content": XMP_MARKER.encode(),
    "ICC profile signature": b"acsp",
}


def _identifying_in(data: bytes) -> list[str]:
    return [name for name, marker in IDENTIFYING.items() if marker in data]


def _reopen(clean: CleanPhoto) -> Image.Image:
    picture = Image.open(io.BytesIO(clean.data))
    picture.load()
    return picture


def _is_red(pixel: tuple[int, ...]) -> bool:
    return pixel[0] > 200 and pixel[1] < 60 and pixel[2] < 60


# --- Metadata is removed, the orientation kept --------------------------------------------------------------


def test_jpeg_loses_exif_gps_xmp_icc_and_keeps_its_orientation() -> None:
    data = _encode(
        _sideways_picture(),
        "JPEG",
        exif=_exif().tobytes(),
        xmp=XMP,
        icc_profile=_srgb_profile(),
        comment=COMMENT,
    )
    # The GPS rational is stored in whichever byte order the EXIF block uses: one of the two is there.
    assert set(_identifying_in(data)) >= {
        "EXIF header",
        "GPS datum",
        "camera make",
        "XMP namespace",
        "XMP content",
    }
    assert {"GPS seconds (little-endian)", "GPS seconds (big-endian)"} & set(_identifying_in(data))
    assert "ICC profile signature" in _identifying_in(data)

    clean = sanitise(data)

    assert _identifying_in(clean.data) == []
    assert COMMENT.encode() not in clean.data
    assert (clean.mime, clean.extension) == ("image/jpeg", "jpg")
    # Orientation 6 applied: the 40x20 stored picture is shown 20x40, its left (red) half now on top.
    assert (clean.width, clean.height) == (20, 40)
    picture = _reopen(clean)
    assert picture.size == (20, 40)
    assert _is_red(picture.getpixel((10, 5)))
    assert not _is_red(picture.getpixel((10, 35)))
    assert not picture.getexif()
    assert not {"exif", "xmp", "icc_profile", "comment"} & picture.info.keys()


def test_jpeg_comment_segment_is_removed() -> None:
    data = _encode(Image.new("RGB", (16, 16), "green"), "JPEG", comment=COMMENT)
    assert COMMENT.encode() in data

    clean = sanitise(data)

    assert COMMENT.encode() not in clean.data
    assert b"\xff\xfe" not in clean.data.split(b"\xff\xda", 1)[0]  # no COM segment before the scan
    assert "comment" not in _reopen(clean).info


def test_png_loses_text_chunks_exif_and_xmp_and_keeps_its_orientation() -> None:
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "PNGMARKER-tEXt")
    text.add_text("Software", "PNGMARKER-zTXt", zip=True)
    text.add_itxt("Author", "PNGMARKER-iTXt")
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())
    data = _encode(
        _sideways_picture(), "PNG", pnginfo=text, exif=_exif().tobytes(), icc_profile=_srgb_profile()
    )
    for chunk in (b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP"):
        assert chunk in data
    assert b"PNGMARKER-tEXt" in data
    assert b"PNGMARKER-iTXt" in data

    clean = sanitise(data)

    for chunk in (b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP"):
        assert chunk not in clean.data
    assert b"PNGMARKER" not in clean.data
    assert _identifying_in(clean.data) == []
    assert (clean.mime, clean.extension, clean.width, clean.height) == ("image/png", "png", 20, 40)
    picture = _reopen(clean)
    assert picture.text == {}
    assert _is_red(picture.getpixel((10, 5)))


def test_webp_loses_exif_xmp_and_icc_and_keeps_its_orientation() -> None:
    data = _encode(
        _sideways_picture(),
        "WEBP",
        exif=_exif().tobytes(),
        xmp=XMP,
        icc_profile=_srgb_profile(),
        lossless=True,
    )
    for chunk in (b"EXIF", b"XMP ", b"ICCP"):
        assert chunk in data
    assert "GPS datum" in _identifying_in(data)

    clean = sanitise(data)

    for chunk in (b"EXIF", b"XMP ", b"ICCP"):
        assert chunk not in clean.data
    assert _identifying_in(clean.data) == []
    assert (clean.mime, clean.extension, clean.width, clean.height) == ("image/webp", "webp", 20, 40)
    picture = _reopen(clean)
    assert not picture.getexif()
    assert _is_red(picture.getpixel((10, 5)))


def test_picture_without_orientation_is_not_turned() -> None:
    data = _encode(_sideways_picture(), "JPEG", exif=_exif(orientation=1).tobytes())

    clean = sanitise(data)

    assert (clean.width, clean.height) == (40, 20)
    assert _is_red(_reopen(clean).getpixel((5, 10)))


@pytest.mark.parametrize(("fmt", "trailer"), [("PNG", b"acTL"), ("WEBP", b"ANIM")])
def test_animation_keeps_its_first_frame_only(fmt: str, trailer: bytes) -> None:
    frames = [Image.new("RGB", (24, 24), colour) for colour in ("red", "lime", "blue")]
    data = _encode(frames[0], fmt, save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert trailer in data

    clean = sanitise(data)

    assert trailer not in clean.data
    picture = _reopen(clean)
    assert getattr(picture, "n_frames", 1) == 1
    assert _is_red(picture.getpixel((12, 12)))


# --- Every accepted mode comes out usable -------------------------------------------------------------------


def _palette_with_transparency() -> Image.Image:
    picture = Image.new("P", (8, 8), 1)
    picture.putpalette([0, 0, 0, 255, 0, 0] + [0, 0, 0] * 254)
    picture.putpixel((0, 0), 0)
    picture.info["transparency"] = 0
    return picture


def _grey_16_bit() -> Image.Image:
    picture = Image.new("I;16", (3, 1))
    for x, value in enumerate((0, 32768, 65535)):
        picture.putpixel((x, 0), value)
    return picture


def _rgba_half_transparent() -> Image.Image:
    picture = Image.new("RGBA", (8, 8), (255, 0, 0, 255))
    picture.putpixel((0, 0), (0, 0, 0, 0))
    return picture


MODES: list[tuple[str, Callable[[], Image.Image], str, str]] = [
    ("grey PNG", lambda: Image.new("L", (8, 8), 90), "PNG", "L"),
    ("1-bit PNG", lambda: Image.new("1", (8, 8), 1), "PNG", "1"),
    ("grey+alpha PNG", lambda: Image.new("LA", (8, 8), (90, 128)), "PNG", "LA"),
    ("palette PNG", _palette_with_transparency, "PNG", "P"),
    ("RGBA PNG", _rgba_half_transparent, "PNG", "RGBA"),
    ("16-bit grey PNG", _grey_16_bit, "PNG", "L"),
    ("grey JPEG", lambda: Image.new("L", (8, 8), 90), "JPEG", "L"),
    ("CMYK JPEG", lambda: Image.new("CMYK", (8, 8), (0, 255, 255, 0)), "JPEG", "RGB"),
    ("RGBA WebP", _rgba_half_transparent, "WEBP", "RGBA"),
]


@pytest.mark.parametrize(("label", "make", "fmt", "mode"), MODES, ids=[m[0] for m in MODES])
def test_common_modes_are_accepted(label: str, make: Callable[[], Image.Image], fmt: str, mode: str) -> None:
    source = make()
    options = {"lossless": True} if fmt == "WEBP" else {}

    clean = sanitise(_encode(source, fmt, **options))

    picture = _reopen(clean)
    assert picture.format == fmt
    assert picture.mode == mode
    assert picture.size == source.size


def test_transparency_and_levels_survive() -> None:
    palette = _reopen(sanitise(_encode(_palette_with_transparency(), "PNG"))).convert("RGBA")
    assert palette.getpixel((0, 0))[3] == 0
    assert palette.getpixel((1, 1)) == (255, 0, 0, 255)

    rgba = _reopen(sanitise(_encode(_rgba_half_transparent(), "PNG")))
    assert rgba.getpixel((0, 0))[3] == 0
    assert rgba.getpixel((1, 1)) == (255, 0, 0, 255)

    grey = _reopen(sanitise(_encode(_grey_16_bit(), "PNG")))
    assert [grey.getpixel((x, 0)) for x in range(3)] == [0, 128, 255]


# --- Refusals -----------------------------------------------------------------------------------------------


def _png_chunk(tag: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))


def _png_declaring(width: int, height: int, *, idat: bytes | None = None) -> bytes:
    """A 1-bit grey PNG of the given size, written by hand so no test ever holds it decoded.

    Unless ``idat`` is given, the data is every row of zeros, compressed: a real bomb, a few KB on disk.
    """
    if idat is None:
        row = bytes(1 + (width + 7) // 8)
        compressor = zlib.compressobj(9)
        idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def test_picture_above_the_pixel_limit_is_refused_from_its_header() -> None:
    # The pixel data is garbage: decoding it would fail as "corrupt", so "too_many_pixels" proves the
    # refusal came from the header, before any decoding.
    data = _png_declaring(3000, 2000, idat=b"not zlib data at all")

    with pytest.raises(PhotoError) as refused:
        sanitise(data, max_pixels=5_000_000)

    assert refused.value.code == Refusal.TOO_MANY_PIXELS
    assert refused.value.message


def test_picture_at_the_pixel_limit_is_accepted() -> None:
    clean = sanitise(_png_declaring(2500, 2000), max_pixels=5_000_000)

    assert (clean.width, clean.height) == (2500, 2000)


def test_decompression_bomb_is_refused_without_being_decoded() -> None:
    bomb = _png_declaring(20000, 20000)  # 400 megapixels: 400 MB once decoded
    assert len(bomb) < 200_000
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    with pytest.raises(PhotoError) as refused:
        sanitise(bomb)

    assert refused.value.code == Refusal.TOO_MANY_PIXELS
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown_kib < 100 * 1024


@pytest.mark.filterwarnings("default::PIL.Image.DecompressionBombWarning")
def test_pillow_bomb_warning_is_a_refusal_even_under_a_generous_limit() -> None:
    # 100 megapixels is above Pillow's warning threshold (89 MP) but under its hard limit, and the caller
    # allows more: outside pytest's warning filters Pillow would only warn, then decode.
    bomb = _png_declaring(10000, 10000)

    with pytest.raises(PhotoError) as refused:
        sanitise(bomb, max_pixels=500_000_000)

    assert refused.value.code == Refusal.TOO_MANY_PIXELS


def test_file_above_the_byte_limit_is_refused() -> None:
    data = _encode(Image.new("RGB", (64, 64), "red"), "PNG")

    with pytest.raises(PhotoError) as refused:
        sanitise(data, max_bytes=len(data) - 1)
    assert refused.value.code == Refusal.TOO_LARGE
    assert sanitise(data, max_bytes=len(data)).mime == "image/png"


def _noisy_jpeg() -> bytes:
    return _encode(Image.effect_noise((256, 256), 80).convert("RGB"), "JPEG", quality=90)


def _truncated(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


CORRUPT = {
    "truncated JPEG": lambda: _truncated(_noisy_jpeg()),
    "truncated PNG": lambda: _truncated(_encode(Image.effect_noise((256, 256), 80), "PNG")),
    "truncated WebP": lambda: _truncated(_encode(Image.effect_noise((256, 256), 80).convert("RGB"), "WEBP")),
    "JPEG start, HTML after": lambda: b"\xff\xd8\xff\xe0<html><script>alert(1)</script></html>",
    "PNG with broken data": lambda: _png_declaring(64, 64, idat=b"\x78\x9c" + bytes(range(256))),
}


@pytest.mark.parametrize("label", CORRUPT)
def test_damaged_photo_is_refused_as_corrupt(label: str) -> None:
    with pytest.raises(PhotoError) as refused:
        sanitise(CORRUPT[label]())

    assert refused.value.code == Refusal.CORRUPT


def test_truncated_pictures_are_never_padded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Some library might switch Pillow to fill truncated pictures with grey, process-wide: fail loud.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)

    with pytest.raises(ImproperlyConfigured):
        sanitise(_truncated(_noisy_jpeg()))


def _svg() -> bytes:
    return b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


OTHER_PICTURES = {
    "GIF": lambda: _encode(Image.new("P", (8, 8)), "GIF"),
    "BMP": lambda: _encode(Image.new("RGB", (8, 8)), "BMP"),
    "TIFF": lambda: _encode(Image.new("RGB", (8, 8)), "TIFF"),
    "SVG": _svg,
    "SVG with a byte-order mark": lambda: b"\xef\xbb\xbf  " + _svg(),
    "HEIC": lambda: b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64),
}


@pytest.mark.parametrize("label", OTHER_PICTURES)
def test_other_picture_formats_are_refused_by_name(label: str) -> None:
    with pytest.raises(PhotoError) as refused:
        sanitise(OTHER_PICTURES[label]())

    assert refused.value.code == Refusal.UNSUPPORTED_TYPE


NOT_PICTURES = {
    "random bytes": lambda: bytes([0x42]) + random.Random(7).randbytes(4096),
    "empty file": lambda: b"",
    "HTML": lambda: b"<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
    "PDF": lambda: b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
    "text": lambda: "မင်္ဂလာပါ".encode(),
    "MP4 video": lambda: b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + bytes(64),
}


@pytest.mark.parametrize("label", NOT_PICTURES)
def test_things_that_are_not_pictures_are_refused(label: str) -> None:
    with pytest.raises(PhotoError) as refused:
        sanitise(NOT_PICTURES[label]())

    assert refused.value.code == Refusal.NOT_AN_IMAGE


def test_type_comes_from_the_content_not_the_claimed_name() -> None:
    # sanitise() takes no name: a GIF uploaded as "photo.jpg" is a GIF, and a JPEG named "x.gif" a JPEG.
    gif = SimpleUploadedFile("photo.jpg", _encode(Image.new("P", (8, 8)), "GIF"), "image/jpeg")
    jpeg = SimpleUploadedFile("x.gif", _encode(Image.new("RGB", (8, 8)), "JPEG"), "image/gif")

    with pytest.raises(PhotoError) as refused:
        sanitise(gif.read())
    assert refused.value.code == Refusal.UNSUPPORTED_TYPE
    assert sanitise(jpeg.read()).mime == "image/jpeg"


def test_a_busy_server_refuses_rather_than_queueing_forever(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(photos, "_DECODING_WAIT_SECONDS", 0)
    assert photos._DECODING.acquire(blocking=False)
    try:
        with pytest.raises(PhotoError) as refused:
            sanitise(_encode(Image.new("RGB", (8, 8)), "PNG"))
    finally:
        photos._DECODING.release()

    assert refused.value.code == Refusal.BUSY
    assert sanitise(_encode(Image.new("RGB", (8, 8)), "PNG")).width == 8


def test_every_refusal_has_a_plain_message() -> None:
    for code in Refusal:
        error = PhotoError(code)
        assert error.code == code == str(code)
        assert error.message
        assert str(error) == error.message


# --- The upload handler -------------------------------------------------------------------------------------

HANDLER = "embrace.intake.uploads.InMemoryUploadHandler"


def _file(name: str, size: int) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, bytes([size % 251]) * size, "image/jpeg")


def _parsed(data: dict[str, object], **limits: int) -> HttpRequest:
    request = RequestFactory().post("/enquiry/", data)
    request.upload_handlers = [InMemoryUploadHandler(request, **limits)]
    request.POST  # noqa: B018 -- parse the body now, as a view reading the form would
    return request


def test_too_large_file_is_dropped_and_named_while_the_text_is_kept() -> None:
    request = _parsed(
        {
            "before": "typed before the photos",
            "photos": [_file("small.jpg", 1000), _file("huge.jpg", 300_000), _file("also-small.jpg", 2000)],
            "message": "ငါ ထွက်ချင်တယ် — typed after the photos",
        },
        max_bytes=100_000,
    )

    assert request.POST["before"] == "typed before the photos"
    assert request.POST["message"] == "ငါ ထွက်ချင်တယ် — typed after the photos"
    assert [f.name for f in request.FILES.getlist("photos")] == ["small.jpg", "also-small.jpg"]
    assert [f.read() for f in request.FILES.getlist("photos")] == [
        bytes([1000 % 251]) * 1000,
        bytes([2000 % 251]) * 2000,
    ]
    assert upload_errors(request) == [UploadError("photos", "huge.jpg", Refusal.TOO_LARGE)]
    assert upload_errors(request) == [("photos", "huge.jpg", "too_large")]


def test_file_of_exactly_the_byte_limit_is_kept() -> None:
    request = _parsed({"photos": [_file("exact.jpg", 70_000), _file("over.jpg", 70_001)]}, max_bytes=70_000)

    assert [f.size for f in request.FILES.getlist("photos")] == [70_000]
    assert upload_errors(request) == [("photos", "over.jpg", "too_large")]


def test_files_beyond_the_maximum_are_dropped_and_named_and_the_kept_ones_stay_readable() -> None:
    files = [_file(f"photo-{n}.jpg", 500 + n) for n in range(7)]
    request = _parsed({"photos": files, "message": "hello"}, max_files=5)

    kept = request.FILES.getlist("photos")
    assert [f.name for f in kept] == [f"photo-{n}.jpg" for n in range(5)]
    # Skipping a file closes the handler's current buffer: it must never be one already handed over.
    assert [len(f.read()) for f in kept] == [500, 501, 502, 503, 504]
    assert upload_errors(request) == [
        ("photos", "photo-5.jpg", "too_many_files"),
        ("photos", "photo-6.jpg", "too_many_files"),
    ]
    assert request.POST["message"] == "hello"


def test_limits_come_from_settings(settings: Settings) -> None:
    settings.FILE_UPLOAD_HANDLERS = [HANDLER]
    settings.INTAKE_MAX_PHOTO_BYTES = 1000
    settings.INTAKE_MAX_PHOTOS = 1
    request = RequestFactory().post("/enquiry/", {"photos": [_file("a.jpg", 1001), _file("b.jpg", 10)]})

    assert upload_errors(request) == [("photos", "a.jpg", "too_large")]
    assert [f.name for f in request.FILES.getlist("photos")] == ["b.jpg"]
    assert isinstance(request.FILES["photos"], InMemoryUploadedFile)


def test_a_request_without_files_has_no_upload_errors() -> None:
    request = RequestFactory().post("/enquiry/", {"message": "text only"})

    assert upload_errors(request) == []


def _files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(
    ("handlers", "writes_to_disk"),
    [
        ([HANDLER], False),
        # The control: Django's own handlers spool this file to disk, so the check below can see it.
        (
            [
                "django.core.files.uploadhandler.MemoryFileUploadHandler",
                "django.core.files.uploadhandler.TemporaryFileUploadHandler",
            ],
            True,
        ),
    ],
    ids=["ours", "django-default"],
)
def test_uploads_never_touch_the_temporary_folder(
    handlers: list[str],
    writes_to_disk: bool,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A folder of our own as the temporary folder, so other processes' files cannot blur the comparison.
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    assert tempfile.gettempdir() == str(temporary)
    settings.FILE_UPLOAD_HANDLERS = handlers
    settings.FILE_UPLOAD_TEMP_DIR = None
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    before = _files_under(temporary)
    request = RequestFactory().post(
        "/enquiry/", {"photos": _file("big.jpg", 3 * 1024 * 1024), "message": "hi"}
    )

    uploaded = request.FILES["photos"]
    during = _files_under(temporary)

    assert uploaded.size == 3 * 1024 * 1024
    assert request.POST["message"] == "hi"
    assert (during != before) is writes_to_disk
    if not writes_to_disk:
        assert isinstance(uploaded, InMemoryUploadedFile)
        assert not hasattr(uploaded, "temporary_file_path")
    request.close()


@require_POST
@public
def _echo(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {
            "message": request.POST.get("message"),
            "files": [f.name for f in request.FILES.getlist("photos")],
            "errors": [list(e) for e in upload_errors(request)],
        }
    )


urlpatterns = [path("echo/", _echo)]


@pytest.mark.urls(__name__)
def test_whole_stack_keeps_the_form_when_a_photo_is_refused(settings: Settings) -> None:
    settings.FILE_UPLOAD_HANDLERS = [HANDLER]
    settings.INTAKE_MAX_PHOTO_BYTES = 50_000

    response = Client().post(
        "/echo/", {"photos": [_file("ok.jpg", 10), _file("big.jpg", 60_000)], "message": "still here"}
    )

    assert response.status_code == 200
    assert response.json() == {
        "message": "still here",
        "files": ["ok.jpg"],
        "errors": [["photos", "big.jpg", "too_large"]],
    }
