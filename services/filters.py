import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Category, Service, SpokenLanguage


class ServiceFilter(django_filters.FilterSet):
    """Filters on a municipality page.

    Any category or language may be asked for (a link from the home page names a category
    the municipality may not have yet: the page then says so); the page offers only those
    present. An unknown value is explained in the page's language and ignored.
    """

    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        field_name="categories",
        to_field_name="slug",
        queryset=Category.objects.all(),
        empty_label=_("All categories"),
        error_messages={
            "invalid_choice": _("We do not know this category. All services are shown.")
        },
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Staff speak"),
        field_name="staff_languages",
        to_field_name="code",
        queryset=SpokenLanguage.objects.all(),
        empty_label=_("Any language"),
        error_messages={
            "invalid_choice": _("We do not know this language. All services are shown.")
        },
    )

    class Meta:
        model = Service
        fields = ["category", "language"]
