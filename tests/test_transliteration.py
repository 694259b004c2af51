"""Serbian Latin -> Cyrillic transliteration (pure function, no database)."""

import pytest

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
