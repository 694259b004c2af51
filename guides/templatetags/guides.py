from django import template
from django.utils.translation import get_language

from returnee_portal.pagecache import page_depends_on

from ..pdf import guide_pdf_built, guide_pdf_tag

register = template.Library()


@register.inclusion_tag("includes/guide_pdf_link.html")
def guide_pdf_link(municipality=None):
    """The download link of the guide's PDF (with `municipality`'s annex), with its pages and
    size once it has been built; the page is rendered anew when it is (guide_pdf_tag)."""
    language = get_language()
    page_depends_on(guide_pdf_tag(language=language, municipality=municipality))
    return {
        "municipality": municipality,
        "built": guide_pdf_built(language=language, municipality=municipality),
    }
