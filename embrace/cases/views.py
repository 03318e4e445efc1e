"""Staff casework: the triage inbox, a handler's cases, a case's conversation, assignment."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.roles import Perm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases import actions, channel_words, identity, lifecycle, outbound, queries, words
from embrace.cases.downloads import sealed_file_response
from embrace.cases.duplicates import with_duplicates
from embrace.cases.forms import AssignForm, InboxFilter, NoteForm, ReplyForm
from embrace.cases.models import Attachment, Case, Status
from embrace.cases.rows import case_rows
from embrace.cases.search import record_previews, summaries
from embrace.cases.thread import ThreadItem, read_thread
from embrace.intake.views import clean_photos
from embrace.vault.keyring import Keyring, NoAccess

PAGE_SIZE = 50
PASSAGE_STATUSES = (Status.PASSAGE_APPROVED, Status.PASSAGE_PLANNED, Status.IN_TRANSIT, Status.ARRIVED)


def _notes(case: Case, keyring: Keyring) -> list[dict[str, object]]:
    notes = []
    for note in case.notes_written.select_related("author"):
        try:
            text = keyring.open(bytes(note.envelope)).decode()
        except NoAccess:
            text = None
        notes.append({"author": note.author, "written_on": note.written_on, "text": text})
    return notes


@require_GET
@staff_required(Perm.CASE_TRIAGE)
def inbox(request: HttpRequest) -> HttpResponse:
    filters = InboxFilter(request.GET or None, user=request.user)  # type: ignore[arg-type]
    # Junk is kept out of the inbox unless asked for by name, so the "Quarantined" filter finds it.
    wants_junk = filters.is_valid() and filters.cleaned_data["status"] == Status.QUARANTINED
    cases = queries.triage_inbox(request.user, quarantined=wants_junk)  # type: ignore[arg-type]
    if filters.is_valid():
        if filters.cleaned_data["status"]:
            cases = cases.filter(status=filters.cleaned_data["status"])
        if filters.cleaned_data["unassigned"]:
            cases = cases.filter(handler__isnull=True)
        if filters.cleaned_data["assignee"]:
            cases = cases.filter(handler_id=filters.cleaned_data["assignee"])
        if filters.cleaned_data["team"]:
            cases = cases.filter(team_id=filters.cleaned_data["team"])
        if filters.cleaned_data["label"]:
            cases = queries.labelled(cases, filters.cleaned_data["label"])
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    summarised = summaries(list(page), request.keyring)  # type: ignore[attr-defined]
    record_previews(request.user, summarised)  # type: ignore[arg-type]
    duplicates = with_duplicates(list(page))
    context = {
        "page": page,
        "rows": case_rows(summarised, duplicates=duplicates, labels=True),
        "filters": filters,
        "duplicates": duplicates,
    }
    return render(request, "cases/inbox.html", context)


@require_GET
@staff_required(Perm.CASE_HANDLE)
def my_cases(request: HttpRequest) -> HttpResponse:
    cases = queries.handler_cases(request.user)  # type: ignore[arg-type]
    summarised = summaries(cases, request.keyring)  # type: ignore[attr-defined]
    record_previews(request.user, summarised)  # type: ignore[arg-type]
    return render(
        request, "cases/my_cases.html", {"rows": case_rows(summarised, on="last_enquirer_on", handlers=False)}
    )


@dataclass(frozen=True)
class StepRow:
    """A step as the case page offers it, with what was typed into it when it was refused."""

    name: str
    label: str
    two_person: bool
    dormant: bool
    confirm: bool
    duplicate: bool
    error: str = ""
    reason: str = ""
    dormant_until: str = ""
    duplicate_of: str = ""


def _step_rows(case: Case, request: HttpRequest, failed: dict[str, str] | None) -> list[StepRow]:
    rows = []
    for step in lifecycle.allowed(case, request.user):  # type: ignore[arg-type]
        typed = failed if failed and failed.get("name") == step.name else {}
        rows.append(
            StepRow(
                name=step.name,
                label=words.step_label(step.name),
                two_person=step.two_person,
                dormant=step.target == Status.DORMANT,
                confirm=step.name in words.CONFIRMED_STEPS,
                duplicate=step.name == "mark_duplicate",
                error=typed.get("error", ""),
                reason=typed.get("reason", ""),
                dormant_until=typed.get("dormant_until", ""),
                duplicate_of=typed.get("duplicate_of", ""),
            )
        )
    return rows


def _told(thread: list[ThreadItem]) -> list[tuple[str, str]]:
    """What the enquirer chose on the enquiry form, in words."""
    first = dict(thread[0].answers) if thread and thread[0].sender == "enquirer" else {}
    told = []
    if "kind" in first:
        told.append((_("What they want"), words.kind_label(first["kind"])))
    if "service" in first:
        told.append((_("Service"), words.service_label(first["service"])))
    if first.get("equipment"):
        told.append((_("Equipment they could bring"), first["equipment"]))
    if "reply_via" in first:
        told.append((_("How to answer them"), words.channel_label(first["reply_via"])))
    return told


def _came_by(case: Case, thread: list[ThreadItem]) -> dict[str, object]:
    """How the enquiry came, who took it (staff entry), who passed it on, what that lets others see."""
    first = dict(thread[0].answers) if thread and thread[0].sender == "enquirer" else {}
    return {
        "name": case.get_channel_display(),
        "received_by": case.received_by if case.received_by_id else None,
        "referred_by": first.get("referred_by", ""),
        "exposes": channel_words.exposes(case.channel),
    }


def _contact(request: HttpRequest, case: Case) -> str | None:
    """The reply handle the enquirer gave, for those whose keys open the identity; each showing is logged."""
    keyring = request.keyring  # type: ignore[attr-defined]
    if case.identity_details is None or not keyring.can_read(case.identity):
        return None
    contact = str(json.loads(keyring.open(bytes(case.identity_details))).get("contact") or "")
    if contact:
        identity.note_identity_read(case, actor=request.user, shown="contact")  # type: ignore[arg-type]
    return contact


def _plan_exists(case: Case) -> bool:
    from embrace.passage.models import PassagePlan

    return PassagePlan.objects.filter(case=case, destroyed_on__isnull=True).exists()


def detail_page(
    request: HttpRequest,
    case: Case,
    *,
    reply: ReplyForm | None = None,
    note: NoteForm | None = None,
    assign: AssignForm | None = None,
    failed_step: dict[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The case page; ``failed_step`` carries a refused step's name, error and what was typed into it."""
    try:
        thread = read_thread(case, request.keyring)  # type: ignore[attr-defined]
    except NoAccess:
        return render(request, "cases/no_key.html", {"case": case}, status=403)
    notes = _notes(case, request.keyring)  # type: ignore[attr-defined]
    steps = _step_rows(case, request, failed_step)
    opened_notes = sum(1 for n in notes if n["text"] is not None)
    record(
        Event.CONVERSATION_READ, actor=request.user, subject=case, messages=len(thread), notes=opened_notes
    )
    context = {
        "case": case,
        "thread": thread,
        "reply": reply or ReplyForm(),
        "note": note or NoteForm(),
        "notes": notes,
        "steps": steps,
        # A refused step that is not on offer (sent by hand, or no longer possible) still says why.
        "step_error": failed_step["error"]
        if failed_step and not any(row.name == failed_step.get("name") for row in steps)
        else "",
        "next_words": words.NEXT.get(case.status, ""),
        "told": _told(thread),
        "came_by": _came_by(case, thread),
        "contact": _contact(request, case),
        # How each reply fared on its way to a chat account (only for cases that came by one).
        "deliveries": outbound.states(case),
        "identity_open": request.keyring.can_read(case.identity),  # type: ignore[attr-defined]
        "identity_pending": identity.pending_request(case, request.user),  # type: ignore[arg-type]
        "plan_exists": case.handler_id == request.user.pk and _plan_exists(case),
        "passage_statuses": PASSAGE_STATUSES,
        "assign": assign or (AssignForm(case=case) if request.user.can(Perm.CASE_TRIAGE) else None),  # type: ignore[union-attr]
    }
    return render(request, "cases/detail.html", context, status=status)


@require_GET
@staff_required()
def case_detail(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.get_case_for(request.user, case_id)  # type: ignore[arg-type]
    response = detail_page(request, case)
    if response.status_code == 200 and case.handler_id in (None, request.user.pk):
        actions.mark_read(case)
    return response


@require_POST
@staff_required()
def case_reply(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.get_case_for(request.user, case_id)  # type: ignore[arg-type]
    form = ReplyForm(request.POST, request.FILES)
    photos = clean_photos(request, form) if form.is_valid() else None
    if photos is None:
        return detail_page(request, case, reply=form, status=400)
    if not request.keyring.can_read(case.body):  # type: ignore[attr-defined]
        return render(request, "cases/no_key.html", {"case": case}, status=403)
    actions.reply_to_enquirer(
        case,
        form.cleaned_data["text"],
        actor=request.user,  # type: ignore[arg-type]
        photos=photos,
        keyring=request.keyring,  # type: ignore[attr-defined]
    )
    return redirect("cases:detail", case_id=case.pk)


@require_POST
@staff_required()
def case_resend(request: HttpRequest, case_id: str, message_id: str) -> HttpResponse:
    """Send again a reply that could not reach the enquirer's chat (a new attempt; the failed one stays)."""
    case = queries.get_case_for(request.user, case_id)  # type: ignore[arg-type]
    if not request.keyring.can_read(case.body):  # type: ignore[attr-defined]
        return render(request, "cases/no_key.html", {"case": case}, status=403)
    if not outbound.resend(case, str(message_id), keyring=request.keyring, actor=request.user):  # type: ignore[attr-defined, arg-type]
        raise Http404
    return redirect("cases:detail", case_id=case.pk)


@require_POST
@staff_required()
def case_note(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.get_case_for(request.user, case_id)  # type: ignore[arg-type]
    form = NoteForm(request.POST)
    if not form.is_valid():
        return detail_page(request, case, note=form, status=400)
    if not request.keyring.can_read(case.body):  # type: ignore[attr-defined]
        return render(request, "cases/no_key.html", {"case": case}, status=403)
    actions.add_note(case, form.cleaned_data["text"], actor=request.user)  # type: ignore[arg-type]
    return redirect("cases:detail", case_id=case.pk)


@require_GET
@staff_required()
def attachment(request: HttpRequest, case_id: str, attachment_id: str) -> HttpResponse:
    """A photo, decrypted as it streams out: never written to disk in clear, never cached."""
    case = queries.get_case_for(request.user, case_id)  # type: ignore[arg-type]
    item = get_object_or_404(Attachment, pk=attachment_id, message__case=case)
    try:
        response = sealed_file_response(request.keyring, item.stored_name, bytes(item.meta))  # type: ignore[attr-defined]
    except NoAccess:
        return render(request, "cases/no_key.html", {"case": case}, status=403)
    record(Event.ATTACHMENT_VIEWED, actor=request.user, subject=case, attachment=str(item.pk))
    return response  # type: ignore[return-value]


@require_POST
@staff_required(Perm.CASE_TRIAGE)
def case_assign(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.get_case_for(request.user, case_id)  # type: ignore[arg-type]
    form = AssignForm(request.POST, case=case)
    if form.is_valid():
        try:
            actions.assign_case(
                case,
                form.cleaned_data["handler"],
                actor=request.user,  # type: ignore[arg-type]
                keyring=request.keyring,  # type: ignore[attr-defined]
            )
            return redirect("cases:detail", case_id=case.pk)
        except (actions.AssignmentError, NoAccess) as exc:
            form.add_error(
                "handler",
                str(exc)
                if isinstance(exc, actions.AssignmentError)
                else _("You hold no key for this case, so you cannot pass it on."),
            )
    return detail_page(request, case, assign=form, status=400)
