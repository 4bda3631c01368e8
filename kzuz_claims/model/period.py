"""Time periods a figure refers to, and how they were resolved."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import ValidationInfo, field_validator

from kzuz_claims.model._base import FrozenModel


class PeriodKind(StrEnum):
    YEAR = "year"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR_TO_DATE = "year_to_date"
    RANGE = "range"
    POINT = "point"
    OPEN_TARGET = "open_target"


class PeriodBasis(StrEnum):
    EXPLICIT = "explicit"
    RELATIVE = "relative"
    INHERITED = "inherited"
    UNKNOWN = "unknown"


class Period(FrozenModel):
    """Inclusive `start`..`end`; a stock's as-of date is a `point` with start == end."""

    start: date
    end: date
    kind: PeriodKind
    basis: PeriodBasis = PeriodBasis.EXPLICIT
    text: str | None = None

    # a field validator, not a model one: that would run again each time a period is
    # passed into a claim
    @field_validator("end")
    @classmethod
    def _ordered(cls, end: date, info: ValidationInfo) -> date:
        start = info.data.get("start")
        if start is not None and start > end:
            raise ValueError(f"period starts {start} after it ends {end}")
        return end

    def contains(self, other: Period) -> bool:
        """Whether `other` lies wholly inside this period."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1
