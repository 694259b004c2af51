from django.contrib import admin
from django.urls import path

from . import views

app_name = "translations"

# Mounted at admin/translations/ by the root URLconf, behind the admin's login.
urlpatterns = [
    path("", admin.site.admin_view(views.translation_home), name="home"),
    path("upload/", admin.site.admin_view(views.translation_upload), name="upload"),
    path("confirm/", admin.site.admin_view(views.translation_confirm), name="confirm"),
]
