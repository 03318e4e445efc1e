from django.urls import path

from embrace.intake import staff_views

app_name = "intake_staff"
urlpatterns = [
    path("quarantine/", staff_views.quarantine, name="quarantine"),
    path("quarantine/empty/", staff_views.quarantine_empty, name="quarantine_empty"),
    path("quarantine/requests/<uuid:approval_id>/", staff_views.quarantine_decide, name="quarantine_decide"),
]
