"""The parts of finding messages and explanations that only rules write.

Whether a unit adds up over time, what a claim measures ("growth_rate of
exports_uz_to_kz"), the line that quotes a claim with its interval, and a gap's
worked arithmetic. Figures, intervals, periods and percentages themselves are
written by `kzuz_claims.model.display`, the module the renderers use too, so a value
reads the same in a finding message and in a report.
"""

from __future__ import annotations

from typing import Final

from kzuz_claims.model import Claim, Gap, Quantity
from kzuz_claims.model.display import (
    format_amount,
    format_interval,
    format_quantity,
    format_ratio,
)

_NON_ADDITIVE_UNITS: Final = frozenset({"percent", "percentage_point", "times", "rank"})


def is_additive(unit: str) -> bool:
    """Whether figures in `unit` add up over time (money, counts, tonnes; not rates)."""
    return unit not in _NON_ADDITIVE_UNITS


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
    return (
        f'{c.doc} says "{c.quote}": {format_quantity(c.quantity)},'
        f" read as {format_interval(c.quantity)}."
    )


def arithmetic(a: Quantity, b: Quantity, gap: Gap) -> str:
    """The gap worked out: `$4.5 billion - $4.4 billion = $100 million; ... = 2.2% ...`"""
    high, low = (a, b) if a.value >= b.value else (b, a)
    larger = max(abs(a.value), abs(b.value))
    return (
        f"{format_amount(high.value, high.unit)} - {format_amount(low.value, low.unit)}"
        f" = {format_amount(gap.absolute, gap.unit)};"
        f" {format_amount(gap.absolute, gap.unit)} / {format_amount(larger, gap.unit)}"
        f" = {format_ratio(gap.relative)} of the larger figure"
    )
