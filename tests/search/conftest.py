"""A small directory to search: test data in every language (no real office, no phone)."""

import datetime

import pytest
from django.utils import timezone

from services.models import Organization
from tests.factories import (
    DistrictFactory,
    GuideChapterFactory,
    MunicipalityFactory,
    OpenCallFactory,
    OrganizationFactory,
    ProjectFactory,
    ServiceFactory,
)


def t(field: str, **texts: str) -> dict[str, str]:
    """Keyword arguments for a translated field: t("name", sr_latn="…", de="…")."""
    return {f"{field}_{code}": text for code, text in texts.items()}


@pytest.fixture
def directory(db):
    moravica = DistrictFactory(slug="moravicki-okrug", **t("name", sr_latn="Moravički okrug"))
    raska = DistrictFactory(slug="raski-okrug", **t("name", sr_latn="Raški okrug"))
    cacak = MunicipalityFactory(slug="cacak", district=moravica, **t("name", sr_latn="Čačak"))
    tutin = MunicipalityFactory(slug="tutin", district=raska, **t("name", sr_latn="Tutin"))
    odzaci = MunicipalityFactory(slug="odzaci", district=moravica, **t("name", sr_latn="Odžaci"))

    csr = OrganizationFactory(
        slug="csr-cacak",
        municipality=cacak,
        **t("name", sr_latn="Centar za socijalni rad Čačak"),
        **t("description", sr_latn="Socijalna pomoć i savetovanje."),
    )
    police = OrganizationFactory(
        slug="mup", **t("name", sr_latn="Ministarstvo unutrašnjih poslova")
    )  # national
    OrganizationFactory(
        slug="iom",
        kind=Organization.Kind.INTERNATIONAL,
        **t(
            "name",
            sr_latn="Međunarodna organizacija za migracije",
            de="Internationale Organisation für Migration",
        ),
    )
    school = OrganizationFactory(
        slug="os-odzaci", municipality=odzaci, **t("name", sr_latn="Osnovna škola Odžaci")
    )
    health = OrganizationFactory(
        slug="dz-tutin", municipality=tutin, **t("name", sr_latn="Dom zdravlja Tutin")
    )

    ServiceFactory(
        slug="licna-karta-tutin",
        organization=police,
        municipality=tutin,
        **t("name", sr_latn="Lična karta", de="Personalausweis", sq="Letërnjoftimi"),
        **t(
            "description",
            sr_latn="Zahtev za ličnu kartu podnosite u policijskoj stanici.",
            de="Den Personalausweis beantragen Sie bei der Polizei, auch als Rückkehrer.",
            sq="Kërkesën për letërnjoftim e bëni në polici.",
            rom="O zahtevo vaš i lična karta den ande policija.",
        ),
    )
    ServiceFactory(
        slug="socijalna-pomoc-cacak",
        organization=csr,
        municipality=cacak,
        **t(
            "name",
            sr_latn="Novčana socijalna pomoć",
            de="Sozialhilfe",
            sq="Ndihmë sociale në para",
            rom="Socijalno ažutipe",
        ),
        **t(
            "description",
            sr_latn="Pomoć za porodice bez prihoda.",
            de="Geld für Familien ohne Einkommen, im Zentrum an der Hauptstraße.",
            rom="Ažutipe vaš e familije bizo love.",
        ),
    )
    ServiceFactory(
        slug="upis-u-skolu-odzaci",
        organization=school,
        municipality=odzaci,
        **t("name", sr_latn="Upis u školu", sq="Regjistrimi në shkollë", rom="Upisi ande škola"),
        **t(
            "description",
            sr_latn="Upis dece u prvi razred i priznavanje svedočanstava iz Nemačke.",
            sq="Regjistrimi i fëmijëve në klasën e parë; çerdhe për të vegjlit.",
            rom="Ǯuvlja thaj ćhavorre aven ande škola; khere na ačhen.",
        ),
    )
    ServiceFactory(
        slug="dom-zdravlja-tutin",
        organization=health,
        municipality=tutin,
        **t("name", sr_latn="Izabrani lekar u domu zdravlja"),
        **t("description", sr_latn="Zdravstvena knjižica i pregled."),
    )
    ServiceFactory(
        slug="savetovaliste-tutin",
        organization=health,
        municipality=tutin,
        **t("name", sr_latn="Savetovalište za porodice"),
        **t("description", sr_latn="Razgovor o zdravstvenoj zaštiti dece."),
    )
    ServiceFactory(
        slug="nacrt-tutin",
        organization=police,
        municipality=tutin,
        is_published=False,
        **t("name", sr_latn="Lična karta – nacrt"),
    )

    GuideChapterFactory(
        slug="licna-dokumenta",
        order=1,
        **t("title", sr_latn="Lična dokumenta", de="Ausweisdokumente"),
        **t("body", sr_latn="Kako da izvadite ličnu kartu i pasoš."),
    )
    GuideChapterFactory(
        slug="nacrt",
        order=2,
        is_published=False,
        **t("title", sr_latn="Nacrt poglavlja o karti"),
    )
    project = ProjectFactory(
        slug="podrska-povratnicima",
        **t("title", sr_latn="Podrška povratnicima"),
        **t("summary", sr_latn="Psihosocijalna i ekonomska podrška."),
    )
    project.municipalities.set([tutin])
    today = timezone.localdate()
    open_call = OpenCallFactory(
        slug="grant-otvoren",
        closes_on=today + datetime.timedelta(days=10),
        **t("title", sr_latn="Grant za samozapošljavanje"),
    )
    open_call.municipalities.set([cacak])
    OpenCallFactory(
        slug="grant-zatvoren",
        closes_on=today - datetime.timedelta(days=1),
        **t("title", sr_latn="Grant za obuke"),
    )
    return {"cacak": cacak, "tutin": tutin, "odzaci": odzaci}
