from django import template
from django.utils.translation import get_language

from returnee_portal.templatetags.portal import translated_html

from ..pdf import guide_pdf_built
from ..references import chapter_references

register = template.Library()


@register.simple_tag
def chapter_body(chapter, chapters):
    """The chapter's text, with "see chapter N" linked to chapter N of `chapters`."""
    return translated_html(
        chapter, "body", format="markdown", references=chapter_references(chapters)
    )


@register.inclusion_tag("includes/guide_pdf_link.html")
def guide_pdf_link(municipality=None):
    """The download link of the guide's PDF (with `municipality`'s annex), with its pages and
    size once it has been built."""
    return {
        "municipality": municipality,
        "built": guide_pdf_built(language=get_language(), municipality=municipality),
    }
