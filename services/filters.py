import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Category, Service, SpokenLanguage


class ServiceFilter(django_filters.FilterSet):
    """Filters on a municipality page; unknown values are reported, never a server error."""

    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        field_name="categories",
        to_field_name="slug",
        queryset=Category.objects.all(),
        empty_label=_("All categories"),
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Staff speak"),
        field_name="staff_languages",
        to_field_name="code",
        queryset=SpokenLanguage.objects.all(),
        empty_label=_("Any language"),
    )

    class Meta:
        model = Service
        fields = ["category", "language"]

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipality is not None:
            # Offer only the choices that can find something in this municipality.
            self.filters["category"].queryset = Category.objects.filter(
                services__municipality=municipality, services__is_published=True
            ).distinct()
            self.filters["language"].queryset = SpokenLanguage.objects.filter(
                services__municipality=municipality, services__is_published=True
            ).distinct()
