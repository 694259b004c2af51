from .languages import language_links


def languages(request):
    """The language switcher's links for the page being shown."""
    return {
        "language_links": language_links(
            path=request.path, query_string=request.META.get("QUERY_STRING", "")
        )
    }
