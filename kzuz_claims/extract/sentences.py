"""Split a document's text into paragraphs and sentences, keeping offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

from kzuz_claims.extract._memo import memoised

_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "no",
    "nos",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "approx",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "inc",
    "ltd",
    "co",
    "corp",
    "gov",
    "gen",
    "sen",
    "rep",
    "jr",
    "sr",
    "bn",
    "mln",
    "mn",
    "bln",
    "trln",
    "tn",
    "mlrd",
    "pp",
    "p.p",
    "km",
    "sq",
    "art",
    "fig",
}
# "[.!?…][.!?…]*" is "[.!?…]+", spelt so that the engine skips to the next stop
# character by itself (it does not for a pattern that starts with a repeat)
_END = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s)")
# `_END` for a text without "…": the engine skips to the next stop far faster when the
# characters it skips to are all ASCII
_ASCII_END = re.compile(r"[.!?][.!?…]*[\"'”’»)\]]*(?=\s)")
_PARA = re.compile(r"\n[ \t\u00a0]*\n|\n")
_NOT_BLANK = re.compile(r"\S")  # what str.strip() keeps: \s is str.isspace
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
_NEXT_START = re.compile(r"\s+(\S)")


class Sentence(NamedTuple):
    """A sentence: its offsets into the document text and its paragraph number (a named
    tuple: a document makes hundreds, and a frozen dataclass is slow to make)."""

    start: int
    end: int
    paragraph: int


def split(text: str, start: int = 0) -> list[Sentence]:
    """Sentences of `text[start:]`; every line break ends a sentence (headlines, lists)."""
    return list(_split(text, start))


@memoised
def _split(text: str, start: int) -> tuple[Sentence, ...]:
    """`split`, once per text in an extraction: claims, persons and the source line all
    read the sentences (nothing is kept between extractions)."""
    out: list[Sentence] = []
    # the stops of the whole text in one pass; none holds a line break. One that is
    # followed by the break ending its line is not a stop of the line: the line is read
    # as if it were the whole text, where nothing follows the stop.
    ends = _END if "…" in text else _ASCII_END
    stops = [m.span() for m in ends.finditer(text, start)]
    stops.append((len(text) + 1, len(text) + 1))
    k = 0
    para = 0
    pos = start
    not_blank = _NOT_BLANK.search
    for m in [*_PARA.finditer(text, start), None]:
        end = m.start() if m is not None else len(text)
        if not_blank(text, pos, end):
            s = pos
            while stops[k][0] < end:
                dot, after = stops[k]
                k += 1
                if after < end and _is_boundary(text, dot, after, end):
                    _add(text, s, after, para, out)
                    s = after
            if not_blank(text, s, end):
                _add(text, s, end, para, out)
            if m is not None and m.end() - end > 1:  # a blank line between: a new paragraph
                para += 1
        else:
            para += 1
        if m is None:
            break
        pos = m.end()
    return tuple(out)


def _is_boundary(text: str, dot: int, after: int, end: int) -> bool:
    if text[dot] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if word:
        w = word.group(1).lower()
        if w in _ABBREV or _INITIALS.fullmatch(w):
            return False
    # the next sentence must start like one: capital, digit, quote, bracket
    nxt = _NEXT_START.match(text, after, end)
    return not (nxt and nxt.group(1).islower())


def _add(text: str, start: int, end: int, para: int, out: list[Sentence]) -> None:
    """text[start:end] without the whitespace around it, as a sentence, unless empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, para))
