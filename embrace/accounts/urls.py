from django.urls import path

from embrace.accounts import views

# The home page reads every app's queues, so it stands in core (the top floor); its URL stays here so that
# its name stays accounts:home.
from embrace.core.home import home

app_name = "accounts"
urlpatterns = [
    path("", home, name="home"),
    path("login/", views.login_view, name="login"),
    path("login/code/", views.login_code, name="login_code"),
    path("login/enrol/", views.enrol, name="enrol"),
    path("login/recover/", views.recover, name="recover"),
    path("login/new-authenticator/", views.reenrol, name="reenrol"),
    path("logout/", views.logout_view, name="logout"),
    path("language/", views.choose_language, name="language"),
    path("password/", views.password_change, name="password_change"),
    path("teams/", views.team_list, name="team_list"),
    path("teams/new/", views.team_new, name="team_new"),
    path("teams/<uuid:team_id>/", views.team_edit, name="team_edit"),
]
