"""Coordinators publish and unpublish chapters from the list, each as a new version."""

import pytest
from django.urls import reverse

from guides.models import GuideChapter
from tests.factories import GuideChapterFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("action", "published", "message"),
    [
        ("chapters_unpublish", False, "1 chapter unpublished."),
        ("chapters_publish", True, "1 chapter published."),
    ],
)
def test_chapters_are_published_and_unpublished_from_the_list(
    client, coordinator, action, published, message
):
    chapter = GuideChapterFactory(is_published=not published)
    client.force_login(coordinator)
    response = client.post(
        reverse("admin:guides_guidechapter_changelist"),
        {"action": action, "_selected_action": [chapter.pk]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert message in response.text
    chapter = GuideChapter.objects.get(pk=chapter.pk)
    assert chapter.is_published is published
    assert chapter.version == 2
    visible = client.get(chapter.get_absolute_url()).status_code
    assert visible == (200 if published else 404)
