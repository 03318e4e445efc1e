"""Finance pages: the figures (finance and committee), funds received and their reversal (finance), and the
ledger's CSV export (the finance officer, who releases payments).

The export holds case references and schedule codes, never a memo (staff free text) nor any name, and every
download is in the audit log before its first byte leaves.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.contrib import messages
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.roles import Perm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.actions import today
from embrace.myanmar.templatetags.myanmar import sentence_with_refs
from embrace.rewards import finance, funds
from embrace.rewards.finance_forms import DonationForm, ReverseDonationForm
from embrace.rewards.models import Journal, JournalKind, Line
from embrace.rewards.money import display, from_minor, in_words


@require_GET
@staff_required(Perm.FINANCE_READ)
def finance_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "totals": finance.totals(),
        "entries": finance.by_entry(),
        "months": finance.by_month(),
        "donations": finance.recent_donations(),
        "can_record": user.can(Perm.FUNDS_RECORD),  # type: ignore[union-attr]
        "can_export": user.can(Perm.PAYMENT_RELEASE),  # type: ignore[union-attr]
        "reverse_form": ReverseDonationForm(),
    }
    return render(request, "rewards/finance.html", context)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.FUNDS_RECORD)
def donation_new(request: HttpRequest) -> HttpResponse:
    form = DonationForm(request.POST if request.method == "POST" else None)
    if request.method == "GET":
        return render(request, "rewards/donation_new.html", {"form": form})
    if request.GET.get("correct"):
        # "No, correct it" on the confirmation page: the form again, as typed, nothing recorded.
        return render(
            request, "rewards/donation_new.html", {"form": DonationForm(initial=request.POST.dict())}
        )
    if form.is_valid() and form.needs_confirmation:
        data = form.cleaned_data
        context = {
            "form": form,
            "shown": display(data["amount_minor"], data["currency"]),
            "words": in_words(data["amount_minor"], data["currency"]),
            "confirm": f"{data['currency']}:{data['amount_minor']}",
        }
        return render(request, "rewards/donation_confirm.html", context)
    if form.is_valid():
        data = form.cleaned_data
        try:
            journal = funds.record_donation(
                data["amount_minor"],
                data["currency"],
                memo=data["memo"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except funds.FundsError as exc:
            form.add_error(None, str(exc))
        else:
            recorded = sentence_with_refs(gettext("Recorded as journal %(number)s."), number=journal.number)
            messages.success(request, recorded)
            return redirect("rewards:finance")
    return render(request, "rewards/donation_new.html", {"form": form}, status=400)


@require_POST
@staff_required(Perm.FUNDS_RECORD)
def donation_reverse(request: HttpRequest, journal_id: str) -> HttpResponse:
    journal = get_object_or_404(Journal, pk=journal_id, kind=JournalKind.DONATION)
    form = ReverseDonationForm(request.POST)
    if not form.is_valid():
        return render(
            request, "rewards/donation_reverse.html", {"journal": journal, "form": form}, status=400
        )
    try:
        reversal = funds.reverse_donation(journal, memo=form.cleaned_data["memo"], actor=request.user)  # type: ignore[arg-type]
    except funds.FundsError as exc:
        form.add_error(None, str(exc))
        return render(
            request, "rewards/donation_reverse.html", {"journal": journal, "form": form}, status=409
        )
    messages.success(
        request,
        sentence_with_refs(
            gettext("Journal %(number)s reversed by journal %(reversal)s."),
            number=journal.number,
            reversal=reversal.number,
        ),
    )
    return redirect("rewards:finance")


EXPORT_HEADER = [
    "journal",
    "posted_on",
    "kind",
    "account",
    "currency",
    "amount",
    "case",
    "entry",
    "reverses_journal",
]
# Journals per query while streaming: a few thousand lines at a time, whatever the ledger's size.
EXPORT_CHUNK = 2000
# A cell starting with one of these is read as a formula by spreadsheet programs (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: str) -> str:
    """Text a spreadsheet shows as text: a leading quote turns a would-be formula into a literal."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class _Echo:
    def write(self, value: str) -> str:
        return value


def _export_rows(through: int) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(EXPORT_HEADER)
    for start in range(1, through + 1, EXPORT_CHUNK):
        lines = (
            Line.objects.filter(
                journal__number__gte=start, journal__number__lte=min(through, start + EXPORT_CHUNK - 1)
            )
            .order_by("journal__number", "pk")
            .values_list(
                "journal__number",
                "journal__posted_on",
                "journal__kind",
                "account",
                "currency",
                "amount_minor",
                "case__reference",
                "entry__code",
                "journal__reverses__number",
            )
        )
        for number, posted_on, kind, account, currency, amount, case, entry, reverses in lines:
            yield writer.writerow(
                [
                    number,
                    posted_on.isoformat(),
                    safe_cell(kind),
                    safe_cell(account),
                    safe_cell(currency),
                    f"{from_minor(amount, currency):f}",
                    safe_cell(case or ""),
                    safe_cell(entry or ""),
                    "" if reverses is None else reverses,
                ]
            )


@require_GET
@staff_required(Perm.PAYMENT_RELEASE)
def finance_export(request: HttpRequest) -> HttpResponse:
    # Journals are append-only and numbered without gaps under the ledger lock, each with its lines in the
    # same transaction: everything up to the last number now is a fixed set, so the count audited below is
    # the count sent, whatever is posted while the file streams.
    through = Journal.objects.aggregate(n=Max("number"))["n"] or 0
    count = Line.objects.filter(journal__number__lte=through).count()
    record(Event.EXPORT, actor=request.user, subject="rewards:ledger", rows=count, through=through)
    response = StreamingHttpResponse(_export_rows(through), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ledger-{today():%Y-%m-%d}.csv"'
    response["Cache-Control"] = "no-store"
    return response  # type: ignore[return-value]


urls: list[URLPattern] = [
    path("finance/", finance_page, name="finance"),
    path("finance/export.csv", finance_export, name="finance_export"),
    path("finance/donations/new/", donation_new, name="donation_new"),
    path("finance/donations/<uuid:journal_id>/reverse/", donation_reverse, name="donation_reverse"),
]
