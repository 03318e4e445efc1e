from django.urls import path

from embrace.breakglass import views

app_name = "breakglass"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("set-up/", views.set_up, name="set_up"),
    path("set-up/decide/", views.set_up_decide, name="set_up_decide"),
    path("my-share/", views.my_share, name="my_share"),
    path("cover/", views.cover, name="cover"),
    path("restores/open/", views.restore_open, name="restore_open"),
    path("restores/share/", views.restore_share, name="restore_share"),
    path("restores/complete/", views.restore_complete, name="restore_complete"),
    path("restores/cancel/", views.restore_cancel, name="restore_cancel"),
]
