from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from . import views

# Staff choose their first password through the link create_associate/create_coordinator print;
# the pages are the admin's own templates, so they need its titles.
ADMIN_TITLES = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}

urlpatterns = [
    # Before the admin, whose catch-all view would otherwise answer these.
    path(
        "admin/password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("password_reset_complete"), extra_context=ADMIN_TITLES
        ),
        name="password_reset_confirm",
    ),
    path(
        "admin/password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(extra_context=ADMIN_TITLES),
        name="password_reset_complete",
    ),
    # Before the admin, whose catch-all view would otherwise answer them.
    path("admin/reports/", include("reports.urls")),
    path("admin/translations/", include("translations.urls")),
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(views.view_on_site),
    ),
    path("admin/", admin.site.urls),
    path("api/hsds/", include("api.urls")),
    path("", include("offline.root_urls")),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("o-portalu/", views.about, name="about"),
    path("", include("services.urls")),
    # Before the guide's: /vodic/van-mreze/ is not a chapter.
    path("", include("offline.urls")),
    path("", include("guides.urls")),
    path("", include("search.urls")),
)

handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error
