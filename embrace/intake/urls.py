from django.urls import path

from embrace.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("enquire/", views.enquire, name="enquire"),
    path("return/", views.return_with_receipt, name="return"),
    path("return/reply/", views.reply, name="reply"),
    path("return/photo/", views.photo, name="photo"),
]
