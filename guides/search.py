"""The guide's chapters, found by their title, summary and text (see search/registry.py)."""

from django.utils.translation import gettext_lazy as _

from returnee_portal.languages import LocalizedText, localized_text
from returnee_portal.rendering import markdown_plain
from search.registry import SearchDocument, SearchHit, SearchKind, document_texts, register

from .models import GuideChapter


class ChapterSearch(SearchKind):
    key = "chapter"
    label = _("Guide chapters")
    model = GuideChapter
    order = 3

    def indexed(self):
        return GuideChapter.objects.published()

    def document(self, obj, *, language):
        summary, summary_sr, body, body_sr = document_texts(obj, ["summary", "body"], language)
        return SearchDocument(
            titles=document_texts(obj, ["title"], language),
            texts=[
                summary,
                summary_sr,
                markdown_plain(body),
                markdown_plain(body_sr) if body_sr != body else "",
            ],
        )

    def hits(self, pks):
        hits = {}
        for chapter in GuideChapter.objects.filter(pk__in=pks):
            body = localized_text(obj=chapter, field="body")
            hits[chapter.pk] = SearchHit(
                url=chapter.get_absolute_url(),
                title=localized_text(obj=chapter, field="title"),
                text=LocalizedText(
                    text=markdown_plain(body.text),
                    html_lang=body.html_lang,
                    is_fallback=body.is_fallback,
                    cyrillic=body.cyrillic,
                ),
                place=str(_("Guide for integration of returnees")),
            )
        return hits


register(ChapterSearch())
