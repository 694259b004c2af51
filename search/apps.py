from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import index, registry

        # Each app's search.py registers what it lets families find (see search/registry.py);
        # the index then follows every save and delete of those models.
        registry.autodiscover()
        index.signals_connect()
        post_migrate.connect(index.search_index_fill_if_empty, sender=self)
