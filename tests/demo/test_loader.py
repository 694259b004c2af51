"""The demo content: real places and programmes, nothing invented, loadable twice."""

import pytest
from django.core.management import call_command
from django.db.models import Q

from guides.models import GuideChapter
from services.models import Municipality, OpenCall, Project, Service

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row of the directory and the guide, without the "updated" timestamps."""
    from django.apps import apps

    tables = {}
    for app in ("services", "guides"):
        for model in apps.get_app_config(app).get_models():
            fields = [f.attname for f in model._meta.concrete_fields if f.name != "updated_at"]
            tables[model.__name__] = sorted(map(repr, model.objects.values_list(*fields)))
            for m2m in model._meta.many_to_many:
                through = m2m.remote_field.through
                tables[f"{model.__name__}.{m2m.name}"] = sorted(
                    map(repr, through.objects.values_list())
                )
    return tables


def test_loading_twice_gives_the_same_rows():
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first
    assert len(first["Service"]) > 60


def test_demo_has_the_places_and_programmes_of_the_sources():
    call_command("load_demo", verbosity=0)
    names = set(Municipality.objects.values_list("name_sr_latn", flat=True))
    assert {
        "Novi Pazar", "Tutin", "Sjenica", "Pirot", "Kruševac", "Dimitrovgrad",
        "Bela Palanka", "Babušnica", "Novi Sad", "Bogatić",
    } <= names  # fmt: skip
    reintegrate = Project.objects.get(slug="reintegrate")
    assert str(reintegrate.budget) == "3448487.01"
    assert reintegrate.indicators.filter(value=915).exists()
    assert reintegrate.indicators.filter(value=1912).exists()
    pirot = Project.objects.get(slug="reintegracija-ii-pirot")
    assert str(pirot.budget) == "400000.00"
    assert pirot.ends_on.isoformat() == "2025-04-30"
    assert OpenCall.objects.filter(project=pirot).count() >= 3
    assert GuideChapter.objects.count() >= 8
    for chapter in GuideChapter.objects.all():
        assert chapter.body_sr_latn and chapter.body_en, chapter.slug


def test_demo_invents_no_contact_details():
    call_command("load_demo", verbosity=0)
    invented = Service.objects.filter(
        Q(phone__gt="") | Q(address__gt="") | Q(opening_hours_sr_latn__gt="") | Q(email__gt="")
    )
    assert not invented.exists()
    assert not Service.objects.filter(last_verified__isnull=False).exists()


def test_non_native_translations_are_marked_for_review():
    call_command("load_demo", verbosity=0)
    for chapter in GuideChapter.objects.all():
        for code in ("rom", "sq"):
            if getattr(chapter, f"body_{code}"):
                assert chapter.translation_review.get(code) == "needs_review"
        assert "sr-latn" not in chapter.translation_review
        assert chapter.translation_review["en"] == "reviewed"  # written by the team
    service = Service.objects.get(slug="centar-za-socijalni-rad-tutin")
    assert service.translation_review["rom"] == "needs_review"


def _mixed_script_words(text: str) -> list[str]:
    import re

    return [
        word
        for word in re.findall(r"\w+", text)
        if re.search(r"[A-Za-zÀ-ɏ]", word) and re.search(r"[\u0400-\u04ff]", word)
    ]


def test_no_demo_word_mixes_latin_and_cyrillic_letters():
    """A Cyrillic "о" inside a Latin word looks right and is never found by search."""
    from django.apps import apps

    call_command("load_demo", verbosity=0)
    mixed = []
    for app in ("services", "guides"):
        for model in apps.get_app_config(app).get_models():
            text_fields = [
                f.attname
                for f in model._meta.concrete_fields
                if f.get_internal_type() in ("CharField", "TextField")
            ]
            if not text_fields:
                continue
            for row in model.objects.values_list(*text_fields):
                mixed += [word for value in row if value for word in _mixed_script_words(value)]
    assert mixed == []
    assert _mixed_script_words("Poverenik\u043e vaš") == ["Poverenik\u043e"]  # it can fail
