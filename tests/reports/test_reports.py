"""Reports on a small known dataset: their figures, their files, the admin pages, the command."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from reports.catalogue import REPORTS
from reports.directory import (
    CoverageReport,
    DirectoryReport,
    FreshnessPeopleReport,
    FreshnessReport,
)
from reports.projects import ProjectsReport
from reports.translations import TranslationReport
from returnee_portal.translation_review import NEEDS_REVIEW, OUTDATED, REVIEWED
from services.models import Municipality
from tests.factories import (
    CategoryFactory,
    GuideChapterFactory,
    OpenCallFactory,
    OrganizationFactory,
    ProjectFactory,
    ProjectIndicatorFactory,
    ServiceFactory,
    SpokenLanguageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LONG_AGO = TODAY - datetime.timedelta(days=400)
RECENTLY = TODAY - datetime.timedelta(days=10)


@pytest.fixture
def dataset(own_municipality, foreign_municipality, coordinator):
    """Novi Pazar: 2 published services; Pirot: 1 published, 1 unpublished.

    Categories: documents (order 1) and health (order 2); Pirot has no documents service.
    """
    documents = CategoryFactory(
        name_sr_latn="Lična dokumenta", name_en="Personal documents", slug="dokumenta", order=1
    )
    health = CategoryFactory(
        name_sr_latn="Zdravstvo", name_en="Health care", slug="zdravstvo", order=2
    )
    checker = UserFactory(username="jelena", first_name="Jelena", last_name="Đorđević")
    registry = ServiceFactory(
        municipality=own_municipality,
        organization=OrganizationFactory(
            name_sr_latn="Gradska uprava Novi Pazar", municipality=own_municipality
        ),
        name_sr_latn="Matičar – izvod iz knjige rođenih",
        name_en="Registrar – birth certificate",
        name_rom="Matičari",
        translation_review={"rom": REVIEWED, "en": NEEDS_REVIEW},
        categories=[documents],
        last_verified=LONG_AGO,
        verified_by=checker,
        phone="020 123 456",
    )
    clinic = ServiceFactory(
        municipality=own_municipality,
        name_sr_latn="Dom zdravlja – izabrani lekar",
        name_en="Health centre – family doctor",
        translation_review={"en": OUTDATED},
        categories=[documents, health],
        last_verified=RECENTLY,
        verified_by=coordinator,
    )
    pirot_clinic = ServiceFactory(
        municipality=foreign_municipality,
        name_sr_latn="Dom zdravlja Pirot",
        categories=[health],
    )
    hidden = ServiceFactory(
        municipality=foreign_municipality,
        name_sr_latn="Stara usluga",
        categories=[documents],
        is_published=False,
    )
    project = ProjectFactory(
        title_sr_latn="RE!NTEGRATE",
        funders_sr_latn="BMZ",
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        period_precision="year",
        budget=Decimal("3448487.00"),
        currency="EUR",
    )
    project.municipalities.set([own_municipality, foreign_municipality])
    ProjectIndicatorFactory(
        project=project, label_sr_latn="Radionice", label_en="Workshops", value=915, order=1
    )
    ProjectIndicatorFactory(
        project=project,
        label_sr_latn="Korisnici",
        label_en="Beneficiaries",
        value=1912,
        unit_en="people",
        as_of=datetime.date(2024, 6, 30),
        order=2,
    )
    pirot_project = ProjectFactory(title_sr_latn="Reintegracija Pirot")
    pirot_project.municipalities.set([foreign_municipality])
    return {
        "documents": documents,
        "health": health,
        "services": [registry, clinic, pirot_clinic, hidden],
        "checker": checker,
    }


def report(report_class, *, language="en", municipalities=None, category=None):
    return report_class(
        language=language, municipalities=municipalities, category=category, today=TODAY
    )


# --- Figures --------------------------------------------------------------------------------


def test_coverage_counts_published_services_per_municipality_and_category(dataset):
    coverage = report(CoverageReport)
    assert coverage.headers == [
        "Municipality",
        "Personal documents",
        "Health care",
        "Published services",
    ]
    assert coverage.data == [["Novi Pazar", 2, 1, 2], ["Pirot", 0, 1, 1]]
    gaps = [[cell.is_gap for cell in row] for row in coverage.table_rows]
    assert gaps == [[False, False, False, False], [False, True, False, False]]


def test_coverage_narrowed_to_a_category_and_municipality(dataset, foreign_municipality):
    coverage = report(
        CoverageReport,
        municipalities=Municipality.objects.filter(pk=foreign_municipality.pk),
        category=dataset["health"],
    )
    assert coverage.headers == ["Municipality", "Health care", "Published services"]
    assert coverage.data == [["Pirot", 1, 1]]


def test_coverage_headers_in_serbian(dataset):
    coverage = report(CoverageReport, language="sr-latn")
    assert coverage.headers[1:3] == ["Lična dokumenta", "Zdravstvo"]


def test_directory_lists_every_service_in_the_chosen_language(dataset):
    directory = report(DirectoryReport)
    names = [row[0] for row in directory.data]
    assert names == [
        "Health centre – family doctor",
        "Registrar – birth certificate",
        "Dom zdravlja Pirot",  # no English name: the Serbian one
        "Stara usluga",
    ]
    registry = directory.data[1]
    column = {key: i for i, key in enumerate(c.key for c in directory.columns())}
    assert registry[column["municipality"]] == "Novi Pazar"
    assert registry[column["categories"]] == "Personal documents"
    assert registry[column["last_verified"]] == LONG_AGO
    assert registry[column["verified_by"]] == "Jelena Đorđević"
    assert registry[column["phone"]] == "020 123 456"
    assert directory.data[3][column["is_published"]] == "no"


def test_directory_read_in_batches_keeps_the_order_and_the_links(dataset, monkeypatch):
    whole = report(DirectoryReport).data
    monkeypatch.setattr("reports.directory.ROWS_CHUNK", 1)
    assert report(DirectoryReport).data == whole
    assert len(whole) == 4


def test_directory_lists_categories_and_languages_in_their_order(dataset):
    german = SpokenLanguageFactory(code="de", name_sr_latn="nemački", name_en="German")
    english = SpokenLanguageFactory(code="en", name_sr_latn="engleski", name_en="English")
    dataset["services"][1].staff_languages.set([german, english])
    directory = report(DirectoryReport)
    column = {key: i for i, key in enumerate(c.key for c in directory.columns())}
    clinic = directory.data[0]
    assert clinic[column["categories"]] == "Personal documents, Health care"
    assert clinic[column["staff_languages"]] == "English, German"


def test_directory_filtered_by_category(dataset):
    directory = report(DirectoryReport, category=dataset["health"])
    assert [row[0] for row in directory.data] == [
        "Health centre – family doctor",
        "Dom zdravlja Pirot",
    ]


def test_freshness_per_municipality(dataset):
    freshness = report(FreshnessReport)
    assert freshness.data == [["Novi Pazar", 1, 0, 2], ["Pirot", 0, 1, 1]]


def test_freshness_per_person(dataset):
    people = report(FreshnessPeopleReport)
    assert people.data == [
        ["coordinator", 1, 0, RECENTLY, RECENTLY],
        ["Jelena Đorđević", 1, 1, LONG_AGO, LONG_AGO],
    ]


def test_projects_one_row_per_indicator(dataset, own_municipality):
    projects = report(
        ProjectsReport, municipalities=Municipality.objects.filter(pk=own_municipality.pk)
    )
    assert projects.data == [
        [
            "RE!NTEGRATE",
            "BMZ",
            "2019 – 2025",
            datetime.date(2019, 1, 1),
            datetime.date(2025, 12, 31),
            Decimal("3448487.00"),
            "EUR",
            "Novi Pazar, Pirot",
            "Workshops",
            Decimal("915"),
            "",
            None,
        ],
        [
            "RE!NTEGRATE",
            "BMZ",
            "2019 – 2025",
            datetime.date(2019, 1, 1),
            datetime.date(2025, 12, 31),
            Decimal("3448487.00"),
            "EUR",
            "Novi Pazar, Pirot",
            "Beneficiaries",
            Decimal("1912"),
            "people",
            datetime.date(2024, 6, 30),
        ],
    ]
    # Without a filter the Pirot project is there too, on one row without indicators.
    everything = report(ProjectsReport).data
    assert [row[0] for row in everything] == ["RE!NTEGRATE", "RE!NTEGRATE", "Reintegracija Pirot"]
    assert everything[2][8:] == ["", None, "", None]


def test_translation_report_counts_states_per_model_and_language(dataset):
    GuideChapterFactory(title_sr_latn="Prvi koraci", title_en="First steps", body_sr_latn="")
    OpenCallFactory(title_sr_latn="Konkurs")
    ServiceFactory(
        name_sr_latn="Centar za socijalni rad",
        name_en="Social work centre",
        opening_hours_sr_latn="7-15",
        translation_review={"en": REVIEWED},
    )
    translations = report(TranslationReport)
    assert translations.headers == [
        "Content",
        "Language",
        "Text",
        "Total",
        "Missing",
        "Outdated",
        "Partly translated",
        "Needs review",
        "Reviewed",
    ]
    rows = {tuple(row[:3]): row[3:] for row in translations.data}
    # 5 services: 3 with English names (one needs review, one outdated, one reviewed but
    # without its opening hours), 2 without.
    assert rows[("Services", "English", "all texts")] == [5, 2, 1, 1, 1, 0]
    assert rows[("Services", "English", "name")] == [5, 2, 1, None, 1, 1]
    assert rows[("Services", "English", "opening hours")] == [1, 1, 0, None, 0, 0]
    # A text no entry has in Serbian has no row.
    assert ("Services", "English", "cost") not in rows
    # One Romani name, reviewed; the other four have none.
    assert rows[("Services", "Romani", "all texts")] == [5, 4, 0, 0, 0, 1]
    assert rows[("Guide chapters", "English", "all texts")] == [1, 0, 0, 0, 1, 0]
    assert rows[("Open calls", "German", "all texts")] == [1, 1, 0, 0, 0, 0]
    assert {row[1] for row in translations.data} == {"Romani", "Albanian", "German", "English"}
    assert {row[0] for row in translations.data} == {
        "Services",
        "Organizations",
        "Municipalities",
        "Categories",
        "Projects",
        "Open calls",
        "Guide chapters",
        "All content",
    }
    # Every entry, and every text, counted in exactly one state.
    for row in translations.data:
        assert row[3] == sum(count or 0 for count in row[4:]), row
    entries = [row for row in translations.data if row[1] == "English" and row[2] == "all texts"]
    assert entries[-1][0] == "All content"
    assert entries[-1][3:] == [sum(row[i] for row in entries[:-1]) for i in range(3, 9)]


def test_translation_report_limited_to_municipalities(dataset, own_municipality):
    translations = report(
        TranslationReport, municipalities=Municipality.objects.filter(pk=own_municipality.pk)
    )
    rows = {tuple(row[:3]): row[3:] for row in translations.data}
    assert rows[("Services", "English", "all texts")][0] == 2
    assert rows[("Municipalities", "English", "all texts")][0] == 1
    assert rows[("Projects", "English", "all texts")][0] == 1


def test_every_report_is_listed():
    assert set(REPORTS) == {
        "services",
        "coverage",
        "freshness",
        "freshness-people",
        "projects",
        "translations",
    }


@pytest.mark.parametrize("slug", ["coverage", "services", "translations"])
def test_queries_do_not_grow_with_the_data(slug, dataset, django_assert_max_num_queries):
    def queries_for_report():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            report(REPORTS[slug]).as_xlsx()
        return len(context)

    small = queries_for_report()
    for index in range(15):
        ServiceFactory(
            municipality=dataset["services"][index % 3].municipality,
            categories=[dataset["documents"], dataset["health"]],
            staff_languages=[],
            verified_by=dataset["checker"],
        )
    with django_assert_max_num_queries(small):
        report(REPORTS[slug]).as_xlsx()


# --- Files ----------------------------------------------------------------------------------


def test_csv_keeps_serbian_letters_for_excel(dataset):
    content = report(DirectoryReport, language="sr-latn").as_csv()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert "Jelena Đorđević" in {cell for row in rows for cell in row}
    assert "Lična dokumenta" in {cell for row in rows for cell in row}


def test_xlsx_coverage_read_back(dataset):
    sheet = load_workbook(io.BytesIO(report(CoverageReport).as_xlsx())).active
    assert sheet.freeze_panes == "A2"
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values == [
        ["Municipality", "Personal documents", "Health care", "Published services"],
        ["Novi Pazar", 2, 1, 2],
        ["Pirot", 0, 1, 1],
    ]
    assert sheet["B3"].fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet["B2"].fill.fill_type is None
    assert all(sheet.column_dimensions[letter].width for letter in "ABCD")


def test_xlsx_projects_dates_are_dates_and_numbers_numbers(dataset):
    sheet = load_workbook(io.BytesIO(report(ProjectsReport).as_xlsx())).active
    header = [cell.value for cell in sheet[1]]
    starts, value, as_of = header.index("Starts on"), header.index("Value"), header.index("As of")
    row = [cell for cell in sheet[3]]
    assert row[starts].is_date and row[starts].value.date() == datetime.date(2019, 1, 1)
    assert row[as_of].is_date and row[as_of].value.date() == datetime.date(2024, 6, 30)
    assert row[value].value == 1912
    assert row[header.index("Budget")].value == 3448487


# --- Admin pages ----------------------------------------------------------------------------


def report_url(slug, **query):
    from urllib.parse import urlencode

    url = reverse("reports:detail", args=[slug])
    return f"{url}?{urlencode(query, doseq=True)}" if query else url


@pytest.mark.parametrize("slug", list(REPORTS))
def test_coordinator_sees_every_report(client, coordinator, dataset, slug):
    client.force_login(coordinator)
    response = client.get(report_url(slug, language="en"))
    assert response.status_code == 200
    assert response.context["report"].slug == slug


def test_report_list_and_admin_index_link(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("reports:list"))
    assert response.status_code == 200
    assert reverse("reports:detail", args=["coverage"]).encode() in response.content
    assert reverse("reports:list").encode() in client.get(reverse("admin:index")).content
    assert reverse("reports:hsds").encode() in response.content


def test_associates_are_not_offered_the_hsds_package(associate_client):
    response = associate_client.get(reverse("reports:list"))
    assert response.status_code == 200
    assert reverse("reports:hsds").encode() not in response.content


def test_coverage_page_highlights_gaps(client, coordinator, dataset):
    client.force_login(coordinator)
    html = client.get(
        report_url("coverage", language="en"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert 'class="number gap">0<span class="visually-hidden"> gap</span>' in html


def test_associate_sees_only_their_municipalities(associate_client, dataset):
    response = associate_client.get(report_url("services", language="en"))
    assert response.status_code == 200
    assert {row[2] for row in response.context["report"].data} == {"Novi Pazar"}
    coverage = associate_client.get(report_url("coverage", language="en")).context["report"]
    assert [row[0] for row in coverage.data] == ["Novi Pazar"]


def test_associate_cannot_forge_another_municipality(associate_client, dataset):
    response = associate_client.get(report_url("services", municipality=["pirot"]))
    assert response.status_code == 403
    response = associate_client.get(report_url("coverage", municipality=["pirot"], format="csv"))
    assert response.status_code == 403


def test_staff_without_a_role_gets_403(client, dataset):
    client.force_login(UserFactory(username="helper", is_staff=True))
    assert client.get(reverse("reports:list")).status_code == 403
    assert client.get(report_url("coverage")).status_code == 403


def test_anonymous_is_sent_to_the_login(client):
    response = client.get(reverse("reports:list"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_downloads(client, coordinator, dataset, own_municipality):
    client.force_login(coordinator)
    response = client.get(
        report_url("coverage", language="en", municipality=["novi-pazar"], format="csv")
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.streaming  # sent as it is read, whatever the size
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[1:] == [["Novi Pazar", "2", "1", "2"]]
    response = client.get(report_url("projects", language="en", format="xlsx"))
    assert response.status_code == 200
    assert "projects-en-" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet["A2"].value == "RE!NTEGRATE"


def test_bad_filters_show_the_form_with_errors(client, coordinator, dataset):
    client.force_login(coordinator)
    response = client.get(report_url("coverage", language="xx"))
    assert response.status_code == 400
    assert response.context["report"] is None
    assert client.get(reverse("reports:detail", args=["nope"])).status_code == 404


# --- Command --------------------------------------------------------------------------------


def test_command_writes_xlsx(dataset, tmp_path):
    output = tmp_path / "coverage.xlsx"
    call_command(
        "export_report",
        "coverage",
        format="xlsx",
        language="en",
        output=str(output),
        municipality=["pirot"],
        stdout=io.StringIO(),
    )
    sheet = load_workbook(output).active
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=2)] == [["Pirot", 0, 1, 1]]


def test_command_writes_csv(dataset, tmp_path):
    output = tmp_path / "freshness.csv"
    call_command(
        "export_report",
        "freshness",
        "--language",
        "sr-latn",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )
    content = output.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    assert "Novi Pazar,1,0,2" in content.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["nope"], "Unknown report 'nope'"),
        (["coverage", "--language", "fr"], "Unknown language 'fr'"),
        (["coverage", "--municipality", "atlantis"], "Unknown municipality: atlantis"),
        (["coverage", "--category", "atlantis"], "Unknown category 'atlantis'"),
    ],
)
def test_command_fails_cleanly(dataset, tmp_path, arguments, message):
    output = tmp_path / "out.csv"
    with pytest.raises(CommandError, match=message):
        call_command("export_report", *arguments, "--output", str(output))
    assert not output.exists()


def test_a_nul_in_a_filter_is_an_unknown_choice_not_a_server_error(associate_client, dataset):
    # PostgreSQL refuses NUL in a query; the value is turned away like any other unknown one.
    for value in ("\x00", "novi-pazar\x00"):
        response = associate_client.get(report_url("services", municipality=[value]))
        assert response.status_code == 400
        assert response.context["form"].errors["municipality"]
