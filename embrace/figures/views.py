"""The analysts' dashboards: each reads one snapshot and draws it; none counts anything itself.

No case reference, name or content can appear: snapshots hold only counts, days and codes
(``embrace.figures.stats``), and these views read nothing else.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.roles import Perm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.figures import actions, charts, tasks
from embrace.figures.labels import DASHBOARD_LABELS, label, row_label
from embrace.figures.models import Definition, Key, Snapshot
from embrace.figures.stats import DASHBOARDS

app_name = "figures"


def _snapshot(dashboard: str) -> Snapshot | None:
    if dashboard not in DASHBOARDS:
        raise Http404(_("There is no such dashboard."))
    return Snapshot.objects.filter(dashboard=dashboard).first()


def _key_name(key: str) -> str:
    """A definition's name in words, on the page and in its download alike."""
    return str(Key(key).label) if key in Key.values else key


def _definitions(figure: dict[str, Any]) -> list[dict[str, Any]]:
    named = figure.get("definitions") or ([figure["definition"]] if figure.get("definition") else [])
    found = {(d.key, d.version): d for d in Definition.objects.filter(key__in=[n["key"] for n in named])}
    shown = []
    for name in named:
        definition = found.get((name["key"], name["version"]))
        shown.append(
            {
                "label": _key_name(name["key"]),
                "version": name["version"],
                "description": _(definition.description) if definition else "",
            }
        )
    return shown


def _cell(value: Any) -> Any:
    return "" if value is None else value


def _table(figure: dict[str, Any]) -> dict[str, Any]:
    return {
        "head": [label(what, code) for what, code in figure["columns"]],
        "rows": [[row_label(figure["rows_of"], row[0]), *map(_cell, row[1:])] for row in figure["rows"]],
    }


@require_GET
@staff_required(Perm.STATS_READ)
def home(request: HttpRequest) -> HttpResponse:
    computed = dict(Snapshot.objects.values_list("dashboard", "computed_at"))
    boards = [{"slug": d, "title": DASHBOARD_LABELS[d], "computed_at": computed.get(d)} for d in DASHBOARDS]
    definitions = Definition.objects.order_by("key", "-version")
    context = {"boards": boards, "definitions": definitions, "last_run": tasks.last_run()}
    return render(request, "figures/home.html", context)


@require_GET
@staff_required(Perm.STATS_READ)
def dashboard(request: HttpRequest, dashboard: str) -> HttpResponse:
    snapshot = _snapshot(dashboard)
    figures = []
    drawn = snapshot.charts.get(get_language(), {}) if snapshot else {}
    for figure in snapshot.data["figures"] if snapshot else []:
        title = _(figure["title"])
        figures.append(
            {
                "name": figure["name"],
                "title": title,
                "note": _(figure["note"]) if figure.get("note") else "",
                # Drawn by the task; drawn here only for a snapshot from before a language was added.
                "svg": drawn.get(figure["name"]) or charts.draw(figure, title),
                "table": _table(figure),
                "definitions": _definitions(figure),
                "cases": figure.get("cases"),
            }
        )
    context = {
        "slug": dashboard,
        "title": DASHBOARD_LABELS[dashboard],
        "snapshot": snapshot,
        "figures": figures,
        "boards": [(d, DASHBOARD_LABELS[d]) for d in DASHBOARDS],
    }
    return render(request, "figures/dashboard.html", context)


@require_GET
@staff_required(Perm.STATS_READ)
def table_csv(request: HttpRequest, dashboard: str, figure: str) -> HttpResponse:
    snapshot = _snapshot(dashboard)
    found = [f for f in (snapshot.data["figures"] if snapshot else []) if f["name"] == figure]
    if not found:
        raise Http404(_("There is no such table."))
    table = _table(found[0])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["", *table["head"]])
    writer.writerows(table["rows"])
    definition = found[0].get("definition")
    if definition:
        # Named as the page names it: the key is a code, not a word an analyst reads.
        name = _key_name(definition["key"])
        writer.writerow([_("Definition"), name, _("version %(n)s") % {"n": definition["version"]}])
    record(Event.EXPORT, actor=request.user, subject=f"figures:{dashboard}:{figure}", rows=len(table["rows"]))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{dashboard}-{figure}.csv"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@staff_required(Perm.STATS_READ)
def recompute(request: HttpRequest) -> HttpResponse:
    actions.ask_recompute(actor=request.user)  # type: ignore[arg-type]
    messages.success(request, _("The figures are being computed afresh; this takes a minute or two."))
    back = request.POST.get("dashboard", "")
    return redirect("figures:dashboard", dashboard=back) if back in DASHBOARDS else redirect("figures:home")


urlpatterns = [
    path("", home, name="home"),
    path("recompute/", recompute, name="recompute"),
    path("<slug:dashboard>/", dashboard, name="dashboard"),
    path("<slug:dashboard>/<slug:figure>.csv", table_csv, name="csv"),
]
