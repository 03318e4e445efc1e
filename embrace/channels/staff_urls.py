from django.urls import path

from embrace.channels import staff_views

app_name = "channels_staff"
urlpatterns = [
    path("enter/", staff_views.enter, name="enter"),
    path("switches/", staff_views.switches, name="switches"),
    path("switches/<slug:channel>/turn-on/", staff_views.switch_ask, name="switch_ask"),
    path("switches/<slug:channel>/pause/", staff_views.switch_pause, name="switch_pause"),
    path("switches/requests/<uuid:approval_id>/", staff_views.switch_decide, name="switch_decide"),
]
