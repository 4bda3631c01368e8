"""Which single-holder office a person mention names, and of which country.

The extractor gives a `PersonMention` the title it found next to the name
("Prime Minister"), without the words around it. Those words decide the office:
"Kazakh Prime Minister", "Prime Minister of Uzbekistan" and "Uljas Bektenov, Prime
Minister of Kazakhstan" name two countries' offices; "Deputy Foreign Minister" and
"former Prime Minister" are other offices; "President of the Eurasian Development
Bank" is no national office at all. `read_office` finds the title again in the
sentence and reads its country and modifiers with the tables of `words.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from kzuz_claims.model import Document, PersonMention
from kzuz_claims.rules._words import words

_REACH_BEFORE: Final = 150
"""How far before a name (in characters) the title the extractor found may stand."""
_REACH_AFTER: Final = 80
"""How far after a name a post-positive title ("Tokayev, President of ...") may stand."""
_LOOK_AROUND: Final = 60
"""How far around the extractor's title a longer table title may extend."""
_TOKEN: Final = re.compile(r"[^\W\d_][\w'’.]*-?|[–—&,;:()\"“”]|-")
_BETWEEN_PRE: Final = re.compile(
    r"^(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})?\s*,?\s*$"
)
"""What may stand between a title and the name after it: an "of" phrase, a comma."""
_BETWEEN_POST: Final = re.compile(r"^\s*,\s*(?:the\s+)?$", re.IGNORECASE)
"""What may stand between a name and the title after it: "Tokayev, the President"."""
_OF: Final = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_CONJUNCTIONS: Final = frozenset({"and", "&", "–", "—", "-", ","})


@dataclass(frozen=True)
class OfficeReading:
    """A single-holder office read around a mention.

    `start`/`end` delimit the office phrase with its country words in `text`: the
    document text when `in_document`, else the mention's office string (no document,
    or the title not found next to the name). `country` is None when no word ties
    the office to a country.
    """

    office: str
    country: str | None
    text: str
    start: int
    end: int
    in_document: bool

    @property
    def phrase(self) -> str:
        return self.text[self.start : self.end]


def read_office(mention: PersonMention, document: Document | None) -> OfficeReading | None:
    """The single-holder office `mention` holds in its sentence, or None.

    None when the mention has no office, its title is not a single-holder office
    of the table, a modifier makes it another office ("Deputy", "former"), or an
    "of" phrase ties it to something other than a country.
    """
    if not mention.office:
        return None
    located = _locate(mention, mention.office, document) if document is not None else None
    if located is None:
        text = " ".join(mention.office.split())
        return _read(text, 0, len(text), 0, len(text), in_document=False)
    text, lo, hi, start, end = located
    return _read(text, lo, hi, start, end, in_document=True)


def _locate(
    mention: PersonMention, title: str, document: Document
) -> tuple[str, int, int, int, int] | None:
    """(text, sentence start, sentence end, title start, title end) of the mention's office."""
    text = document.text
    lo = max(0, min(mention.span.sentence_start, mention.span.start))
    hi = min(len(text), max(mention.span.sentence_end, mention.span.end))
    if mention.span.end > len(text) or text[mention.span.start : mention.span.end] != mention.name:
        return None
    office = re.compile(
        r"(?<!\w)" + r"\s+".join(map(re.escape, title.split())) + r"(?!\w)", re.IGNORECASE
    )
    start = max(lo, mention.span.start - _REACH_BEFORE)
    before = [m for m in office.finditer(text, start, mention.span.start)]
    if before and _BETWEEN_PRE.match(text[before[-1].end() : mention.span.start]):
        return text, lo, hi, before[-1].start(), before[-1].end()
    after = office.search(text, mention.span.end, min(hi, mention.span.end + _REACH_AFTER))
    if after is not None and _BETWEEN_POST.match(text[mention.span.end : after.start()]):
        return text, lo, hi, after.start(), after.end()
    return None


@cache
def _titles() -> re.Pattern[str]:
    titles = {t for entry in words().offices.values() for t in entry.titles}
    alt = "|".join(
        r"\s+".join(map(re.escape, t.split())) for t in sorted(titles, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


@cache
def _title_words() -> frozenset[str]:
    """Every word of every title in the table, lower case: what a conjoined title is made of."""
    found = {
        w.lower() for entry in words().offices.values() for t in entry.titles for w in t.split()
    }
    found |= {"minister", "deputy", "chairman", "chair", "head", "of", "the", "secretary"}
    found |= {w for w in words().modifiers.other_office}
    return frozenset(found)


@cache
def _country_after() -> re.Pattern[str]:
    names = {n for entry in words().countries.values() for n in entry.names}
    alt = "|".join(
        r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True)
    )
    return re.compile(rf"(?:{alt})(?![\w'’])")


def _read(
    text: str, lo: int, hi: int, start: int, end: int, *, in_document: bool
) -> OfficeReading | None:
    """Read the office whose title covers text[start:end], within text[lo:hi]."""
    table = words()
    window_lo, window_hi = max(lo, start - _LOOK_AROUND), min(hi, end + _LOOK_AROUND)
    covering = [
        m
        for m in _titles().finditer(text, window_lo, window_hi)
        if m.start() < end and start < m.end()
    ]
    if not covering:
        return None
    title = min(covering, key=lambda m: (-(m.end() - m.start()), m.start()))
    office = table.title_office(title.group())
    if office is None:
        return None
    before = _before(text[max(lo, title.start() - _REACH_BEFORE) : title.start()])
    if before is None:
        return None
    country, back = before
    phrase_start = title.start() - back
    phrase_end = title.end()
    of = _OF.match(text, title.end(), hi)
    if of is not None:
        named = _country_after().match(text, of.end(), hi)
        if named is None:
            return None  # "President of the Eurasian Development Bank"
        found = table.country_of(named.group())
        if found is not None:
            country = country or found[0]
            phrase_end = named.end()
    return OfficeReading(office, country, text, phrase_start, phrase_end, in_document)


def _before(text: str) -> tuple[str | None, int] | None:
    """(country, how many characters the read words span) from the words before a title.

    None when a word right before the title makes it another office or a past one.
    """
    table = words()
    mods = table.modifiers
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    i = len(tokens) - 1
    adjacent = True
    titled = False
    reach = 0
    while i >= 0:
        found = _country_ending_at(tokens, i)
        if found is not None:
            code, is_name, first = found
            if adjacent or titled:
                previous = tokens[first - 1][0].lower() if first > 0 else ""
                if is_name and previous in table.prepositions.place:
                    return None, reach
                reach = len(text) - tokens[first][1]
                for word, _ in reversed(tokens[:first]):
                    low = word.lower().rstrip("-")
                    if low in mods.not_current:
                        return None
                    if low not in mods.current:
                        break
                return code, reach
            return None, reach
        word = tokens[i][0]
        low = word.lower().rstrip("-")
        if adjacent and (low in mods.other_office or low in mods.not_current):
            return None
        if adjacent and low in mods.current:
            i -= 1
            continue
        if low in _CONJUNCTIONS:
            adjacent = False
            titled = False
            i -= 1
            continue
        if not adjacent and low in _title_words():
            titled = True
            i -= 1
            continue
        break
    return None, reach


def _country_ending_at(tokens: list[tuple[str, int]], i: int) -> tuple[str, bool, int] | None:
    """A country word (one to three tokens) ending at token `i`: (code, is name, first token)."""
    table = words()
    for n in (3, 2, 1):
        first = i - n + 1
        if first < 0:
            continue
        phrase = " ".join(t for t, _ in tokens[first : i + 1])
        found = table.country_of(phrase)
        if found is not None:
            return found[0], found[1], first
    return None
