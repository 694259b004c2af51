from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturneePortalConfig(AppConfig):
    name = "returnee_portal"
    verbose_name = _("Returnee Portal")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import pre_save

        from . import checks  # noqa: F401  (registers the system checks)
        from .models import ContentModel
        from .translation_review import translated_field_names, translation_review_pre_save

        # Editing the Serbian text marks the other languages outdated, whatever saves it.
        for model in apps.get_models():
            if issubclass(model, ContentModel) and translated_field_names(model=model):
                pre_save.connect(
                    translation_review_pre_save,
                    sender=model,
                    dispatch_uid=f"translation_review_{model._meta.label_lower}",
                )
