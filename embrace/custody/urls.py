from django.urls import path

from embrace.custody import views

app_name = "custody"
urlpatterns = [
    path("", views.keys, name="keys"),
    path("give/", views.give, name="give"),
    path("start/", views.start, name="start"),
    path("decide/", views.decide, name="decide"),
]
