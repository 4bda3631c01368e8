"""Entity consistency: the same person written several ways."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from rapidfuzz import fuzz

from kzuz_claims.model import Evidence, Finding, PersonMention, Severity
from kzuz_claims.rules._names import NameParts, split_name
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule

GIVEN_NAME_SIMILARITY: Final = 80.0
"""Minimum rapidfuzz ratio (0..100) of two folded given names for one person."""


@rule(id="KZC006", name="name-variants", severity=Severity.WARNING, kind="corpus")
def name_variants(ctx: RuleContext) -> Iterable[Finding]:
    """One person's name is spelled in several ways across the corpus.

    What it checks
    --------------
    The person mentions of all documents. Two names are taken for one person when
    their surnames are equal after transliteration folding (zh/j, kh/h/x, q/k, a `y`
    next to a vowel dropped, double letters collapsed, a/o/u in the first syllable)
    and their folded given names are close (rapidfuzz ratio of at least 80). Each
    person written in more than one way gets one finding, listing every spelling,
    with the first occurrence of each spelling in each document as evidence.
    Differences of case, of middle names or patronymics, and initials are not
    spelling differences and are not reported.

    Why it matters
    --------------
    A reader, a search engine or an entity linker sees "Olzhas Bektenov" and "Oljas
    Bektenov" as two people. A publication should use one spelling, and the same
    person under two names in one story looks like a mistake.

    Example
    -------
    ```text
    000: Prime Minister Olzhas Bektenov paid a working visit ...
    005: ... Kazakh Prime Minister Oljas Bektenov said ...
    006: ... Uljas Bektenov met ...
    ```
    Reported as a warning, with the first mention of each spelling as evidence:
    ```text
    one person spelled 3 ways: Olzhas Bektenov, Oljas Bektenov, Uljas Bektenov
    ```
    "Abdulla Aripov" and "Alikhan Smailov" are different people, and so are "Askar
    Mamin" and "Alikhan Mamin" (same surname, different given names).

    Known false positives
    ---------------------
    - Relatives or namesakes with near-identical given names (Murat and Marat
      Nurtleu are taken as one person).
    - Names transliterated from other languages in which the folded letters are
      distinct.
    """
    groups = _group(ctx.persons)
    return [_finding(mentions, ctx) for mentions in groups if len(_spellings(mentions)) > 1]


def _group(persons: Iterable[PersonMention]) -> list[list[tuple[PersonMention, NameParts]]]:
    """Mentions clustered into people: same surname key, given names close (transitively)."""
    ordered = sorted(persons, key=lambda m: (m.doc, m.span.start, m.span.end, m.name))
    by_surname: dict[str, list[tuple[PersonMention, NameParts]]] = defaultdict(list)
    for mention in ordered:
        parts = split_name(mention.name)
        if parts is not None:
            by_surname[parts.surname_key].append((mention, parts))
    people: list[list[tuple[PersonMention, NameParts]]] = []
    for surname_key in sorted(by_surname):
        people.extend(_cluster(by_surname[surname_key]))
    return people


def _cluster(
    mentions: list[tuple[PersonMention, NameParts]],
) -> list[list[tuple[PersonMention, NameParts]]]:
    """Single-link clusters of mentions by given-name similarity, in first-seen order."""
    given = list(dict.fromkeys(p.given_key for _, p in mentions))
    parent = list(range(len(given)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, x in enumerate(given):
        for j in range(i + 1, len(given)):
            if fuzz.ratio(x, given[j]) >= GIVEN_NAME_SIMILARITY:
                parent[root(j)] = root(i)
    clusters: dict[int, list[tuple[PersonMention, NameParts]]] = {}
    for mention, parts in mentions:
        clusters.setdefault(root(given.index(parts.given_key)), []).append((mention, parts))
    return list(clusters.values())


def _spellings(mentions: list[tuple[PersonMention, NameParts]]) -> list[str]:
    """Distinct spellings in first-seen order; case alone does not make a new one."""
    seen: dict[str, str] = {}
    for _, parts in mentions:
        seen.setdefault(parts.spelling.casefold(), parts.spelling)
    return list(seen.values())


def _finding(mentions: list[tuple[PersonMention, NameParts]], ctx: RuleContext) -> Finding:
    spellings = _spellings(mentions)
    first: dict[tuple[str, str], PersonMention] = {}
    counts: dict[str, int] = defaultdict(int)
    docs: dict[str, dict[str, None]] = defaultdict(dict)
    for mention, parts in mentions:
        spelling = parts.spelling.casefold()
        first.setdefault((spelling, mention.doc), mention)
        counts[spelling] += 1
        docs[spelling][mention.doc] = None
    evidence = sorted(
        (_evidence(m, ctx) for m in first.values()), key=lambda e: (e.doc, e.start, e.end)
    )
    lines = [
        f'"{s}": {counts[s.casefold()]} mention(s) in {", ".join(docs[s.casefold()])}'
        for s in spellings
    ]
    parts = mentions[0][1]
    lines.append(
        f"All fold to the surname key {parts.surname_key!r} with close given names"
        " (transliteration variants). Use one spelling throughout, usually the official"
        " English one."
    )
    return ctx.finding(
        f"one person spelled {len(spellings)} ways: {', '.join(spellings)}",
        explanation="\n".join(lines),
        evidence=evidence,
    )


def _evidence(mention: PersonMention, ctx: RuleContext) -> Evidence:
    document = ctx.documents.get(mention.doc)
    quote = document.text[mention.span.start : mention.span.end] if document else ""
    return Evidence(
        doc=mention.doc,
        start=mention.span.start,
        end=mention.span.end,
        quote=quote or mention.name,
    )
