"""Date strings and publication dates: the one place that turns date text into `date`.

Plain regular expressions and `datetime` only, so importing this module is cheap.
(If a format ever needs dateparser, import it lazily inside the function that needs it:
this module is the project's single dateparser boundary.)

Two jobs:

- parse a date written out in full ("2024-03-17", "29.12.2021", "22 May 2023",
  "March 15, 2024") or given as a metadata value (YAML/TOML date, datetime or string);
- infer when an undated article was published, from evidence in its own text, and
  say what that evidence is. Nothing is ever guessed from the clock: when the text does
  not establish the date, the answer is `None`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "InferredDate",
    "coerce_date",
    "infer_published",
    "parse_date",
]

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "января", "январь"),
    2: ("february", "feb", "февраля", "февраль"),
    3: ("march", "mar", "марта", "март"),
    4: ("april", "apr", "апреля", "апрель"),
    5: ("may", "мая", "май"),
    6: ("june", "jun", "июня", "июнь"),
    7: ("july", "jul", "июля", "июль"),
    8: ("august", "aug", "августа", "август"),
    9: ("september", "sept", "sep", "сентября", "сентябрь"),
    10: ("october", "oct", "октября", "октябрь"),
    11: ("november", "nov", "ноября", "ноябрь"),
    12: ("december", "dec", "декабря", "декабрь"),
}

MONTHS: dict[str, int] = {name: n for n, names in _MONTH_NAMES.items() for name in names}
"""Lower-case month names and abbreviations (English; Russian genitive and nominative)."""

WEEKDAYS: dict[str, int] = {
    name: n
    for n, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
"""Lower-case weekday names and abbreviations, Monday = 0 as in `date.weekday()`."""

# Longest first so that "sept" wins over "sep" and "march" over "mar".
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_FULL = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_TIME = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"

# Full dates, each with named groups d, m (number or name) and y.
_FULL_DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"(?<![\d.])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])",
        rf"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{_YEAR})(?![\d])",
        rf"(?<![\w])(?P<d>{_DAY})\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})(?![\d])",
        rf"(?<![\w])(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})(?![\d])",
    )
)

_WEEKDAY_PREFIX = re.compile(
    "(?:(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s*)?", re.IGNORECASE
)
_TIME_SUFFIX = re.compile(
    rf"(?:,?\s*(?:at\s+)?{_TIME}(?:\s*(?:[+-]\d{{2}}:?\d{{2}}|[A-Z]{{1,5}}))?)?", re.IGNORECASE
)
_TIME_NEAR = re.compile(rf"^[\s,|/·•\u2013\u2014-]{{0,4}}(?:at\s+)?{_TIME}\b", re.IGNORECASE)
_TIME_BEFORE = re.compile(rf"\b{_TIME}[\s,|/·•\u2013\u2014-]{{0,4}}$")

# "Today, October 22", "today (May 3)", "Today, Tuesday, 22 October 2024".
_TODAY = re.compile(
    r"\btoday\s*[,(]?\s*"
    rf"(?:(?P<wd>{_WEEKDAY_FULL}),?\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}))"
    rf"(?:,?\s+(?P<y>{_YEAR}))?\)?(?![\w])",
    re.IGNORECASE,
)
# "on Friday, March 15" (also when a scrape glued "on" to the previous word).
_WEEKDAY_DATE = re.compile(
    rf"(?<![\w])(?P<wd>{_WEEKDAY_FULL}),?\s+"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}))"
    rf"(?:,?\s+(?P<y>{_YEAR}))?(?![\w])",
    re.IGNORECASE,
)
_LAST_YEAR = re.compile(r"\blast\s+year(?:'s|\u2019s)?\b", re.IGNORECASE)
# An explicit year used for a period: "In 2023,", "for 2022", "first 11 months of 2023".
_PERIOD_YEAR = re.compile(
    rf"\b(?:in|for|during|of|throughout)\s+(?:the\s+(?:whole|entire|full)\s+)?"
    rf"(?:year\s+)?(?P<y>{_YEAR})(?![\d\-\u2013/]|s\b)",
    re.IGNORECASE,
)
# Words that make a sentence about the future, so its year is not a completed period.
_FUTURE = re.compile(
    r"\b(?:will|shall|should|would|could|must|plans?|planned|planning|target(?:s|ed)?|"
    r"aims?|aimed|goal|expected|expects?|forecasts?|projected|projections?|intends?|"
    r"to\s+reach|to\s+bring|to\s+raise|next|upcoming|coming)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")

_SENTENCE_REACH = 400
"""How far around a year to look for the sentence it stands in."""
_DATELINE_LINES = 8
"""How many non-empty lines at the top of an article count as its dateline position."""
_DATELINE_CHARS = 800
_DATELINE_WORDS = 3
"""A date without a time is a dateline only beside at most this many (capitalised) words."""
_DATELINE_LABELS = re.compile(
    r"\b(?:published|updated|posted|date|dated|created|modified)\b\s*:?", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class InferredDate:
    """A publication date read from an article's text, with the quoted evidence."""

    published: date
    evidence: str


def _month_number(text: str) -> int:
    token = text.lower().rstrip(".")
    return int(token) if token.isdigit() else MONTHS[token]


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_dates(text: str) -> Iterator[tuple[re.Match[str], date]]:
    """Every full (day, month, year) date written in `text`, in order of position."""
    found: list[tuple[re.Match[str], date]] = []
    for pattern in _FULL_DATE_PATTERNS:
        for m in pattern.finditer(text):
            d = _make_date(int(m["y"]), _month_number(m["m"]), _day_number(m["d"]))
            if d is not None:
                found.append((m, d))
    found.sort(key=lambda item: (item[0].start(), -item[0].end()))
    last_end = -1
    for m, d in found:
        if m.start() >= last_end:
            last_end = m.end()
            yield m, d


def parse_date(text: str) -> date | None:
    """The date a string writes out in full, or None.

    Accepts ISO dates and timestamps ("2024-03-17", "2024-03-17T10:00:00Z"),
    "29.12.2021", "22 May 2023", "March 15, 2024" (a weekday may precede and a time
    follow), and RFC 2822 ("Fri, 15 Mar 2024 10:00:00 +0000"). The string must be the
    date and nothing else: a date inside a sentence is not a date value.
    """
    s = " ".join(text.split())
    if not s:
        return None
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        pass
    for pattern in _FULL_DATE_PATTERNS:
        m = pattern.search(s)
        if m is None or not _WEEKDAY_PREFIX.fullmatch(s[: m.start()]):
            continue
        if not _TIME_SUFFIX.fullmatch(s[m.end() :]):
            continue
        d = _make_date(int(m["y"]), _month_number(m["m"]), _day_number(m["d"]))
        if d is not None:
            return d
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


def coerce_date(value: object) -> date | None:
    """A metadata value (YAML or TOML date, datetime, or string) as a date, or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    return None


def infer_published(text: str) -> InferredDate | None:
    """When the article `text` was published, if its own words establish it.

    In order:

    1. a dateline: a full date with a time ("22 May 2023, 13:13", "29.12.2021, 17:07")
       among the first lines, or a full date standing nearly alone on one of them;
    2. a phrase anchored to the article's present ("Today, October 22", "today (May 3)",
       "on Friday, March 15") completed by a year: the one written in a "today" phrase,
       or else the year anchor, an explicit year Y used for a completed period
       ("In 2023, ...") together with a "last year", which puts the article in Y + 1.
       A weekday phrase ("on Friday, March 15") counts only with the year anchor, and
       any weekday must agree with the resulting date.

    Returns None when the text does not establish the date: menu items such as
    "December 8 - Constitution Day" are not anchored to the present and never count.
    """
    dateline = _dateline(text)
    if dateline is not None:
        return dateline
    for pattern, label in ((_TODAY, "today"), (_WEEKDAY_DATE, "weekday")):
        m = pattern.search(text)
        if m is None:
            continue
        found = _anchored(text, m, label)
        if found is not None:
            return found
    return None


def _dateline(text: str) -> InferredDate | None:
    """A full date at the top of the article, the way news sites print their dateline."""
    lines = [ln for ln in text[:_DATELINE_CHARS].splitlines() if ln.strip()][:_DATELINE_LINES]
    for line in lines:
        for m, d in _full_dates(line):
            after = _TIME_NEAR.match(line[m.end() :])
            before = _TIME_BEFORE.search(line[: m.start()])
            if after is not None:
                return InferredDate(d, _quote(line[m.start() : m.end() + after.end()]))
            if before is not None:
                return InferredDate(d, _quote(line[before.start() : m.end()]))
            if _only_dateline_words(line[: m.start()] + " " + line[m.end() :]):
                return InferredDate(d, _quote(line.strip()))
            if _WIRE_PLACE.search(line[: m.start()]) and _WIRE_DASH.match(line[m.end() :]):
                # "SARYAGASH, 4 June 2025 – Forty-one companies ...": a wire dateline
                return InferredDate(d, _quote(line[: m.end()].strip()))
    return None


_WIRE_PLACE = re.compile(r"^\s*[A-Z][A-Z .'’-]{1,30}(?:,\s*[A-Z][\w .'’-]{1,30})?,\s*\Z")
_WIRE_DASH = re.compile(r"\s*(?:[–—-]|\(\w)")


def _only_dateline_words(rest: str) -> bool:
    """Whether what stands beside a date on its line is a dateline's, not a sentence's.

    Allowed: a label ("Published:", "Updated") and at most three capitalised words (a
    place or an agency: "TASHKENT", "UzA"). A lower-case word makes it prose, as in a
    headline "Agreement of 15 March 2019 ratified".
    """
    words = re.findall(r"[^\W\d_][\w'.-]*", _DATELINE_LABELS.sub(" ", rest))
    return len(words) <= _DATELINE_WORDS and all(w[0].isupper() for w in words)


def _anchored(text: str, m: re.Match[str], label: str) -> InferredDate | None:
    """Complete a present-anchored day and month with a year, checking any weekday."""
    month = _month_number(m["m1"] or m["m2"])
    day = _day_number(m["d1"] or m["d2"])
    phrase = _quote(m[0])
    if m["y"] and label == "today":
        year, why = int(m["y"]), ""
    else:
        anchor = _year_anchor(text)
        if anchor is None:
            return None
        year, why = anchor
        if m["y"] and int(m["y"]) != year:
            return None
    d = _make_date(year, month, day)
    if d is None:
        return None
    if m["wd"] and WEEKDAYS[m["wd"].lower()] != d.weekday():
        return None
    return InferredDate(d, phrase + why)


def _year_anchor(text: str) -> tuple[int, str] | None:
    """The publication year from "In Y" (a completed period) plus a "last year"."""
    last = _LAST_YEAR.search(text)
    if last is None:
        return None
    best: tuple[int, str] | None = None
    for m in _PERIOD_YEAR.finditer(text):
        if _FUTURE.search(_sentence_around(text, m.start())):
            continue
        year = int(m["y"])
        if best is None or year > best[0]:
            best = (year, m[0])
    if best is None:
        return None
    year, written = best
    return year + 1, f"; year from {_quote(written)} and {_quote(last[0])} ({year} + 1)"


def _sentence_around(text: str, at: int) -> str:
    """The sentence holding offset `at`, looking at most `_SENTENCE_REACH` chars each way."""
    low = max(0, at - _SENTENCE_REACH)
    start = low
    for m in _SENTENCE_END.finditer(text, low, at):
        start = m.end()
    high = min(len(text), at + _SENTENCE_REACH)
    end_match = _SENTENCE_END.search(text, at, high)
    return text[start : end_match.start() if end_match else high]


def _quote(s: str) -> str:
    return '"' + " ".join(s.split()) + '"'
