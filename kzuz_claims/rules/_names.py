"""Transliteration-insensitive keys for personal names from Kazakh and Uzbek.

Latin spellings of the same Kazakh or Uzbek name vary with the transliteration
scheme (Russian-based, English, the new Kazakh and Uzbek Latin alphabets):
Olzhas / Oljas / Uljas, Tokayev / Tokaev, Kassym / Kasym, Aripov / Oripov,
Bakhtiyar / Baxtiyor. `name_key` folds those differences away; it is deliberately
coarse and only groups candidates. `same_name` decides: two spellings are one name
when they differ only by what transliteration changes (the digraphs, glides and
double letters that `spelling_key` folds, and the vowel shifts a/o and o/u of the
Uzbek and Kazakh Latin alphabets, aligned with rapidfuzz). Any other difference
makes another name: Murat and Marat, Aziz and Aziza, Tokayev and Tokayeva,
Nursultan and Aisultan.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

_APOSTROPHES: Final = re.compile(r"['\u2018\u2019\u02bb\u02bc`\u00b4]")
_DIGRAPHS: Final = (
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("x", "h"),
    ("q", "k"),
    ("w", "v"),
    ("\u0131", "i"),  # dotless i of Kazakh Latin
)
_VOWELS: Final = "aeiou"
_GLIDE_Y: Final = re.compile(rf"(?<=[{_VOWELS}])y|y(?=[{_VOWELS}])")
_DOUBLE: Final = re.compile(r"(.)\1+")
_FIRST_VOWEL: Final = re.compile(rf"[{_VOWELS}]")
_INITIAL: Final = re.compile(r"^\w\.?$")
_VOWEL_SHIFTS: Final = frozenset({frozenset("ao"), frozenset("ou")})
"""Vowels that transliterations of one name swap: Aripov / Oripov, Olzhas / Uljas."""

NAME_SIMILARITY: Final = 80.0
"""Minimum rapidfuzz ratio (0..100) of two spelling keys that differ by vowel shifts."""


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, letters only."""
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in plain.casefold() if ch.isalpha())


def spelling_key(token: str) -> str:
    """One name folded across the consonant spellings of transliteration schemes.

    zh/j, dzh/j, kh/h/x, q/k; a `y` next to a vowel is a glide and dropped (Tokayev /
    Tokaev, Yerlan / Erlan), otherwise read as `i` (Kassym / Kasim); double letters
    collapse (Abdulla / Abdula). Vowels are kept.
    """
    key = fold(token)
    for written, spoken in _DIGRAPHS:
        key = key.replace(written, spoken)
    key = _GLIDE_Y.sub("", key).replace("y", "i")
    return _DOUBLE.sub(r"\1", key)


def name_key(token: str) -> str:
    """`spelling_key` with the first vowel, if a, o or u, made o: a coarse grouping key.

    Olzhas / Uljas and Aripov / Oripov get one key, but so do Murat and Marat; use
    `same_name` to decide whether two spellings are one name.
    """
    key = spelling_key(token)
    first = _FIRST_VOWEL.search(key)
    if first is not None and first.group() in "aou":
        key = key[: first.start()] + "o" + key[first.end() :]
    return key


def same_name(one: str, other: str) -> bool:
    """Whether two spellings are one name written in two transliterations.

    Equal spelling keys, or keys of the same length whose rapidfuzz alignment only
    swaps vowels a/o or o/u (Bakhtiyar / Baxtiyor) and stays at least
    `NAME_SIMILARITY` alike. A letter added or dropped (Aziz / Aziza, Tokayev /
    Tokayeva) or any other letter changed (Murat / Marat, Askar / Askat) is another
    name.
    """
    x, y = spelling_key(one), spelling_key(other)
    if x == y:
        return bool(x)
    if len(x) != len(y) or fuzz.ratio(x, y) < NAME_SIMILARITY:
        return False
    return all(
        op.tag == "replace" and frozenset((x[op.src_pos], y[op.dest_pos])) in _VOWEL_SHIFTS
        for op in Levenshtein.editops(x, y)
    )


class NameParts(NamedTuple):
    """A personal name split for comparison: raw given name and surname, and their keys."""

    given: str
    surname: str
    given_key: str
    surname_key: str

    @property
    def spelling(self) -> str:
        """The name as written, reduced to given name and surname."""
        return f"{self.given} {self.surname}"


def split_name(name: str) -> NameParts | None:
    """Given name (first word) and surname (last word); None when they cannot be told.

    Single words and abbreviated given names ("O. Bektenov") give None: an initial
    is not a spelling, and comparing it would merge different people.
    """
    words = name.split()
    if len(words) < 2 or _INITIAL.match(words[0]):
        return None
    given, surname = words[0], words[-1]
    given_key, surname_key = name_key(given), name_key(surname)
    if not given_key or not surname_key:
        return None
    return NameParts(given, surname, given_key, surname_key)
