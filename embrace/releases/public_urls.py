from django.urls import path

from embrace.releases import views

app_name = "public_figures"
urlpatterns = [path("figures/", views.public_list, name="list")]
