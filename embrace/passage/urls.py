from django.urls import path

from embrace.passage import views

app_name = "passage"
urlpatterns = [
    path("<uuid:case_id>/", views.plan_page, name="plan"),
    path("<uuid:case_id>/entries/", views.plan_add_entry, name="add_entry"),
    path("<uuid:case_id>/open/", views.plan_open, name="open"),
]
