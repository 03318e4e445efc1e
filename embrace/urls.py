from django.urls import include, path

urlpatterns = [
    path("staff/", include("embrace.accounts.urls")),
]

handler400 = "embrace.core.views.bad_request"
handler403 = "embrace.core.views.permission_denied"
handler404 = "embrace.core.views.page_not_found"
handler500 = "embrace.core.views.server_error"
