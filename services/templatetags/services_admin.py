from django import template
from django.utils import timezone

from services.selectors import municipalities_for_user, stale_services_per_municipality

register = template.Library()


@register.inclusion_tag("admin/services/stale_services_panel.html", takes_context=True)
def stale_services_panel(context):
    """Per municipality of the user, the published services whose check is due."""
    municipalities = municipalities_for_user(context["request"].user)
    return {
        "municipalities": stale_services_per_municipality(
            municipalities=municipalities, today=timezone.localdate()
        ),
    }
