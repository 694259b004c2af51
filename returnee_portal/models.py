import contextlib
import re

from asgiref.local import Local
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.core.signals import request_started
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .pagecache import list_tag, page_depends_on
from .translation_review import translation_review_update


class ContentModel(models.Model):
    """Base of every model edited in the admin by associates and coordinators.

    What a content model keeps besides its own fields, and where it is wired:
    - a `version` for optimistic locking (returnee_portal/locking.py, used by the admin);
    - review states of its translations, kept in step by every `save()` below
      (returnee_portal/translation_review.py);
    - Cyrillic corrections (`cyrillic`, read by returnee_portal/languages.py);
    - the public pages that show it are kept in the page cache until it changes
      (returnee_portal/pagecache.py, connected for every content model in apps.py);
    - history: each app registers its models with django-simple-history in its
      translation.py, after modeltranslation has added the language columns.
    """

    # Optimistic locking: a save must name the version it was edited from (see the admin).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    translation_review = models.JSONField(
        _("translation review"),
        default=dict,
        blank=True,
        help_text=_('Review state per language code, e.g. {"rom": "needs_review"}.'),
    )
    # Corrections of the automatic Cyrillic for fields where it is wrong:
    # {field: {"text": Cyrillic text, "source": the Serbian (Latin) text it was made from}}.
    # A correction counts only while the Latin text is still its source (languages.py).
    cyrillic = models.JSONField(_("Cyrillic corrections"), default=dict, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Editing a Serbian text marks its translations outdated, whatever saves it: a
        # form, an import, a revert, an action.
        translation_review_update(obj=self)
        super().save(*args, **kwargs)


class LatinName(models.Model):
    """A foreign name kept in Latin letters on Cyrillic pages ("Caritas", "Standesamt")."""

    name = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        help_text=_("Written exactly as in the Serbian texts, e.g. Caritas or Geburtsurkunde."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("name kept in Latin")
        verbose_name_plural = _("names kept in Latin")

    def __str__(self):
        return self.name


_LATIN_NAMES_KEY = "latin-names-pattern"


def latin_names_pattern() -> re.Pattern | None:
    """A regular expression matching every LatinName as a whole word (None if there are none)."""
    page_depends_on(list_tag(LatinName))  # a Cyrillic page changes with the list
    source = getattr(_request_memo, "latin_names", None)
    if source is None:
        source = cache.get(_LATIN_NAMES_KEY)
    if source is None:
        names = sorted(LatinName.objects.values_list("name", flat=True), key=len, reverse=True)
        source = r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)" if names else ""
        cache.set(_LATIN_NAMES_KEY, source, timeout=None)
    # Read from the shared cache once per request, not once per text (200 on a Cyrillic page).
    _request_memo.latin_names = source
    return re.compile(source) if source else None


_request_memo = Local()


def _request_memo_clear(**kwargs):
    with contextlib.suppress(AttributeError):
        del _request_memo.latin_names


request_started.connect(_request_memo_clear, dispatch_uid="latin-names-per-request")


def _latin_names_changed(**kwargs):
    cache.delete(_LATIN_NAMES_KEY)
    _request_memo_clear()


post_save.connect(_latin_names_changed, sender=LatinName, dispatch_uid="latin-names-saved")
post_delete.connect(_latin_names_changed, sender=LatinName, dispatch_uid="latin-names-deleted")


class StaffLanguage(models.Model):
    """The language a staff member reads the admin in, for what the portal sends them.

    Set at every login from the language the admin is shown in (their browser's, or the one
    they chose), or by create_associate --language; Serbian (Latin) until then.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_language",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("staff member's language")
        verbose_name_plural = _("staff members' languages")

    def __str__(self):
        return f"{self.user}: {self.language}"


def staff_language(user) -> str:
    """The language to write to `user` in."""
    chosen = StaffLanguage.objects.filter(user=user).values_list("language", flat=True).first()
    return chosen or settings.LANGUAGE_CODE


def staff_language_set(*, user, language: str) -> None:
    if language in dict(settings.LANGUAGES):
        StaffLanguage.objects.update_or_create(user=user, defaults={"language": language})


def _remember_language(sender, request, user, **kwargs):
    if user.is_staff:
        staff_language_set(user=user, language=translation.get_language())


user_logged_in.connect(_remember_language, dispatch_uid="staff-language-at-login")
