"""``/staff/rewards/``: the rewards home — what waits for this person, and where each part of the work is.

Claims go handler → reviewer (verifies) → committee (values; two members approve each tranche) → finance
(pays); stipends go job (proposes) → committee (approves or refuses) → finance (pays). The page shows each
person the counts that wait for them and links only to pages their role opens.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.rewards import claim_queries
from embrace.rewards.models import Stipend, StipendStatus


@require_GET
@staff_required()
def rewards_home(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    claims = claim_queries.takes_part_in_claims(user)
    finance = user.can(Perm.FINANCE_READ)
    if not claims and not finance:
        raise PermissionDenied(_("Your role takes no part in rewards."))
    queue = claim_queries.claims_for(user) if claims else None
    decide = user.can(Perm.STIPEND_APPROVE)
    pay = user.can(Perm.PAYMENT_RELEASE)
    context: dict[str, object] = {
        "queue": queue,
        "finance": finance,
        "decide_stipends": decide,
        "pay_stipends": pay,
        "record_funds": user.can(Perm.FUNDS_RECORD),
        "stipends_to_decide": Stipend.objects.filter(status=StipendStatus.PROPOSED).count() if decide else 0,
        # Finance pays what someone else approved: one's own approvals are not counted as waiting for them.
        "stipends_to_pay": (
            Stipend.objects.filter(status=StipendStatus.APPROVED).exclude(approved_by=user).count()
            if pay
            else 0
        ),
    }
    context["nothing"] = (queue is None or queue.empty) and not (
        context["stipends_to_decide"] or context["stipends_to_pay"]
    )
    return render(request, "rewards/home.html", context)


urls: list[URLPattern] = [path("", rewards_home, name="home")]
