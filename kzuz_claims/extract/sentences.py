"""Split a document's text into paragraphs and sentences, keeping offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_PARA = re.compile(r"\n[ \t\u00a0]*\n|\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its offsets into the document text and its paragraph number."""

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
    para = 0
    pos = start
    for m in [*_PARA.finditer(text, start), None]:
        line_end = m.start() if m else len(text)
        if text[pos:line_end].strip():
            out.extend(_split_line(text, pos, line_end, para))
        if m is not None:
            if "\n" in m.group()[1:] or not text[pos:line_end].strip():
                para += 1
            pos = m.end()
        else:
            break
    return tuple(out)


def _split_line(text: str, start: int, end: int, para: int) -> list[Sentence]:
    out = []
    s = start
    for m in _END.finditer(text, start, end):
        if not _is_boundary(text, m.start(), m.end(), end):
            continue
        out.append(_trim(text, s, m.end(), para))
        s = m.end()
    if text[s:end].strip():
        out.append(_trim(text, s, end, para))
    return [x for x in out if x.end > x.start]


def _is_boundary(text: str, dot: int, after: int, end: int) -> bool:
    if text[dot] != ".":
        return True
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if word:
        w = word.group(1).lower()
        if w in _ABBREV or re.fullmatch(r"(?:[a-z]\.)*[a-z]", w):
            return False
    # the next sentence must start like one: capital, digit, quote, bracket
    nxt = re.match(r"\s+(\S)", text[after:end])
    return not (nxt and nxt.group(1).islower())


def _trim(text: str, start: int, end: int, para: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, para)
