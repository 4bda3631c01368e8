"""Named people: anchored by an office title or a speech verb, then found again by surname."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from kzuz_claims.extract import sentences
from kzuz_claims.extract._literals import PatternSet, longest_first
from kzuz_claims.extract.lexicon import Lexicon
from kzuz_claims.model import Document, PersonMention, Span
from kzuz_claims.model._base import trusted

_NAME = r"(?P<name>[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?){1,2})"
_SPEECH = (
    r"(?:said|says|noted|stated|emphasized|emphasised|stressed|underlined|underscored|added"
    r"|announced|told|reaffirmed|affirmed|highlighted)"
)
_NOT_NAMES = {
    "the",
    "republic",
    "kazakhstan",
    "uzbekistan",
    "government",
    "ministry",
    "council",
    "center",
    "centre",
    "international",
    "central",
    "asia",
    "news",
    "agency",
    "photo",
    "state",
    "states",
    "head",
    "heads",
    "prime",
    "minister",
    "president",
    "foreign",
    "deputy",
    "cooperation",
    "forum",
    "committee",
    "bank",
    "office",
    "national",
    "united",
    "nations",
    "supreme",
    "joint",
    "working",
    "group",
    "day",
    "press",
    "service",
    "region",
    "city",
    "akorda",
}


@cache
def _anchored(lexicon: Lexicon) -> PatternSet:
    return PatternSet(_patterns(lexicon))


def prepare(lexicon: Lexicon) -> None:
    """Make the shared pattern set of this module (see `_literals.share_all`)."""
    _anchored(lexicon)


@cache
def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    alt = longest_first(lexicon.phrases.offices.get("titles", ()), ignore_case=False)
    country = r"(?:\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?[A-Z][a-z]+)?"
    adj = r"(?:(?:Kazakh|Uzbek|Kazakhstani|Russian|Chinese)\s+)?"
    return (
        re.compile(rf"\b{adj}(?P<office>{alt}){country},?\s+{_NAME}"),
        re.compile(rf"{_NAME},\s+(?:the\s+)?(?P<office>{alt})\b"),
        re.compile(rf"\b{_SPEECH}\s+{_NAME}"),
        re.compile(rf"{_NAME}\s+{_SPEECH}\b"),
    )


def _valid(name: str) -> bool:
    parts = name.split()
    return len(parts) >= 2 and not any(p.lower().strip("’'") in _NOT_NAMES for p in parts)


def find_persons(docs: Sequence[Document], lexicon: Lexicon) -> list[PersonMention]:
    """People named in the documents, each mention with its span and office if given."""
    split = [(doc, sentences.split(doc.text, doc.body_start)) for doc in docs]
    patterns = _anchored(lexicon)
    anchored: list[_Found] = []
    for doc, sents in split:
        for sent in sents:
            # most sentences hold none of the words an anchor needs: no pattern runs
            for i in patterns.candidates(doc.text, sent.start, sent.end):
                found = patterns.patterns[i].finditer(doc.text, sent.start, sent.end)
                _collect(found, doc, sent, anchored)
    surnames = {found.name.split()[-1] for found in anchored}
    if not surnames:
        return _dedupe(anchored)
    alt = longest_first(surnames, ignore_case=False)
    again = _by_surname(alt)
    surname = re.compile(alt)
    for doc, sents in split:
        for sent in sents:
            # a match holds a surname as written: a sentence without one is passed at once
            if surname.search(doc.text, sent.start, sent.end):
                _collect(again.finditer(doc.text, sent.start, sent.end), doc, sent, anchored)
    return _dedupe(anchored)


def _by_surname(alt: str) -> re.Pattern[str]:
    """A capitalised word not glued to a word or hyphen before it, then one of the
    surnames `alt` matches. The check on what comes before is made after the capital,
    not before it, so that the engine skips from capital to capital instead of trying
    every place (tests/extract/test_persons.py holds it to the plain spelling)."""
    return re.compile(rf"(?P<name>[A-Z](?<![\w-][A-Z])[a-z’'-]+\s+(?:{alt}))\b")


class _Found(NamedTuple):
    """A mention found, before duplicates go: most are found twice (by their anchor, and
    again by surname), and a model costs more to make than a tuple."""

    doc: str
    start: int
    end: int
    sentence: sentences.Sentence
    name: str
    office: str | None


def _collect(
    found: Iterable[re.Match[str]], doc: Document, sent: sentences.Sentence, out: list[_Found]
) -> None:
    """Every valid name of the matches, with the office their `office` group names."""
    for m in found:
        name = m.group("name")
        if _valid(name):
            office = m.groupdict().get("office")
            out.append(_Found(doc.id, m.start("name"), m.end("name"), sent, name, office))


def _dedupe(found: list[_Found]) -> list[PersonMention]:
    """One mention per span (the first with an office, else the first), in text order."""
    best: dict[tuple[str, int, int], _Found] = {}
    for f in found:
        key = (f.doc, f.start, f.end)
        kept = best.get(key)
        if kept is None or (kept.office is None and f.office is not None):
            best[key] = f
    out = []
    for f in sorted(best.values(), key=lambda f: (f.doc, f.start)):
        # made trusted (see model._base.trusted): a match lies inside its sentence, so
        # the span is in order, and every value is a string or an offset
        span = {
            "doc": f.doc,
            "start": f.start,
            "end": f.end,
            "sentence_start": f.sentence.start,
            "sentence_end": f.sentence.end,
        }
        out.append(
            trusted(
                PersonMention,
                {"doc": f.doc, "span": trusted(Span, span), "name": f.name, "office": f.office},
            )
        )
    return out
