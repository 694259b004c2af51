"""Serbian Latin -> Cyrillic transliteration and the generated Cyrillic catalogue (no database)."""

import io
import re
from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from returnee_portal.transliteration import latin_to_cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж"),
        ("ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ", "АБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ"),
        ("Đorđe Ćirić čita, žuri i šeta.", "Ђорђе Ћирић чита, жури и шета."),
        ("Centar za socijalni rad", "Центар за социјални рад"),
        ("Vodič za integraciju povratnika", "Водич за интеграцију повратника"),
    ],
)
def test_letters(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("ljubav", "љубав"),
        ("njiva", "њива"),
        ("džep", "џеп"),
        ("lokalni saradnik za (re)integraciju", "локални сарадник за (ре)интеграцију"),
        ("Konj, kolje, nadžnjeti", "Коњ, коље, наджњети"),
        ("Ljubljana", "Љубљана"),
        ("Njegoš", "Његош"),
        ("Džamija", "Џамија"),
        # Digraphs written in capitals, alone or in an all-capital Serbian word.
        ("LJubav NJiva DŽep", "Љубав Њива Џеп"),
        ("LJUBIČASTO NJUŠKA DŽEP", "ЉУБИЧАСТО ЊУШКА ЏЕП"),
        # Unicode's one-character digraphs.
        ("\u01c8ubav \u01cbiva \u01c6ep", "Љубав Њива џеп"),
    ],
)
def test_digraphs_and_their_case(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("nadživeti", "надживети"),
        ("podžupan", "поджупан"),
        ("injekcija", "инјекција"),
        ("konjunkcija", "конјункција"),
        ("odžak", "оџак"),  # a real dž
    ],
)
def test_pairs_across_a_prefix_stay_two_letters(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Pronađeno usluga: %(counter)s", "Пронађено услуга: %(counter)s"),
        ("Usluge u mestu %(name)s", "Услуге у месту %(name)s"),
        ("Strana %(number)s od %(total)s", "Страна %(number)s од %(total)s"),
        ("Ima %d usluga u %s", "Има %d услуга у %s"),
        ("Popust 50%% za sve", "Попуст 50%% за све"),
        ("Popust 50% za sve", "Попуст 50% за све"),
        ("Usluge u {{ name }} do {{ date }}", "Услуге у {{ name }} до {{ date }}"),
        ("{% url 'home' %} početna", "{% url 'home' %} почетна"),
        ("{# komentar #} tekst", "{# komentar #} текст"),
        ("Opština {name} i {0}", "Општина {name} и {0}"),
        ('npr. {"rom": "needs_review"}.', 'нпр. {"rom": "needs_review"}.'),
        ("Piše se `kod_jezika` ovako", "Пише се `kod_jezika` овако"),
    ],
)
def test_placeholders_are_left_alone(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        (
            '<a href="/sr/vodic/" title="vodič">Vodič</a>',
            '<a href="/sr/vodic/" title="vodič">Водич</a>',
        ),
        (
            "Dom&nbsp;zdravlja &ndash; hitno &#8211; &#x2013;",
            "Дом&nbsp;здравља &ndash; хитно &#8211; &#x2013;",
        ),
        ("<!-- napomena --><p>Tekst</p>", "<!-- napomena --><p>Текст</p>"),
    ],
)
def test_html_is_left_alone(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        (
            "Vidite https://www.minrzs.gov.rs/sr/usluge.",
            "Видите https://www.minrzs.gov.rs/sr/usluge.",
        ),
        ("Sajt: http://primer.rs/putanja?jezik=sr", "Сајт: http://primer.rs/putanja?jezik=sr"),
        ("ili www.kirs.gov.rs za više", "или www.kirs.gov.rs за више"),
        ("na adresi kirs.gov.rs", "на адреси kirs.gov.rs"),
        ("[Vodič](/sr-latn/vodic/dokumenta/)", "[Водич](/sr-latn/vodic/dokumenta/)"),
        ("Pišite na csr.tutin@minrzs.gov.rs danas", "Пишите на csr.tutin@minrzs.gov.rs данас"),
        ("mailto:info@primer.rs", "mailto:info@primer.rs"),
    ],
)
def test_urls_and_email_addresses_are_left_alone(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Projekat ASB i BMZ", "Пројекат ASB и BMZ"),
        ("Strategija EUSDR, IDC, EHO i HSDS", "Стратегија EUSDR, IDC, EHO и HSDS"),
        ("Podrška ASB-a i BMZ-om", "Подршка ASB-a и BMZ-om"),
        ("Program RE!NTEGRATE", "Програм RE!NTEGRATE"),
        # A capital letter alone is a Serbian word or an initial.
        ("U opštini A. Petrović", "У општини А. Петровић"),
        # Capitals with a letter only Serbian has are Serbian words.
        ("VAŽNO: ponesite dokumenta", "ВАЖНО: понесите документа"),
    ],
)
def test_acronyms_stay_latin(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Organizacija Wiener Hilfswerk", "Организација Wiener Hilfswerk"),
        ("Caritas iz Wiena, Yasmin, Quelle, Xanax", "Царитас из Wiena, Yasmin, Quelle, Xanax"),
        ("Büro u Münchenu", "Büro у Münchenu"),
        ("polje translation_review", "поље translation_review"),
        ("Prikažite na mapi (OpenStreetMap)", "Прикажите на мапи (OpenStreetMap)"),
    ],
)
def test_words_with_foreign_letters_stay_latin(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


def test_cyrillic_and_other_text_passes_through():
    assert latin_to_cyrillic("Већ ћирилица") == "Већ ћирилица"
    assert latin_to_cyrillic("") == ""
    assert latin_to_cyrillic("12. 3. 2026. – 15:30 (1/2)") == "12. 3. 2026. – 15:30 (1/2)"


def test_decomposed_diacritics_are_recognised():
    # "č" and "ž" written as a letter followed by a combining caron.
    assert latin_to_cyrillic("c\u030citati z\u030civot") == "читати живот"


def test_cyrillic_catalogue_transliterates_translations_and_keeps_the_rest():
    from returnee_portal.management.commands.make_cyrillic_catalogue import cyrillic_catalogue

    source = polib.POFile()
    source.header = "Serbian (Latin) translation of the Returnee Portal interface."
    source.metadata = {
        "Language": "sr_Latn",
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
        "&& (n%100<10 || n%100>=20) ? 1 : 2);",
    }
    source.append(
        polib.POEntry(
            msgid="Services in %(name)s",
            msgstr="Usluge u opštini %(name)s",
            occurrences=[("templates/services/municipality_detail.html", "2")],
            flags=["python-format"],
            tcomment="checked",
        )
    )
    source.append(
        polib.POEntry(
            msgid="%(counter)s service",
            msgid_plural="%(counter)s services",
            msgstr_plural={
                0: "%(counter)s usluga",
                1: "%(counter)s usluge",
                2: "%(counter)s usluga",
            },
        )
    )

    target = cyrillic_catalogue(source)

    assert target.metadata["Language"] == "sr"
    assert target.metadata["Plural-Forms"] == source.metadata["Plural-Forms"]
    assert target.header.startswith("Serbian (Cyrillic) translation")
    single, plural = target
    assert (single.msgid, single.msgstr) == ("Services in %(name)s", "Услуге у општини %(name)s")
    assert single.occurrences == [("templates/services/municipality_detail.html", "2")]
    assert single.flags == ["python-format"]
    assert single.tcomment == "checked"
    assert plural.msgid_plural == "%(counter)s services"
    assert plural.msgstr_plural == {
        0: "%(counter)s услуга",
        1: "%(counter)s услуге",
        2: "%(counter)s услуга",
    }
    # The source is not changed.
    assert source[0].msgstr == "Usluge u opštini %(name)s"


def test_the_committed_cyrillic_catalogue_is_up_to_date():
    """locale/sr is generated from locale/sr_Latn: run `manage.py make_cyrillic_catalogue`."""
    from returnee_portal.management.commands.make_cyrillic_catalogue import cyrillic_catalogue

    locale = Path(__file__).resolve().parents[2] / "locale"
    generated = cyrillic_catalogue(polib.pofile(str(locale / "sr_Latn/LC_MESSAGES/django.po")))
    committed = (locale / "sr/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    assert committed == str(generated), "run: manage.py make_cyrillic_catalogue"


def test_code_and_proper_names_stay_latin():
    assert (
        latin_to_cyrillic("Paket Open Referral: <code>datapackage.json</code> i opis")
        == "Пакет Open Referral: <code>datapackage.json</code> и опис"
    )


# --- Properties: what holds for every Serbian text, not only for the examples above ---

SERBIAN_LOWER = "abcčćdđefghijklmnoprsštuvzž"
serbian_words = st.text(alphabet=SERBIAN_LOWER + " ,.;:-–()!?0123456789\n", max_size=120)


@given(serbian_words)
def test_every_lowercase_serbian_word_becomes_cyrillic(text):
    assert not re.search(f"[{SERBIAN_LOWER}]", latin_to_cyrillic(text))


@given(serbian_words)
def test_transliterating_twice_changes_nothing_more(text):
    once = latin_to_cyrillic(text)
    assert latin_to_cyrillic(once) == once


@given(serbian_words, st.sampled_from(["https://www.mup.gov.rs/sr/", "info@csr-tutin.rs", "ASB"]))
def test_addresses_and_acronyms_pass_through_whole(text, kept):
    assert kept in latin_to_cyrillic(f"{text} {kept} {text}")


@given(st.text(alphabet=SERBIAN_LOWER + "ABCDQWXY <>&;/.:@_-", max_size=120))
def test_marking_what_stays_latin_changes_no_letter(text):
    def mark(piece):
        return f'<span class="latn">{piece}</span>'

    marked = latin_to_cyrillic(text, mark=mark)
    assert marked.replace('<span class="latn">', "").replace("</span>", "") == latin_to_cyrillic(
        text
    )


def test_the_command_writes_checks_and_refuses(tmp_path):
    from django.core.management import CommandError, call_command

    locale = Path(__file__).resolve().parents[2] / "locale"
    source = locale / "sr_Latn/LC_MESSAGES/django.po"
    target = tmp_path / "sr" / "django.po"
    with pytest.raises(CommandError, match="out of date"):
        call_command("make_cyrillic_catalogue", source=source, target=target, check=True)
    call_command("make_cyrillic_catalogue", source=source, target=target, stdout=io.StringIO())
    assert target.read_text(encoding="utf-8") == (locale / "sr/LC_MESSAGES/django.po").read_text(
        encoding="utf-8"
    )
    out = io.StringIO()
    call_command("make_cyrillic_catalogue", source=source, target=target, check=True, stdout=out)
    assert "is up to date" in out.getvalue()
    with pytest.raises(CommandError, match="No Serbian Latin catalogue"):
        call_command("make_cyrillic_catalogue", source=tmp_path / "none.po", target=target)
