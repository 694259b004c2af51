from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturneePortalConfig(AppConfig):
    name = "returnee_portal"
    verbose_name = _("Returnee Portal")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
