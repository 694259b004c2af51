"""The demo guide: chapters written as Markdown files in guides/demo_chapters/.

Each chapter is a folder `NN-slug` with one file per language (`sr-latn.md`, `en.md`, ...):
a `title:` and a `summary:` line, a `---` line, then the Markdown body. Serbian and English
are the source texts; the other languages are marked "needs review" until a native speaker
approves them in the admin.
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from returnee_portal.demo import demo_review_state, upsert_changed
from services.models import Category

from .models import GuideChapter

CHAPTERS_DIR = Path(__file__).resolve().parent / "demo_chapters"

# Which services a chapter suggests, by category slug (see services.demo_content).
CHAPTER_CATEGORIES = {
    "propisi-i-readmisija": ["pravna-pomoc"],
    "prvi-koraci": ["licna-dokumenta", "socijalna-zastita"],
    "licna-dokumenta-i-prebivaliste": ["licna-dokumenta"],
    "socijalna-zastita": ["socijalna-zastita", "deca-i-porodica"],
    "zdravstvena-zastita": ["zdravstvena-zastita"],
    "obrazovanje": ["obrazovanje"],
    "zaposljavanje-i-podrska": ["zaposljavanje", "ekonomska-podrska"],
    "pravna-pomoc-i-psihosocijalna-podrska": ["pravna-pomoc", "psihosocijalna-podrska"],
}


def chapter_file_parse(text: str) -> dict[str, str]:
    """Split a chapter file into its title, summary and Markdown body."""
    header, separator, body = text.partition("\n---\n")
    if not separator:
        raise ValueError("A chapter file needs a '---' line between its header and its body.")
    fields = {}
    for line in header.splitlines():
        key, _colon, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return {"title": fields["title"], "summary": fields.get("summary", ""), "body": body.strip()}


@transaction.atomic
def demo_load() -> int:
    """Create or update the demo chapters; returns how many chapters there are."""
    for order, folder in enumerate(sorted(p for p in CHAPTERS_DIR.iterdir() if p.is_dir()), 1):
        slug = folder.name.split("-", 1)[1]
        values = {"order": order, "is_published": True}
        written = []
        for code in settings.MODELTRANSLATION_LANGUAGES:
            path = folder / f"{code}.md"
            if not path.exists():
                continue
            written.append(code)
            for field, value in chapter_file_parse(path.read_text(encoding="utf-8")).items():
                values[build_localized_fieldname(field, code)] = value
        values["translation_review"] = demo_review_state(languages=written)
        chapter = upsert_changed(GuideChapter, {"slug": slug}, values)
        chapter.categories.set(Category.objects.filter(slug__in=CHAPTER_CATEGORIES.get(slug, [])))
    return GuideChapter.objects.count()
