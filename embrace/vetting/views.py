"""Vetting pages for reviewers: the queue of cases in vetting, and one case's checklist, sign-offs and flags.

Reviewers open cases through ``queries.get_case_for_vetting`` only; what they read is decrypted with their own
keyring, so a reviewer who was never given the case's vetting key sees "no key", not the evidence.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.lifecycle import LifecycleError, request_transition
from embrace.cases.models import Case, Status
from embrace.vault.keyring import Keyring, NoAccess
from embrace.vetting import actions, queries
from embrace.vetting.forms import ClearFlagForm, RaiseFlagForm, RecordCheckForm, SignOffForm
from embrace.vetting.models import Result, SignOff, Verdict
from embrace.vetting.pages import may_open_case_page, passage_state


def _open(keyring: Keyring, envelope: bytes | memoryview | None) -> str | None:
    """The sealed text, or None when this reader holds no key for it."""
    if envelope is None:
        return None
    try:
        return keyring.open(bytes(envelope)).decode()
    except NoAccess:
        return None


def _label(choices: type[Result] | type[Verdict], opened: str | None) -> str | None:
    """A sealed result or verdict in words, or None for a reader without the key."""
    return None if opened is None else str(dict(choices.choices).get(opened, opened))


def _page(
    request: HttpRequest,
    case: Case,
    *,
    status: int = 200,
    bound: dict[str, Any] | None = None,
    error: str | None = None,
) -> HttpResponse:
    keyring: Keyring = request.keyring  # type: ignore[attr-defined]
    bound = bound or {}
    rows = [
        (
            row,
            [
                (check, _label(Result, _open(keyring, check.result)), _open(keyring, check.evidence))
                for check in row.results
            ],
        )
        for row in queries.checklist(case)
    ]
    sign_offs = [
        (s, _label(Verdict, _open(keyring, s.verdict)), _open(keyring, s.note))
        for s in SignOff.objects.filter(case=case).select_related("reviewer")
    ]
    opened_flags = queries.plant_flags(case, keyring)
    people = User.objects.in_bulk(
        [f.raised_by for f in opened_flags or ()] + [f.cleared_by for f in opened_flags or () if f.cleared_by]
    )
    flags = [
        (
            flag,
            people.get(uuid.UUID(flag.raised_by)),
            people.get(uuid.UUID(flag.cleared_by)) if flag.cleared_by else None,
            bound.get(f"clear:{flag.pk}") or ClearFlagForm(),
        )
        for flag in reversed(opened_flags or [])
    ]
    # A read is what was opened: a result or its evidence, a verdict or its note.
    evidence = sum(
        1 for _, checks in rows for _, result, text in checks if result is not None or text is not None
    )
    notes = sum(1 for _, verdict, text in sign_offs if verdict is not None or text is not None)
    flag_notes = sum(1 + (not flag.active) for flag, _, _, _ in flags)
    if evidence or notes or flag_notes:
        record(
            Event.VETTING_READ,
            actor=request.user,
            subject=case,
            evidence=evidence,
            verdict_notes=notes,
            flag_notes=flag_notes,
        )
    context = {
        "case": case,
        "rows": rows,
        "sign_offs": sign_offs,
        "flags": flags,
        # The log is sealed: without the key, only the clear yes/no is known.
        "flags_sealed": opened_flags is None,
        "flag_stands": queries.plant_flag_stands(case),
        "passage": passage_state(request, case),
        "case_link": may_open_case_page(request, case),
        "error": error,
        "in_vetting": case.status == Status.VETTING,
        "signed": any(s.reviewer_id == request.user.pk for s, _, _ in sign_offs),
        "record_form": bound.get("record") or RecordCheckForm(),
        "sign_off_form": bound.get("sign_off") or SignOffForm(),
        "raise_form": bound.get("raise") or RaiseFlagForm(),
    }
    return render(request, "vetting/case.html", context, status=status)


def _refused(
    request: HttpRequest, case: Case, name: str, form: Form, error: str | None = None
) -> HttpResponse:
    if error:
        form.add_error(None, error)
    return _page(request, case, status=400, bound={name: form})


@require_GET
@staff_required(Perm.VETTING_REVIEW)
def queue(request: HttpRequest) -> HttpResponse:
    rows = queries.review_queue(request.user)  # type: ignore[arg-type]
    return render(request, "vetting/queue.html", {"rows": rows})


@require_GET
@staff_required(Perm.VETTING_REVIEW)
def case_vetting(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.get_case_for_vetting(request.user, case_id)  # type: ignore[arg-type]
    return _page(request, case)


@require_POST
@staff_required(Perm.VETTING_REVIEW)
def record_check(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.get_case_for_vetting(request.user, case_id)  # type: ignore[arg-type]
    form = RecordCheckForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, "record", form)
    data = form.cleaned_data
    try:
        actions.record_check(case, data["definition"], data["result"], data["evidence"], actor=request.user)  # type: ignore[arg-type]
    except actions.VettingError as exc:
        return _refused(request, case, "record", form, str(exc))
    return redirect("vetting:case", case_id=case.pk)


@require_POST
@staff_required(Perm.VETTING_REVIEW)
def sign_off(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.get_case_for_vetting(request.user, case_id)  # type: ignore[arg-type]
    form = SignOffForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, "sign_off", form)
    try:
        actions.sign_off(
            case,
            form.cleaned_data["verdict"],
            form.cleaned_data["note"],
            actor=request.user,  # type: ignore[arg-type]
            keyring=request.keyring,  # type: ignore[attr-defined]
        )
    except actions.VettingError as exc:
        return _refused(request, case, "sign_off", form, str(exc))
    return redirect("vetting:case", case_id=case.pk)


@require_POST
@staff_required(Perm.VETTING_REVIEW)
def raise_flag(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.get_case_for_vetting(request.user, case_id)  # type: ignore[arg-type]
    form = RaiseFlagForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, "raise", form)
    try:
        actions.raise_plant_flag(
            case,
            form.cleaned_data["note"],
            actor=request.user,  # type: ignore[arg-type]
            keyring=request.keyring,  # type: ignore[attr-defined]
        )
    except actions.VettingError as exc:
        return _refused(request, case, "raise", form, str(exc))
    return redirect("vetting:case", case_id=case.pk)


@require_POST
@staff_required(Perm.VETTING_REVIEW)
def clear_flag(request: HttpRequest, case_id: str, flag_id: str) -> HttpResponse:
    case = queries.get_case_for_vetting(request.user, case_id)  # type: ignore[arg-type]
    opened = queries.plant_flags(case, request.keyring)  # type: ignore[attr-defined]
    # Without the key nobody learns whether this id is a flag; with it, an unknown id is a 404.
    if opened is not None and not any(str(f.pk) == str(flag_id) for f in opened):
        raise Http404("No such flag")
    form = ClearFlagForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, f"clear:{flag_id}", form)
    try:
        actions.clear_plant_flag(
            case,
            flag_id,
            form.cleaned_data["note"],
            actor=request.user,  # type: ignore[arg-type]
            keyring=request.keyring,  # type: ignore[attr-defined]
        )
    except actions.VettingError as exc:
        return _refused(request, case, f"clear:{flag_id}", form, str(exc))
    return redirect("vetting:case", case_id=case.pk)


@require_POST
@staff_required(Perm.VETTING_REVIEW)
def request_passage(request: HttpRequest, case_id: str) -> HttpResponse:
    """Ask for passage once vetting has cleared the case: the lifecycle decides who may ask (a reviewer of the
    case's team, never its handler) and refuses again if a flag was raised meanwhile."""
    case = queries.get_case_for_vetting(request.user, case_id)  # type: ignore[arg-type]
    reason = request.POST.get("reason", "").strip()[:500]
    try:
        request_transition(case, "approve_passage", actor=request.user, reason=reason)  # type: ignore[arg-type]
    except LifecycleError as exc:
        return _page(request, case, status=400, error=str(exc))
    messages.success(request, gettext("Passage asked for. A handler of the case's team decides next."))
    return redirect("vetting:case", case_id=case.pk)
