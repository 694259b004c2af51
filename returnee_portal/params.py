"""Reading query parameters at the edge: a value that cannot be right never reaches a query."""

import re

_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")


def query_slug(request, name: str) -> str:
    """The parameter `name` if it has the shape of a slug, else "" (NUL bytes, markup, ...)."""
    value = request.GET.get(name, "")
    return value if _SLUG.fullmatch(value) else ""
