import pytest

from tests.factories import (
    CategoryFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ServiceFactory,
)


@pytest.fixture
def directory():
    """Two published services in Tutin (one with a place, one translated into Romani only in
    part), one unpublished, and one in Pirot from another organization."""
    documents = CategoryFactory(
        slug="licna-dokumenta",
        name_sr_latn="Lična dokumenta",
        name_rom="Personalne dokumentura",
        name_de="Ausweise",
    )
    health = CategoryFactory(slug="zdravlje", name_sr_latn="Zdravlje")
    tutin = MunicipalityFactory(slug="tutin", name_sr_latn="Tutin")
    registry = OrganizationFactory(slug="opstina-tutin", name_sr_latn="Opštinska uprava Tutin")
    birth = ServiceFactory(
        slug="izvod-tutin",
        municipality=tutin,
        organization=registry,
        categories=[documents],
        name_sr_latn="Izvod iz matične knjige rođenih",
        name_rom="Izvodi andar o matično lil",
        name_de="Geburtsurkunde",
        description_sr_latn="Izvod se izdaje na šalteru.",
        description_de="Die Urkunde gibt es am Schalter.",
        address="Ulica 1, Tutin",
        latitude="42.99",
        longitude="20.33",
        phone="020 811 111",
    )
    card = ServiceFactory(
        slug="licna-karta-tutin",
        municipality=tutin,
        organization=registry,
        categories=[documents],
        name_sr_latn="Lična karta",
    )
    hidden = ServiceFactory(
        slug="skriveno", municipality=tutin, is_published=False, name_sr_latn="Skrivena usluga"
    )
    pirot = ServiceFactory(
        slug="dom-zdravlja-pirot", categories=[health], name_sr_latn="Dom zdravlja Pirot"
    )
    return {"birth": birth, "card": card, "hidden": hidden, "pirot": pirot,
            "documents": documents, "health": health, "registry": registry}  # fmt: skip
