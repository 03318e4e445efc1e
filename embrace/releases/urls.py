from django.urls import path

from embrace.releases import views

app_name = "releases"
urlpatterns = [
    path("", views.release_list, name="list"),
    path("draft/", views.draft, name="draft"),
    path("<uuid:release_id>/", views.detail, name="detail"),
    path("<uuid:release_id>/decide/", views.decide, name="decide"),
    path("<uuid:release_id>/withdraw/", views.withdraw, name="withdraw"),
]
