"""Stale figures: an older figure presented as current after a newer one was published."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from itertools import combinations

from kzuz_claims.model import Claim, Evidence, Finding, MetricKind, Severity
from kzuz_claims.model.display import format_period, format_quantity
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._compare import (
    Cause,
    Series,
    Stale,
    as_of,
    claim_key,
    classify,
    stale,
    supersedes,
    value_gap,
)
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule


@rule(id="KZC010", name="stale-figure", severity=Severity.WARNING, kind="group")
def stale_figure(claims: Sequence[Claim], ctx: RuleContext) -> Iterable[Finding]:
    """An older figure is presented as current after a newer one had been published.

    What it checks
    --------------
    Claims of one block (same metric, `of`, `object`, entities, direction, modality
    `actual`) with the same scope and unit, from articles whose publication dates
    are known. A claim is stale when a newer figure of the same series had been
    published before its article, and its article presents it as current:

    - flows: its period is superseded by the newer claim's (the same kind and
      length, later: 2022 against 2023, Jan–Jun 2023 against Jan–Jun 2024; or a
      longer year-to-date of the same year), and its period is worded as the latest
      one ("last year", "this year", "so far this year") or its sentence calls it
      the latest ("latest", "most recent", "now", "currently", "to date");
    - stocks: its as-of date is more than `as_of_window_days` before the newer
      one's, the two figures differ, and its sentence calls it current; or it has
      no as-of date of its own (it stands as of its article) and equals an older
      figure of a third article, which it repeats.

    A flow figure that no word presents as current, but that is the latest figure
    of its series its article gives, published at least 30 days after the newer
    figure, is reported as info: a release in mid-2024 that gives 2022 trade as
    its only trade figure is probably out of date, but it may be history. A figure
    whose own article also gives a figure for a later period of the same series is
    never stale. One finding per
    stale claim, against the newest figure published before it. The finding's cause
    is `stale-figure`; no other value rule reports the pair.

    Why it matters
    --------------
    Reprinted speeches, evergreen background paragraphs and copied fact boxes keep
    quoting last year's figure as if it were the latest after the statistics office
    has moved on. A reader takes "trade reached $5 billion last year" as the current
    state of affairs; the article should give the newer figure or date the old one.

    Example
    -------
    ```text
    A (2024-03-17): In 2023, trade turnover amounted to $4.5 billion.
    B (2024-04-02): According to the latest data, trade turnover reached
                    $5 billion in 2022.
    ```
    Reported as a warning:
    ```text
    trade_turnover: 2022 figure $5 billion (B, 2024-04-02) presented as current
      after 2023 $4.5 billion (A, 2024-03-17) — stale figure
    ```
    Not reported: "In 2022 trade was $5 billion; last year it reached $4.5 billion"
    in B (B itself gives the newer figure), or B published before A. "In 2022,
    trade was $5 billion" without "latest" in a B published two months after A,
    and with no later figure, is reported as info.

    Known false positives
    ---------------------
    - An article that deliberately discusses the older period ("the latest data
      for 2022 show ...", in a piece about that year).
    - A stock that really went back to an earlier value: the repeat is then correct.
    - Publication dates that are wrong or inferred from the text.
    """
    series = Series(claims, ctx)
    chosen: dict[str, Stale] = {}
    for a, b in combinations(series.claims, 2):
        if classify(a, b, ctx, series) is not Cause.STALE_FIGURE:
            continue
        found = stale(a, b, ctx, series)
        if found is None or _knows_newer(found.old, series.claims):
            continue
        best = chosen.get(found.old.id)
        if best is None or _rank(found, ctx) < _rank(best, ctx):
            chosen[found.old.id] = found
    return [_finding(s, ctx) for s in sorted(chosen.values(), key=lambda s: claim_key(s.old))]


def _ordinal(when: date | None) -> int:
    """Days since year 1, for sorting; 0 for an unknown date."""
    return when.toordinal() if when is not None else 0


def _knows_newer(old: Claim, block: Sequence[Claim]) -> bool:
    """Whether `old`'s own article gives a later figure of the same series.

    Flows: a figure for a period that supersedes `old`'s (2023 for a 2022 figure);
    a figure for another length (January–November 2023) does not make a 2022 figure
    current. Stocks: a figure with a later as-of date.
    """
    end = as_of(old)
    for c in block:
        if (
            c.doc != old.doc
            or c.id == old.id
            or c.scope != old.scope
            or c.quantity.unit != old.quantity.unit
            or c.kind is not old.kind
        ):
            continue
        if old.kind is MetricKind.STOCK:
            when = as_of(c)
            if when is not None and end is not None and when > end:
                return True
        elif c.period is not None and old.period is not None and supersedes(c.period, old.period):
            return True
    return False


def _rank(s: Stale, ctx: RuleContext) -> tuple[int, int, tuple[str, int, str]]:
    """Which newer figure a stale claim is reported against: the newest period first,
    then the earliest published, then report order."""
    return (-_ordinal(as_of(s.new)), _ordinal(ctx.published(s.new.doc)), claim_key(s.new))


def _where(c: Claim, ctx: RuleContext) -> str:
    published = ctx.published(c.doc)
    return f"{c.doc}, published {published.isoformat() if published else 'undated'}"


def _label(c: Claim) -> str:
    """`2022 figure $5 billion` for a flow, `$5 billion as of 2024-01-01` for a stock."""
    if c.kind is MetricKind.STOCK:
        when = as_of(c)
        return f"{format_quantity(c.quantity)} as of {when.isoformat() if when else 'unknown'}"
    return f"{format_period(c.period)} figure {format_quantity(c.quantity)}"


def _finding(s: Stale, ctx: RuleContext) -> Finding:
    old, new = s.old, s.new
    message = (
        f"{fmt.subject(old)}: {_label(old)} ({_where(old, ctx)}) presented as current"
        f" after {_label(new)} ({_where(new, ctx)}) \u2014 stale figure"
    )
    lines = [fmt.stated(old), fmt.stated(new)]
    claims = [old.id, new.id]
    if s.source is not None:
        claims.append(s.source.id)
        lines.append(fmt.stated(s.source))
        lines.append(
            f"{old.doc} gives {format_quantity(old.quantity)} as current, but"
            f" {s.how}; the figure equals {_label(s.source)} in {s.source.doc}, older"
            f" than {_label(new)}, which {new.doc} had already published."
        )
    elif old.kind is MetricKind.STOCK:
        lines.append(
            f"{old.doc} presents {_label(old)} as current ({s.how}), but {new.doc} had"
            f" already published {_label(new)}, more than"
            f" {ctx.config.as_of_window_days} days later."
        )
    else:
        lines.append(
            f"{old.doc} presents the {format_period(old.period)} figure as the latest"
            f" one ({s.how}), but {new.doc} had already published the figure for"
            f" {format_period(new.period)}, a later period of the same series; the"
            f" {format_period(old.period)} figure is out of date."
        )
    lines.append("Give the newer figure, or date the older one so that it reads as history.")
    evidence: tuple[Evidence, ...] = ()
    if s.cue is not None:
        evidence = (Evidence(doc=old.doc, start=s.cue.start, end=s.cue.end, quote=s.cue.text),)
    return ctx.finding(
        message,
        claims=claims,
        explanation="\n".join(lines),
        evidence=evidence,
        gap=value_gap(old, new),
        cause=Cause.STALE_FIGURE.value,
        severity=Severity.INFO if s.implicit else None,
    )
