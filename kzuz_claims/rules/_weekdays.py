"""Weekdays written next to a date in article text: "on Thursday, February 6".

The weekday and month words come from `kzuz_claims.normalize.dates` (`WEEKDAYS`,
`MONTHS`), the project's one table of date words. A weekday and a month count only
when written with a capital letter, so that "sat", "wed" or "may" in running text
are never read as dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Final

from kzuz_claims.normalize.dates import MONTHS, WEEKDAYS

_DAY: Final = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR: Final = r"(?:19|20)\d{2}(?![\d.,]\d)"
_NEIGHBOUR_YEARS: Final = 6
"""How many years either side of the resolved one to search for a year the weekday fits."""


@dataclass(frozen=True)
class WeekdayDate:
    """A weekday written beside a day and month; `year` is None when not written."""

    start: int
    end: int
    quote: str
    weekday: int
    weekday_word: str
    month: int
    day: int
    year: int | None


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    wd = "|".join(sorted((w for w in WEEKDAYS if w.isascii()), key=len, reverse=True))
    mo = "|".join(sorted((m for m in MONTHS if m.isascii()), key=len, reverse=True))
    weekday = rf"(?P<wd>(?:{wd}))\.?"
    month = rf"(?P<m>(?:{mo}))\.?"
    day = rf"(?P<d>{_DAY})"
    year = rf"(?:,?\s+(?P<y>{_YEAR}))?"
    sources = (
        # "Thursday, February 6", "Thu, Feb. 6, 2025"
        rf"(?<![\w-]){weekday},?\s+{month}\s+{day}{year}(?![\w])",
        # "Friday, 14 June 2024", "Friday the 14th of June"
        rf"(?<![\w-]){weekday},?\s+(?:the\s+)?{day}(?:\s+of)?\s+{month}{year}(?![\w])",
        # "Monday (March 4)", "Monday (4 March 2024)"
        rf"(?<![\w-]){weekday}\s*\(\s*(?:{month}\s+{day}|(?P<d2>{_DAY})\s+(?P<m2>(?:{mo}))\.?)"
        rf"{year}\s*\)",
        # "February 6 (Thursday)", "6 February 2025 (Thursday)"
        rf"(?<![\w-])(?:{month}\s+{day}|(?P<d2>{_DAY})\s+(?P<m2>(?:{mo}))\.?){year}"
        rf"\s*\(\s*{weekday}\s*\)",
        # "Thursday, 06.02.2025"
        rf"(?<![\w-]){weekday},?\s+(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<mn>0?[1-9]|1[0-2])\."
        rf"(?P<y>{_YEAR})(?!\d)",
    )
    return tuple(re.compile(s, re.IGNORECASE) for s in sources)


def weekday_dates(text: str, start: int = 0) -> Iterator[WeekdayDate]:
    """Every weekday-with-date in `text[start:]`, in order, overlapping matches dropped."""
    found: list[WeekdayDate] = []
    for pattern in _patterns():
        for m in pattern.finditer(text, start):
            item = _read(m)
            if item is not None:
                found.append(item)
    found.sort(key=lambda w: (w.start, -w.end))
    last_end = -1
    for item in found:
        if item.start >= last_end:
            last_end = item.end
            yield item


def _read(m: re.Match[str]) -> WeekdayDate | None:
    groups = m.groupdict()
    words = [groups["wd"], groups.get("m") or groups.get("m2")]
    if any(w is not None and not w[0].isupper() for w in words):
        return None
    month_word = groups.get("m") or groups.get("m2")
    month = int(groups["mn"]) if groups.get("mn") else MONTHS[(month_word or "").lower()]
    day = int(re.sub(r"\D", "", groups.get("d") or groups.get("d2") or ""))
    year = int(groups["y"]) if groups.get("y") else None
    return WeekdayDate(
        start=m.start(),
        end=m.end(),
        quote=m.group(),
        weekday=WEEKDAYS[groups["wd"].lower()],
        weekday_word=groups["wd"],
        month=month,
        day=day,
        year=year,
    )


def resolve_year(month: int, day: int, published: date) -> date | None:
    """The date of day/month nearest the publication date (a year either side at most)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - published).days), d))


def years_fitting(month: int, day: int, weekday: int, around: int) -> list[int]:
    """Years within `_NEIGHBOUR_YEARS` of `around` in which day/month falls on `weekday`,
    nearest first."""
    fits = []
    for offset in range(1, _NEIGHBOUR_YEARS + 1):
        for year in (around - offset, around + offset):
            try:
                if date(year, month, day).weekday() == weekday:
                    fits.append(year)
            except ValueError:
                continue
    return fits
