"""Period arithmetic: a part of a period cannot hold more than the whole period.

partial-exceeds-whole (KZC004) compares a period with a period nested inside it;
ytd-decreasing (KZC013) compares the year-to-date periods of one year short of the whole
year (January to March, January to June ...). The two split the nested pairs between
them, so one discrepancy gives one finding.
"""

from __future__ import annotations

from collections.abc import Iterable

from kzuz_claims.model import (
    Claim,
    Finding,
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
from kzuz_claims.rules._arith import is_cumulative_flow
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
    other's (January to November inside the year, the second quarter inside the first
    half, March inside the first quarter) and the part's whole interval lies
    above the whole's interval: even the lowest value the part allows is higher than
    the highest value the whole allows, so rounding and hedges cannot explain it.
    Only additive, non-negative levels are compared (money, counts, tonnes; not
    percentages, multiples, ranks or changes). Periods that only overlap (January to
    June against April to September) are not compared.

    Two periods that both start on 1 January of the same year and both end before
    its last day (January to March inside January to June) form a year-to-date
    series; they are left to `ytd-decreasing` (KZC013), so one discrepancy gives one
    finding. A year-to-date figure against the whole year stays here.

    Why it matters
    --------------
    Trade, freight or investment accumulate over time: one quarter cannot hold more
    than the half-year it belongs to. When it seems to, one figure is wrong, comes
    from another source or definition, or one period was resolved wrongly ("last
    quarter" read against the wrong date).

    Example
    -------
    ```text
    A: In January-November 2023 mutual trade reached $4.6 billion.
    B: Trade turnover in 2023 came to $4.4 billion.
    ```
    Reported as an error:
    ```text
    trade_turnover: Jan–Nov 2023 $4.6 billion (A) exceeds 2023 $4.4 billion (B)
    ```
    "$620 million in the second quarter" against "$1.2 billion in the first half"
    is consistent and not reported, and so is "$1.25 billion in the second quarter"
    against "about $1.2 billion in the first half" (the hedge makes room for it).

    Known false positives
    ---------------------
    - Figures that can shrink over time within a period (a balance, a net flow) if
      they are recorded with positive values.
    - A preliminary figure for the whole period published before a revised, higher
      figure for a part of it.
    """
    if not _eligible(a, b):
        return []
    return [
        _finding(part, whole, ctx)
        for part, whole in ((a, b), (b, a))
        if part.period is not None
        and whole.period is not None
        and _strictly_inside(part.period, whole.period)
        and not _ytd_series_pair(part.period, whole.period)
        and _above(part.quantity, whole.quantity)
    ]


@rule(id="KZC013", name="ytd-decreasing", severity=Severity.ERROR, kind="pair")
def ytd_decreasing(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    """A year-to-date series goes down: a longer stretch of the year has a smaller total.

    What it checks
    --------------
    Pairs of flow claims with the same metric, `of`, `object`, entities, direction,
    modality, scope and unit whose periods both start on 1 January of the same year
    and end on different days before its last: January to March, January to June,
    January to September, January to November. (A year-to-date figure above the
    whole year is `partial-exceeds-whole`, KZC004.) The figure for the
    longer period must not be smaller; it is reported when every value its interval
    allows lies below every value the shorter period's interval allows, so
    rounding ("$3.3 billion" is anything from $3.25 billion to $3.35 billion) and
    hedges ("almost", "about") never trigger it.

    Only non-negative cumulative levels are compared (trade, exports, freight,
    counts of events), never growth rates, shares, multiples, ranks, changes or
    stocks (a count of enterprises on a date can fall).

    Why it matters
    --------------
    A year-to-date total only grows as months are added. A series that goes down
    means that one figure is wrong, that two sources with different coverage are
    mixed, or that a period was resolved to the wrong year ("in the first nine
    months" of an article about last year).

    Example
    -------
    ```text
    A (2024-10-18): Trade amounted to $3.3 billion in January-September 2024.
    B (2024-07-20): In the first half of 2024 mutual trade reached $3.5 billion.
    ```
    Reported as an error:
    ```text
    trade_turnover: YTD falls from H1 2024 $3.5 billion (B) to Jan–Sep 2024 $3.3 billion (A)
    ```
    "$2.1 billion in January-June" then "$3.3 billion in January-September" is
    consistent, and so is "$3.3 billion in January-September" against "about $3.4
    billion in January-June" (the hedge makes room for it).

    Known false positives
    ---------------------
    - Figures that can shrink within a year (a trade balance, a net flow) recorded
      with positive values.
    - Preliminary year-to-date figures from one source against revised or mirror
      statistics from another (Kazakh against Uzbek customs data).
    """
    if not _eligible(a, b):
        return []
    assert a.period is not None and b.period is not None
    if not _ytd_series_pair(a.period, b.period) or a.period.end == b.period.end:
        return []
    shorter, longer = (a, b) if a.period.end < b.period.end else (b, a)
    if not _above(shorter.quantity, longer.quantity):
        return []
    return [_ytd_finding(shorter, longer, ctx)]


def _year_to_date(p: Period) -> bool:
    """A period from 1 January to a day of the same year (the whole year included)."""
    return (p.start.month, p.start.day) == (1, 1) and p.end.year == p.start.year


def _ytd_series_pair(a: Period, b: Period) -> bool:
    """Two year-to-date periods of one year, neither of them the whole year."""
    return (
        _year_to_date(a)
        and _year_to_date(b)
        and a.start == b.start
        and (a.end.month, a.end.day) != (12, 31)
        and (b.end.month, b.end.day) != (12, 31)
    )


def _eligible(a: Claim, b: Claim) -> bool:
    """Two cumulative levels of the same thing (scope and unit too) over dated periods."""
    return (
        is_cumulative_flow(a)
        and is_cumulative_flow(b)
        and a.scope == b.scope
        and a.quantity.unit == b.quantity.unit
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


def _ytd_finding(shorter: Claim, longer: Claim, ctx: RuleContext) -> Finding:
    assert shorter.period is not None and longer.period is not None
    short_when, long_when = format_period(shorter.period), format_period(longer.period)
    message = (
        f"{fmt.subject(shorter)}: YTD falls"
        f" from {short_when} {format_quantity(shorter.quantity)} ({shorter.doc})"
        f" to {long_when} {format_quantity(longer.quantity)} ({longer.doc})"
    )
    gap = value_gap(shorter, longer)
    lines = [
        fmt.stated(shorter) + f" Period: {_dates(shorter.period)}.",
        fmt.stated(longer) + f" Period: {_dates(longer.period)}.",
        f"Both periods start on {shorter.period.start}; {long_when} adds"
        f" {longer.period.days - shorter.period.days} day(s) to {short_when}, so its"
        f" cumulative total cannot be smaller. Yet every value in"
        f" {format_interval(longer.quantity)} is below every value in"
        f" {format_interval(shorter.quantity)}.",
        f"Drop between the stated values: {format_amount(gap.absolute, gap.unit)}"
        f" ({format_ratio(gap.relative)} of the larger).",
    ]
    resolved = [
        c.doc
        for c in (shorter, longer)
        if c.period is not None and c.period.basis is not PeriodBasis.EXPLICIT
    ]
    if resolved:
        lines.append(
            f"The period of {' and '.join(dict.fromkeys(resolved))} was not stated"
            " explicitly but resolved; check the resolution first."
        )
    return ctx.finding(
        message, claims=(shorter.id, longer.id), explanation="\n".join(lines), gap=gap
    )


def _dates(p: Period | None) -> str:
    return f"{p.start}..{p.end}" if p is not None else "undated"
