"""A stated amount and the interval of true values it asserts."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import ValidationInfo, field_validator

from kzuz_claims.model._base import FrozenModel, Number


class Qualifier(StrEnum):
    """Hedge or bound words attached to a figure."""

    APPROX = "approx"
    ALMOST = "almost"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"


class Quantity(FrozenModel):
    """`value` in base units of `unit`, and the interval [low, high] it asserts.

    Units are ISO 4217 codes for money (`USD`, `KZT`, ...), `count`, `percent`,
    `percentage_point`, `times`, `rank`, or a pint unit name (`t`, `km`, ...).
    A missing bound (`None`) is unbounded on that side. `precision` is the step of
    the last stated digit when the figure is read as rounded ("$4.4 billion" has
    precision 100,000,000), `None` when it is exact.
    """

    value: Number
    unit: str
    low: Number | None = None
    high: Number | None = None
    low_closed: bool = True
    high_closed: bool = True
    qualifier: Qualifier | None = None
    precision: Number | None = None

    # field validators, not a model one: that would run again each time a quantity is
    # passed into a claim
    @field_validator("unit")
    @classmethod
    def _has_unit(cls, unit: str) -> str:
        if not unit:
            raise ValueError("a quantity needs a unit")
        return unit

    @field_validator("high")
    @classmethod
    def _bounds_ordered(cls, high: Decimal | None, info: ValidationInfo) -> Decimal | None:
        low = info.data.get("low")
        if low is not None and high is not None and low > high:
            raise ValueError(f"interval low {low} is above high {high}")
        return high

    @classmethod
    def exact(cls, value: Decimal | int, unit: str) -> Quantity:
        """A figure that asserts exactly its value."""
        v = Decimal(value)
        return cls(value=v, unit=unit, low=v, high=v)

    def overlaps(self, other: Quantity) -> bool:
        """Whether the two asserted intervals share at least one value (same unit only)."""
        if self.unit != other.unit:
            return False
        lo, lo_closed = _max_low(self, other)
        hi, hi_closed = _min_high(self, other)
        if lo is None or hi is None:
            return True
        if lo < hi:
            return True
        return lo == hi and lo_closed and hi_closed

    def gap_to(self, other: Quantity) -> Decimal:
        """Distance between the two intervals; zero when they overlap."""
        if self.overlaps(other):
            return Decimal(0)
        a_low = self.low if self.low is not None else self.value
        a_high = self.high if self.high is not None else self.value
        b_low = other.low if other.low is not None else other.value
        b_high = other.high if other.high is not None else other.value
        return max(b_low - a_high, a_low - b_high, Decimal(0))


def _max_low(a: Quantity, b: Quantity) -> tuple[Decimal | None, bool]:
    if a.low is None:
        return b.low, b.low_closed
    if b.low is None or a.low > b.low:
        return a.low, a.low_closed
    if b.low > a.low:
        return b.low, b.low_closed
    return a.low, a.low_closed and b.low_closed


def _min_high(a: Quantity, b: Quantity) -> tuple[Decimal | None, bool]:
    if a.high is None:
        return b.high, b.high_closed
    if b.high is None or a.high < b.high:
        return a.high, a.high_closed
    if b.high < a.high:
        return b.high, b.high_closed
    return a.high, a.high_closed and b.high_closed
