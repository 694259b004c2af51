"""The texts a translator is handed: every translated text of the directory and the guide that
is missing, needs review or is outdated in a language, with its Serbian source."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from guides.models import GuideChapter
from returnee_portal.translation_review import (
    MISSING,
    NEEDS_REVIEW,
    OUTDATED,
    field_states,
    translated_field_names,
)
from services.models import (
    Category,
    District,
    Municipality,
    OpenCall,
    Organization,
    Project,
    ProjectIndicator,
    Service,
    SpokenLanguage,
)

# Every kind of translated content, and how an entry is tied to a municipality (None: not
# tied to one, so not in a file for a municipality).
CONTENT = {
    Service: "municipality",
    Organization: "municipality",
    Municipality: "pk",
    Project: "municipalities",
    ProjectIndicator: "project__municipalities",
    OpenCall: "municipalities",
    Category: None,
    District: None,
    SpokenLanguage: None,
    GuideChapter: None,
}
TO_TRANSLATE = (MISSING, OUTDATED, NEEDS_REVIEW)


def content_label(model) -> str:
    """How a kind of content is named in a file and in forms: "services.service"."""
    return model._meta.label_lower


def content_model(label: str):
    """The model of a `content_label`, or None if it is none of CONTENT."""
    return next((model for model in CONTENT if content_label(model) == label), None)


def text_digest(text: str) -> str:
    """A short fingerprint of a translation as it was handed out, to see if it changed since."""
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Text:
    obj: object
    field: str
    state: str
    source: str
    translation: str

    @property
    def key(self) -> str:
        """Names this text, and the translation it was handed out with, in a file."""
        return ":".join(
            [
                content_label(type(self.obj)),
                str(self.obj.pk),
                self.field,
                text_digest(self.translation),
            ]
        )


def text_key_parse(key: str | None):
    """(model, pk, field, digest) from a `Text.key`, or None if it is not one of ours."""
    label, _sep, rest = (key or "").partition(":")
    pk, _sep, rest = rest.partition(":")
    name, _sep, digest = rest.partition(":")
    model = content_model(label)
    if model is None or not pk.isdigit() or name not in translated_field_names(model=model):
        return None
    return model, int(pk), name, digest


def texts_to_translate(*, language: str, municipality=None, model=None) -> list[Text]:
    """The texts of `language` that are missing, outdated or need review, in a stable order
    (kind of content, entry, field); optionally only `municipality`'s or one kind's."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    texts = []
    for content, place in CONTENT.items():
        if model is not None and content is not model:
            continue
        queryset = content._base_manager.all()
        if municipality is not None:
            if place is None:
                continue
            queryset = queryset.filter(
                pk__in=content._base_manager.filter(**{place: municipality.pk}).values("pk")
            )
        for obj in queryset.order_by("pk"):
            for field, state in field_states(obj=obj, language=language).items():
                source = getattr(obj, build_localized_fieldname(field, default)) or ""
                if state in TO_TRANSLATE and source:
                    translation = getattr(obj, build_localized_fieldname(field, language)) or ""
                    texts.append(Text(obj, field, state, source, translation))
    return texts
