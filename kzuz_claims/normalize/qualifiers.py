"""The interval a stated figure asserts, from its precision and its hedge word."""

from __future__ import annotations

from decimal import Decimal

from kzuz_claims.config import Tolerances
from kzuz_claims.model import Qualifier, Quantity

_HALF = Decimal("0.5")


def stated_precision(digits: str, scale: int) -> Decimal:
    """Step of the last stated digit: "4.4" with scale 9 gives 100,000,000."""
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return Decimal(1).scaleb(scale - decimals)


def assert_interval(
    value: Decimal,
    unit: str,
    *,
    precision: Decimal | None = None,
    qualifier: Qualifier | None = None,
    tolerances: Tolerances | None = None,
) -> Quantity:
    """Build the Quantity for `value` with the interval its wording asserts.

    A rounded figure asserts [value - step/2, value + step/2); `approx` widens that
    symmetrically by the configured tolerance; `almost` asserts
    [value * (1 - tolerance), value); bounds leave one side open-ended.
    """
    low, high, low_closed, high_closed = interval_bounds(
        value, precision, qualifier, tolerances or Tolerances()
    )
    return Quantity(
        value=value,
        unit=unit,
        low=low,
        high=high,
        low_closed=low_closed,
        high_closed=high_closed,
        qualifier=qualifier,
        precision=precision,
    )


def interval_bounds(
    value: Decimal, precision: Decimal | None, qualifier: Qualifier | None, tol: Tolerances
) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """(low, high, low closed, high closed) of the interval `assert_interval` builds."""
    low: Decimal | None
    high: Decimal | None
    if precision is not None and precision > 0:
        half = precision * _HALF
        low, high, high_closed = value - half, value + half, False
    else:
        low, high, high_closed = value, value, True
    low_closed = True
    match qualifier:
        case None:  # the common case first: each case below looks its member up
            pass
        case Qualifier.APPROX:
            mag = abs(value)
            low = min(low, value - mag * tol.approx)
            high, high_closed = max(high, value + mag * tol.approx), True
        case Qualifier.ALMOST:
            low, high, high_closed = value - abs(value) * tol.almost, value, False
        case Qualifier.MORE_THAN:
            low, low_closed, high = value, False, None
        case Qualifier.AT_LEAST:
            low, high = value, None
        case Qualifier.LESS_THAN:
            low, high, high_closed = None, value, False
        case Qualifier.AT_MOST:
            low, high, high_closed = None, value, True
    return low, high, low_closed, high_closed
