"""Target deadlines written as words: "by 2030", "in the next five years", "within five
years", "by the end of the decade", resolved against the article's publication date.

The extractor resolves the common forms into a claim's `period`; target-mismatch
reads the rest here, from the claim's `horizon` or `period_as_written` or from the
words right around the figure in its sentence. Vague horizons ("in the medium term",
"in the coming years") resolve to nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Final

from kzuz_claims.rules._words import words

_NEAR_AFTER: Final = 60
"""How far after a figure (in characters) its deadline may be written."""
_NEAR_BEFORE: Final = 80
"""How far before a figure its deadline may be written ("Within five years, ... $10bn")."""
_NO_FIGURE: Final = re.compile(r"^[^\d;]*$")
"""Text between a figure and a deadline: no other figure and no clause break."""


@dataclass(frozen=True)
class Horizon:
    """A deadline read from words: the year it ends in and the words it was read from."""

    year: int
    text: str
    relative: bool
    """Whether the year was counted from the publication date."""


@cache
def _pattern() -> re.Pattern[str]:
    number = "|".join(re.escape(w) for w in sorted(words().numbers, key=len, reverse=True))
    n = rf"\d{{1,2}}|{number}"
    forms = (
        rf"(?:in|within|over|during|for)\s+the\s+(?:next|coming|following|upcoming)"
        rf"\s+(?P<n>{n})\s+years?",
        rf"(?:with)?in\s+(?P<n2>{n})\s+years?(?:['’]\s*time|\s+time)?",
        r"(?:by|until|till)\s+(?:the\s+end\s+of\s+)?(?:the\s+year\s+)?(?P<y>20\d{2})(?!\d)",
        r"by\s+the\s+end\s+of\s+the\s+(?P<decade>decade)",
        r"by\s+the\s+end\s+of\s+(?P<this>this|the\s+current)\s+year",
        r"by\s+(?:the\s+end\s+of\s+)?(?P<next>next)\s+year",
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE)


def _resolve(m: re.Match[str], published: date | None) -> Horizon | None:
    text = " ".join(m.group().split())
    if m.group("y"):
        return Horizon(int(m.group("y")), text, relative=False)
    if published is None:
        return None
    if m.group("n") or m.group("n2"):
        token = (m.group("n") or m.group("n2")).lower()
        count = int(token) if token.isdigit() else words().numbers[token]
        return Horizon(published.year + count, text, relative=True)
    if m.group("decade"):
        return Horizon(published.year // 10 * 10 + 9, text, relative=True)
    if m.group("this"):
        return Horizon(published.year, text, relative=True)
    return Horizon(published.year + 1, text, relative=True)


def read_horizon(text: str, published: date | None) -> Horizon | None:
    """The deadline a horizon phrase states, or None when it is vague or cannot be dated."""
    m = _pattern().search(text)
    return _resolve(m, published) if m is not None else None


def horizon_near(
    text: str, start: int, end: int, lo: int, hi: int, published: date | None
) -> Horizon | None:
    """The deadline written right after text[start:end] (or, failing that, right before it)
    within the sentence text[lo:hi], with no other figure in between."""
    for m in _pattern().finditer(text, end, min(hi, end + _NEAR_AFTER)):
        if _NO_FIGURE.match(text[end : m.start()]):
            return _resolve(m, published)
        break
    before = list(_pattern().finditer(text, max(lo, start - _NEAR_BEFORE), start))
    if before and _NO_FIGURE.match(text[before[-1].end() : start]):
        return _resolve(before[-1], published)
    return None
