from django.contrib import admin

from returnee_portal.admin import TranslatedModelAdmin, localized_fields

from .models import GuideChapter


@admin.register(GuideChapter)
class GuideChapterAdmin(TranslatedModelAdmin):
    common_fields = ("slug", "order", "categories", "is_published", "translation_review")
    list_display = ("title", "order", "is_published", "updated_at")
    list_editable = ("order", "is_published")
    list_filter = ("is_published", "categories")
    search_fields = localized_fields("title", "body")
    filter_horizontal = ("categories",)
