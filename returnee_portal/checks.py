from django.conf import settings
from django.core.checks import Error, register


@register()
def secret_key_is_set(app_configs, **kwargs):
    """Stop `check`, `migrate` and `runserver` early when production has no SECRET_KEY."""
    if settings.SECRET_KEY:
        return []
    return [
        Error(
            "SECRET_KEY is not set.",
            hint="Set SECRET_KEY in the environment, or DEBUG=1 for development.",
            id="returnee_portal.E001",
        )
    ]
