"""What the conflict rules share: period compatibility, the measured gap, grading.

value-conflict (KZC001) and count-conflict (KZC002) are one check split by unit, so
the whole check lives here and each rule module only chooses which claims it takes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final

from kzuz_claims.config import Thresholds
from kzuz_claims.model import Claim, Finding, Gap, MetricKind, Modality, Severity
from kzuz_claims.model.display import format_period, format_quantity, format_ratio
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules.context import RuleContext

_RELATIVE_STEP: Final = Decimal("0.000001")


def is_flow(a: Claim, b: Claim) -> bool:
    """Flows (figures over a period) unless both claims are stocks (figures at a date)."""
    return not (a.kind is MetricKind.STOCK and b.kind is MetricKind.STOCK)


def same_period(a: Claim, b: Claim) -> bool:
    """Both flows are dated and cover exactly the same days."""
    return (
        a.period is not None
        and b.period is not None
        and a.period.start == b.period.start
        and a.period.end == b.period.end
    )


def as_of(c: Claim) -> date | None:
    """A stock's as-of date: the end of its period (a point, start == end, as a rule)."""
    return c.period.end if c.period is not None else None


def as_of_days_apart(a: Claim, b: Claim) -> int | None:
    """Days between the as-of dates of two stocks; None if either is undated."""
    da, db = as_of(a), as_of(b)
    if da is None or db is None:
        return None
    return abs((da - db).days)


def comparable(a: Claim, b: Claim, ctx: RuleContext, *, allow_undated: bool = False) -> bool:
    """Whether two claims speak of the same time: equal periods, or as-of dates in the window.

    `allow_undated` lets a stock without an as-of date match any other stock; the
    finding must then say that the date is unknown.
    """
    if is_flow(a, b):
        return same_period(a, b)
    apart = as_of_days_apart(a, b)
    if apart is None:
        return allow_undated
    return apart <= ctx.config.as_of_window_days


def value_gap(a: Claim, b: Claim) -> Gap:
    """Difference of the stated values, absolute and relative to the larger magnitude."""
    absolute = abs(a.quantity.value - b.quantity.value)
    if absolute == absolute.to_integral_value():
        absolute = absolute.quantize(Decimal(1))
    larger = max(abs(a.quantity.value), abs(b.quantity.value))
    relative = (absolute / larger).quantize(_RELATIVE_STEP) if larger else Decimal(0)
    return Gap(absolute=absolute, relative=relative, unit=a.quantity.unit)


def graded(gap: Gap, ctx: RuleContext) -> Severity:
    """Severity from the relative gap and the configured thresholds."""
    thresholds: Thresholds = ctx.config.thresholds
    if gap.relative >= thresholds.error:
        return Severity.ERROR
    if gap.relative >= thresholds.warning:
        return Severity.WARNING
    return Severity.INFO


def conflicting(a: Claim, b: Claim) -> bool:
    """Same unit, not a target (target-mismatch owns those), intervals apart."""
    return (
        a.quantity.unit == b.quantity.unit
        and a.modality is not Modality.TARGET
        and not a.quantity.overlaps(b.quantity)
    )


def timing(a: Claim, b: Claim) -> str:
    """The period part of a message: `2023`, `as of 2024-03-15`, or empty when they differ."""
    if is_flow(a, b):
        return format_period(a.period)
    da, db = as_of(a), as_of(b)
    return f"as of {da.isoformat()}" if da is not None and da == db else ""


def side(c: Claim, flow: bool, shared_date: bool) -> str:
    """One side of a message: `$4.5 billion (000_...)`, with its as-of date when needed."""
    where = c.doc
    if not flow and not shared_date:
        when = as_of(c)
        where = f"as of {when.isoformat() if when else 'unknown date'}, {c.doc}"
    return f"{format_quantity(c.quantity)} ({where})"


def timing_note(a: Claim, b: Claim, ctx: RuleContext) -> str:
    """The explanation sentence on why the two figures refer to the same time."""
    if is_flow(a, b):
        return f"Both figures are for the same period, {format_period(a.period)}."
    apart = as_of_days_apart(a, b)
    window = ctx.config.as_of_window_days
    if apart is None:
        undated = [c.doc for c in (a, b) if c.period is None]
        return (
            f"The as-of date of {' and '.join(dict.fromkeys(undated))} is unknown"
            " (no date in the text and none resolved for the claim), so the two figures"
            " may describe different moments."
        )
    return (
        f"The as-of dates {as_of(a)} and {as_of(b)} are {apart} day(s) apart,"
        f" within the {window}-day window in which stocks are compared."
    )


def same_scope_conflict(a: Claim, b: Claim, ctx: RuleContext) -> list[Finding]:
    """The check behind value-conflict and count-conflict (same scope, same time)."""
    if a.scope != b.scope or not conflicting(a, b) or not comparable(a, b, ctx):
        return []
    gap = value_gap(a, b)
    flow = is_flow(a, b)
    when = timing(a, b)
    head = f"{fmt.subject(a)} {when}".rstrip()
    message = f"{head}: {side(a, flow, bool(when))} vs {side(b, flow, bool(when))}"
    scope = f" in scope {a.scope!r}" if a.scope else ""
    t = ctx.config.thresholds
    explanation = "\n".join(
        [
            fmt.stated(a),
            fmt.stated(b),
            timing_note(a, b, ctx),
            f"The intervals do not overlap{scope}, so rounding and hedges cannot explain"
            " the difference.",
            f"Gap: {fmt.arithmetic(a.quantity, b.quantity, gap)}"
            f" (warning from {format_ratio(t.warning)}, error from {format_ratio(t.error)}).",
        ]
    )
    return [
        ctx.finding(
            message,
            claims=(a.id, b.id),
            explanation=explanation,
            gap=gap,
            severity=graded(gap, ctx),
        )
    ]
