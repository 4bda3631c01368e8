"""What the arithmetic rules share: interval arithmetic on asserted values, and lookups.

Every figure asserts an interval (`Quantity.low`..`Quantity.high`, from its rounding
and its hedge). Sums, ratios and implied values are computed on those intervals, so
a rule reports a discrepancy only when no combination of values the figures allow
makes the arithmetic work. Open and closed ends are both treated as closed: that
keeps every check on the side of not reporting.

Used by `periods` (year-to-date series), `sums` (parts against totals) and
`arithmetic` (changes, shares, multiples).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from kzuz_claims.engine import block_key
from kzuz_claims.model import Claim, MetricKind, Period, Quantity
from kzuz_claims.model.display import format_amount, format_number
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._compare import claim_key

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_HUNDRED: Final = Decimal(100)
_SHOWN_DIGITS: Final = 4
"""Significant digits of a derived amount in a message ("$2.059 billion")."""


@dataclass(frozen=True)
class Interval:
    """A closed interval of real values; `None` is unbounded on that side."""

    low: Decimal | None
    high: Decimal | None

    @classmethod
    def of(cls, quantity: Quantity) -> Interval:
        """The interval a figure asserts."""
        return cls(quantity.low, quantity.high)

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(value, value)

    @property
    def bounded(self) -> bool:
        return self.low is not None and self.high is not None

    def __add__(self, other: Interval) -> Interval:
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(low, high)

    def above(self, other: Interval) -> bool:
        """Every value of this interval is above every value of `other`."""
        return self.low is not None and other.high is not None and self.low > other.high

    def below(self, other: Interval) -> bool:
        return other.above(self)

    def overlaps(self, other: Interval) -> bool:
        return not (self.above(other) or self.below(other))

    def distance(self, other: Interval) -> Decimal:
        """How far apart the two intervals are; zero when they overlap."""
        if self.above(other):
            assert self.low is not None and other.high is not None
            return self.low - other.high
        if self.below(other):
            assert self.high is not None and other.low is not None
            return other.low - self.high
        return _ZERO

    def times(self, factor: Interval) -> Interval | None:
        """Product with a positive `factor`, for a non-negative interval; None otherwise."""
        if not (_non_negative(self) and _positive(factor)):
            return None
        low = self.low if self.low is not None else _ZERO
        assert factor.low is not None
        high = None if self.high is None or factor.high is None else self.high * factor.high
        return Interval(low * factor.low, high)

    def over(self, divisor: Interval) -> Interval | None:
        """Quotient by a positive `divisor`, for a non-negative interval; None otherwise."""
        if not (_non_negative(self) and _positive(divisor)):
            return None
        low = self.low if self.low is not None else _ZERO
        assert divisor.low is not None
        ratio_low = _ZERO if divisor.high is None else low / divisor.high
        ratio_high = None if self.high is None else self.high / divisor.low
        return Interval(ratio_low, ratio_high)

    def shifted(self, by: Decimal) -> Interval:
        return Interval(
            None if self.low is None else self.low + by,
            None if self.high is None else self.high + by,
        )

    def scaled(self, by: Decimal) -> Interval:
        """Multiplied by a positive constant."""
        return Interval(
            None if self.low is None else self.low * by,
            None if self.high is None else self.high * by,
        )

    def middle(self) -> Decimal | None:
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high


def _non_negative(i: Interval) -> bool:
    """Nothing below zero; a missing lower bound of an amount is read as zero."""
    return i.low is None or i.low >= 0


def _positive(i: Interval) -> bool:
    return i.low is not None and i.low > 0


def rate_factor(rate_percent: Interval) -> Interval | None:
    """The growth factor 1 + r of a rate in percent; None if it is not positive."""
    factor = rate_percent.scaled(_ONE / _HUNDRED).shifted(_ONE)
    if factor.low is None or factor.low <= 0:
        return None
    return factor


def widened_exact(quantity: Quantity, tolerance: Decimal | None = None) -> Interval:
    """The interval of a figure stated without a width ("tripled", "a third").

    A figure whose interval is a single point is read as rounded at its last stated
    digit (33.33 is [33.325, 33.335]), or with `tolerance` as a fraction of its value
    when one is given ("doubled" is about 2). Any other figure keeps its interval.
    """
    own = Interval.of(quantity)
    if not (own.low is not None and own.low == own.high):
        return own
    value = own.low
    if tolerance is not None:
        spread = abs(value) * tolerance
    else:
        exponent = value.normalize().as_tuple().exponent
        step = _ONE.scaleb(min(exponent, 0)) if isinstance(exponent, int) else _ONE
        spread = step / 2
    return Interval(value - spread, value + spread)


def signed_rate(claim: Claim) -> Interval:
    """A growth rate's interval, negative for a fall even when the text gave it unsigned."""
    rate = widened_exact(claim.quantity)
    if claim.change == "down" and claim.quantity.value > 0:
        low, high = rate.low, rate.high
        return Interval(None if high is None else -high, None if low is None else -low)
    return rate


def earlier(base: Period | None, period: Period) -> Period | None:
    """`base` when it ends before `period` starts: a usable base period of a change."""
    return base if base is not None and base.end < period.start else None


def same_dates(a: Period | None, b: Period | None) -> bool:
    """Both periods are given and cover exactly the same days."""
    return a is not None and b is not None and (a.start, a.end) == (b.start, b.end)


def period_key(p: Period) -> tuple[date, date]:
    return (p.start, p.end)


claim_order = claim_key
"""Report order (document, position, id): rules sort by it to stay order-independent."""


def in_report_order(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=claim_order)


def identity(c: Claim) -> tuple[str, str, str, tuple[str, ...], str, str, str, str]:
    """What makes two figures figures of the same thing, apart from time."""
    return (*block_key(c), c.scope or "", c.quantity.unit)


def is_level(c: Claim) -> bool:
    """An amount that can be added up or divided: money, counts, tonnes; not a change."""
    return (
        c.change is None
        and fmt.is_additive(c.quantity.unit)
        and c.quantity.value >= 0
        and (c.quantity.low is None or c.quantity.low >= 0)
    )


def is_cumulative_flow(c: Claim) -> bool:
    """A non-negative level over a period, which can only grow as the period grows."""
    return c.kind is MetricKind.FLOW and c.period is not None and is_level(c)


def shown(value: Decimal) -> Decimal:
    """A derived value cut to a readable number of significant digits."""
    if value == 0:
        return value
    return value.quantize(_ONE.scaleb(value.adjusted() - _SHOWN_DIGITS + 1))


def show_amount(value: Decimal | None, unit: str) -> str:
    """A derived amount ("$2.059 billion"); an unbounded end reads as infinity."""
    if value is None:
        return "\u221e"
    return format_amount(shown(value), unit)


def show_interval(interval: Interval, unit: str) -> str:
    """A derived interval: "[$1.971 billion, $2.148 billion]"."""
    low = "-\u221e" if interval.low is None else show_amount(interval.low, unit)
    return f"[{low}, {show_amount(interval.high, unit)}]"


def show_percent(value: Decimal | None) -> str:
    """A derived percentage with at most two decimals: "12.2%", "3.08%"."""
    if value is None:
        return "\u221e"
    return f"{format_number(value, 2)}%"


def show_percent_interval(interval: Interval) -> str:
    low = "-\u221e" if interval.low is None else show_percent(interval.low)
    return f"[{low}, {show_percent(interval.high)}]"


def show_times(value: Decimal | None) -> str:
    """A derived multiple with at most two decimals: "2.1 times"."""
    if value is None:
        return "\u221e"
    return f"{format_number(value, 2)} times"


def show_times_interval(interval: Interval) -> str:
    low = "-\u221e" if interval.low is None else format_number(interval.low, 2)
    high = "\u221e" if interval.high is None else format_number(interval.high, 2)
    return f"[{low}, {high}] times"


def unique_by_id(claims: Sequence[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for c in claims:
        seen.setdefault(c.id, c)
    return list(seen.values())
