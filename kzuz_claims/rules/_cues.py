"""Words that rules read in a claim's sentence, kept as tables, and how a cue finds its claim.

The extractor does not mark every nuance of a sentence on a claim: whether the text
calls a figure a record, presents it as the latest one, or gives a currency
conversion. The rules that need this read the sentence themselves, with the phrases
in the `[cues]` tables of `words.toml`. Each table is a tuple of lower-case phrases,
matched case-insensitively on word boundaries, a space matching any run of spaces or a
hyphen ("all-time high" and "all time high" are one phrase). Adding a phrase is a
change to the data file, not to rule logic.

A cue belongs to the claim nearest to it in its sentence (claims of a sentence such
as "rose to a record $1.32 bln ($1.09 bln a year earlier)" do not share the record),
and to every other claim of that sentence with the same period as a nearest one
("exports and imports both hit records of $2.9bn and $1.5bn").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from kzuz_claims.model import Claim
from kzuz_claims.rules._words import words
from kzuz_claims.rules.context import RuleContext

_WORDS: Final = words().cues

RECORD_HIGH: Final = _WORDS.record_high
"""Phrases that call a figure the highest of its series."""

RECORD_LOW: Final = _WORDS.record_low
"""Phrases that call a figure the lowest of its series."""

RECORD_NEGATORS: Final = _WORDS.record_negators
"""Words right before a record phrase that make it about another figure ("below the
record", "the previous record", "near-record")."""

CURRENT_WORDS: Final = _WORDS.current
"""Words that present a figure as the latest one available."""

LATEST_PERIOD_WORDS: Final = _WORDS.latest_period
"""Period wordings that name the latest period of its kind, as seen from the article."""

CONVERSION_WORDS: Final = _WORDS.conversion
"""Words that say the text converts a figure between currencies."""


PART_WORDS: Final = _WORDS.part
"""Words right after a count that make it a part of, or an addition to, another
figure ("Twenty-one of them", "27 more are under implementation")."""

EVENT_WORDS: Final = _WORDS.event
"""Words shortly before a count that make it what one event produced ("the launch of
seven joint projects"), not a standing stock."""

STATUS_WORDS: Final = _WORDS.status
"""Words that say which enterprises a count counts, and the status each names:
registered and operating enterprises are different series."""

_EVENT_REACH: Final = 40
"""How many characters before a count an event word may stand."""


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for `phrases`, longest first, on word boundaries."""
    parts = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(r"[\s\-]+".join(map(re.escape, re.split(r"[\s\-]+", p))) for p in parts)
    return re.compile(rf"(?<![\w\-])(?:{body})(?![\w\-]*\w)", re.IGNORECASE)


_RECORD_HIGH_RE: Final = phrase_pattern(RECORD_HIGH)
_RECORD_LOW_RE: Final = phrase_pattern(RECORD_LOW)
_NEGATOR_RE: Final = re.compile(
    rf"(?:^|[\s(])(?:{'|'.join(re.escape(n) for n in sorted(RECORD_NEGATORS, key=len))})"
    r"[\s\-]*$",
    re.IGNORECASE,
)
_CURRENT_RE: Final = phrase_pattern(CURRENT_WORDS)
_CONVERSION_RE: Final = phrase_pattern(CONVERSION_WORDS)
_LATEST_PERIOD_RE: Final = phrase_pattern(LATEST_PERIOD_WORDS)
_PART_RE: Final = re.compile(rf"^[\s,]*{phrase_pattern(PART_WORDS).pattern}", re.IGNORECASE)
_PART_IN_QUOTE_RE: Final = phrase_pattern(w for w in PART_WORDS if " " in w)
_EVENT_RE: Final = phrase_pattern(EVENT_WORDS)
_STATUS_RE: Final = phrase_pattern(STATUS_WORDS)


@dataclass(frozen=True)
class Cue:
    """A phrase found in a claim's sentence: its text and where it stands in the document."""

    text: str
    start: int
    end: int


def sentence(c: Claim, ctx: RuleContext) -> tuple[str, int]:
    """The sentence of claim `c` and its offset in the document; the quote if no text."""
    doc = ctx.documents.get(c.doc)
    start, end = c.span.sentence_start, c.span.sentence_end
    if doc is None or end > len(doc.text) or doc.text[c.span.start : c.span.end] != c.quote:
        return c.quote, c.span.start
    return doc.text[start:end], start


_SentenceKey = tuple[str, int, int]
_last_index: list[tuple[tuple[Claim, ...], dict[_SentenceKey, list[Claim]]]] = []
"""The sentence index of the last run's claims, kept with the very tuple it indexes
(compared by identity), so that every rule of one run builds it once."""


def _sentence_index(claims: tuple[Claim, ...]) -> dict[_SentenceKey, list[Claim]]:
    if _last_index and _last_index[0][0] is claims:
        return _last_index[0][1]
    index: dict[_SentenceKey, list[Claim]] = {}
    for m in claims:
        index.setdefault((m.doc, m.span.sentence_start, m.span.sentence_end), []).append(m)
    _last_index[:] = [(claims, index)]
    return index


def mates(c: Claim, ctx: RuleContext) -> list[Claim]:
    """The claims of the run that stand in the same sentence as `c`, `c` included."""
    key = (c.doc, c.span.sentence_start, c.span.sentence_end)
    found = _sentence_index(ctx.claims).get(key, [])
    return found if any(m.id == c.id for m in found) else [*found, c]


def _distance(c: Claim, start: int, end: int) -> int:
    if end <= c.span.start:
        return c.span.start - end
    if start >= c.span.end:
        return start - c.span.end
    return 0


def owned_cues(c: Claim, pattern: re.Pattern[str], ctx: RuleContext) -> list[Cue]:
    """The matches of `pattern` in `c`'s sentence that belong to `c` (see the module)."""
    text, offset = sentence(c, ctx)
    found = [Cue(m.group(0), offset + m.start(), offset + m.end()) for m in pattern.finditer(text)]
    if not found:
        return []
    others = mates(c, ctx)
    owned: list[Cue] = []
    for cue in found:
        nearest = min(_distance(m, cue.start, cue.end) for m in others)
        owners = [m for m in others if _distance(m, cue.start, cue.end) == nearest]
        if any(o.id == c.id or o.period == c.period for o in owners):
            owned.append(cue)
    return owned


def record_cue(c: Claim, ctx: RuleContext) -> tuple[Cue, bool] | None:
    """The record phrase that `c`'s sentence applies to `c`, and whether it is a high.

    A phrase right after a negator ("below the record", "the previous record") is
    ignored: it speaks of another figure.
    """
    text, offset = sentence(c, ctx)
    lows = owned_cues(c, _RECORD_LOW_RE, ctx)
    low_spans = {(cue.start, cue.end) for cue in lows}
    highs = [
        cue
        for cue in owned_cues(c, _RECORD_HIGH_RE, ctx)
        if not any(lo <= cue.start < hi for lo, hi in low_spans)
    ]
    for cue, high in sorted(
        [(cue, False) for cue in lows] + [(cue, True) for cue in highs],
        key=lambda pair: pair[0].start,
    ):
        before = text[: cue.start - offset]
        if not _NEGATOR_RE.search(before):
            return cue, high
    return None


def current_cue(c: Claim, ctx: RuleContext) -> Cue | None:
    """The first word in `c`'s sentence that presents `c` as the latest figure."""
    cues = owned_cues(c, _CURRENT_RE, ctx)
    return cues[0] if cues else None


def has_conversion_words(c: Claim, ctx: RuleContext) -> bool:
    """Whether `c`'s sentence speaks of an exchange rate or a converted amount."""
    text, _ = sentence(c, ctx)
    return _CONVERSION_RE.search(text) is not None


def latest_period_words(c: Claim) -> str | None:
    """The wording of `c`'s period if it names the latest period ("last year")."""
    for text in (c.period_as_written, c.period.text if c.period is not None else None):
        if text:
            match = _LATEST_PERIOD_RE.search(text)
            if match is not None:
                return match.group(0)
    return None


def part_or_event(c: Claim, ctx: RuleContext) -> str | None:
    """The words that make count `c` a part of another figure or the yield of one event.

    "Twenty-one of them", "27 more are ...", "the launch of seven joint projects";
    None for a count that stands for itself.
    """
    text, offset = sentence(c, ctx)
    start, end = c.span.start - offset, c.span.end - offset
    inside = _PART_IN_QUOTE_RE.search(c.quote)
    if inside is not None:
        return inside.group(0)
    after = _PART_RE.search(text[end:])
    if after is not None:
        return after.group(0).strip(" ,")
    before = list(_EVENT_RE.finditer(text[max(0, start - _EVENT_REACH) : start]))
    return before[-1].group(0) if before else None


def status(c: Claim) -> str | None:
    """Which enterprises a count counts, from its quote and noun: operating or registered."""
    found = {
        STATUS_WORDS[m.group(0).lower()]
        for text in (c.quote, c.noun or "")
        for m in _STATUS_RE.finditer(text)
    }
    return "/".join(sorted(found)) if found else None
