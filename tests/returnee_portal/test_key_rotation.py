"""Rotating SECRET_KEY (README, Operations): links signed with the old key keep working while
it is among SECRET_KEY_FALLBACKS, and stop once it is removed."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import override_settings
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import AssociateFactory

pytestmark = pytest.mark.django_db

OLD, NEW = "old-key-" + "o" * 50, "new-key-" + "n" * 50


def set_password_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("password_reset_confirm", args=[uid, default_token_generator.make_token(user)])


def opens_the_form(client, link) -> bool:
    # A valid link redirects to the form's own address; an invalid one says it is invalid.
    response = client.get(link, follow=True)
    return "new_password1" in response.content.decode()


def test_a_set_password_link_outlives_a_key_rotation_while_the_old_key_is_a_fallback(client):
    user = AssociateFactory()
    with override_settings(SECRET_KEY=OLD):
        link = set_password_link(user)
        assert opens_the_form(client, link)
    with override_settings(SECRET_KEY=NEW, SECRET_KEY_FALLBACKS=[OLD]):
        assert opens_the_form(client, link)
    with override_settings(SECRET_KEY=NEW, SECRET_KEY_FALLBACKS=[]):
        assert not opens_the_form(client, link)
