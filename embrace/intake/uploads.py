"""An upload handler that keeps uploaded files in memory and refuses one file, never the whole form.

Django's default handlers write any upload above ``FILE_UPLOAD_MAX_MEMORY_SIZE`` to a temporary file: an
enquirer's photo, still with its GPS position, would then sit in plaintext on the disk, and deleted
temporary files can be recovered from an image of it. This handler is the only one configured, so nothing
an enquirer uploads is ever written by Django.

Too large a file, or one file too many, is not a reason to lose the enquiry typed above it: the handler
stops keeping that file, notes why in ``request.upload_errors`` and lets the parser carry on with the
remaining fields, so the form comes back filled with a message naming the file.

What bounds a request:

- memory held: at most ``INTAKE_MAX_PHOTOS`` files of at most ``INTAKE_MAX_PHOTO_BYTES`` (50 MiB with
  the defaults), plus ``DATA_UPLOAD_MAX_MEMORY_SIZE`` of text fields (Django refuses more with a 400),
  plus one 64 KiB chunk being parsed. Bytes of a refused file are read and dropped, never kept;
- the number of parts: ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` and ``DATA_UPLOAD_MAX_NUMBER_FILES`` (Django's
  400 beyond those; files between ``INTAKE_MAX_PHOTOS`` and the latter are dropped here, politely);
- bytes on the wire: nothing in Django. The front proxy must cap the body (nginx ``client_max_body_size``,
  about 60 MB) and must not buffer bodies to its own disk either (``proxy_request_buffering off``, or a
  ``client_body_buffer_size`` as large as the cap); gunicorn's ``timeout`` ends a slow sender.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any, NamedTuple

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopFutureHandlers
from django.http import HttpRequest

from embrace.intake.photos import DEFAULT_MAX_BYTES, Refusal

DEFAULT_MAX_FILES = 5


class UploadError(NamedTuple):
    field_name: str
    file_name: str
    code: Refusal


class InMemoryUploadHandler(FileUploadHandler):
    """Keep each file in a BytesIO; skip and report a file that is too large or one too many.

    Only kept files count towards the maximum: a refused file leaves its place to the next one.

    Limits come from ``settings.INTAKE_MAX_PHOTO_BYTES`` and ``settings.INTAKE_MAX_PHOTOS`` unless given.
    """

    def __init__(
        self,
        request: HttpRequest | None = None,
        *,
        max_bytes: int | None = None,
        max_files: int | None = None,
    ) -> None:
        super().__init__(request)
        self.max_bytes = (
            max_bytes if max_bytes is not None else _setting("INTAKE_MAX_PHOTO_BYTES", DEFAULT_MAX_BYTES)
        )
        self.max_files = (
            max_files if max_files is not None else _setting("INTAKE_MAX_PHOTOS", DEFAULT_MAX_FILES)
        )
        self.files_kept = 0
        self.errors: list[UploadError] = []
        if request is not None:
            request.upload_errors = self.errors  # type: ignore[attr-defined]

    def new_file(self, field_name: str, file_name: str, *args: Any, **kwargs: Any) -> None:
        super().new_file(field_name, file_name, *args, **kwargs)
        # A fresh buffer before anything else: on SkipFile the parser closes whatever ``self.file`` is,
        # which must never be the previous, already accepted file.
        self.file = BytesIO()
        if self.files_kept >= self.max_files:
            self._skip(Refusal.TOO_MANY_FILES)
        # This handler owns the file: no handler after it (say, a temporary-file one) may see its bytes.
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        if start + len(raw_data) > self.max_bytes:
            self._skip(Refusal.TOO_LARGE)
        self.file.write(raw_data)

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        self.file.seek(0)
        uploaded = InMemoryUploadedFile(
            file=self.file,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
        del self.file
        self.files_kept += 1
        return uploaded

    def _skip(self, code: Refusal) -> None:
        self.errors.append(UploadError(self.field_name, self.file_name or "", code))
        raise SkipFile()


def upload_errors(request: HttpRequest) -> list[UploadError]:
    """The files refused while this request's body was parsed (parsing it first if needed)."""
    request.FILES  # noqa: B018 -- reading FILES parses the body, which is what fills the list
    return list(getattr(request, "upload_errors", []))


def _setting(name: str, default: int) -> int:
    value = getattr(settings, name, default)
    return int(value)
