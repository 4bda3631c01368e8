"""Period arithmetic: a part of a period cannot hold more than the whole period."""

from __future__ import annotations

from collections.abc import Iterable

from kzuz_claims.model import (
    Claim,
    Finding,
    MetricKind,
    Period,
    PeriodBasis,
    Quantity,
    Severity,
)
from kzuz_claims.model.display import (
    format_amount,
    format_interval,
    format_period,
    format_quantity,
    format_ratio,
)
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._compare import value_gap
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule


@rule(id="KZC004", name="partial-exceeds-whole", severity=Severity.ERROR, kind="pair")
def partial_exceeds_whole(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    """A figure for part of a period is larger than the figure for the whole period.

    What it checks
    --------------
    Pairs of flow claims with the same metric, `of`, `object`, entities, direction,
    modality, scope and unit, where one claim's period lies strictly inside the
    other's (January to November inside the calendar year) and the part's whole
    interval lies above the whole's interval: even the lowest value the part allows
    is higher than the highest value the whole allows. Only additive, non-negative
    figures are compared (money, counts, tonnes; not percentages, multiples or ranks).

    Why it matters
    --------------
    Trade, freight or investment accumulate over time: eleven months cannot hold more
    than twelve. When they seem to, one figure is wrong, comes from another source
    or definition, or one period was resolved wrongly ("last year" read against the
    wrong date).

    Example
    -------
    ```text
    A: In January-November 2023 mutual trade amounted to $4.6 billion.
    B: In 2023 trade turnover reached $4.4 billion.
    ```
    Reported as an error:
    ```text
    trade_turnover: Jan-Nov 2023 $4.6 billion (A) exceeds 2023 $4.4 billion (B)
    ```
    "$4.1 billion in January-November 2023" against "$4.4 billion in 2023" is
    consistent and not reported.

    Known false positives
    ---------------------
    - Figures that can shrink over time within a period (a balance, a net flow) if
      they are recorded with positive values.
    - A preliminary full-year figure published before a revised, higher figure for
      the first months.
    """
    if not _eligible(a, b):
        return []
    return [
        _finding(part, whole, ctx)
        for part, whole in ((a, b), (b, a))
        if part.period is not None
        and whole.period is not None
        and _strictly_inside(part.period, whole.period)
        and _above(part.quantity, whole.quantity)
    ]


def _eligible(a: Claim, b: Claim) -> bool:
    return (
        a.kind is MetricKind.FLOW
        and b.kind is MetricKind.FLOW
        and a.period is not None
        and b.period is not None
        and a.scope == b.scope
        and a.quantity.unit == b.quantity.unit
        and fmt.is_additive(a.quantity.unit)
        and a.quantity.value >= 0
        and b.quantity.value >= 0
    )


def _strictly_inside(part: Period, whole: Period) -> bool:
    return whole.contains(part) and (part.start, part.end) != (whole.start, whole.end)


def _above(part: Quantity, whole: Quantity) -> bool:
    """Whether every value `part` allows is above every value `whole` allows."""
    if part.low is None or whole.high is None:
        return False
    if part.low != whole.high:
        return part.low > whole.high
    return not (part.low_closed and whole.high_closed)


def _finding(part: Claim, whole: Claim, ctx: RuleContext) -> Finding:
    part_when, whole_when = format_period(part.period), format_period(whole.period)
    message = (
        f"{fmt.subject(part)}: {part_when} {format_quantity(part.quantity)} ({part.doc})"
        f" exceeds {whole_when} {format_quantity(whole.quantity)} ({whole.doc})"
    )
    gap = value_gap(part, whole)
    lines = [
        fmt.stated(part) + f" Period: {_dates(part.period)}.",
        fmt.stated(whole) + f" Period: {_dates(whole.period)}.",
        f"{part_when} lies inside {whole_when}, so a cumulative figure for it cannot be"
        f" larger; yet every value in {format_interval(part.quantity)} is above every value"
        f" in {format_interval(whole.quantity)}.",
        f"Gap between the stated values: {format_amount(gap.absolute, gap.unit)}"
        f" ({format_ratio(gap.relative)} of the larger).",
    ]
    resolved = [
        c.doc for c in (part, whole) if c.period and c.period.basis is not PeriodBasis.EXPLICIT
    ]
    if resolved:
        lines.append(
            f"The period of {' and '.join(dict.fromkeys(resolved))} was not stated"
            " explicitly but resolved; check the resolution first."
        )
    return ctx.finding(message, claims=(part.id, whole.id), explanation="\n".join(lines), gap=gap)


def _dates(p: Period | None) -> str:
    return f"{p.start}..{p.end}" if p is not None else "undated"
