from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from returnee_portal.content_admin import ContentAdmin
from returnee_portal.languages import localized_fields
from returnee_portal.locking import content_update_all

from .models import GuideChapter


@admin.action(description=_("Publish the selected chapters"), permissions=["change"])
def chapters_publish(modeladmin, request, queryset):
    # Through the locking module, so that a form opened before the action is refused after it.
    count = content_update_all(queryset=queryset, values={"is_published": True})
    message = ngettext("%(count)d chapter published.", "%(count)d chapters published.", count)
    modeladmin.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.action(description=_("Unpublish the selected chapters"), permissions=["change"])
def chapters_unpublish(modeladmin, request, queryset):
    count = content_update_all(queryset=queryset, values={"is_published": False})
    message = ngettext("%(count)d chapter unpublished.", "%(count)d chapters unpublished.", count)
    modeladmin.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.register(GuideChapter)
class GuideChapterAdmin(ContentAdmin):
    common_fields = ("slug", "order", "categories", "is_published", "translation_states_display")
    list_display = ("title", "order", "is_published", "updated_at")
    list_editable = ("order", "is_published")
    list_filter = ("is_published", "categories")
    search_fields = localized_fields("title", "body")
    filter_horizontal = ("categories",)
    actions = [chapters_publish, chapters_unpublish]
