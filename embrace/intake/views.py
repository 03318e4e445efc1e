"""The enquirer's site: no JavaScript, small pages, Burmese by default, nothing about the visitor kept.

Every failure path renders the same form again, filled in, with a clear message and a 4xx status: an
enquirer never loses what they typed. Photos cannot be refilled by a browser, so a refused photo is named.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from embrace.cases.actions import Photo, message_document
from embrace.cases.downloads import sealed_file_response
from embrace.cases.models import Attachment, Sender, Status
from embrace.cases.thread import read_thread
from embrace.core.access import public
from embrace.intake import actions, photos, tokens
from embrace.intake.forms import EnquiryForm, ReceiptForm, ReplyForm, TokenFormMixin
from embrace.intake.receipts import group_receipt
from embrace.myanmar import text as burmese
from embrace.rewards.models import schedule_in_force
from embrace.vault import receipts
from embrace.vault.keyring import NoAccess

# Whole sentences naming the photo, not a name put before a phrase: word order differs between languages.
PHOTO_MESSAGES = {
    "too_large": gettext_lazy("“%(name)s” is too large (at most 10 MB)."),
    "too_many_pixels": gettext_lazy("“%(name)s” has too many pixels."),
    "not_an_image": gettext_lazy("“%(name)s” is not a photo we can read."),
    "unsupported_type": gettext_lazy("“%(name)s” is not a JPEG, PNG or WebP photo."),
    "corrupt": gettext_lazy("“%(name)s” is damaged or incomplete."),
    "too_many_files": gettext_lazy("“%(name)s” is one photo too many (at most 5)."),
    "busy": gettext_lazy("“%(name)s” could not be processed now; send it again in a few minutes."),
}


def _photo_refusal(name: str, reason: str) -> str:
    return str(PHOTO_MESSAGES.get(reason, PHOTO_MESSAGES["corrupt"])) % {"name": name}


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    response = render(request, template, context, status=status)
    # Nothing an enquirer sees may stay in a cache or in the phone's history of pages.
    response["Cache-Control"] = "no-store"
    return response


def clean_photos(request: HttpRequest, form: forms.Form) -> list[Photo] | None:
    """Photos stripped of metadata, or None after adding a form error for each refused one (staff replies
    use it too)."""
    cleaned, failed = [], False
    for _field, name, reason in getattr(request, "upload_errors", []):
        form.add_error("photos", _photo_refusal(name, reason))
        failed = True
    for upload in form.cleaned_data.get("photos") or []:
        try:
            clean = photos.sanitise(
                upload.read(),
                max_bytes=settings.INTAKE_MAX_PHOTO_BYTES,
                max_pixels=settings.INTAKE_MAX_PHOTO_PIXELS,
            )
        except photos.PhotoError as exc:
            form.add_error("photos", _photo_refusal(upload.name, exc.code))
            failed = True
            continue
        cleaned.append(Photo(clean.data, clean.mime, clean.width, clean.height))
    return None if failed else cleaned


def _busy(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """Key stretching is full for longer than a person should wait: the form back, as typed, and a 503 (the
    server is busy; the enquirer did nothing wrong) with when to try again."""
    context["busy"] = True
    response = _page(request, template, context, status=503)
    response["Retry-After"] = "60"
    return response


# The enquiry form as a first visit shows it (nothing typed, no error) is the same for everyone but its token.
# Django renders every widget and radio button through a template of its own, which made rendering these
# fields most of the form page's cost: they are rendered once per process and language, by the same
# template, and reused. A form with anything typed or any error is rendered in full, as before.
_BLANK_ENQUIRY_FIELDS: dict[str, tuple[SafeString, SafeString]] = {}


def _blank_enquiry_fields() -> tuple[SafeString, SafeString]:
    """(every field but the token and the trap, the trap) of a blank enquiry form, in the current language."""
    language = translation.get_language()
    parts = _BLANK_ENQUIRY_FIELDS.get(language)
    if parts is None:
        blank = EnquiryForm()
        shown = (
            (render_to_string("intake/_field.html", {"field": f}),)
            for f in blank
            if f.name not in ("token", "website")
        )
        trap = render_to_string("intake/_field.html", {"field": blank["website"]})
        parts = _BLANK_ENQUIRY_FIELDS[language] = (format_html_join("", "{}", shown), trap)
    return parts


@require_GET
@public
def landing(request: HttpRequest) -> HttpResponse:
    return _page(request, "intake/landing.html", {"schedule": schedule_in_force()})


@require_http_methods(["GET", "POST"])
@public
def enquire(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        form = EnquiryForm(initial={"token": _fresh()})
        return _page(request, "intake/enquire.html", {"form": form, "blank": _blank_enquiry_fields()})
    form = EnquiryForm(request.POST, request.FILES)
    context: dict[str, Any] = {"form": form}
    if not form.is_valid():
        _keep_or_renew_token(form)
        return _page(request, "intake/enquire.html", context, status=400)
    check = form.token_check()
    if not check.valid:
        form.fresh_token()
        form.add_error(None, _("This form was open too long. Check it and send it again."))
        return _page(request, "intake/enquire.html", context, status=400)
    cleaned_photos = clean_photos(request, form)
    if cleaned_photos is None:
        return _page(request, "intake/enquire.html", context, status=400)
    data = form.cleaned_data
    body = message_document(data["message"])
    body.update(
        {
            "kind": data["kind"],
            "service": data["service"],
            "reply_via": data["reply_via"],
            "equipment": burmese.to_unicode(data["equipment"]).text,
        }
    )
    identity = {key: burmese.to_unicode(data[key]).text for key in ("rank", "unit")} | {
        "contact": data["contact"]
    }
    try:
        _case, receipt = actions.submit_enquiry(
            body, identity, cleaned_photos, token=check.digest, quarantine=form.looks_automated(check)
        )
    except actions.TokenSpent:
        # Most often the receipt page was reloaded, which sends the same form again. The receipt exists
        # only in the enquirer's hands (we keep a hash that cannot be read back), so say so plainly.
        form.fresh_token()
        context["already_sent"] = True
        return _page(request, "intake/enquire.html", context, status=409)
    except receipts.Busy:
        return _busy(request, "intake/enquire.html", context)
    except actions.IntakeClosed:
        form.add_error(None, _("We cannot receive messages at this moment. Please try again later."))
        return _page(request, "intake/enquire.html", context, status=503)
    return _page(
        request, "intake/receipt.html", {"receipt": group_receipt(receipt), "photos": len(cleaned_photos)}
    )


@require_POST
@public
@never_cache
def photo(request: HttpRequest) -> HttpResponseBase:
    """A photo staff sent, for the enquirer whose visit (opened with the receipt) is still open.

    A POST with the visit token in the body, never a link with it in the address: addresses stay in the
    phone's history. The photo is decrypted with the receipt's keyring as it streams out, never cached.
    """
    keyring = actions.resume_visit(request.POST.get("visit", ""))
    if keyring is None:
        return _page(request, "intake/return.html", {"form": ReceiptForm(), "expired": True}, status=400)
    case = actions.case_for(keyring)
    try:
        item = Attachment.objects.get(
            pk=uuid.UUID(request.POST.get("photo", "")), message__case=case, message__sender=Sender.STAFF
        )
    except (ValueError, Attachment.DoesNotExist):
        raise Http404("No such photo.") from None
    try:
        response = sealed_file_response(keyring, item.stored_name, bytes(item.meta))
    except NoAccess:
        raise Http404("No such photo.") from None
    # An image of ours, alone: nothing in it may run or load anything else.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


def _fresh() -> str:
    return tokens.issue()


def _keep_or_renew_token(form: TokenFormMixin) -> None:
    """Keep a valid token (so the time the form was open still counts); renew one that expired."""
    if not tokens.check(form.data.get("token", "")).valid:
        form.fresh_token()


def _thread_page(
    request: HttpRequest,
    keyring: receipts.ReceiptKeyring,
    form: ReplyForm | None = None,
    *,
    status: int = 200,
    sent: bool = False,
) -> HttpResponse:
    case = actions.case_for(keyring)
    if case is None:
        return _page(request, "intake/return.html", {"form": ReceiptForm(), "gone": True}, status=404)
    if form is None:
        form = ReplyForm(initial={"token": _fresh(), "visit": actions.open_visit(keyring)})
    context = {
        "case_status": plain_status(case.status),
        "thread": read_thread(case, keyring),
        "form": form,
        "sent": sent,
    }
    return _page(request, "intake/thread.html", context, status=status)


@require_http_methods(["GET", "POST"])
@public
def return_with_receipt(request: HttpRequest) -> HttpResponse:
    form = ReceiptForm(request.POST or None)
    if request.method == "GET":
        return _page(request, "intake/return.html", {"form": form})
    if not form.is_valid():
        return _page(request, "intake/return.html", {"form": form}, status=400)
    try:
        keyring = receipts.open_receipt(form.cleaned_data["receipt"])
    except receipts.Busy:
        return _busy(request, "intake/return.html", {"form": form})
    if keyring is None:
        form.add_error("receipt", _("This receipt does not open anything. Check the digits and try again."))
        return _page(request, "intake/return.html", {"form": form}, status=400)
    return _thread_page(request, keyring)


@require_POST
@public
@never_cache
def reply(request: HttpRequest) -> HttpResponse:
    form = ReplyForm(request.POST, request.FILES)
    keyring = actions.resume_visit(request.POST.get("visit", ""))
    if keyring is None:
        context = {"form": ReceiptForm(), "expired": True, "unsent": request.POST.get("message", "")}
        return _page(request, "intake/return.html", context, status=400)
    if not form.is_valid():
        _keep_or_renew_token(form)
        return _thread_page(request, keyring, form, status=400)
    check = form.token_check()
    cleaned_photos = clean_photos(request, form) if check.valid else None
    if not check.valid or cleaned_photos is None:
        if not check.valid:
            form.fresh_token()
            form.add_error(None, _("This form was open too long. Send it again."))
        return _thread_page(request, keyring, form, status=400)
    try:
        actions.add_enquirer_message(
            keyring, message_document(form.cleaned_data["message"]), cleaned_photos, token=check.digest
        )
    except actions.TokenSpent:
        form.fresh_token()
        form.add_error(None, _("This message was already sent."))
        return _thread_page(request, keyring, form, status=400)
    return _thread_page(request, keyring, sent=True)


def plain_status(status: str) -> str:
    """What the enquirer is told: plain words, never an internal label or flag."""
    if status in (Status.PASSAGE_APPROVED, Status.PASSAGE_PLANNED, Status.IN_TRANSIT):
        return _("We are preparing the next steps with you. Read the messages below carefully.")
    if status in (Status.ARRIVED, Status.SCREENED, Status.REGISTERED):
        return _("Welcome. Your handler will keep in touch here.")
    if status in (Status.CLOSED, Status.WITHDRAWN, Status.LOST_CONTACT):
        return _("This conversation is closed. You can still write to us here.")
    # Everything else, including rejected, duplicate and quarantined, looks like an enquiry being read.
    return _("We have received your message. Someone from the programme will read it and answer here.")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A refused form (expired or missing cookie): on the enquirer's site, give the form back, filled."""
    from embrace.core.views import csrf_failure as staff_csrf_failure

    if request.path.startswith("/staff/"):
        return staff_csrf_failure(request, reason)
    notice = _(
        "This form could not be accepted (it expired, or your browser blocked our cookie). "
        "Everything you typed is below: press Send again."
    )
    if request.path.endswith("/enquire/"):
        form = EnquiryForm(
            initial={**request.POST.dict(), "token": tokens.renew(request.POST.get("token", ""))}
        )
        return _page(request, "intake/enquire.html", {"form": form, "notice": notice}, status=403)
    context = {"form": ReceiptForm(), "notice": notice, "unsent": request.POST.get("message", "")}
    return _page(request, "intake/return.html", context, status=403)
