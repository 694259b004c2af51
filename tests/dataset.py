"""A small, realistic directory for the browser tests, built with the factories.

Test data, not the demo content: names read like the real thing so that pages have realistic
lengths, but the phone number is a clearly fake test number and nobody here exists.
Some translations are left out on purpose, so that pages show the Serbian fallback.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from guides.models import GuideChapter
from returnee_portal.models import LatinName
from services.models import Category, Municipality, OpenCall, Organization, Project, Service
from tests.factories import (
    CategoryFactory,
    DistrictFactory,
    GuideChapterFactory,
    MunicipalityFactory,
    OpenCallFactory,
    OrganizationFactory,
    ProjectFactory,
    ProjectIndicatorFactory,
    ServiceFactory,
    SpokenLanguageFactory,
)

LANGUAGES = ("sr-latn", "rom", "sq", "de", "en")
TEST_PHONE = "020 811 111"  # fake, for tests only
TEST_TEL = "tel:020811111"

CATEGORIES = [
    # slug, icon, names (missing languages fall back to Serbian)
    ("licna-dokumenta", "🪪", {
        "sr-latn": "Lična dokumenta i matične knjige", "rom": "Personalne dokumentura",
        "sq": "Dokumentet personale", "de": "Ausweise und Personenstand",
        "en": "Personal documents and civil registration"}),
    ("socijalna-zastita", "🤝", {
        "sr-latn": "Socijalna zaštita i novčana pomoć", "sq": "Mbrojtja sociale",
        "de": "Sozialschutz und finanzielle Hilfe",
        "en": "Social protection and financial assistance"}),
    ("zdravstvena-zastita", "🩺", {
        "sr-latn": "Zdravstvena zaštita", "rom": "Sastipasko arakhipe",
        "sq": "Kujdesi shëndetësor", "de": "Gesundheitsversorgung", "en": "Health care"}),
    ("obrazovanje", "🎒", {
        "sr-latn": "Obrazovanje i upis u školu", "de": "Bildung und Schulanmeldung",
        "en": "Education and school enrolment"}),
    ("zaposljavanje", "🧰", {
        "sr-latn": "Zapošljavanje i obuke", "sq": "Punësimi dhe trajnimet",
        "de": "Arbeit und Ausbildung", "en": "Employment and training"}),
    ("stanovanje", "🏠", {"sr-latn": "Stanovanje", "de": "Wohnen", "en": "Housing"}),
    ("pravna-pomoc", "⚖️", {"sr-latn": "Pravna pomoć", "de": "Rechtshilfe", "en": "Legal aid"}),
    ("psihosocijalna-podrska", "💬", {
        "sr-latn": "Psihosocijalna podrška", "en": "Psychosocial support"}),
    ("deca-i-porodica", "👪", {
        "sr-latn": "Deca i porodica", "de": "Kinder und Familie", "en": "Children and family"}),
    ("ekonomska-podrska", "💶", {
        "sr-latn": "Ekonomska podrška i grantovi", "en": "Economic support and grants"}),
]  # fmt: skip

CHAPTER_BODY = """Kada stignete u Srbiju, prvo prijavite **prebivalište** u policijskoj upravi.
Bez prijave ne možete dobiti ličnu kartu, a bez lične karte ni zdravstvenu knjižicu.

## Šta da ponesete

- izvod iz matične knjige rođenih (ne stariji od šest meseci),
- dokaz o adresi: ugovor o zakupu ili izjavu vlasnika stana,
- papire koje ste dobili pri povratku (putni list, potvrda o readmisiji).

## Ako nemate dokumenta

Obratite se **matičnoj službi** u opštini u kojoj ste rođeni. Dete rođeno u Nemačkoj upisuje se
u matičnu knjigu na osnovu nemačkog izvoda; prevod overava sudski tumač.

## Pravna pomoć

Besplatnu pravnu pomoć pruža opštinska služba pravne pomoći.
"""


def _t(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code.replace('-', '_')}": text for code, text in texts.items()}


@dataclass
class Portal:
    tutin: Municipality
    own_municipality: Municipality
    foreign: Municipality
    service: Service  # Tutin, health care, with the phone number
    own_service: Service
    foreign_service: Service
    chapters: list[GuideChapter]
    project: Project
    call: OpenCall

    @property
    def public_paths(self) -> dict[str, str]:
        """One path (without language prefix) per public page type."""
        return {
            "home": "",
            "municipality list": "opstine/",
            "municipality": f"opstine/{self.tutin.slug}/",
            "municipality filtered": f"opstine/{self.tutin.slug}/?category=zdravstvena-zastita",
            "service": f"usluge/{self.service.slug}/",
            "suggestion form": f"usluge/{self.service.slug}/predlog/",
            "service checklist": f"usluge/{self.service.slug}/spisak/",
            "guide contents": "vodic/",
            "guide chapter": f"vodic/{self.chapters[0].slug}/?municipality={self.tutin.slug}",
            "whole guide": "vodic/ceo/",
            "organization": f"organizacije/{self.service.organization.slug}/",
            "municipalities for a category": "opstine/?category=zdravstvena-zastita",
            "municipality without the category": f"opstine/{self.tutin.slug}/?category=obrazovanje",
            "search": "pretraga/?q=lekar",
            "search in a municipality": f"pretraga/?q=izvod&municipality={self.tutin.slug}",
            "search without results": "pretraga/?q=xyzzy",
            "search form": "pretraga/",
            "projects": "projekti/",
            "project": f"projekti/{self.project.slug}/",
            "open calls": "konkursi/",
            "open call": f"konkursi/{self.call.slug}/",
            "about": "o-portalu/",
            "offline page": "van-mreze/",
            "404": "ova-stranica-ne-postoji/",
        }


def portal_create(*, own_municipality: Municipality, foreign: Municipality) -> Portal:
    raska = DistrictFactory(slug="raski-okrug", **_t("name", {"sr-latn": "Raški okrug"}))
    pirot_district = DistrictFactory(
        slug="pirotski-okrug", **_t("name", {"sr-latn": "Pirotski okrug"})
    )
    own_municipality.district = raska
    own_municipality.save()
    foreign.district = pirot_district
    foreign.save()
    tutin = MunicipalityFactory(
        slug="tutin",
        district=raska,
        **_t("name", {code: "Tutin" for code in LANGUAGES}),
        **_t(
            "intro",
            {
                "sr-latn": "Opština u Raškom okrugu, na granici sa Crnom Gorom.",
                "de": "Gemeinde im Bezirk Raška an der Grenze zu Montenegro.",
                "en": "A municipality in the Raška district, on the border with Montenegro.",
            },
        ),
        **_t("associate_name", {"sr-latn": "Kancelarija za povratnike", "en": "Returnee office"}),
        **_t("associate_hours", {"sr-latn": "utorkom i četvrtkom 9–13"}),
        associate_phone=TEST_PHONE,
    )
    LatinName.objects.get_or_create(name="Geburtsurkunde")
    categories = {
        slug: CategoryFactory(slug=slug, icon=icon, order=order, **_t("name", names))
        for order, (slug, icon, names) in enumerate(CATEGORIES, start=1)
    }
    romani = SpokenLanguageFactory(
        code="rom", **_t("name", {"sr-latn": "romski", "rom": "romanes", "sq": "rome",
                                  "de": "Romanes", "en": "Romani"})
    )  # fmt: skip
    albanian = SpokenLanguageFactory(
        code="sq", **_t("name", {"sr-latn": "albanski", "rom": "albanikane", "sq": "shqip",
                                 "de": "Albanisch", "en": "Albanian"})
    )  # fmt: skip

    health_centre = OrganizationFactory(
        slug="dom-zdravlja-tutin",
        municipality=tutin,
        **_t(
            "name",
            {
                "sr-latn": "Dom zdravlja Tutin",
                "sq": "Shtëpia e Shëndetit Tutin",
                "de": "Gesundheitszentrum Tutin",
                "en": "Tutin Health Centre",
            },
        ),
    )
    service = ServiceFactory(
        slug="izabrani-lekar-tutin",
        organization=health_centre,
        municipality=tutin,
        categories=[categories["zdravstvena-zastita"], categories["deca-i-porodica"]],
        staff_languages=[romani, albanian],
        phone=TEST_PHONE,
        address="Ulica 1, 36320 Tutin",
        latitude="42.990000",
        longitude="20.330000",
        last_verified=timezone.localdate() - datetime.timedelta(days=20),
        **_t(
            "name",
            {
                "sr-latn": "Izbor lekara i zdravstvena knjižica",
                "rom": "Khuvipe ko doktori thaj sastipasko lil",
                "sq": "Zgjedhja e mjekut dhe libreza shëndetësore",
                "de": "Hausarzt wählen und Krankenversicherungskarte",
                "en": "Choosing a doctor and the health insurance card",
            },
        ),
        **_t(
            "description",
            {
                "sr-latn": "Na šalteru doma zdravlja birate lekara opšte prakse i pedijatra za "
                "decu. Posle izbora lekara dobijate termin za prvi pregled.",
                "sq": "Në sportelin e shtëpisë së shëndetit zgjidhni mjekun e përgjithshëm dhe "
                "pediatrin për fëmijët.",
                "de": "Am Schalter des Gesundheitszentrums wählen Sie einen Hausarzt und einen "
                "Kinderarzt für die Kinder.",
                "en": "At the health centre's desk you choose a family doctor, and a "
                "paediatrician for the children.",
            },
        ),
        **_t(
            "documents",
            {
                "sr-latn": "Lična karta ili izvod iz matične knjige rođenih za decu.\n"
                "Za decu rođenu u Nemačkoj: nemački izvod (Geburtsurkunde).\n"
                "Zdravstvena knjižica, ako je već imate.",
                "en": "Identity card, or birth certificate for children.\n"
                "Health insurance card, if you already have one.",
            },
        ),
        **_t("opening_hours", {"sr-latn": "radnim danima 7–19", "en": "weekdays 7:00–19:00"}),
        **_t("cost", {"sr-latn": "besplatno", "en": "free of charge"}),
    )
    registry = OrganizationFactory(
        slug="opstinska-uprava-tutin",
        municipality=tutin,
        kind=Organization.Kind.LOCAL_GOVERNMENT,
        **_t("name", {"sr-latn": "Opštinska uprava Tutin", "en": "Tutin Municipal Administration"}),
    )
    ServiceFactory(
        slug="izvod-iz-maticne-knjige-tutin",
        organization=registry,
        municipality=tutin,
        categories=[categories["licna-dokumenta"]],
        **_t(
            "name",
            {
                "sr-latn": "Izvod iz matične knjige rođenih",
                "rom": "Izvodi andar o matično lil e bijandimasko",
                "en": "Birth certificate",
            },
        ),
    )

    own_service = ServiceFactory(
        slug="novcana-socijalna-pomoc-novi-pazar",
        organization=OrganizationFactory(
            slug="csr-novi-pazar",
            municipality=own_municipality,
            **_t("name", {"sr-latn": "Centar za socijalni rad Novi Pazar"}),
        ),
        municipality=own_municipality,
        categories=[categories["socijalna-zastita"]],
        **_t("name", {"sr-latn": "Novčana socijalna pomoć", "en": "Social assistance"}),
    )
    foreign_service = ServiceFactory(
        slug="evidencija-nezaposlenih-pirot",
        organization=OrganizationFactory(
            slug="nsz-pirot",
            municipality=foreign,
            **_t("name", {"sr-latn": "Nacionalna služba za zapošljavanje, filijala Pirot"}),
        ),
        municipality=foreign,
        categories=[categories["zaposljavanje"]],
        **_t("name", {"sr-latn": "Prijava na evidenciju nezaposlenih"}),
    )

    chapters = [
        GuideChapterFactory(
            slug="prvi-koraci",
            order=1,
            body_sr_latn=CHAPTER_BODY,
            body_en="When you arrive in Serbia, first register your **residence** with the "
            "police.\n\n## What to bring\n\n- birth certificate\n- proof of address",
            **_t(
                "title",
                {
                    "sr-latn": "Prvi koraci posle povratka",
                    "rom": "Angluno pasipe pale iranipe",
                    "sq": "Hapat e parë pas kthimit",
                    "de": "Die ersten Schritte nach der Rückkehr",
                    "en": "First steps after your return",
                },
            ),
            **_t(
                "summary",
                {
                    "sr-latn": "Prijava prebivališta, lična karta i zdravstvena knjižica.",
                    "en": "Registering your residence, identity card and health card.",
                },
            ),
        ),
        GuideChapterFactory(
            slug="zdravstvena-zastita",
            order=2,
            **_t(
                "title",
                {
                    "sr-latn": "Zdravstvena zaštita",
                    "de": "Gesundheitsversorgung",
                    "en": "Health care",
                },
            ),
            **_t("body", {"sr-latn": "## Izbor lekara\n\nLekara birate u domu zdravlja."}),
        ),
        GuideChapterFactory(
            slug="obrazovanje",
            order=3,
            **_t("title", {"sr-latn": "Obrazovanje i upis u školu", "en": "School"}),
        ),
    ]
    chapters[0].categories.set([categories["licna-dokumenta"], categories["zdravstvena-zastita"]])

    project = ProjectFactory(
        slug="reintegracija-povratnika",
        budget="1500000.00",
        currency="EUR",
        starts_on=datetime.date(2022, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        website="https://example.org/projekat",
        **_t(
            "title",
            {
                "sr-latn": "Podrška reintegraciji povratnika",
                "de": "Unterstützung der Reintegration von Rückkehrenden",
                "en": "Support for the reintegration of returnees",
            },
        ),
        **_t(
            "summary",
            {
                "sr-latn": "Psihosocijalna, pravna i ekonomska podrška povratnicima.",
                "en": "Psychosocial, legal and economic support for returnees.",
            },
        ),
        **_t("implementers", {"sr-latn": "Mreža lokalnih saradnika za reintegraciju"}),
    )
    project.municipalities.set([tutin, own_municipality])
    ProjectIndicatorFactory(
        project=project, value=915, as_of=datetime.date(2024, 6, 30),
        **_t("label", {"sr-latn": "Radionice", "en": "Workshops"}),
    )  # fmt: skip
    ProjectIndicatorFactory(
        project=project, value=1912, order=1,
        **_t("label", {"sr-latn": "Korisnici", "en": "Beneficiaries"}),
    )  # fmt: skip
    today = timezone.localdate()
    call = OpenCallFactory(
        slug="grant-za-samozaposljavanje",
        project=project,
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=30),
        **_t(
            "title",
            {
                "sr-latn": "Grantovi za samozapošljavanje",
                "sq": "Grante për vetëpunësim",
                "de": "Zuschüsse zur Selbstständigkeit",
                "en": "Self-employment grants",
            },
        ),
        **_t(
            "description",
            {
                "sr-latn": "Oprema i obuka za pokretanje sopstvenog posla, do 2.000 evra.",
                "en": "Equipment and training to start your own business, up to 2,000 euros.",
            },
        ),
        **_t("eligibility", {"sr-latn": "Povratnici po sporazumu o readmisiji."}),
    )
    call.municipalities.set([tutin, own_municipality])

    return Portal(
        tutin=tutin,
        own_municipality=own_municipality,
        foreign=foreign,
        service=service,
        own_service=own_service,
        foreign_service=foreign_service,
        chapters=chapters,
        project=project,
        call=call,
    )


def large_municipality_create(*, services: int = 60) -> Municipality:
    """A municipality with more services than fit on its first page (50): the heaviest page."""
    district = DistrictFactory(
        slug="jablanicki-okrug", **_t("name", {"sr-latn": "Jablanički okrug"})
    )
    leskovac = MunicipalityFactory(
        slug="leskovac", district=district, **_t("name", {"sr-latn": "Leskovac"})
    )
    categories = list(Category.objects.order_by("order"))
    kinds = list(Organization.Kind)
    for number in range(services):
        organization = OrganizationFactory(
            slug=f"organizacija-leskovac-{number}",
            municipality=leskovac,
            kind=kinds[number % len(kinds)],
            **_t("name", {"sr-latn": f"Udruženje građana za podršku porodicama br. {number}"}),
        )
        ServiceFactory(
            slug=f"usluga-leskovac-{number}",
            organization=organization,
            municipality=leskovac,
            categories=[categories[number % len(categories)]],
            **_t(
                "name",
                {
                    "sr-latn": f"Savetovanje i pomoć pri ostvarivanju prava, punkt {number}",
                    "en": f"Advice and help to claim your rights, point {number}",
                },
            ),
        )
    return leskovac
