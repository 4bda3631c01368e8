"""Transliteration-insensitive keys for personal names from Kazakh and Uzbek.

Latin spellings of the same Kazakh or Uzbek name vary with the transliteration
scheme (Russian-based, English, the new Kazakh and Uzbek Latin alphabets):
Olzhas / Oljas / Uljas, Tokayev / Tokaev, Kassym / Kasym, Aripov / Oripov. `name_key`
folds those differences away; it is deliberately coarse, because the caller also
requires the given names to be close before merging.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, NamedTuple

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


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, letters only."""
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in plain.casefold() if ch.isalpha())


def name_key(token: str) -> str:
    """One name (given name or surname) folded across transliteration schemes.

    zh/j, dzh/j, kh/h/x, q/k; a `y` next to a vowel is a glide and dropped (Tokayev /
    Tokaev, Yerlan / Erlan), otherwise read as `i` (Kassym / Kasim); double letters
    collapse (Abdulla / Abdula); the first vowel, if a, o or u, becomes o
    (Olzhas / Uljas, Aripov / Oripov).
    """
    key = fold(token)
    for written, spoken in _DIGRAPHS:
        key = key.replace(written, spoken)
    key = _GLIDE_Y.sub("", key).replace("y", "i")
    key = _DOUBLE.sub(r"\1", key)
    first = _FIRST_VOWEL.search(key)
    if first is not None and first.group() in "aou":
        key = key[: first.start()] + "o" + key[first.end() :]
    return key


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
