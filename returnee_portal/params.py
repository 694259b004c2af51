"""Reading query parameters at the edge: a value that cannot be right never reaches a query."""

import re

from django.http import QueryDict

_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")


def query_slug(request, name: str) -> str:
    """The parameter `name` if it has the shape of a slug, else "" (NUL bytes, markup, ...)."""
    value = request.GET.get(name, "")
    return value if _SLUG.fullmatch(value) else ""


def query_nul_free(query: QueryDict) -> QueryDict:
    """A mutable copy of `query` with NUL characters replaced by U+FFFD: PostgreSQL refuses NUL
    in text, so such a value would fail the query instead of failing validation like any other
    unknown value."""
    copy = QueryDict(mutable=True)
    for name, values in query.lists():
        copy.setlist(name.replace("\x00", "\ufffd"), [v.replace("\x00", "\ufffd") for v in values])
    return copy
