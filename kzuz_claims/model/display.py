"""Model values written for people: "$4.5 billion", "13,300", "Jan–Nov 2023".

One place for how a figure, the interval it asserts, a period and a relative gap
read, so that a rule's finding message and every renderer write the same value the
same way:

    format_amount(Decimal(4_500_000_000), "USD")       # "$4.5 billion"
    format_amount(Decimal(1_200_000_000_000), "KZT")   # "1.2 trillion KZT"
    format_number(Decimal(13300))                      # "13,300"
    format_quantity(quantity)                          # "almost $500 million"
    format_interval(quantity)                          # "[$4.35 billion, $4.45 billion)"
    format_period(period)                              # "2023", "Jan–Nov 2023", "Q2 2024"
    format_ratio(Decimal("0.0222"))                    # "2.2%"

Formatting never rounds a figure away: a scale word ("million", "billion",
"trillion") is used only when the scaled number is exact to four decimals, so the
half-step bounds of a three-decimal figure keep it ("[$2.4435 billion, ...)");
otherwise the full number is written with thousands separators ("$1,234,567,891").
Only `format_ratio` rounds (a relative gap is a derived figure), and `format_number`
when it is given `max_decimals`.

This module depends on nothing outside `kzuz_claims.model`, so rules and renderers
can both use it.
"""

from __future__ import annotations

import calendar
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Final

from kzuz_claims.model.period import Period
from kzuz_claims.model.quantity import Qualifier, Quantity

__all__ = [
    "format_amount",
    "format_interval",
    "format_number",
    "format_period",
    "format_quantity",
    "format_ratio",
    "is_currency",
]

_EN_DASH: Final = "\u2013"  # between the ends of a range: "Jan–Nov 2023", "2016–2023"

_SCALES: Final[tuple[tuple[Decimal, str], ...]] = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)
_MAX_SCALED_DECIMALS: Final = 4
_SYMBOL_BEFORE: Final = {"USD": "$", "EUR": "\u20ac", "GBP": "\u00a3"}
_UNIT_SUFFIX: Final = {"percent": "%", "percentage_point": " pp", "times": " times"}
_QUALIFIER_WORDS: Final = {
    Qualifier.APPROX: "about",
    Qualifier.ALMOST: "almost",
    Qualifier.MORE_THAN: "more than",
    Qualifier.AT_LEAST: "at least",
    Qualifier.LESS_THAN: "less than",
    Qualifier.AT_MOST: "up to",
}


def is_currency(unit: str) -> bool:
    """Whether `unit` is money: ISO 4217 codes are three capital letters (`USD`, `KZT`)."""
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def format_number(value: Decimal, max_decimals: int | None = None) -> str:
    """`value` with thousands separators and no trailing zeros: "13,300", "4.45".

    Exact by default; with `max_decimals` the value is first rounded (half to even)
    to at most that many decimals.
    """
    if max_decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_EVEN)
    normal = value.normalize()
    if normal == 0:
        return "0"
    return f"{normal:,f}"


def _scaled(magnitude: Decimal) -> str:
    """A non-negative magnitude with a scale word when that is exact, else in full."""
    for size, word in _SCALES:
        if magnitude >= size:
            scaled = (magnitude / size).normalize()
            exponent = scaled.as_tuple().exponent
            if isinstance(exponent, int) and -exponent <= _MAX_SCALED_DECIMALS:
                return f"{format_number(scaled)} {word}"
            break
    return format_number(magnitude)


def format_amount(value: Decimal, unit: str) -> str:
    """`value` in base units of `unit` as a reader would write it.

    Money: "$4.5 billion", "€2,500", "1.2 trillion KZT" (a currency without a symbol
    follows the figure, like any other unit). Other units: "13,300", "19.8 million",
    "7.7%", "0.5 pp", "2 times", "#3", "1.5 billion m3". A negative value has its
    sign first: "-$1.4 billion", "-32%".
    """
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    if is_currency(unit):
        symbol = _SYMBOL_BEFORE.get(unit)
        text = _scaled(magnitude)
        return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {unit}"
    if unit == "count":
        return sign + _scaled(magnitude)
    if unit == "rank":
        return f"#{format_number(value)}"
    if unit in _UNIT_SUFFIX:
        return format_number(value) + _UNIT_SUFFIX[unit]
    return f"{sign}{_scaled(magnitude)} {unit}"


def format_quantity(
    quantity: Quantity, noun: str | None = None, *, with_qualifier: bool = True
) -> str:
    """The figure as stated, with its hedge word: "almost $500 million", "about 60 projects".

    `noun` names what a count counts ("projects"); it is ignored for other units.
    """
    text = format_amount(quantity.value, quantity.unit)
    if noun and quantity.unit == "count":
        text = f"{text} {noun}"
    if with_qualifier and quantity.qualifier is not None:
        text = f"{_QUALIFIER_WORDS[quantity.qualifier]} {text}"
    return text


def format_interval(quantity: Quantity) -> str:
    """The interval a figure asserts, in bracket notation: "[$4.35 billion, $4.45 billion)".

    A closed single point reads "exactly 60"; a missing bound is infinite: "(1,000, ∞)".
    """
    low, high = quantity.low, quantity.high
    if low is not None and low == high and quantity.low_closed and quantity.high_closed:
        return f"exactly {format_amount(low, quantity.unit)}"
    low_text = "-\u221e" if low is None else format_amount(low, quantity.unit)
    high_text = "\u221e" if high is None else format_amount(high, quantity.unit)
    left = "[" if low is not None and quantity.low_closed else "("
    right = "]" if high is not None and quantity.high_closed else ")"
    return f"{left}{low_text}, {high_text}{right}"


def format_ratio(fraction: Decimal) -> str:
    """A fraction (1 = 100%) as a percentage that keeps small gaps visible.

    0.0222 -> "2.2%", 0.0023 -> "0.23%", 0.000075 -> "0.0075%", 0 -> "0%": one
    decimal from 1% up, two significant digits below.
    """
    pct = fraction * 100
    if pct == 0:
        return "0%"
    if abs(pct) >= 1:
        return f"{format_number(pct, 1)}%"
    return f"{format_number(pct, max(2, 1 - pct.adjusted()))}%"


def format_period(period: Period | None) -> str:
    """A period as a reader would name it, from its dates.

    "2023", "Q1 2024", "H2 2024", "Mar 2024", "Jan–Nov 2023", "2016–2023",
    "Nov 2023–Feb 2024"; a single day "2024-03-15"; days that do not start and end
    whole months "2024-01-05..2024-02-10"; no period "undated".
    """
    if period is None:
        return "undated"
    start, end = period.start, period.end
    if start == end:
        return start.isoformat()
    month_start = start.day == 1
    month_end = end.day == calendar.monthrange(end.year, end.month)[1]
    if not (month_start and month_end):
        return f"{start.isoformat()}..{end.isoformat()}"
    first, last = calendar.month_abbr[start.month], calendar.month_abbr[end.month]
    if start.year == end.year:
        if start.month == 1 and end.month == 12:
            return str(start.year)
        if start.month == end.month:
            return f"{first} {start.year}"
        if start.month % 3 == 1 and end.month == start.month + 2:
            return f"Q{start.month // 3 + 1} {start.year}"
        if start.month in (1, 7) and end.month == start.month + 5:
            return f"H{1 if start.month == 1 else 2} {start.year}"
        return f"{first}{_EN_DASH}{last} {start.year}"
    if start.month == 1 and end.month == 12:
        return f"{start.year}{_EN_DASH}{end.year}"
    return f"{first} {start.year}{_EN_DASH}{last} {end.year}"
