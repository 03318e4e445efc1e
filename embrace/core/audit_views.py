"""The auditor's pages: the audit log, newest first, filtered and paged by key; its CSV export; the signed
anchors and their export.

Content-blind by construction: entries hold ids, counts and hashes, and this module opens no compartment. Case
and staff ids are shown as references and usernames, looked up a page at a time. Paging is by ``seq`` (keyset,
read off the indexes on the entry table), never an OFFSET or a COUNT of a table that may hold millions of
rows.
"""

from __future__ import annotations

import csv
import datetime
import json
import re
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from django import forms
from django.db.models import Max, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.audit import labels
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.audit.models import AuditAnchor, AuditEntry
from embrace.cases.models import Case
from embrace.myanmar.forms import LocalDigitsErrors
from embrace.rewards.finance_views import safe_cell
from embrace.vault import anchors

PAGE_SIZE = 50
EXPORT_CHUNK = 2000
CASE_SUBJECT = "cases.case:"
USER_SUBJECT = "accounts.user:"
# A reference as staff say and type it: any case, spaces or dashes between groups (see cases.models).
_REFERENCE_SEPARATORS = re.compile(r"[\s\-]+")
_REFERENCE = re.compile(r"^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$")


class LogFilter(LocalDigitsErrors, forms.Form):
    person = forms.CharField(label=gettext_lazy("Staff member (username)"), required=False, max_length=150)
    event = forms.ChoiceField(label=gettext_lazy("What happened"), required=False, choices=[])
    case = forms.CharField(label=gettext_lazy("Case reference"), required=False, max_length=40)
    start = forms.DateField(
        label=gettext_lazy("From (day)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("To (day, included)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [("", _("Anything")), *labels.choices()]  # type: ignore[attr-defined]

    def clean_person(self) -> User | None:
        username = self.cleaned_data["person"].strip()
        if not username:
            return None
        user = User.objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError(_("No staff member has the username %(name)s.") % {"name": username})
        return user

    def clean_case(self) -> Case | None:
        typed = self.cleaned_data["case"].strip()
        if _is_uuid(typed):
            # A case's id, as copied from a page address.
            found = Case.objects.filter(pk=uuid.UUID(typed)).first()
            if found is None:
                raise forms.ValidationError(_("No case has that id."))
            return found
        reference = _REFERENCE_SEPARATORS.sub("", typed).upper()
        if not reference:
            return None
        if not _REFERENCE.match(reference):
            raise forms.ValidationError(
                _("A case reference is 8 letters and digits, like K7M2P9QX (no 0, O, 1, I or L).")
            )
        case = Case.objects.filter(reference=reference).first()
        if case is None:
            raise forms.ValidationError(_("No case has the reference %(ref)s.") % {"ref": reference})
        return case

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The last day comes before the first."))
        return data

    def entries(self) -> QuerySet[AuditEntry]:
        """The filtered entries, unordered; call only when the form is valid."""
        data, entries = self.cleaned_data, AuditEntry.objects.all()
        if data["person"] is not None:
            entries = entries.filter(actor=data["person"].pk)
        if data["event"]:
            entries = entries.filter(event=data["event"])
        if data["case"] is not None:
            entries = entries.filter(subject=f"{CASE_SUBJECT}{data['case'].pk}")
        if data["start"]:
            entries = entries.filter(at__gte=_midnight(data["start"]))
        if data["end"]:
            entries = entries.filter(at__lt=_midnight(data["end"] + datetime.timedelta(days=1)))
        return entries

    def described(self) -> dict[str, str]:
        """The filters as typed-and-checked, for the export's own audit entry."""
        data = self.cleaned_data
        return {
            "person": data["person"].username if data["person"] else "",
            "what": data["event"] or "",
            "case": data["case"].reference if data["case"] else "",
            "start": data["start"].isoformat() if data["start"] else "",
            "end": data["end"].isoformat() if data["end"] else "",
        }


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _position(request: HttpRequest, name: str) -> int | str | None:
    """A paging position from the query: a seq, None if absent, or an error message."""
    raw = request.GET.get(name, "")
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 18:
        return _("That page link is damaged; start again from the newest entries.")
    return int(raw)


class _Names:
    """Usernames and case references for the ids on a page of entries: two queries, whatever the page."""

    def __init__(self, entries: Iterable[AuditEntry]) -> None:
        users: set[uuid.UUID] = set()
        cases: set[str] = set()
        for entry in entries:
            if entry.actor:
                users.add(entry.actor)
            pk = entry.subject.partition(":")[2]
            if entry.subject.startswith(CASE_SUBJECT):
                cases.add(pk)
            elif entry.subject.startswith(USER_SUBJECT) and _is_uuid(pk):
                users.add(uuid.UUID(pk))
            listed = entry.data.get("cases") if isinstance(entry.data, dict) else None
            if isinstance(listed, list):
                cases.update(str(c) for c in listed)
        self.users = dict(User.objects.filter(pk__in=users).values_list("pk", "username"))
        valid_cases = [uuid.UUID(c) for c in cases if _is_uuid(c)]
        self.cases = {
            str(pk): ref for pk, ref in Case.objects.filter(pk__in=valid_cases).values_list("pk", "reference")
        }

    def who(self, entry: AuditEntry) -> str:
        if entry.actor is None:
            return _("the system")
        return self.users.get(entry.actor) or _("former account %(id)s") % {"id": str(entry.actor)[:8]}

    def subject(self, entry: AuditEntry) -> str:
        pk = entry.subject.partition(":")[2]
        if entry.subject.startswith(CASE_SUBJECT):
            return _("case %(ref)s") % {"ref": self.cases.get(pk, pk[:8])}
        if entry.subject.startswith(USER_SUBJECT) and _is_uuid(pk):
            name = self.users.get(uuid.UUID(pk))
            return _("staff member %(name)s") % {"name": name or pk[:8]}
        return entry.subject

    def data(self, entry: AuditEntry) -> str:
        data = dict(entry.data) if isinstance(entry.data, dict) else {"data": entry.data}
        if isinstance(data.get("cases"), list):
            data["cases"] = [self.cases.get(str(c), str(c)[:8]) for c in data["cases"]]
        return "; ".join(f"{_words(key)}: {_words(_value(value))}" for key, value in sorted(data.items()))


def _words(text: str) -> str:
    """A recorded name as words for the page ("amount_minor" → "amount minor", "reward_paid" → "reward
    paid"); the CSV export keeps the recorded data exactly as it is in the chain."""
    return _NAME.sub(lambda m: m.group(0).replace("_", " "), text)


_NAME = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b")


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _value(value: object) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return json.dumps(value) if not isinstance(value, str) else value


def _rows(entries: list[AuditEntry]) -> list[dict[str, object]]:
    names = _Names(entries)
    return [
        {
            "seq": e.seq,
            "at": e.at,
            "who": names.who(e),
            "what": labels.label(e.event),
            "event": e.event,
            "subject": names.subject(e),
            "data": names.data(e),
        }
        for e in entries
    ]


def _anchor_context() -> dict[str, object]:
    try:
        public = anchors.public_key()
        key: dict[str, str] | None = {"hex": public.hex(), "id": anchors.key_id(public)}
    except anchors.AnchorKeyMissing:
        key = None
    return {"anchors": AuditAnchor.objects.order_by("-at")[:10], "anchor_key": key}


@require_GET
@staff_required(Perm.AUDIT_READ)
def log_page(request: HttpRequest) -> HttpResponse:
    form = LogFilter(request.GET)
    before, after = _position(request, "before"), _position(request, "after")
    problems = [p for p in (before, after) if isinstance(p, str)]
    context: dict[str, object] = {"form": form, "problems": problems, **_anchor_context()}
    if not form.is_valid() or problems:
        return render(request, "core/audit/log.html", context, status=400)
    entries = form.entries()
    if isinstance(after, int):
        # Newer: the page just above ``after``, read upwards, shown newest first.
        page = list(entries.filter(seq__gt=after).order_by("seq")[: PAGE_SIZE + 1])
        newer_exists = len(page) > PAGE_SIZE
        page = page[:PAGE_SIZE][::-1]
        older_exists = bool(page)
    else:
        if isinstance(before, int):
            entries = entries.filter(seq__lt=before)
        page = list(entries.order_by("-seq")[: PAGE_SIZE + 1])
        older_exists = len(page) > PAGE_SIZE
        page = page[:PAGE_SIZE]
        newer_exists = before is not None and bool(page)
    context |= {
        "rows": _rows(page),
        "older": page[-1].seq if older_exists and page else None,
        "newer": page[0].seq if newer_exists and page else None,
        "filtered": any(request.GET.get(name) for name in form.fields),
    }
    return render(request, "core/audit/log.html", context)


class _Echo:
    def write(self, value: str) -> str:
        return value


EXPORT_HEADER = ["seq", "time_utc", "who", "actor_id", "event", "what", "subject", "data", "hash"]


def _export_rows(entries: QuerySet[AuditEntry], through: int) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(EXPORT_HEADER)
    upper = through + 1
    while True:
        chunk = list(entries.filter(seq__lt=upper).order_by("-seq")[:EXPORT_CHUNK])
        if not chunk:
            return
        names = _Names(chunk)
        for e in chunk:
            yield writer.writerow(
                [
                    e.seq,
                    e.at.astimezone(datetime.UTC).isoformat(),
                    safe_cell(names.who(e)),
                    str(e.actor or ""),
                    safe_cell(e.event),
                    safe_cell(labels.label(e.event)),
                    safe_cell(names.subject(e)),
                    safe_cell(json.dumps(e.data, sort_keys=True)),
                    e.hash,
                ]
            )
        upper = chunk[-1].seq


@require_GET
@staff_required(Perm.AUDIT_READ)
def log_export(request: HttpRequest) -> HttpResponse:
    form = LogFilter(request.GET)
    if not form.is_valid():
        return render(request, "core/audit/log.html", {"form": form, **_anchor_context()}, status=400)
    # Entries are numbered without gaps under the head lock: everything up to the newest now is a fixed set,
    # which the export's own entry (written next, so outside it) names.
    through = AuditEntry.objects.aggregate(n=Max("seq"))["n"] or 0
    record(Event.EXPORT, actor=request.user, subject="audit:log", through=through, **form.described())
    response = StreamingHttpResponse(
        _export_rows(form.entries(), through), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="audit-log-{timezone.localdate():%Y-%m-%d}.csv"'
    response["Cache-Control"] = "no-store"
    return response  # type: ignore[return-value]


@require_GET
@staff_required(Perm.AUDIT_READ)
def anchors_export(request: HttpRequest) -> HttpResponse:
    """Every anchor, oldest first, after a header pinning the public key: the file auditors keep off the
    server and give to ``embrace audit verify --anchors``."""
    try:
        anchors.public_key()
    except anchors.AnchorKeyMissing:
        context = {"form": LogFilter(), "problems": [_("No anchor key is set up on this server.")]}
        return render(request, "core/audit/log.html", context | _anchor_context(), status=503)
    listed = AuditAnchor.objects.order_by("at", "pk")
    record(Event.EXPORT, actor=request.user, subject="audit:anchors", anchors=listed.count())
    response = HttpResponse(
        "".join(anchors.export_lines(listed)), content_type="application/x-ndjson; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="audit-anchors-{timezone.localdate():%Y-%m-%d}.jsonl"'
    )
    response["Cache-Control"] = "no-store"
    return response


app_name = "audit"
urlpatterns: list[URLPattern] = [
    path("", log_page, name="log"),
    path("export.csv", log_export, name="export"),
    path("anchors.jsonl", anchors_export, name="anchors"),
]
