import pytest


@pytest.fixture
def portal(own_municipality, foreign_municipality):
    from tests.dataset import portal_create

    return portal_create(own_municipality=own_municipality, foreign=foreign_municipality)
