from django.urls import path

from embrace.staffing import views

app_name = "staffing"
urlpatterns = [
    path("accounts/", views.user_list, name="user_list"),
    path("accounts/invite/", views.invite, name="invite"),
    path("accounts/invitations/<uuid:invitation_id>/", views.invitation_detail, name="invitation"),
    path("accounts/changes/<uuid:change_id>/", views.change_decide, name="change"),
    path("accounts/resets/<uuid:approval_id>/", views.reset_decide, name="reset"),
    path("accounts/<uuid:user_id>/", views.user_edit, name="user_edit"),
    path("accounts/<uuid:user_id>/reset-authenticator/", views.reset_request, name="reset_request"),
    path("join/<str:token>/", views.join, name="join"),
]
