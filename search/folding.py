"""Search folding: the one definition of which spellings count as the same word.

A family types on a cheap phone, often without the letters č ć đ š ž ë ç ä ö ü ß ǯ, in Latin
or in Cyrillic. Folding turns a text into lowercase ASCII words so that all of these meet:

* case and diacritics: `Čačak`, `ČAČAK`, `cacak`; `ndihmë` and `ndihme`; `Straße`, `strasse`;
* script: Serbian Cyrillic is read as Serbian Latin (`Чачак` is `cacak`, `љ` is `lj`);
* digraphs: `đ`/`ђ` is `dj`, `dž`/`џ`/Romani `ǯ` is `dz`, so `dj` and `dz` typed plain match;
* German umlauts typed as `a` or `ae`: documents fold `ä` to `a`, and a query word spelled
  with `ae`, `oe` or `ue` is also tried without the `e` (`word_starts`);
* inflection: Serbian and Romani change a word's ending (karta, karte, kartu, kartom), so a
  query word is matched as the start of a word, and a long word without its final vowel
  (`karta` finds `karte`, `socijalna` finds `socijalni`).

The SQLite index stores `fold(text)`; PostgreSQL computes the same in SQL
(`portal_search_fold`, created by search/migrations/0002_postgresql.py, with `unaccent`), and
a test compares the two on every letter of the portal's languages.
"""

import re
import unicodedata

# Serbian Cyrillic, folded like its Latin twin (ђ like đ, џ like dž).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e", "ж": "z",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
}  # fmt: skip
# Latin letters that Unicode does not decompose into a base letter and a mark.
_LATIN = {"đ": "dj", "ß": "ss", "ẞ": "ss", "ǯ": "dz", "ʒ": "z", "æ": "ae", "ø": "o", "œ": "oe",
          "ł": "l", "ı": "i"}  # fmt: skip
_LETTERS = {**_CYRILLIC, **_LATIN}
_LETTERS.update(
    {key.upper(): value for key, value in list(_LETTERS.items()) if len(key.upper()) == 1}
)
_TABLE = str.maketrans(_LETTERS)
# In Latin text the few letters to replace are found faster by one scan than by translate(),
# which looks every character up (measured: 34 against 268 µs on 2,700 characters).
_SPECIAL = re.compile("[" + "".join(sorted(_LETTERS)) + "]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_NOT_A_WORD = re.compile(r"[^a-z0-9]+")
# Unicode's combining marks (the diacritics NFKD splits off); other letters stay, as spaces.
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# What a search reads of what a visitor typed: enough for any real question.
QUERY_MAX_CHARACTERS = 200
QUERY_MAX_WORDS = 8
# A typo is forgiven in words this long or longer; shorter words are too ambiguous.
TYPO_MIN_LENGTH = 5
_UMLAUT_SPELLINGS = (("ae", "a"), ("oe", "o"), ("ue", "u"))


def fold(text: str) -> str:
    """`text` as lowercase ASCII words separated by single spaces."""
    text = text or ""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if _CYRILLIC.search(text):
            text = text.translate(_TABLE)
        else:
            text = _SPECIAL.sub(lambda match: _LETTERS[match.group()], text)
        # Letters and their diacritics apart, then the diacritics dropped (č -> c).
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _NOT_A_WORD.sub(" ", text.lower()).strip()


def fold_words(text: str) -> list[str]:
    return fold(text).split()


def query_clean(raw: str) -> tuple[str, bool]:
    """What is left of a typed query to search for, and whether it was cut short.

    Control characters (NUL included) become spaces and invisible ones (soft hyphens,
    zero-width spaces) are dropped; the query is cut at QUERY_MAX_CHARACTERS.
    """
    text = "".join(_visible(char) for char in raw or "")
    text = " ".join(text.split())
    if len(text) > QUERY_MAX_CHARACTERS:
        return text[:QUERY_MAX_CHARACTERS].rstrip(), True
    return text, False


def _visible(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Cc":
        return " "
    return "" if category[0] == "C" else char


def query_words(text: str) -> list[str]:
    """The folded words a search looks for, each at most once, in the order typed.

    One-letter words ("i", "u", "a") are dropped when there are others: as prefixes they would
    match almost everything.
    """
    words = list(dict.fromkeys(fold_words(text)))
    if any(len(word) > 1 for word in words):
        words = [word for word in words if len(word) > 1]
    return [word[:50] for word in words[:QUERY_MAX_WORDS]]


def word_stem(word: str) -> str:
    """`word` without the final vowel a case ending may change (`karta` -> `kart`); words of
    fewer than TYPO_MIN_LENGTH letters are left whole (`rada` stays, `pomoc` has none)."""
    if len(word) >= TYPO_MIN_LENGTH and word[-1] in "aeiou" and not word.isdigit():
        return word[:-1]
    return word


def word_starts(word: str) -> set[str]:
    """The word starts a query word matches: its stem, also spelled without the German
    umlaut `e` (`mueller` -> `muller`)."""
    starts = {word_stem(word)}
    for pair, single in _UMLAUT_SPELLINGS:
        starts |= {start.replace(pair, single) for start in starts}
    return starts


def within_one_edit(a: str, b: str) -> bool:
    """True if `b` is `a` with at most one letter added, removed, replaced or two swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    start = 0
    while start < la and a[start] == b[start]:
        start += 1
    if la == lb:
        if a[start + 1 :] == b[start + 1 :]:
            return True  # one letter replaced
        return (
            start + 1 < la
            and a[start] == b[start + 1]
            and a[start + 1] == b[start]
            and a[start + 2 :] == b[start + 2 :]
        )  # two neighbours swapped
    return a[start:] == b[start + 1 :]  # one letter added to a
