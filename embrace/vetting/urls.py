from django.urls import path

from embrace.vetting import views

app_name = "vetting"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<uuid:case_id>/", views.case_vetting, name="case"),
    path("<uuid:case_id>/checks/", views.record_check, name="record_check"),
    path("<uuid:case_id>/sign-off/", views.sign_off, name="sign_off"),
    path("<uuid:case_id>/passage/", views.request_passage, name="request_passage"),
    path("<uuid:case_id>/flags/", views.raise_flag, name="raise_flag"),
    path("<uuid:case_id>/flags/<uuid:flag_id>/clear/", views.clear_flag, name="clear_flag"),
]
