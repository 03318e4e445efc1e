"""The staff search page: filters by what is in clear, and identifier search by blind index.

Filters travel in the query string (they say nothing about a person: a reference, a status, a label). An
identifier is searched by POST with the value hidden from error reports: a phone number or a name must not end
up in a URL, the browser's history or a log.

Who may open the page: intake officers and handlers (filters over their own cases, and identifiers) and
custodians (identifiers only: they guard identities, not casework). An identifier search shows only cases
whose identity the searcher's keys open, is limited per person per hour (429, the form kept as typed) and
audited (``cases.actions.search_by_identifier``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.cases import actions, search
from embrace.cases.duplicates import normalise
from embrace.cases.forms import QuickSelect, status_choices
from embrace.cases.models import Case, IdentifierKind, Status
from embrace.cases.rows import CaseRow, case_rows
from embrace.cases.views import PAGE_SIZE
from embrace.myanmar.forms import LocalDigitsErrors


class SearchForm(LocalDigitsErrors, forms.Form):
    reference = forms.CharField(max_length=20, required=False, label=_("Case reference"))
    status = forms.ChoiceField(
        widget=QuickSelect,
        label=_("Status"),
        choices=[("", _("Any status")), *Status.choices],
        required=False,
    )
    label = forms.ChoiceField(widget=QuickSelect, label=_("Label"), choices=[], required=False)
    assignee = forms.ChoiceField(widget=QuickSelect, choices=[], required=False, label=_("Handler"))

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["status"].choices = status_choices()  # type: ignore[attr-defined]
        self.fields["label"].choices = search.label_choices(user)  # type: ignore[attr-defined]
        self.fields["assignee"].choices = search.assignee_choices(user, unassigned=True)  # type: ignore[attr-defined]

    def clean_reference(self) -> str:
        raw: str = self.cleaned_data["reference"]
        reference = search.normalise_reference(raw)
        if raw.strip() and not reference:
            raise forms.ValidationError(_("A case reference has letters and digits, like ABCD2345."))
        return reference


class IdentifierForm(LocalDigitsErrors, forms.Form):
    kind = forms.ChoiceField(
        widget=QuickSelect, choices=IdentifierKind.choices, initial=IdentifierKind.PHONE, label=_("Search by")
    )
    identifier = forms.CharField(max_length=200, label=_("Phone number, service number or name"))

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        kind, value = data.get("kind"), data.get("identifier")
        if kind and value and normalise(str(kind), str(value)) is None:
            self.add_error(
                "identifier",
                _("This is not a %(kind)s that can be searched.")
                % {"kind": str(IdentifierKind(kind).label).lower()},
            )
        return data


def _rows(request: HttpRequest, cases: Iterable[Case]) -> list[CaseRow]:
    # Decrypted here, and only for the cases shown; showing opening words is a read, recorded.
    summarised = search.summaries(cases, request.keyring)  # type: ignore[attr-defined]
    search.record_previews(request.user, summarised)  # type: ignore[arg-type]
    return case_rows(summarised)


@require_http_methods(["GET", "POST"])
@staff_required()
@sensitive_post_parameters("identifier")
def search_page(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    filters_allowed = user.can(Perm.CASE_TRIAGE) or user.can(Perm.CASE_HANDLE)
    if not (filters_allowed or user.can(Perm.CASE_IDENTITY_REVEAL)):
        raise PermissionDenied(_("Your role does not allow searching cases."))
    context: dict[str, object] = {
        "identifier_form": IdentifierForm(),
        "searched": False,
        "filters_allowed": filters_allowed,
        "searches_per_hour": settings.IDENTIFIER_SEARCHES_PER_HOUR,
    }
    if request.method == "POST":
        context["form"] = SearchForm(user=user)
        identifier_form = IdentifierForm(request.POST)
        context["identifier_form"] = identifier_form
        if not identifier_form.is_valid():
            return render(request, "cases/search.html", context, status=400)
        try:
            # Not paginated, so that the identifier never has to travel in a link: more matches than a page
            # means the search is too wide to be useful anyway.
            found = actions.search_by_identifier(
                identifier_form.cleaned_data["kind"],
                identifier_form.cleaned_data["identifier"],
                actor=user,
                keyring=request.keyring,  # type: ignore[attr-defined]
                limit=PAGE_SIZE + 1,
            )
        except actions.SearchLimited as limited:
            context["limited_until"] = limited.until
            return render(request, "cases/search.html", context, status=429)
        context |= {
            "rows": _rows(request, found[:PAGE_SIZE]),
            "more": len(found) > PAGE_SIZE,
            "searched": True,
            "by_identifier": True,
        }
        return render(request, "cases/search.html", context)
    if not filters_allowed:
        return render(request, "cases/search.html", context, status=400 if request.GET else 200)
    form = SearchForm(request.GET or None, user=user)
    context["form"] = form
    if not request.GET:
        return render(request, "cases/search.html", context)
    if not form.is_valid():
        return render(request, "cases/search.html", context, status=400)
    cleaned = form.cleaned_data
    filters = search.Filters(
        reference=cleaned["reference"],
        status=cleaned["status"],
        label=cleaned["label"],
        assignee=cleaned["assignee"],
    )
    page = Paginator(search.search_cases(user, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    context |= {"page": page, "rows": _rows(request, page), "searched": True}
    return render(request, "cases/search.html", context)
