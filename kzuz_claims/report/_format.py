"""How figures, periods and quotes are written for people: "$4.5 billion", "2023", "-32%".

Shared by every human-readable renderer so that the same figure reads the same in a
Markdown report, on the terminal and in the claims table. Formatting never rounds a
figure away: when a scale word would need more than three decimals, the full number
is written with separators instead.
"""

from __future__ import annotations

from decimal import Decimal

from kzuz_claims.model import Claim, Gap, Period, PeriodBasis, PeriodKind, Qualifier, Quantity

__all__ = [
    "format_amount",
    "format_claim_value",
    "format_gap",
    "format_interval",
    "format_number",
    "format_period",
    "format_quantity",
    "one_line",
    "truncate",
]

_SCALES: tuple[tuple[Decimal, str], ...] = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)
_MAX_SCALED_DECIMALS = 3
_SYMBOL_BEFORE = {"USD": "$", "EUR": "€", "GBP": "£"}
_QUALIFIER_WORDS = {
    Qualifier.APPROX: "about",
    Qualifier.ALMOST: "almost",
    Qualifier.MORE_THAN: "more than",
    Qualifier.AT_LEAST: "at least",
    Qualifier.LESS_THAN: "less than",
    Qualifier.AT_MOST: "at most",
}
_UNIT_SUFFIX = {
    "percent": "%",
    "percentage_point": " pp",
    "times": " times",
}


def format_number(value: Decimal) -> str:
    """A decimal with thousands separators and no trailing zeros: "13,300", "4.45"."""
    v = value.normalize()
    if v == 0:
        return "0"
    return f"{v:,f}"


def _is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def _scaled(magnitude: Decimal) -> str:
    """A non-negative magnitude with a scale word when that is exact to three decimals."""
    for size, word in _SCALES:
        if magnitude >= size:
            scaled = (magnitude / size).normalize()
            exponent = scaled.as_tuple().exponent
            if isinstance(exponent, int) and -exponent <= _MAX_SCALED_DECIMALS:
                return f"{format_number(scaled)} {word}"
            break
    return format_number(magnitude)


def format_amount(value: Decimal, unit: str) -> str:
    """A value in base units of `unit`: "$4.5 billion", "1.2 trillion KZT", "-32%", "60"."""
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    if _is_money(unit):
        symbol = _SYMBOL_BEFORE.get(unit)
        text = _scaled(magnitude)
        return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {unit}"
    if unit == "count":
        return sign + _scaled(magnitude) if magnitude >= _SCALES[-1][0] else format_number(value)
    if unit == "rank":
        return f"#{format_number(value)}"
    if unit in _UNIT_SUFFIX:
        return format_number(value) + _UNIT_SUFFIX[unit]
    return f"{format_number(value)} {unit}"


def format_quantity(
    quantity: Quantity, noun: str | None = None, *, with_qualifier: bool = True
) -> str:
    """The figure as written for a reader, with its qualifier: "about $4.4 billion"."""
    text = format_amount(quantity.value, quantity.unit)
    if noun and quantity.unit == "count":
        text = f"{text} {noun}"
    if with_qualifier and quantity.qualifier is not None:
        text = f"{_QUALIFIER_WORDS[quantity.qualifier]} {text}"
    return text


def format_claim_value(claim: Claim, *, with_qualifier: bool = True) -> str:
    """A claim's figure with its noun, a decline shown as negative ("fell by 32%" → -32%)."""
    quantity = claim.quantity
    if claim.change == "down" and quantity.value > 0:
        quantity = quantity.model_copy(update={"value": -quantity.value})
    return format_quantity(quantity, claim.noun, with_qualifier=with_qualifier)


def format_interval(quantity: Quantity) -> str:
    """The interval a figure asserts, in interval notation: "[$4.35 billion, $4.45 billion)"."""
    if quantity.low is None and quantity.high is None:
        return "(unbounded)"
    if quantity.low is not None and quantity.low == quantity.high:
        return f"exactly {format_amount(quantity.low, quantity.unit)}"
    low = "-∞" if quantity.low is None else format_amount(quantity.low, quantity.unit)
    high = "∞" if quantity.high is None else format_amount(quantity.high, quantity.unit)
    left = "[" if quantity.low is not None and quantity.low_closed else "("
    right = "]" if quantity.high is not None and quantity.high_closed else ")"
    return f"{left}{low}, {high}{right}"


def format_period(period: Period | None) -> str:
    """A period in its shortest exact form: "2023", "2023-05", "2023-Q1", "2023-01-01..2023-11-30".

    A period that was not written explicitly says how it was resolved: "2023 (relative)".
    """
    if period is None:
        return "-"
    start, end, kind = period.start, period.end, period.kind
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if kind is PeriodKind.YEAR and whole_year and start.year == end.year:
        text = str(start.year)
    elif kind is PeriodKind.MONTH and (start.year, start.month) == (end.year, end.month):
        text = f"{start.year}-{start.month:02d}"
    elif kind is PeriodKind.QUARTER and start.year == end.year and start.day == 1:
        text = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    elif kind is PeriodKind.HALF and start.year == end.year and start.day == 1:
        text = f"{start.year}-H{(start.month - 1) // 6 + 1}"
    elif start == end:
        text = start.isoformat()
    else:
        text = f"{start.isoformat()}..{end.isoformat()}"
    if period.basis is not PeriodBasis.EXPLICIT:
        text = f"{text} ({period.basis.value})"
    return text


def format_gap(gap: Gap) -> str:
    """A measured gap: "$100 million (2.2%)"."""
    percent = (gap.relative * 100).quantize(Decimal("0.1"))
    relative = "<0.1" if percent == 0 and gap.relative > 0 else format_number(percent)
    return f"{format_amount(gap.absolute, gap.unit)} ({relative}%)"


def one_line(text: str) -> str:
    """Text with every run of whitespace (newlines included) collapsed to one space."""
    return " ".join(text.split())


def truncate(text: str, width: int) -> str:
    """One line of at most `width` characters, ending in "…" when cut."""
    flat = one_line(text)
    if len(flat) <= width:
        return flat
    return flat[: max(width - 1, 0)].rstrip() + "…"
