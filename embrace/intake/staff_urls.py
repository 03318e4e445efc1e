from django.urls import path

from embrace.intake import staff_views

app_name = "intake_staff"
urlpatterns = [
    path("quarantine/", staff_views.quarantine, name="quarantine"),
    path("quarantine/empty/", staff_views.quarantine_empty, name="quarantine_empty"),
    path("quarantine/requests/<uuid:approval_id>/", staff_views.quarantine_decide, name="quarantine_decide"),
    path("waves/", staff_views.waves, name="waves"),
    path("waves/ask/", staff_views.wave_ask, name="wave_ask"),
    path("waves/requests/<uuid:wave_id>/", staff_views.wave_decide, name="wave_decide"),
]
