"""Each person's home page: for every role they hold, the work it does and what waits for them, as links.

It stands in core, the top floor, because it reads every app's queues (cases, vetting, passage, rewards,
accounts); only its URL lives in ``embrace.accounts.urls``, so that its name stays ``accounts:home``. It
shows counts and references, never content: what a person may open is decided again on the page linked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm, Role
from embrace.approvals.queries import pending_for
from embrace.cases import identity, lifecycle
from embrace.cases.models import Case, Status
from embrace.cases.queries import handler_cases, triage_inbox
from embrace.passage.models import PassagePlan
from embrace.releases.actions import PUBLISH
from embrace.retention.actions import CHANGE_RULE
from embrace.staffing.actions import RESET_AUTHENTICATOR, WIDEN_ACCESS
from embrace.staffing.models import Invitation
from embrace.vault.recovery import restores_for, trusteeship_of
from embrace.vetting.queries import review_queue


@dataclass
class Task:
    text: str | Promise
    url: str
    waiting: int | None = None  # how many wait for this person there, when it can be counted cheaply


@dataclass
class Section:
    title: str | Promise
    about: str | Promise
    tasks: list[Task] = field(default_factory=list)


def _url(*names: str, **kwargs: object) -> str:
    """The first of these pages that exists: the rewards home replaces the claims list once it is built."""
    for name in names:
        try:
            return reverse(name, kwargs=kwargs or None)
        except NoReverseMatch:
            continue
    raise NoReverseMatch(names[-1])


def _intake(user: User) -> Section:
    inbox = triage_inbox(user)
    return Section(
        _("Intake"),
        _("Read new enquiries, answer them, give each case to a handler, and check the quarantine."),
        [
            Task(_("Inbox"), reverse("cases:inbox"), inbox.filter(handler__isnull=True).count()),
            Task(
                _("Quarantine"),
                reverse("intake_staff:quarantine"),
                Case.objects.filter(team__in=user.teams.all(), status=Status.QUARANTINED).count(),
            ),
            Task(_("Search"), reverse("cases:search")),
        ],
    )


def _handler(user: User) -> Section:
    unread = sum(case.unread_by_staff for case in handler_cases(user).filter(unread_by_staff__gt=0))
    tasks = [Task(_("My cases"), reverse("cases:mine"), unread)]
    # A passage team plans journeys for other teams' cases: the plans sealed to one's own teams.
    plans = PassagePlan.objects.filter(team__in=user.teams.all()).select_related("case")
    tasks += [
        Task(
            _("Passage plan for case %(reference)s") % {"reference": p.case.reference},
            reverse("passage:plan", kwargs={"case_id": p.case_id}),
        )
        for p in plans
    ]
    return Section(
        _("Cases"),
        _("Talk with the people you look after, ask for identity and passage, plan and record arrival."),
        tasks,
    )


def _reviewer(user: User) -> Section:
    waiting = sum(1 for row in review_queue(user) if not row.signed_by_me)
    return Section(
        _("Vetting"),
        _("Check each case in vetting, sign it off or raise a concern, and verify reward claims."),
        [Task(_("Vetting queue"), reverse("vetting:queue"), waiting), Task(_("Reward claims"), _rewards())],
    )


def _custodian(user: User) -> Section:
    waiting = pending_for(user).filter(action=identity.REVEAL_ACTION).count()
    return Section(
        _("Identity"),
        _("Decide who may see a person's identity, and keep names, phones and family details."),
        [
            Task(_("Identity requests"), reverse("identity:queue"), waiting),
            Task(_("Search"), reverse("cases:search")),
        ],
    )


def _rewards() -> str:
    return _url("rewards:home", "rewards:claims_queue")


def _committee(user: User) -> Section:
    return Section(
        _("Rewards committee"),
        _("Value claims, approve payments and monthly support, and agree the published reward schedule."),
        [
            Task(_("Rewards"), _rewards()),
            Task(_("Monthly support"), reverse("rewards:stipends")),
            Task(_("Reward schedules"), reverse("rewards:schedules")),
        ],
    )


def _finance(user: User) -> Section:
    return Section(
        _("Finance"),
        _("Pay approved rewards and monthly support, and record money received."),
        [
            Task(_("Rewards"), _rewards()),
            Task(_("Monthly support"), reverse("rewards:stipends")),
            Task(_("Accounts and donations"), reverse("rewards:finance")),
        ],
    )


def _analyst(user: User) -> Section:
    return Section(
        _("Figures"),
        _(
            "Programme figures (how many enquiries, cases and arrivals, never who): read the charts and "
            "tables, and draft figures for the public, which a second analyst publishes."
        ),
        [
            Task(_("Figures"), reverse("figures:home")),
            # Drafts by other analysts that this one may publish: the list is where they are decided.
            Task(
                _("Public figures"),
                reverse("releases:list"),
                pending_for(user).filter(action=PUBLISH).count(),
            ),
        ],
    )


def _auditor(user: User) -> Section:
    return Section(
        _("Audit"),
        _("Read who did what and who read what, and download the signed anchors to keep."),
        [Task(_("Audit log"), reverse("audit:log"))],
    )


def _administrator(user: User) -> Section:
    changes = pending_for(user).filter(action__in=[WIDEN_ACCESS, RESET_AUTHENTICATOR]).count()
    invitations = Invitation.objects.filter(confirmed_at__isnull=True, cancelled_at__isnull=True).count()
    retention_changes = pending_for(user).filter(action=CHANGE_RULE).count()
    return Section(
        _("Administration"),
        _("Invite staff and set their roles and teams, keep the teams, case labels and intake routes."),
        [
            Task(_("Accounts"), reverse("staffing:user_list"), changes),
            Task(_("Invitations waiting"), reverse("staffing:user_list") + "#invitations", invitations),
            Task(_("Teams"), reverse("accounts:team_list")),
            Task(_("Case labels"), reverse("config:labels")),
            Task(_("Intake routes"), reverse("config:routes")),
            Task(_("How long case content is kept"), reverse("config:retention"), retention_changes),
        ],
    )


SECTIONS = {
    Role.ADMINISTRATOR: _administrator,
    Role.INTAKE_OFFICER: _intake,
    Role.HANDLER: _handler,
    Role.VETTING_REVIEWER: _reviewer,
    Role.CUSTODIAN: _custodian,
    Role.REWARD_COMMITTEE: _committee,
    Role.FINANCE: _finance,
    Role.ANALYST: _analyst,
    Role.AUDITOR: _auditor,
}


@require_GET
@staff_required()
def home(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    held = user.roles
    context = {
        "roles": [role.label for role in Role if role in held],
        "sections": [build(user) for role, build in SECTIONS.items() if role in held],
        # A handler starts from their own cases, newest news first; nobody else's appear here.
        "cases": handler_cases(user) if user.can(Perm.CASE_HANDLE) else None,
        # Exactly the requests the approvals page lists (about cases, another team's passage left out);
        # every other kind is counted where it is decided (identity requests, accounts, retention, public
        # figures), or the link led to a page without them.
        "approvals": len(lifecycle.decidable(user)),
        # Break-glass: a trustee sees their waiting share and every restore of their key, so none goes unseen.
        "trustee": trusteeship_of(user),
        "restores": restores_for(user)[:5],
    }
    return render(request, "accounts/home.html", context)
