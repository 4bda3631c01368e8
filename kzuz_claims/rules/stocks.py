"""Stocks over time: a cumulative count that falls implausibly between two as-of dates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kzuz_claims.model import Claim, Finding, Gap, MetricKind, Modality, Severity
from kzuz_claims.model.display import format_amount, format_quantity, format_ratio
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._compare import (
    Series,
    as_of,
    claim_key,
    classify,
    comparable,
    relative_gap,
    stock_series,
)
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule


@dataclass(frozen=True)
class _Fall:
    earlier: Claim
    later: Claim
    high: Decimal
    """The smallest value the earlier figure allows (its low bound)."""
    low: Decimal
    """The largest value the later figure allows (its high bound)."""
    share: Decimal
    days: int
    """Days between the two as-of dates."""


@rule(id="KZC011", name="count-shrinks", severity=Severity.WARNING, kind="group")
def count_shrinks(claims: Sequence[Claim], ctx: RuleContext) -> Iterable[Finding]:
    """A cumulative stock count falls implausibly between two as-of dates.

    What it checks
    --------------
    Counts that are stocks and only grow as things are added (enterprises with
    Kazakh or Uzbek capital, joint ventures, projects in a portfolio: the metrics
    listed in `stocks.cumulative`), stated as actual figures with an as-of date.
    For claims of one block with the same scope, a later count is compared with the
    earlier ones whose as-of dates are more than `as_of_window_days` before it
    (closer pairs are compared as conflicts by count-conflict, KZC002, so a stock
    outside the window is never a conflict, only possibly a fall). It is reported
    when it falls below the earlier count by more than `stocks.shrink` (10% by
    default) of it, measured between the bounds the figures assert: "about 3,950" is
    at least 3,555 at the default `approx` tolerance, and "more than 1,100" has no
    upper bound, so it cannot fall. One finding per later count, against the
    earlier count it falls furthest from.

    Not checked: counts of a flow (projects launched in a year, joint ventures
    created in a period: metrics of kind flow); counts of what one event produced
    (scopes in `stocks.event_scopes`, agreed and launched, or a count right after
    "the launch of", "signed"); a part of another figure ("21 of them", "27 more");
    counts whose status words differ (registered, operating or active, or none
    stated); claims that differ in scope; undated stocks; and pairs that are a stale
    figure (KZC010).

    Why it matters
    --------------
    A stock of enterprises or of joint projects does not halve in a year without
    news of closures. A fall is usually a change of definition (registered versus
    operating enterprises, the whole portfolio versus projects under way), a
    different source, or a typo, and an article that reports the lower figure
    without comment misleads about the trend.

    Example
    -------
    ```text
    A (2024-07-15): As of July 1, 1,131 enterprises with Kazakh capital operated in
                    Uzbekistan.
    B (2025-01-20): Uzbekistan is home to 870 enterprises with Kazakh capital.
    ```
    Reported as a warning:
    ```text
    enterprises_kz_capital_in_uz: 1,131 as of 2024-07-01 (A) falls to 870 as of
      2025-01-20 (B) — 23.1% fewer, more than the 10% a cumulative stock may fall
    ```
    Not reported: 1,131 followed by 1,050 (a 7.2% fall); 1,131 as of July 1 and
    1,000 as of August 1 (inside the as-of window: a count conflict); 75 projects in
    the portfolio followed by 21 implemented (scopes differ); "about 3,950 firms"
    followed by "2,512 operating legal entities" (registered against operating);
    or 12 projects launched at one forum and 5 at the next (an event count).

    Known false positives
    ---------------------
    - A real fall: enterprises deregistered in a clean-up of the register, or a
      portfolio reduced when completed projects leave it.
    - A part of the portfolio that the extractor gave the portfolio's scope (a
      count of projects under way read without its status words).
    """
    settings = ctx.config.stocks
    series = Series(claims, ctx)
    stocks = sorted(
        (
            c
            for c in series.claims
            if c.kind is MetricKind.STOCK
            and c.quantity.unit == "count"
            and c.modality is Modality.ACTUAL
            and as_of(c) is not None
            and settings.is_cumulative(c.metric, c.scope)
        ),
        key=claim_key,
    )
    out: list[Finding] = []
    for later in stocks:
        falls = [
            fall
            for earlier in stocks
            if (fall := _fall(earlier, later, series, ctx)) is not None
            and fall.share > settings.shrink
        ]
        if falls:
            worst = min(falls, key=lambda f: (-f.share, claim_key(f.earlier)))
            out.append(_finding(worst, ctx))
    return out


def _fall(earlier: Claim, later: Claim, series: Series, ctx: RuleContext) -> _Fall | None:
    """How far `later` falls below `earlier`, or None when the pair is not a fall to check."""
    d_early, d_late = as_of(earlier), as_of(later)
    if d_early is None or d_late is None or d_early >= d_late or earlier.scope != later.scope:
        return None
    high, low = earlier.quantity.low, later.quantity.high
    if high is None or low is None or high <= 0 or low >= high:
        return None
    if comparable(earlier, later, ctx) or not stock_series(earlier, later, ctx, series):
        return None
    if classify(earlier, later, ctx, series) is not None:
        return None
    share = relative_gap(high - low, high)
    return _Fall(earlier, later, high, low, share, (d_late - d_early).days)


def _finding(fall: _Fall, ctx: RuleContext) -> Finding:
    earlier, later = fall.earlier, fall.later
    allowed = ctx.config.stocks.shrink
    message = (
        f"{fmt.subject(earlier)}: {format_quantity(earlier.quantity)} as of {as_of(earlier)}"
        f" ({earlier.doc}) falls to {format_quantity(later.quantity)} as of {as_of(later)}"
        f" ({later.doc}) \u2014 {format_ratio(fall.share)} fewer, more than the"
        f" {format_ratio(allowed)} a cumulative stock may fall"
    )
    drop = fall.high - fall.low
    scope = f" in scope {earlier.scope!r}" if earlier.scope else ""
    lines = [
        fmt.stated(earlier),
        fmt.stated(later),
        f"The as-of dates {as_of(earlier)} and {as_of(later)} are"
        f" {fall.days} day(s) apart, more than the"
        f" {ctx.config.as_of_window_days}-day window of a count conflict.",
        f"Taking the bounds the figures assert{scope}, the earlier count is at least"
        f" {format_amount(fall.high, 'count')} and the later at most"
        f" {format_amount(fall.low, 'count')}: {format_amount(fall.high, 'count')} -"
        f" {format_amount(fall.low, 'count')} = {format_amount(drop, 'count')};"
        f" {format_amount(drop, 'count')} / {format_amount(fall.high, 'count')} ="
        f" {format_ratio(fall.share)} of the earlier count, above"
        f" `stocks.shrink` ({format_ratio(allowed)}).",
        "A cumulative stock rarely falls this much: check whether the sources count the"
        " same thing (registered or operating, the whole portfolio or a part).",
    ]
    return ctx.finding(
        message,
        claims=(earlier.id, later.id),
        explanation="\n".join(lines),
        gap=Gap(absolute=drop, relative=fall.share, unit="count"),
    )
