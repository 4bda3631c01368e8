"""Named people: anchored by an office title or a speech verb, then found again by surname."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from kzuz_claims.extract import sentences
from kzuz_claims.extract._literals import PatternSet, longest_first
from kzuz_claims.extract.lexicon import Lexicon
from kzuz_claims.model import Document, PersonMention, Span

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
    anchored = _mentions(split, lambda t, a, b: (m for _, m in patterns.finditer(t, a, b)))
    surnames = {p.name.split()[-1] for p in anchored}
    if not surnames:
        return _dedupe(anchored)
    alt = longest_first(surnames, ignore_case=False)
    again = re.compile(rf"(?<![\w-])(?P<name>[A-Z][a-z’'-]+\s+(?:{alt}))\b")
    surname = re.compile(alt)

    def finditer(text: str, lo: int, hi: int) -> Iterable[re.Match[str]]:
        # a match holds a surname as written: a sentence without one is passed at once
        if surname.search(text, lo, hi):
            return again.finditer(text, lo, hi)
        return ()

    return _dedupe(anchored + _mentions(split, finditer))


def _mentions(
    split: Sequence[tuple[Document, list[sentences.Sentence]]],
    finditer: Callable[[str, int, int], Iterable[re.Match[str]]],
) -> list[PersonMention]:
    """Every valid name `finditer` finds, with the office its `office` group names."""
    out: list[PersonMention] = []
    for doc, sents in split:
        for sent in sents:
            for m in finditer(doc.text, sent.start, sent.end):
                name = m.group("name")
                if not _valid(name):
                    continue
                # a match lies inside its sentence, so the span is in order: what the
                # models would check holds already
                span = Span.model_construct(
                    doc=doc.id,
                    start=m.start("name"),
                    end=m.end("name"),
                    sentence_start=sent.start,
                    sentence_end=sent.end,
                )
                office = m.groupdict().get("office")
                out.append(
                    PersonMention.model_construct(doc=doc.id, span=span, name=name, office=office)
                )
    return out


def _dedupe(found: list[PersonMention]) -> list[PersonMention]:
    best: dict[tuple[str, int, int], PersonMention] = {}
    for p in found:
        key = (p.doc, p.span.start, p.span.end)
        if key not in best or (best[key].office is None and p.office is not None):
            best[key] = p
    return sorted(best.values(), key=lambda p: (p.doc, p.span.start))
