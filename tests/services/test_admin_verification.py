"""Associates mark services verified; stale entries show up in a filter and on the dashboard."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from services.models import Municipality
from services.selectors import stale_services_per_municipality, verification_cutoff
from tests.factories import CategoryFactory, MunicipalityFactory, ServiceFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def tutin(associate):
    municipality = MunicipalityFactory(name_sr_latn="Tutin")
    municipality.associates.add(associate)
    return municipality


def service_form_data(client, service):
    """What the service's change form would post unchanged."""
    context = client.get(reverse("admin:services_service_change", args=[service.pk])).context
    data = {}
    for field in context["adminform"].form:
        value = field.value()
        if value is not None and value is not False:
            data[field.html_name] = "on" if value is True else value
    return data


@pytest.mark.parametrize(
    ("today", "cutoff"),
    [
        (datetime.date(2025, 7, 15), datetime.date(2025, 1, 15)),
        (datetime.date(2025, 3, 10), datetime.date(2024, 9, 10)),
        (datetime.date(2025, 8, 31), datetime.date(2025, 2, 28)),
        (datetime.date(2024, 8, 31), datetime.date(2024, 2, 29)),
    ],
)
def test_six_months_ago_is_counted_in_calendar_months(today, cutoff):
    assert verification_cutoff(today=today) == cutoff


def test_mark_verified_action_sets_today_and_who(associate_client, associate, tutin):
    checked = ServiceFactory(municipality=tutin, last_verified=datetime.date(2020, 1, 1))
    untouched = ServiceFactory(municipality=tutin)
    response = associate_client.post(
        reverse("admin:services_service_changelist"),
        {"action": "mark_verified_today", "_selected_action": [checked.pk]},
        follow=True,
    )
    assert "1 service marked as verified today." in response.text
    checked.refresh_from_db()
    untouched.refresh_from_db()
    assert (checked.last_verified, checked.verified_by) == (TODAY, associate)
    # A new version: a form opened before the verification can no longer overwrite it.
    assert checked.version == 2
    assert untouched.last_verified is None


def test_the_button_saves_and_marks_verified_and_the_public_page_shows_it(
    associate_client, associate, tutin
):
    service = ServiceFactory(
        municipality=tutin, slug="dom-zdravlja", phone="020 1", categories=[CategoryFactory()]
    )
    url = reverse("admin:services_service_change", args=[service.pk])
    assert 'name="_mark_verified"' in associate_client.get(url).text
    data = {**service_form_data(associate_client, service), "phone": "020 2", "_mark_verified": ""}
    response = associate_client.post(url, data, follow=True)
    assert "was saved and marked as verified today." in response.text
    service.refresh_from_db()
    assert (service.phone, service.last_verified, service.verified_by) == (
        "020 2",
        TODAY,
        associate,
    )
    associate_client.logout()
    public = associate_client.get("/en/usluge/dom-zdravlja/").text
    assert "Checked on" in public
    assert "Not yet checked" not in public


def test_the_verification_filter_sorts_services_by_their_last_check(associate_client, tutin):
    cutoff = verification_cutoff(today=TODAY)
    ServiceFactory(municipality=tutin, name_sr_latn="Stara", last_verified=cutoff)
    ServiceFactory(municipality=tutin, name_sr_latn="Nikad", last_verified=None)
    ServiceFactory(
        municipality=tutin,
        name_sr_latn="Nova",
        last_verified=cutoff + datetime.timedelta(days=1),
    )
    changelist = reverse("admin:services_service_changelist")

    def listed(value):
        html = associate_client.get(changelist, {"verification": value}).text
        return {name for name in ("Stara", "Nikad", "Nova") if f">{name}</a>" in html}

    assert listed("stale") == {"Stara"}
    assert listed("never") == {"Nikad"}
    assert listed("recent") == {"Nova"}


def test_stale_counts_per_municipality_on_a_known_day():
    today = datetime.date(2025, 7, 15)
    tutin = MunicipalityFactory(name_sr_latn="Tutin")
    nis = MunicipalityFactory(name_sr_latn="Niš")
    fresh = MunicipalityFactory(name_sr_latn="Pirot")
    ServiceFactory(municipality=tutin, last_verified=datetime.date(2025, 1, 15))  # 6 months
    ServiceFactory(municipality=tutin, last_verified=datetime.date(2023, 5, 1))
    ServiceFactory(municipality=tutin, last_verified=None)
    ServiceFactory(municipality=tutin, last_verified=datetime.date(2025, 1, 16))  # recent
    ServiceFactory(municipality=tutin, last_verified=None, is_published=False)  # not public
    ServiceFactory(municipality=nis, last_verified=None)
    ServiceFactory(municipality=fresh, last_verified=datetime.date(2025, 7, 1))

    rows = stale_services_per_municipality(municipalities=Municipality.objects.all(), today=today)
    assert [(m.name, m.outdated_count, m.never_count) for m in rows] == [
        ("Niš", 0, 1),
        ("Tutin", 2, 1),
    ]
    only_tutin = stale_services_per_municipality(
        municipalities=Municipality.objects.filter(pk=tutin.pk), today=today
    )
    assert [m.name for m in only_tutin] == ["Tutin"]


def test_the_dashboard_shows_the_associates_own_stale_counts(associate_client, tutin):
    long_ago = TODAY - datetime.timedelta(days=400)
    ServiceFactory(municipality=tutin, last_verified=long_ago)
    ServiceFactory(municipality=tutin, last_verified=long_ago)
    ServiceFactory(municipality=tutin, last_verified=None)
    ServiceFactory(municipality=tutin, last_verified=TODAY)
    ServiceFactory(municipality=MunicipalityFactory(name_sr_latn="Niš"), last_verified=None)

    response = associate_client.get(reverse("admin:index"))
    html = response.text
    panel = html[html.index('id="stale-services"') : html.index("</table>")]
    assert "Services to check" in panel
    assert '<th scope="row">Tutin</th>' in panel
    assert (
        f"municipality__id__exact={tutin.pk}&amp;is_published__exact=1&amp;verification=stale"
        in panel
    )
    assert ">2</a>" in panel and ">1</a>" in panel
    assert "Niš" not in panel


def test_the_dashboard_links_lead_to_the_counted_services(associate_client, tutin):
    ServiceFactory(
        municipality=tutin, name_sr_latn="Stara", last_verified=datetime.date(2020, 1, 1)
    )
    ServiceFactory(municipality=tutin, name_sr_latn="Nova", last_verified=TODAY)
    html = associate_client.get(reverse("admin:index")).text
    start = html.index('href="', html.index('id="stale-services"')) + len('href="')
    link = html[start : html.index('"', start)].replace("&amp;", "&")
    listed = associate_client.get(link).text
    assert ">Stara</a>" in listed
    assert ">Nova</a>" not in listed
