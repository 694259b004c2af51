from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_migrate

        from returnee_portal import backup

        from . import index, models, registry

        # Each app's search.py registers what it lets families find (see search/registry.py);
        # the index then follows every save and delete of those models.
        registry.autodiscover()
        index.signals_connect()
        post_migrate.connect(index.search_index_fill_if_empty, sender=self)
        # The index is derived from the content: left out of backups, rebuilt after a restore.
        backup.derived(models.SearchEntry, models.SearchTerm)
        backup.restored.connect(index.search_index_rebuild_after_restore)
