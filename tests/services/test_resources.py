"""The spreadsheet layout (services/resources.py) as properties: what a formula is, and that
an exported file imports back to the same services, whatever their texts."""

import pytest
import tablib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from returnee_portal.spreadsheet import FORMULA_SIGNS
from services.models import Service
from services.resources import ServiceResource, formula_problem
from tests.factories import CategoryFactory, MunicipalityFactory, OrganizationFactory, UserFactory

# Any text a person might type: letters of every script, digits, punctuation, spaces.
typed = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
    max_size=80,
)


# The signs a person can type at the start of a cell (tab and carriage return are stripped).
TYPED_SIGNS = ("=", "+", "-", "@")


@given(st.sampled_from(TYPED_SIGNS), typed)
def test_a_cell_that_starts_like_a_formula_is_refused_in_text_columns(sign, rest):
    assert formula_problem(column="name_sr_latn", value=f"{sign}{rest}") is not None
    assert formula_problem(column="name_sr_latn", value=f"  {sign}{rest}") is not None


@given(typed.filter(lambda text: not text.strip().startswith(FORMULA_SIGNS)))
def test_any_other_text_is_accepted(text):
    assert formula_problem(column="description_de", value=text) is None


@given(st.from_regex(r"\+381[ 0-9/()-]{6,14}", fullmatch=True))
def test_phone_numbers_with_a_plus_are_not_formulas(phone):
    assert formula_problem(column="phone", value=phone) is None
    assert formula_problem(column="name_sr_latn", value=phone) is not None


@given(st.decimals(min_value=-180, max_value=0, places=6, allow_nan=False))
def test_negative_coordinates_are_not_formulas(number):
    assert formula_problem(column="longitude", value=str(number)) is None
    assert formula_problem(column="longitude", value="=1+1") is not None


# A text a cell can hold unchanged: no formula start, no space at either end.
cell_text = typed.map(str.strip).filter(lambda text: text and not text.startswith(FORMULA_SIGNS))


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=cell_text,
    description=cell_text,
    german=cell_text,
    phone=st.sampled_from(["", "+381 20 123 456"]),
)
def test_an_exported_file_imports_back_unchanged(name, description, german, phone):
    coordinator = UserFactory(username="coordinator-roundtrip", is_superuser=True, is_staff=True)
    municipality = MunicipalityFactory()
    service = Service.objects.create(
        slug="round-trip",
        organization=OrganizationFactory(municipality=municipality),
        municipality=municipality,
        name_sr_latn=name,
        description_sr_latn=description,
        name_de=german,
        phone=phone,
    )
    try:
        service.categories.set([CategoryFactory()])
        before = Service.objects.values().get(pk=service.pk)
        exported = ServiceResource().export(queryset=Service.objects.filter(pk=service.pk))
        # Through the file, as a person would.
        file = tablib.Dataset().load(exported.csv, format="csv")

        result = ServiceResource().import_data(file, dry_run=False, user=coordinator)

        assert not result.has_errors() and not result.has_validation_errors()
        assert [row.import_type for row in result.rows] == ["skip"]
        assert Service.objects.values().get(pk=service.pk) == before
    finally:
        Service.objects.all().delete()
