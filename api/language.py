"""Which content language an API request asks for: `?lang=` (an ISO 639 code, as HSDS records
carry, or the portal's own code), else the Accept-Language header, else Serbian."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

from services.hsds import ISO_639, hsds_languages

from .params import BadParameter

# What a client may write for each content language; Serbian content is in Latin letters.
_NAMES = {
    **{code: code for code in hsds_languages()},
    **{iso: code for code, iso in ISO_639.items()},
    "sr-latn-rs": "sr-latn",
    "sr-rs": "sr-latn",
}
# The Content-Language of an answer (BCP 47).
CONTENT_LANGUAGE = {"sr-latn": "sr-Latn", "rom": "rom", "sq": "sq", "de": "de", "en": "en"}


def requested_language(request) -> str:
    asked = request.query_params.get("lang")
    if asked is not None:
        language = _NAMES.get(asked.strip().lower())
        if language is None:
            raise BadParameter(
                "lang",
                _("lang: unknown language %(code)s; known: %(known)s.")
                % {"code": asked[:20], "known": ", ".join(sorted(ISO_639.values()))},
            )
        return language
    header = request.headers.get("Accept-Language", "")
    for tag, _quality in parse_accept_lang_header(header[:500]):
        tag = tag.lower()
        language = _NAMES.get(tag) or _NAMES.get(tag.split("-")[0])
        if language is not None:
            return language
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE
