"""Readable figures, intervals and periods for finding messages and explanations.

"$4.5 billion", "$156 million", "13,300", "7.7%", "[$4.35 billion, $4.45 billion)",
"Jan\u2013Nov 2023": what a fact-checker would write, not `Decimal('4.4E+9')`.
"""

from __future__ import annotations

import calendar
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Final

from kzuz_claims.model import Claim, Gap, Period, Qualifier, Quantity

EN_DASH: Final = "\u2013"

_SCALES: Final = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)
_SYMBOLS: Final = {"USD": "$", "EUR": "\u20ac", "GBP": "\u00a3"}
_QUALIFIER_WORDS: Final = {
    Qualifier.APPROX: "about",
    Qualifier.ALMOST: "almost",
    Qualifier.MORE_THAN: "more than",
    Qualifier.AT_LEAST: "at least",
    Qualifier.LESS_THAN: "less than",
    Qualifier.AT_MOST: "up to",
}
_NON_ADDITIVE_UNITS: Final = frozenset({"percent", "percentage_point", "times", "rank"})


def is_currency(unit: str) -> bool:
    """ISO 4217 codes are three capital letters (`USD`, `KZT`, `UZS`, ...)."""
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def is_additive(unit: str) -> bool:
    """Whether figures in `unit` add up over time (money, counts, tonnes; not rates)."""
    return unit not in _NON_ADDITIVE_UNITS


def number(value: Decimal, max_decimals: int = 3) -> str:
    """`value` with thousands separators and at most `max_decimals` decimals, no trailing 0s."""
    step = Decimal(1).scaleb(-max_decimals)
    text = f"{value.quantize(step, rounding=ROUND_HALF_EVEN):,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _scaled(value: Decimal) -> str:
    for factor, word in _SCALES:
        if abs(value) >= factor:
            return f"{number(value / factor)} {word}"
    return number(value, 2)


def amount(value: Decimal, unit: str) -> str:
    """A magnitude in its unit: `$4.5 billion`, `KZT 1.2 trillion`, `13,300`, `7.7%`."""
    if value < 0:
        return "-" + amount(-value, unit)
    if is_currency(unit):
        symbol = _SYMBOLS.get(unit)
        return f"{symbol}{_scaled(value)}" if symbol else f"{unit} {_scaled(value)}"
    if unit == "count":
        return number(value, 2)
    if unit == "percent":
        return f"{number(value, 2)}%"
    if unit == "percentage_point":
        return f"{number(value, 2)} pp"
    if unit == "times":
        return f"{number(value, 2)} times"
    if unit == "rank":
        return f"#{number(value, 0)}"
    return f"{_scaled(value)} {unit}"


def quantity(q: Quantity) -> str:
    """The figure as stated, with its hedge word: `almost $500 million`."""
    word = _QUALIFIER_WORDS.get(q.qualifier) if q.qualifier is not None else None
    text = amount(q.value, q.unit)
    return f"{word} {text}" if word else text


def interval(q: Quantity) -> str:
    """The asserted interval in bracket notation: `[$4.35 billion, $4.45 billion)`."""
    if q.low is not None and q.low == q.high and q.low_closed and q.high_closed:
        return f"exactly {amount(q.low, q.unit)}"
    low = "-\u221e" if q.low is None else amount(q.low, q.unit)
    high = "\u221e" if q.high is None else amount(q.high, q.unit)
    left = "[" if q.low is not None and q.low_closed else "("
    right = "]" if q.high is not None and q.high_closed else ")"
    return f"{left}{low}, {high}{right}"


def ratio(relative: Decimal) -> str:
    """A fraction (0..1) as a percentage: 0.0222 -> `2.2%`, 0.0023 -> `0.23%`."""
    pct = relative * 100
    if pct == 0:
        return "0%"
    if abs(pct) >= 1:
        return f"{number(pct, 1)}%"
    return f"{number(pct, 2)}%" if abs(pct) >= Decimal("0.01") else f"{pct:.1E}%"


def period(p: Period | None) -> str:
    """A period as a reader would name it: `2023`, `Q1 2024`, `Jan-Nov 2023`, `2024-03-15`."""
    if p is None:
        return "undated"
    start, end = p.start, p.end
    if start == end:
        return start.isoformat()
    month_start = start.day == 1
    month_end = end.day == calendar.monthrange(end.year, end.month)[1]
    if not (month_start and month_end):
        return f"{start.isoformat()}..{end.isoformat()}"
    if start.year == end.year:
        if start.month == 1 and end.month == 12:
            return str(start.year)
        if start.month == end.month:
            return f"{calendar.month_abbr[start.month]} {start.year}"
        if start.month % 3 == 1 and end.month == start.month + 2:
            return f"Q{start.month // 3 + 1} {start.year}"
        if start.month in (1, 7) and end.month == start.month + 5:
            return f"H{1 if start.month == 1 else 2} {start.year}"
        first, last = calendar.month_abbr[start.month], calendar.month_abbr[end.month]
        return f"{first}{EN_DASH}{last} {start.year}"
    if start.month == 1 and end.month == 12:
        return f"{start.year}{EN_DASH}{end.year}"
    first = f"{calendar.month_abbr[start.month]} {start.year}"
    return f"{first}{EN_DASH}{calendar.month_abbr[end.month]} {end.year}"


def subject(c: Claim) -> str:
    """What a claim measures: its metric, and `of`, `object`, `direction` where set."""
    parts = [c.metric]
    if c.of:
        parts.append(f"of {c.of}")
    if c.object:
        parts.append(f"for {c.object}")
    if c.direction:
        parts.append(f"({c.direction})")
    return " ".join(parts)


def stated(c: Claim) -> str:
    """One explanation line: where the claim is, its quote, its figure and its interval."""
    return f'{c.doc} says "{c.quote}": {quantity(c.quantity)}, read as {interval(c.quantity)}.'


def arithmetic(a: Quantity, b: Quantity, gap: Gap) -> str:
    """The gap worked out: `$4.5 billion - $4.4 billion = $100 million; ... = 2.2% ...`"""
    high, low = (a, b) if a.value >= b.value else (b, a)
    larger = max(abs(a.value), abs(b.value))
    return (
        f"{amount(high.value, high.unit)} - {amount(low.value, low.unit)}"
        f" = {amount(gap.absolute, gap.unit)};"
        f" {amount(gap.absolute, gap.unit)} / {amount(larger, gap.unit)}"
        f" = {ratio(gap.relative)} of the larger figure"
    )
