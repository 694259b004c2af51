from django.contrib import admin
from django.urls import path

from . import views

app_name = "reports"

# Mounted at admin/reports/ by the root URLconf, behind the admin's login.
urlpatterns = [
    path("", admin.site.admin_view(views.report_list), name="list"),
    # Before <slug:slug>/, which would otherwise answer it.
    path("hsds/", admin.site.admin_view(views.hsds_export), name="hsds"),
    path("<slug:slug>/", admin.site.admin_view(views.report_detail), name="detail"),
]
