"""``{% load vetting %}{% passage_request case %}``: the passage step's state and button, for the case page.

The same snippet the vetting page shows: once two reviewers found the enquirer genuine, it says who asks for
passage and who approves it, with the button for whoever may ask and a link to the approvals for whoever
decides.
"""

from __future__ import annotations

from typing import Any

from django import template

from embrace.cases.models import Case
from embrace.vetting.pages import passage_state

register = template.Library()


@register.inclusion_tag("vetting/_passage_request.html", takes_context=True)
def passage_request(context: dict[str, Any], case: Case) -> dict[str, Any]:
    request = context["request"]
    return {"passage": passage_state(request, case), "csrf_token": context.get("csrf_token")}
