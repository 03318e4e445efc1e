"""Staff pages of the channels: entering an enquiry received by phone, in person or passed on (intake
officers), and the chat channels' switches (administrators, who see whether a channel's credentials are set,
never the credentials).

Who may enter an enquiry: intake officers only. A new contact is intake's work (it lands in a triage inbox
like any other enquiry); a handler who takes such a call hands it to an intake officer of the team, who names
the handler as the one who received it. Administrators and auditors never: they see no case content.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.approvals.actions import OwnRequest
from embrace.approvals.forms import DecisionForm
from embrace.cases.actions import message_document
from embrace.cases.models import Case, Channel
from embrace.channels import actions
from embrace.channels.models import CHAT_CHANNELS, Switch
from embrace.channels.staff_forms import StaffEnquiryForm
from embrace.channels.switches import is_configured
from embrace.intake import tokens
from embrace.intake.actions import IntakeClosed, TokenSpent
from embrace.intake.receipts import group_receipt
from embrace.intake.views import clean_photos
from embrace.myanmar import text as burmese
from embrace.vault import receipts


def _actor(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _private(response: HttpResponse) -> HttpResponse:
    # What was typed, and the receipt above all, must not stay in a cache or the browser's history.
    response["Cache-Control"] = "no-store"
    return response


def _entry_page(
    request: HttpRequest, form: StaffEnquiryForm, *, status: int = 200, **extra: Any
) -> HttpResponse:
    return _private(render(request, "channels/enter.html", {"form": form, **extra}, status=status))


def _documents(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The body (sealed to the team) and identity (sealed to custodians), shaped as the web form's."""
    body = message_document(data["message"])
    body.update(
        {
            "kind": data["kind"],
            "service": data["service"],
            "reply_via": data["reply_via"],
            "equipment": burmese.to_unicode(data["equipment"]).text,
        }
    )
    if data["channel"] == Channel.REFERRAL:
        body["referred_by"] = data["referred_by"]
    identity = {key: burmese.to_unicode(data[key]).text for key in ("rank", "unit")} | {
        "contact": data["contact"]
    }
    return body, identity


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_TRIAGE)
def enter(request: HttpRequest) -> HttpResponse:
    user = _actor(request)
    if request.method == "GET":
        initial = {"token": tokens.issue(), "received_by": user.pk, "channel": Channel.PHONE}
        return _entry_page(request, StaffEnquiryForm(initial=initial, user=user))
    form = StaffEnquiryForm(request.POST, request.FILES, user=user)
    if not form.is_valid():
        if not tokens.check(str(form.data.get("token") or "")).valid:
            form.fresh_token()
        return _entry_page(request, form, status=400)
    check = form.token_check()
    if not check.valid:
        form.fresh_token()
        form.add_error(None, _("This page was open too long. Check what you typed and send it again."))
        return _entry_page(request, form, status=400)
    photos = clean_photos(request, form)
    if photos is None:
        return _entry_page(request, form, status=400)
    body, identity = _documents(form.cleaned_data)
    try:
        case, receipt = actions.enter_enquiry(
            body,
            identity,
            photos,
            channel=Channel(form.cleaned_data["channel"]),
            received_by=form.cleaned_data["received_by"],
            token=check.digest,
            actor=user,
        )
    except TokenSpent:
        # Most often the receipt page was reloaded, which sends the same page again: the case exists, and
        # its receipt was shown once and is kept nowhere, so it cannot be shown again.
        form.fresh_token()
        return _entry_page(request, form, status=409, already_sent=True)
    except receipts.Busy:
        form.add_error(None, _("The server is busy. Wait a minute and send it again."))
        return _entry_page(request, form, status=503)
    except IntakeClosed:
        form.add_error(
            None, _("No team receives new enquiries at the moment, so this cannot be entered yet.")
        )
        return _entry_page(request, form, status=503)
    except actions.ChannelError as exc:
        form.add_error(None, str(exc))
        return _entry_page(request, form, status=400)
    return _receipt_page(request, case, receipt, photos=len(photos))


def _receipt_page(request: HttpRequest, case: Case, receipt: str, *, photos: int) -> HttpResponse:
    """The receipt, shown this once to the staff member who passes it on; the response is the only copy."""
    context = {
        "case": case,
        "receipt": group_receipt(receipt),
        "photos": photos,
        # The case page opens only for intake officers of the team it went to.
        "own_team": _actor(request).teams.filter(pk=case.team_id).exists(),
    }
    return _private(render(request, "channels/entered.html", context))


# --- Switches ------------------------------------------------------------------------------------------


def _switches_page(request: HttpRequest, *, status: int = 200) -> HttpResponse:
    on = dict(Switch.objects.values_list("channel", "enabled"))
    waiting = {approval.subject.partition(":")[2]: approval for approval in actions.pending_requests()}
    rows = [
        {
            "channel": channel,
            "name": name,
            "configured": is_configured(channel),
            "on": on.get(channel, False),
            "waiting": waiting.get(channel),
            "mine": channel in waiting and waiting[channel].requested_by_id == request.user.pk,
        }
        for channel, name in CHAT_CHANNELS
    ]
    decision = DecisionForm(approve=_("Approve: turn it on"), refuse=_("Refuse"))
    context = {"rows": rows, "decision": decision}
    return render(request, "channels/switches.html", context, status=status)


def _switch_step(request: HttpRequest, step: Callable[[], object], done: str) -> HttpResponse:
    """One administrator's step on a switch: refused with its reason on the page (400), or done and said."""
    try:
        step()
    except actions.ChannelError as exc:
        messages.error(request, str(exc))
        return _switches_page(request, status=400)
    messages.success(request, done)
    return redirect("channels_staff:switches")


def _chat_channel(channel: str) -> str:
    if channel not in dict(CHAT_CHANNELS):
        raise Http404("No such channel.")
    return channel


@require_GET
@staff_required(Perm.CONFIG_MANAGE)
def switches(request: HttpRequest) -> HttpResponse:
    return _switches_page(request)


@require_POST
@staff_required(Perm.CONFIG_MANAGE)
def switch_ask(request: HttpRequest, channel: str) -> HttpResponse:
    return _switch_step(
        request,
        lambda: actions.request_channel_on(_chat_channel(channel), actor=_actor(request)),
        _("Asked: another administrator must approve before the channel is turned on."),
    )


@require_POST
@staff_required(Perm.CONFIG_MANAGE)
def switch_decide(request: HttpRequest, approval_id: uuid.UUID) -> HttpResponse:
    approval = get_object_or_404(actions.pending_requests(), pk=approval_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or refuse."))
        return _switches_page(request, status=400)
    try:
        actions.decide_channel_on(approval, approve=form.approve, actor=_actor(request))
    except OwnRequest:
        messages.error(request, _("No one may approve their own request: another administrator must."))
        return _switches_page(request, status=403)
    except actions.ChannelError as exc:
        messages.error(request, str(exc))
        return _switches_page(request, status=400)
    messages.success(request, _("The channel is on.") if form.approve else _("The request is refused."))
    return redirect("channels_staff:switches")


@require_POST
@staff_required(Perm.CONFIG_MANAGE)
def switch_pause(request: HttpRequest, channel: str) -> HttpResponse:
    return _switch_step(
        request,
        lambda: actions.pause_channel(_chat_channel(channel), actor=_actor(request)),
        _("The channel is paused: it takes no messages until two administrators turn it on."),
    )
