from django import template

from returnee_portal.templatetags.portal import translated_html

from ..references import chapter_references

register = template.Library()


@register.simple_tag
def chapter_body(chapter, chapters):
    """The chapter's text, with "see chapter N" linked to chapter N of `chapters`."""
    return translated_html(
        chapter, "body", format="markdown", references=chapter_references(chapters)
    )
