"""Django's own messages that the public pages can show, listed for our catalogues.

Django ships no Romani catalogue, so on /rom/ these would appear in Serbian (the fallback
language). Listing them here makes `makemessages` keep them in locale/*/django.po, where the
Romani translation lives; for the other languages the entries repeat Django's own translations.
Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_MESSAGES = [
    gettext_noop("This field is required."),
    gettext_noop("Null characters are not allowed."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
]
