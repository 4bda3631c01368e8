"""Entity consistency: one person written several ways, one office given two holders."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations, product
from typing import Final

from kzuz_claims.model import Document, Evidence, Finding, PersonMention, Severity
from kzuz_claims.rules._names import NameParts, same_name, split_name
from kzuz_claims.rules._offices import OfficeReading, read_office
from kzuz_claims.rules._words import words
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule

_YEAR: Final = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d%])")
"""A year written in a sentence (not part of a larger number or a percentage)."""


@rule(id="KZC006", name="name-variants", severity=Severity.WARNING, kind="corpus")
def name_variants(ctx: RuleContext) -> Iterable[Finding]:
    """One person's name is spelled in several ways across the corpus.

    What it checks
    --------------
    The person mentions of all documents. Two names are taken for one person when
    their given names and their surnames are each one name in two transliterations:
    equal after folding the spellings that transliteration schemes change (zh/j,
    kh/h/x, q/k, a `y` next to a vowel dropped, double letters collapsed), or
    differing only by the vowel shifts a/o and o/u of the Kazakh and Uzbek Latin
    alphabets, aligned with rapidfuzz (Olzhas / Uljas, Aripov / Oripov, Bakhtiyar
    / Baxtiyor). A letter added or dropped, or any other letter changed, makes
    another name: Murat and Marat, Nursultan and Aisultan, Tokayev and Tokayeva are
    different people. Each person written in more than one way gets one finding,
    listing every spelling, with the first occurrence of each spelling in each
    document as evidence. Differences of case, of middle names or patronymics, and
    initials are not spelling differences and are not reported.

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
    Mamin" and "Alikhan Mamin" (same surname), "Nursultan Nazarbayev" and "Aisultan
    Nazarbayev" (grandfather and grandson), "Dariga Nazarbayeva" and "Nursultan
    Nazarbayev", and "Murat Nurtleu" and "Marat Nurtleu".

    Known false positives
    ---------------------
    - Relatives or namesakes whose given names are transliterations of one name
      (Bolat and Bulat, Mukhtar and Mukhtor) are taken as one person.
    - Names transliterated from other languages in which the folded letters are
      distinct.
    - A misspelling that is not a transliteration ("Marat" for "Murat", "Olzas"
      for "Olzhas") is taken for another person and not reported.
    """
    groups = _group(ctx.persons)
    return [_finding(mentions, ctx) for mentions in groups if len(_spellings(mentions)) > 1]


def _group(persons: Iterable[PersonMention]) -> list[list[tuple[PersonMention, NameParts]]]:
    """Mentions clustered into people: same surname key, both names one name (transitively)."""
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
    """Single-link clusters of mentions whose given names and surnames are one name each."""
    names = list(dict.fromkeys((p.given, p.surname) for _, p in mentions))
    parent = list(range(len(names)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (given, surname) in enumerate(names):
        for j in range(i + 1, len(names)):
            if same_name(given, names[j][0]) and same_name(surname, names[j][1]):
                parent[root(j)] = root(i)
    clusters: dict[int, list[tuple[PersonMention, NameParts]]] = {}
    for mention, parts in mentions:
        at = root(names.index((parts.given, parts.surname)))
        clusters.setdefault(at, []).append((mention, parts))
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
    lines.append(
        "The given names and the surnames differ only in transliteration (zh/j, kh/h/x,"
        " y glides, double letters, the vowel shifts a/o and o/u). Use one spelling"
        " throughout, usually the official English one."
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


@rule(id="KZC020", name="office-holder-conflict", severity=Severity.WARNING, kind="corpus")
def office_holder_conflict(ctx: RuleContext) -> Iterable[Finding]:
    """One single-holder office is given to two different people at the same time.

    What it checks
    --------------
    The person mentions that carry an office. The office is read with its country
    from the words around the name: "Kazakh Prime Minister", "Prime Minister of
    Kazakhstan", "Uljas Bektenov, Prime Minister of Kazakhstan" and "Kazakhstan's
    Prime Minister" are one office; "Prime Minister of Uzbekistan" is another. Only
    the single-holder offices of the table in `kzuz_claims/rules/words.toml`
    (president, prime minister, first deputy prime minister, foreign minister and
    some line ministers) are compared. A modifier right before the title makes
    another office ("Deputy Foreign Minister", "Acting President", "the first
    President") or a past holder ("former", "ex-", "then-", "late"), and an "of"
    phrase that names no country makes no national office ("President of the
    Eurasian Development Bank"). A title without a country word takes the country
    the same person's other mentions give that title, when they agree on one.
    A mention in a sentence that names a year before its document's publication
    year speaks of the past and is skipped. Two holders conflict when their
    documents were published at most `office_window_days` (30 by default) apart;
    spellings of one person (as name-variants groups them) are one holder. One
    finding per office, pair of holders and pair of documents, with the closest
    pair of mentions of those documents as evidence, so that a new article's
    conflict is reported even when an older pair of articles showed the same one.

    Why it matters
    --------------
    A story that calls the wrong person prime minister, or gives a minister a title
    they left weeks ago, misinforms at once; it is also the mark of a copied
    paragraph that was not updated.

    Example
    -------
    ```text
    A (2024-02-04): Prime Minister of Kazakhstan Alikhan Smailov held talks ...
    B (2024-02-20): Kazakh Prime Minister Alikhan Smailov said ...
    C (2024-03-01): ... Olzhas Bektenov, Prime Minister of Kazakhstan, ...
    ```
    Reported as a warning, with both quotes as evidence and the 10 days in the
    explanation:
    ```text
    Prime Minister of Kazakhstan: Alikhan Smailov (B, 2024-02-20) vs Olzhas Bektenov (C, 2024-03-01)
    ```
    "Prime Minister of Uzbekistan Abdulla Aripov" beside them, "former Prime Minister
    Alikhan Smailov", "Deputy Prime Minister Serik Zhumangarin", and Olzhas / Uljas
    Bektenov (one person) are not reported.

    Known false positives
    ---------------------
    - A change of office between the two publication dates (Smailov resigned and
      Bektenov was appointed on 6 February 2024): narrow `office_window_days`, or
      baseline the finding.
    - A past holder named without "former" in a sentence that gives no year ("the
      agreement Prime Minister Askar Mamin signed").
    - A title the extractor attached to the wrong name in a list of people.
    """
    window = ctx.config.office_window_days
    holdings = _holdings(ctx)
    by_office: dict[tuple[str, str], list[_Holding]] = defaultdict(list)
    for holding in holdings:
        if holding.country is not None:
            by_office[(holding.office, holding.country)].append(holding)
    found: list[Finding] = []
    for key in sorted(by_office):
        by_person: dict[int, list[_Holding]] = defaultdict(list)
        for holding in by_office[key]:
            by_person[holding.person].append(holding)
        for p, q in combinations(sorted(by_person), 2):
            # one finding per pair of documents, so that a draft's conflict is its own
            # and does not hide behind an older pair of articles
            for ps, qs in product(_by_doc(by_person[p]), _by_doc(by_person[q])):
                pair = _closest(ps, qs)
                if pair[0] <= window:
                    found.append(_office_finding(key, pair, window, ctx))
    return found


def _by_doc(holdings: list[_Holding]) -> list[list[_Holding]]:
    """Holdings grouped by document, in document order."""
    docs: dict[str, list[_Holding]] = defaultdict(list)
    for h in holdings:
        docs[h.mention.doc].append(h)
    return [docs[d] for d in sorted(docs)]


@dataclass(frozen=True)
class _Holding:
    """One mention that gives a person a single-holder office on a date."""

    mention: PersonMention
    person: int
    spelling: str
    office: str
    country: str | None
    inherited: bool
    published: date
    reading: OfficeReading


def _people(persons: Sequence[PersonMention]) -> dict[PersonMention, int]:
    """Each mention's person: an index shared by the spellings name-variants groups."""
    out: dict[PersonMention, int] = {}
    clusters = _group(persons)
    for index, cluster in enumerate(clusters):
        for mention, _ in cluster:
            out[mention] = index
    alone: dict[str, int] = {}
    for mention in sorted(persons, key=lambda m: (m.doc, m.span.start, m.name)):
        if mention not in out:
            key = " ".join(mention.name.split()).casefold()
            out[mention] = alone.setdefault(key, len(clusters) + len(alone))
    return out


def _spelled(mention: PersonMention) -> str:
    """The name as this mention writes it, reduced to given name and surname."""
    parts = split_name(mention.name)
    return parts.spelling if parts is not None else " ".join(mention.name.split())


def _holdings(ctx: RuleContext) -> list[_Holding]:
    """Dated single-holder offices of every mention, with countries inherited where missing."""
    people = _people(ctx.persons)
    out: list[_Holding] = []
    for mention in ctx.persons:
        document = ctx.documents.get(mention.doc)
        published = document.published if document is not None else None
        if published is None or _about_the_past(mention, document, published):
            continue
        reading = read_office(mention, document)
        if reading is None:
            continue
        out.append(
            _Holding(
                mention,
                people[mention],
                _spelled(mention),
                reading.office,
                reading.country,
                False,
                published,
                reading,
            )
        )
    countries: dict[tuple[int, str], set[str]] = defaultdict(set)
    for h in out:
        if h.country is not None:
            countries[(h.person, h.office)].add(h.country)
    filled: list[_Holding] = []
    for h in out:
        known = countries.get((h.person, h.office), set())
        if h.country is None and len(known) == 1:
            h = replace(h, country=next(iter(known)), inherited=True)
        filled.append(h)
    return filled


def _about_the_past(mention: PersonMention, document: Document | None, published: date) -> bool:
    """Whether the mention's sentence names a year before the publication year."""
    if document is None:
        return False
    sentence = document.text[mention.span.sentence_start : mention.span.sentence_end]
    return any(int(y) < published.year for y in _YEAR.findall(sentence))


def _order(h: _Holding) -> tuple[str, int, int]:
    return (h.mention.doc, h.mention.span.start, h.mention.span.end)


def _closest(ps: list[_Holding], qs: list[_Holding]) -> tuple[int, _Holding, _Holding]:
    """(days apart, p, q) of the two mentions closest in time; ties by document order."""
    best: tuple[int, tuple[str, int, int], tuple[str, int, int], _Holding, _Holding] | None = None
    for p in ps:
        for q in qs:
            first, second = sorted((p, q), key=lambda h: (h.published, _order(h)))
            candidate = (
                abs((p.published - q.published).days),
                _order(first),
                _order(second),
                first,
                second,
            )
            if best is None or candidate[:3] < best[:3]:
                best = candidate
    assert best is not None
    return best[0], best[3], best[4]


def _office_finding(
    key: tuple[str, str],
    pair: tuple[int, _Holding, _Holding],
    window: int,
    ctx: RuleContext,
) -> Finding:
    table = words()
    office = f"{table.offices[key[0]].label} of {table.countries[key[1]].names[0]}"
    days, first, second = pair

    def side(h: _Holding) -> str:
        return f"{h.spelling} ({h.mention.doc}, {h.published.isoformat()})"

    def line(h: _Holding) -> str:
        how = (
            " (the country comes from other mentions of the same person with this title)"
            if h.inherited
            else ""
        )
        return (
            f'{h.mention.doc}, published {h.published}, says "{_office_quote(h)}":'
            f" {h.spelling} as {office}{how}."
        )

    explanation = "\n".join(
        [
            line(first),
            line(second),
            f"The documents were published {days} day(s) apart, within the {window}-day"
            " window (office_window_days) in which two holders of one office conflict.",
            f"One person holds the office of {office} at a time: either the office changed"
            " hands between the two dates, or one of the names is wrong.",
        ]
    )
    return ctx.finding(
        f"{office}: {side(first)} vs {side(second)}",
        explanation=explanation,
        evidence=sorted(
            (_office_evidence(h) for h in (first, second)), key=lambda e: (e.doc, e.start, e.end)
        ),
    )


def _office_span(h: _Holding) -> tuple[int, int] | None:
    """The span of office phrase and name together, when the office was read in the document."""
    r, m = h.reading, h.mention
    if r.in_document:
        return min(r.start, m.span.start), max(r.end, m.span.end)
    return None


def _office_quote(h: _Holding) -> str:
    span = _office_span(h)
    if span is None:
        return f"{h.reading.phrase} {h.mention.name}"
    return " ".join(h.reading.text[span[0] : span[1]].split())


def _office_evidence(h: _Holding) -> Evidence:
    span = _office_span(h)
    if span is None:
        m = h.mention
        return Evidence(doc=m.doc, start=m.span.start, end=m.span.end, quote=m.name)
    return Evidence(
        doc=h.mention.doc, start=span[0], end=span[1], quote=h.reading.text[span[0] : span[1]]
    )
