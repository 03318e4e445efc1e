from django.urls import path

from embrace.cases import identity_views as views

app_name = "identity"
urlpatterns = [
    path("requests/", views.reveal_queue, name="queue"),
    path("requests/<uuid:approval_id>/", views.reveal_decide, name="decide"),
    path("<uuid:case_id>/", views.identity_detail, name="detail"),
    path("<uuid:case_id>/edit/", views.identity_edit, name="edit"),
    path("<uuid:case_id>/request/", views.identity_request, name="request"),
    path("<uuid:case_id>/dependants/", views.dependant_add, name="dependant_add"),
    path("<uuid:case_id>/dependants/<uuid:dependant_id>/", views.dependant_edit, name="dependant_edit"),
]
