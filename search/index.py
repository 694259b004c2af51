"""Keeping the search index in step with the content.

Every save and delete of a registered model (and of a model its documents read, such as a
service's organization) rewrites the affected entries in the same transaction, so an import
preview that is rolled back leaves the index as it was, and an edit, import, revert or
verification is findable at once. `search_index_rebuild()` (`manage.py search_reindex`) writes
the whole index anew.
"""

import re
from collections.abc import Iterable

from django.conf import settings
from django.db import connections, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from returnee_portal.pagecache import list_tag, tags_bump

from . import registry
from .folding import TYPO_MIN_LENGTH, fold
from .models import SearchEntry, SearchTerm

BATCH = 500
# The words a typo may be corrected to: letters only, at least TYPO_MIN_LENGTH - 1 of them.
_VOCABULARY_WORD = re.compile(rf"\b[a-z]{{{TYPO_MIN_LENGTH - 1},50}}\b")


def _folds_in_python() -> bool:
    """PostgreSQL folds and indexes the texts itself (see migrations/0002_postgresql.py)."""
    return connections[router.db_for_write(SearchEntry)].vendor != "postgresql"


def _entries(kind: registry.SearchKind, obj) -> tuple[list[SearchEntry], set[str]]:
    entries, words = [], set()
    in_python = _folds_in_python()
    for language in settings.MODELTRANSLATION_LANGUAGES:
        document = kind.document(obj, language=language)
        titles = [title for title in document.titles if title]
        title = "\n".join(dict.fromkeys(titles))
        text = "\n".join(dict.fromkeys([*titles, *(text for text in document.texts if text)]))
        text_folded = fold(text)
        words.update(_VOCABULARY_WORD.findall(text_folded))
        entries.append(
            SearchEntry(
                kind=kind.key,
                object_id=obj.pk,
                language=language,
                title=title,
                text=text,
                title_folded=fold(title) if in_python else "",
                text_folded=text_folded if in_python else "",
                sort_key=fold(titles[0] if titles else "")[:200],
                places=f" {' '.join(document.places)} " if document.places else "",
                visible_from=document.visible_from,
                visible_until=document.visible_until,
            )
        )
    return entries, words


def _terms_add(words: set[str], known: set[str]) -> None:
    """Add the words not in `known` (what this run has added already) to the vocabulary."""
    new = sorted(words - known)
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=word, length=len(word)) for word in new],
        ignore_conflicts=True,  # most are there already; a concurrent save may add the same
        batch_size=2000,
    )
    known.update(new)


def search_index_update(
    *, kind: registry.SearchKind, pks: Iterable[int], known: set[str] | None = None
) -> None:
    """Rewrite the entries of `kind` for the objects `pks` (dropping those no longer found).

    `known`: vocabulary words already written in this run (a rebuild passes one set along).
    """
    pks = list(dict.fromkeys(pks))
    known = set() if known is None else known
    tags_bump([list_tag(SearchEntry)])  # search pages show other results now
    with transaction.atomic(using=router.db_for_write(SearchEntry)):
        for start in range(0, len(pks), BATCH):
            batch = pks[start : start + BATCH]
            SearchEntry.objects.filter(kind=kind.key, object_id__in=batch).delete()
            entries, words = [], set()
            for obj in kind.indexed().filter(pk__in=batch):
                object_entries, object_words = _entries(kind, obj)
                entries += object_entries
                words |= object_words
            SearchEntry.objects.bulk_create(entries)
            _terms_add(words, known)


def search_index_rebuild() -> int:
    """Write the whole index anew; returns the number of objects indexed."""
    total = 0
    with transaction.atomic(using=router.db_for_write(SearchEntry)):
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
        known: set[str] = set()
        for kind in registry.kinds():
            pks = list(kind.indexed().values_list("pk", flat=True))
            search_index_update(kind=kind, pks=pks, known=known)
            total += len(pks)
    return total


def search_index_fill_if_empty(**kwargs) -> None:
    """After `migrate`: an index that is empty while there is content is built (an upgrade)."""
    if SearchEntry.objects.exists():
        return
    if any(kind.indexed().exists() for kind in registry.kinds()):
        search_index_rebuild()


def search_index_rebuild_after_restore(**kwargs) -> None:
    """`returnee_portal.backup.restored`: the backup leaves the index out."""
    search_index_rebuild()


# --- Signals: connected once for every registered and depended-on model (SearchConfig) ---


def _saved(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures: `search_reindex` afterwards
        return
    for kind in registry.kinds():
        if sender is kind.model:
            search_index_update(kind=kind, pks=[instance.pk])
        for dependency in kind.dependencies:
            if sender is dependency.model:
                pks = dependency.affected(instance).values_list("pk", flat=True)
                search_index_update(kind=kind, pks=pks)


def _deleting(sender, instance, **kwargs):
    # After the delete the links are gone: note now whose documents read this object.
    instance._search_affected = [
        (kind, list(dependency.affected(instance).values_list("pk", flat=True)))
        for kind in registry.kinds()
        for dependency in kind.dependencies
        if sender is dependency.model
    ]


def _deleted(sender, instance, **kwargs):
    for kind in registry.kinds():
        if sender is kind.model:
            SearchEntry.objects.filter(kind=kind.key, object_id=instance.pk).delete()
            tags_bump([list_tag(SearchEntry)])
    for kind, pks in getattr(instance, "_search_affected", []):
        search_index_update(kind=kind, pks=pks)


def _links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    for kind in registry.kinds():
        for name in kind.m2m_fields:
            if sender is not kind.model._meta.get_field(name).remote_field.through:
                continue
            if not reverse:
                if action != "pre_clear":
                    search_index_update(kind=kind, pks=[instance.pk])
            elif action == "pre_clear":
                # The other side is being cleared: note who loses the link before it goes.
                instance._search_cleared = list(
                    kind.model._base_manager.filter(**{name: instance}).values_list("pk", flat=True)
                )
            else:
                pks = pk_set if action != "post_clear" else getattr(instance, "_search_cleared", [])
                search_index_update(kind=kind, pks=pks or [])


def signals_connect() -> None:
    models = set()
    for kind in registry.kinds():
        models.add(kind.model)
        models.update(dependency.model for dependency in kind.dependencies)
        for name in kind.m2m_fields:
            through = kind.model._meta.get_field(name).remote_field.through
            m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"search-{through}")
    for model in models:
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{model}")
        pre_delete.connect(_deleting, sender=model, dispatch_uid=f"search-deleting-{model}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{model}")
