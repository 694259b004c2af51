from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturneePortalConfig(AppConfig):
    name = "returnee_portal"
    verbose_name = _("Returnee Portal")

    def ready(self):
        from django.apps import apps

        from . import checks  # noqa: F401  (registers the system checks)
        from .models import ContentModel, LatinName
        from .pagecache import pagecache_connect

        # The page cache follows every content model's loading and changes (pagecache.py).
        content = [model for model in apps.get_models() if issubclass(model, ContentModel)]
        pagecache_connect([*content, LatinName])
