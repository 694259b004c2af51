"""Serbian Latin to Serbian Cyrillic transliteration for interface text.

Serbian is written in two scripts that map one to one, so the Cyrillic interface (`sr`) is made
from the Latin catalogue (`sr_Latn`) by `latin_to_cyrillic` (see the `make_cyrillic_catalogue`
management command) instead of being translated twice.

The letters map as the Serbian alphabets define them, including the digraphs
lj -> љ, nj -> њ, dž -> џ (Lj/LJ -> Љ, Nj/NJ -> Њ, Dž/DŽ -> Џ, and the single-character forms
ǈ ǋ ǅ ...). A few words where the two letters only meet across a prefix are written with two
Cyrillic letters (nadživeti -> надживети, injekcija -> инјекција); see `_SPLIT_DIGRAPHS`.

Left in Latin, because they are code, addresses or foreign names rather than Serbian words:

* placeholders: Python `%(name)s`, `%s`, `%d`, `%%` ..., `{name}` and anything else in single
  curly braces (format placeholders, JSON examples), Django `{{ ... }}`, `{% ... %}`, `{# ... #}`;
* HTML tags, comments and entities (`<a href="...">`, `&nbsp;`, `&#8211;`);
* URLs (`http://...`, `https://...`, `mailto:...`, `www....`), bare domain names such as
  `gov.rs`, Markdown link targets `](...)` and inline code in backticks;
* e-mail addresses;
* words with a letter that the Serbian Latin alphabet does not have (q, w, x, y, ä, ë, ß ...),
  e.g. foreign names such as Wien or Yasmin, names in CamelCase (OpenStreetMap) and identifiers
  with an underscore;
* all-uppercase words of two or more letters: acronyms such as ASB, EUSDR, BMZ, IDC, EHO or HSDS
  (with a short lowercase case ending, "ASB-a" stays whole). An all-uppercase word that has a
  letter only Serbian uses (Č, Ć, Đ, Š, Ž) is Serbian written in capitals and is transliterated
  ("VAŽNO" -> "ВАЖНО"); a single capital letter is too ("U opštini" -> "У општини").

Text that is already Cyrillic passes through unchanged.
"""

import re
import unicodedata
from collections.abc import Callable

Mark = Callable[[str], str]

__all__ = ["latin_to_cyrillic"]

_LETTERS = {
    "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ", "e": "е",
    "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м",
    "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "š": "ш", "t": "т", "u": "у",
    "v": "в", "z": "з", "ž": "ж",
}  # fmt: skip
_LETTERS.update({latin.upper(): cyrillic.upper() for latin, cyrillic in list(_LETTERS.items())})
# Unicode's single-character digraphs (Ǆ ǅ ǆ Ǉ ǈ ǉ Ǌ ǋ ǌ).
_LIGATURES = {
    "\u01c4": "Џ", "\u01c5": "Џ", "\u01c6": "џ",
    "\u01c7": "Љ", "\u01c8": "Љ", "\u01c9": "љ",
    "\u01ca": "Њ", "\u01cb": "Њ", "\u01cc": "њ",
}  # fmt: skip
_LETTERS.update(_LIGATURES)
_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}

# Words in which d+ž, n+j or l+j are two letters (the pair straddles a prefix). Each stem is
# matched anywhere in the lowercased word; the pair at the given offset is not joined.
_SPLIT_DIGRAPHS = (
    ("nadžanj", 2),
    ("nadžet", 2),
    ("nadživ", 2),
    ("nadžnje", 2),
    ("nadžup", 2),
    ("odžal", 1),
    ("odživ", 1),
    ("podžanr", 2),
    ("podželud", 2),
    ("podžup", 2),
    ("injek", 1),
    ("injunk", 1),
    ("konjug", 2),
    ("konjunk", 2),
    ("vanjezi", 2),
)

# Letters only Serbian uses: an all-uppercase word containing one is not a foreign acronym.
_SERBIAN_ONLY = set("ČĆĐŠŽ\u01c4\u01c5\u01c7\u01c8\u01ca\u01cb")

_PROTECTED = re.compile(
    r"""
      <!--.*?-->                                    # HTML comment
    | \{%.*?%\} | \{\{.*?\}\} | \{\#.*?\#\}         # Django template tags and variables
    | \{[^{}\n]*\}                                  # {name}, {0}, {} and JSON-like examples
    | <code\b[^<>]*>.*?</code>                      # inline code element, e.g. a file name
    | \bOpen\ Referral\b                            # proper names kept in Latin
    | </?[A-Za-z][^<>]*>                            # HTML tag
    | &(?:[A-Za-z][A-Za-z0-9]*|\#[0-9]+|\#[xX][0-9A-Fa-f]+);   # HTML entity
    | (?:https?|ftp)://[^\s<>"']+                   # URL
    | mailto:[^\s<>"']+
    | \bwww\.[^\s<>"']+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                  # e-mail address
    | \b(?:[A-Za-z0-9-]+\.)+(?:rs|srb|org|com|net|eu|de|at|ch|info|gov|edu|int)\b
      (?:/[^\s<>"']*)?                              # bare domain name, e.g. gov.rs
    | \]\([^)\s]*\)                                 # Markdown link target
    | `[^`\n]*`                                     # Markdown inline code
    | %(?:\([^)\n]*\))?[#0+-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]
                                                    # printf-style placeholder
    """,
    re.VERBOSE | re.DOTALL,
)

# A word (letters, digits, underscores) and an optional short case ending after a hyphen.
_WORD = re.compile(r"(\w+)(-[^\W\d_]{1,3}\b)?")


def _is_serbian_latin_letter(char: str) -> bool:
    return char in _LETTERS or char.lower() in _LETTERS


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def _keep_latin(word: str) -> bool:
    """Whether a word (letters, digits, underscores) is left as it is."""
    if "_" in word:
        return True
    letters = [char for char in word if char.isalpha()]
    if any(not _is_serbian_latin_letter(char) and not _is_cyrillic(char) for char in letters):
        return True
    if any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False)):
        return True  # a name written in CamelCase: OpenStreetMap, iPhone
    is_acronym = len(letters) >= 2 and all(char.isupper() for char in letters)
    return is_acronym and not any(char in _SERBIAN_ONLY for char in letters)


def _split_positions(word: str) -> set[int]:
    lowered = word.lower()
    positions = set()
    for stem, offset in _SPLIT_DIGRAPHS:
        start = lowered.find(stem)
        while start != -1:
            positions.add(start + offset)
            start = lowered.find(stem, start + 1)
    return positions


def _transliterate_word(word: str) -> str:
    split = _split_positions(word)
    out = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if len(pair) == 2 and pair.lower() in _DIGRAPHS and i not in split:
            cyrillic = _DIGRAPHS[pair.lower()]
            out.append(cyrillic.upper() if pair[0].isupper() else cyrillic)
            i += 2
            continue
        out.append(_LETTERS.get(word[i], word[i]))
        i += 1
    return "".join(out)


def _convert(word: str) -> str:
    return word if _keep_latin(word) else _transliterate_word(word)


def _replace_word(match: re.Match, mark: Mark | None) -> str:
    word, ending = match.group(1), match.group(2)
    if not ending:
        converted = _convert(word)
        return mark(word) if mark and converted == word and _has_latin(word) else converted
    tail = ending[1:]
    if _keep_latin(word) and tail.islower():
        kept = word + ending  # an acronym's case ending: "ASB-a", "EUSDR-om"
        return mark(kept) if mark else kept
    return f"{_convert(word)}-{_convert(tail)}"


def _has_latin(word: str) -> bool:
    return any(char.isalpha() and not _is_cyrillic(char) for char in word)


def _transliterate_plain(text: str, keep: re.Pattern | None, mark: Mark | None) -> str:
    text = unicodedata.normalize("NFC", text)
    if keep is None:
        return _WORD.sub(lambda match: _replace_word(match, mark), text)
    out, position = [], 0
    for match in keep.finditer(text):
        out.append(_transliterate_plain(text[position : match.start()], None, mark))
        out.append(mark(match.group(0)) if mark else match.group(0))
        position = match.end()
    out.append(_transliterate_plain(text[position:], None, mark))
    return "".join(out)


def _is_text(token: str) -> bool:
    """Whether a protected token is text a reader sees (a URL), not markup or a placeholder."""
    return token[0] not in "<&{%"


def latin_to_cyrillic(
    text: str, *, keep: re.Pattern | None = None, mark: Mark | None = None
) -> str:
    """Serbian Latin `text` in Serbian Cyrillic, with code, addresses and acronyms left alone.

    `keep` matches further phrases to leave in Latin (the foreign names coordinators list).
    `mark`, for HTML, wraps every piece of text left in Latin (a word, a name, a URL), e.g. in
    a span that says so; markup and placeholders are never wrapped.
    """
    out = []
    position = 0
    for match in _PROTECTED.finditer(text):
        out.append(_transliterate_plain(text[position : match.start()], keep, mark))
        token = match.group(0)
        out.append(mark(token) if mark and _is_text(token) else token)
        position = match.end()
    out.append(_transliterate_plain(text[position:], keep, mark))
    return "".join(out)
