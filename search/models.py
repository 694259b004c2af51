"""The search index: one entry per object and content language, and the words it knows.

Entries are written by search.index whenever content changes (save, delete, import, revert,
verification), never edited by hand; `manage.py search_reindex` rebuilds them all.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("object"))
    language = models.CharField(_("language"), max_length=10)
    # The texts as written (titles also in `text`), one per line. PostgreSQL folds them itself.
    title = models.TextField(_("title"))
    text = models.TextField(_("text"))
    # search.folding.fold() of the texts ("licna karta"), which SQLite's FTS5 index
    # (migrations/0003_sqlite_fts.py) holds; left empty on PostgreSQL, which folds `text`.
    title_folded = models.TextField(blank=True)
    text_folded = models.TextField(blank=True)
    # The shown title folded: the order of results with equal rank, the same on every database.
    sort_key = models.CharField(max_length=200)
    # Municipality slugs between spaces (" tutin "); empty: found from every municipality.
    places = models.TextField(blank=True)
    visible_from = models.DateField(null=True, blank=True)
    visible_until = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="search_entry_unique"
            )
        ]
        indexes = [models.Index(fields=["language", "kind"])]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"


class SearchTerm(models.Model):
    """A folded word that occurs in the index: where a mistyped word finds its correction.

    Words of letters only: a mistyped number is not guessed."""

    word = models.CharField(max_length=50, unique=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return self.word
