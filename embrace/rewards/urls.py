from django.urls import URLPattern

from embrace.rewards import (
    claim_views,
    finance_views,
    home_views,
    schedule_views,
    stipend_views,
)

app_name = "rewards"
# Each page module lists its own patterns: the rewards home, claims (handlers, reviewers, committee,
# finance), the published schedule's versions, stipends, and the finance views.
urlpatterns: list[URLPattern] = [
    *home_views.urls,
    *claim_views.urls,
    *schedule_views.urls,
    *stipend_views.urls,
    *finance_views.urls,
]
