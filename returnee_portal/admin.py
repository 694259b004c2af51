"""The admin site's titles, and the list of names kept in Latin on Cyrillic pages.

The base of every content admin is returnee_portal.content_admin.ContentAdmin.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import LatinName

admin.site.site_header = _("Returnee Portal administration")
admin.site.site_title = _("Returnee Portal")
admin.site.index_title = _("Directory, guide and programmes")


@admin.register(LatinName)
class LatinNameAdmin(admin.ModelAdmin):
    """Foreign names that Cyrillic pages leave in Latin letters (coordinators keep the list)."""

    list_display = ("name",)
    search_fields = ("name",)
