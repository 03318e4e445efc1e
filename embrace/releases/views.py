"""Staff pages of public releases (analysts), and the public list on the enquirer's site."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.approvals.models import Status as ApprovalStatus
from embrace.core.access import public
from embrace.myanmar.formats import burmese_active, local_digits
from embrace.releases import actions
from embrace.releases.disclosure import Form
from embrace.releases.forms import DraftForm
from embrace.releases.models import Release, ReleaseFigure, ReleaseStatus


def _actor(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def get_release_for(user: User, release_id: uuid.UUID) -> Release:
    """A release, for an analyst (the decorator has checked the permission): 404 if unknown."""
    release = Release.objects.select_related("drafted_by", "approval").filter(pk=release_id).first()
    if release is None:
        raise Http404
    return release


def words(figure: ReleaseFigure) -> str:
    """What the public reads of a figure, in the page's language and digits."""
    if figure.form == Form.RANGE:
        return _("between %(low)s and %(high)s") % {
            "low": local_digits(figure.low),
            "high": local_digits(figure.high),
        }
    if figure.value is not None:
        return _("about %(value)s") % {"value": local_digits(figure.value)}
    if figure.high is None:
        # A count of people resting on too few families (or too few people): no number, whichever it was.
        return _("not published: too few families")
    return _("fewer than %(threshold)s") % {"threshold": local_digits((figure.high or 0) + 1)}


def _rows(release: Release) -> list[dict[str, object]]:
    return [
        {"label": actions.figure_label(f.key, f.breakdown), "shown": words(f), "total": not f.breakdown}
        for f in release.figures.all()
    ]


@require_GET
@staff_required(Perm.STATS_READ)
def release_list(request: HttpRequest) -> HttpResponse:
    releases = Release.objects.select_related("drafted_by")
    return render(request, "releases/list.html", {"releases": releases})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.STATS_READ)
def draft(request: HttpRequest) -> HttpResponse:
    form = DraftForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            release = actions.draft_release(
                actions.Draft(
                    title_my=data["title_my"],
                    title_en=data["title_en"],
                    start=data["start"],
                    end=data["end"],
                    keys=data["keys"],
                    breakdown=data["breakdown"] or "",
                    private=data["private"],
                    epsilon=data["epsilon"],
                ),
                actor=_actor(request),
            )
        except actions.ReleaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Drafted: another analyst must publish it."))
            return redirect("releases:detail", release_id=release.pk)
    return render(request, "releases/draft.html", {"form": form}, status=400 if form.errors else 200)


@require_GET
@staff_required(Perm.STATS_READ)
def detail(request: HttpRequest, release_id: uuid.UUID) -> HttpResponse:
    release = get_release_for(_actor(request), release_id)
    context = {
        "release": release,
        "rows": _rows(release),
        "mine": release.drafted_by_id == request.user.pk,
        "waiting": release.status == ReleaseStatus.DRAFT
        and release.approval is not None
        and release.approval.status == ApprovalStatus.PENDING,
    }
    return render(request, "releases/detail.html", context)


@require_POST
@staff_required(Perm.STATS_PUBLISH)
def decide(request: HttpRequest, release_id: uuid.UUID) -> HttpResponse:
    release = get_release_for(_actor(request), release_id)
    choice = request.POST.get("decision")
    if choice not in ("publish", "refuse"):
        return _refused(request, release, _("Choose to publish or to refuse."))
    try:
        actions.decide_release(release, approve=choice == "publish", actor=_actor(request))
    except actions.ReleaseError as exc:
        return _refused(request, release, str(exc))
    messages.success(request, _("Published.") if choice == "publish" else _("Refused."))
    return redirect("releases:detail", release_id=release.pk)


@require_POST
@staff_required(Perm.STATS_READ)
def withdraw(request: HttpRequest, release_id: uuid.UUID) -> HttpResponse:
    release = get_release_for(_actor(request), release_id)
    try:
        actions.withdraw_release(release, actor=_actor(request))
    except actions.ReleaseError as exc:
        return _refused(request, release, str(exc))
    messages.success(request, _("Withdrawn: it no longer shows on the public site."))
    return redirect("releases:detail", release_id=release.pk)


def _refused(request: HttpRequest, release: Release, message: str) -> HttpResponse:
    context = {"release": release, "rows": _rows(release), "refusal": message}
    return render(request, "releases/detail.html", context, status=400)


@require_GET
@public
def public_list(request: HttpRequest) -> HttpResponse:
    # Only what a second analyst published and nobody withdrew: a draft never reaches this page.
    releases = Release.objects.filter(status=ReleaseStatus.PUBLISHED).prefetch_related("figures")
    in_order = releases.order_by("-end", "title_my" if burmese_active() else "title_en")
    response = render(
        request, "releases/public.html", {"releases": [(release, _rows(release)) for release in in_order]}
    )
    response["Cache-Control"] = "no-store"
    return response
