from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    # Webhooks of the chat channels (Telegram's servers POST here): no language prefix, no staff login.
    # First, so the busiest address is found without trying every staff prefix before it.
    path("hooks/", include("embrace.channels.urls")),
    path("staff/", include("embrace.accounts.urls")),
    path("staff/", include("embrace.staffing.urls")),
    path("staff/intake/", include("embrace.intake.staff_urls")),
    path("staff/channels/", include("embrace.channels.staff_urls")),
    path("staff/cases/", include("embrace.cases.urls")),
    path("staff/vetting/", include("embrace.vetting.urls")),
    path("staff/identity/", include("embrace.cases.identity_urls")),
    path("staff/passage/", include("embrace.passage.urls")),
    path("staff/rewards/", include("embrace.rewards.urls")),
    path("staff/figures/", include("embrace.figures.urls")),
    path("staff/keys/", include("embrace.custody.urls")),
    path("staff/break-glass/", include("embrace.breakglass.urls")),
    path("staff/audit/", include("embrace.core.audit_views")),
    path("staff/settings/", include("embrace.core.config_views")),
    path("staff/releases/", include("embrace.releases.urls")),
]
# The enquirer's site: Burmese at /, English at /en/ — chosen by link, never by a cookie or browser header.
urlpatterns += i18n_patterns(
    path("", include("embrace.intake.urls")),
    path("", include("embrace.releases.public_urls")),
    prefix_default_language=False,
)

handler400 = "embrace.core.views.bad_request"
handler403 = "embrace.core.views.permission_denied"
handler404 = "embrace.core.views.page_not_found"
handler500 = "embrace.core.views.server_error"
