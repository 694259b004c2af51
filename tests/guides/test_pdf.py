"""The guide as a PDF (WeasyPrint), read back with pypdf: the chapters in the chosen language
and script, the municipality's services in the annex, every font embedded; a changed chapter
gives a new PDF; concurrent requests build it once."""

import io
import threading
import time

import pypdf
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from guides import pdf as guide_pdf_module
from guides.pdf import GuidePdf, guide_pdf, guide_pdf_build
from tests.factories import (
    CategoryFactory,
    GuideChapterFactory,
    MunicipalityFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    documents = CategoryFactory(name_sr_latn="Lična dokumenta", name_rom="Lila", order=1)
    tutin = MunicipalityFactory(name_sr_latn="Tutin", slug="tutin")
    ServiceFactory(
        municipality=tutin,
        name_sr_latn="Matična služba Tutin",
        name_rom="Matično biro Tutin",
        address="Gazi Ahmetova 2",
        documents_sr_latn="Lična karta",
        categories=[documents],
    )
    ServiceFactory(name_sr_latn="Matična služba Pirot", categories=[documents])  # elsewhere
    GuideChapterFactory(title_sr_latn="Prvi koraci", title_rom="Angluno drom", order=1,
                        is_published=True)  # fmt: skip
    GuideChapterFactory(title_sr_latn="Zdravstvena zaštita", order=2, is_published=True)
    GuideChapterFactory(title_sr_latn="Skriveno poglavlje", order=3, is_published=False)
    return tutin


def text_of(content: bytes) -> tuple[str, pypdf.PdfReader]:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join((page.extract_text() or "") for page in reader.pages), reader


def embedded_fonts(reader) -> dict[str, bool]:
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get(
                "/FontDescriptor"
            )
            descriptor = descriptor.get_object() if descriptor else {}
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def test_the_cyrillic_guide_of_tutin(guide):
    pdf = guide_pdf_build(language="sr", municipality=guide)
    text, reader = text_of(pdf.content)
    assert "Први кораци" in text and "Здравствена заштита" in text
    assert "Prvi koraci" not in text
    assert "Скривено" not in text  # unpublished
    assert "Матична служба Тутин" in text and "Пирот" not in text
    assert "Gazi Ahmetova 2" in text or "Гази Ахметова 2" in text
    assert pdf.pages == len(reader.pages) >= 5  # cover, contents, 2 chapters, annex
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert all("DejaVu" in name for name in fonts)


def test_the_romani_guide_uses_the_romani_texts_and_falls_back_to_serbian(guide):
    text, _reader = text_of(guide_pdf_build(language="rom", municipality=None).content)
    assert "Angluno drom" in text
    assert "Zdravstvena zaštita" in text  # no Romani title yet: the Serbian one
    assert "Matično biro" not in text  # no annex without a municipality


def test_the_download_is_named_and_a_changed_chapter_gives_a_new_pdf(client, guide):
    response = client.get("/rom/vodic/pdf/?municipality=tutin")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="vodic-tutin-rom-{timezone.localdate().isoformat()}.pdf"'
    )
    assert "Matično biro Tutin" in text_of(response.content)[0]
    category = guide.services.first().categories.first()  # a change the annex shows
    category.name_rom = "Lila thaj dokumenta"
    category.save()
    again = client.get("/rom/vodic/pdf/?municipality=tutin")
    assert "Lila thaj dokumenta" in text_of(again.content)[0]
    assert client.get("/rom/vodic/pdf/?municipality=nema").status_code == 404


def test_the_links_say_the_language_and_once_built_pages_and_size(client, guide):
    html = client.get("/de/vodic/").text
    assert (
        '<a href="/de/vodic/pdf/" type="application/pdf">Der ganze Leitfaden - Deutsch - PDF</a>'
    ) in html
    assert "Der ganze Leitfaden - Deutsch - PDF<" in client.get("/de/vodic/").text  # cached
    built = guide_pdf(language="de")
    html = client.get("/de/vodic/").text  # the kept page is rendered anew once the PDF exists
    assert f"Der ganze Leitfaden - Deutsch - PDF, {built.pages} Seiten, " in html
    tutin = client.get("/en/opstine/tutin/").text
    assert (
        '<a href="/en/vodic/pdf/?municipality=tutin" type="application/pdf">'
        "The guide with the services of Tutin - English - PDF</a>"
    ) in tutin


def test_the_pdf_gives_every_place_one_id(guide, caplog):
    """Two chapters with a section of the same name ("If something goes wrong") keep their own
    ids in the PDF, so its contents and "see chapter N" links land where they should."""
    for chapter in GuideChapterFactory._meta.model.objects.all():
        chapter.body_sr_latn = "## Ako nešto ne ide\n\nPozovite (vidite poglavlje 2)."
        chapter.save()
    with caplog.at_level("WARNING", logger="weasyprint"):
        guide_pdf_build(language="sr-latn", municipality=guide)
    assert [r.getMessage() for r in caplog.records if "Anchor" in r.getMessage()] == []


def test_concurrent_requests_build_the_pdf_once(monkeypatch, settings):
    # A cache the threads can share without the test's database connection; production's is
    # the database or Redis, shared the same way by add() (tests/returnee_portal/test_scale_out.py).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    builds = []

    def slow_build(*, language, municipality):
        builds.append(language)
        time.sleep(0.5)
        return GuidePdf(content=b"%PDF-1.7 built once", pages=1)

    monkeypatch.setattr(guide_pdf_module, "_key", lambda **kwargs: "guide-pdf:same")
    monkeypatch.setattr(guide_pdf_module, "guide_pdf_build", slow_build)
    cache.delete("guide-pdf:same")
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(guide_pdf(language="rom"))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert builds == ["rom"]
    assert [pdf.content for pdf in results] == [b"%PDF-1.7 built once"] * 4


def test_build_guide_pdf_writes_the_print_file(guide, tmp_path, capsys):
    output = tmp_path / "vodic.pdf"
    call_command("build_guide_pdf", "--language", "sq", "--municipality", "tutin", "--output",
                 str(output))  # fmt: skip
    assert output.read_bytes().startswith(b"%PDF")
    assert "pages" in capsys.readouterr().out
