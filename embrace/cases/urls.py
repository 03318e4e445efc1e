from django.urls import path

from embrace.cases import search_views, step_views, views

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("mine/", views.my_cases, name="mine"),
    path("search/", search_views.search_page, name="search"),
    path("<uuid:case_id>/", views.case_detail, name="detail"),
    path("<uuid:case_id>/reply/", views.case_reply, name="reply"),
    path("<uuid:case_id>/notes/", views.case_note, name="note"),
    path("<uuid:case_id>/messages/<uuid:message_id>/resend/", views.case_resend, name="resend"),
    path("<uuid:case_id>/attachments/<uuid:attachment_id>/", views.attachment, name="attachment"),
    path("<uuid:case_id>/assign/", views.case_assign, name="assign"),
    path("<uuid:case_id>/step/", step_views.take_step, name="step"),
    path("approvals/", step_views.approvals, name="approvals"),
    path("approvals/<uuid:approval_id>/", step_views.decide, name="decide"),
]
