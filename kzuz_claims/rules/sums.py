"""Parts and totals: figures that make up a stated total must fit inside it.

`TOTALS` says which metrics are parts of which: exports both ways make up the
bilateral turnover, the listed stages of a project portfolio make up the portfolio,
and a product category, agricultural trade or the bilateral turnover are parts of a
larger flow without making all of it. parts-vs-total (KZC014) checks the figures
against it; share-arithmetic (KZC016) uses it to know which whole a share can be of.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import product
from typing import Final

from kzuz_claims.model import Claim, Finding, MetricKind, Modality, Severity
from kzuz_claims.model.display import format_amount, format_period, format_quantity, format_ratio
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._arith import (
    Interval,
    in_report_order,
    is_level,
    same_dates,
    show_interval,
)
from kzuz_claims.rules._compare import as_of, gap
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule

__all__ = ["TOTALS", "Part", "Total", "part_of", "parts_vs_total"]

_MAX_COMBINATIONS: Final = 64
"""Cap on the ways to pick one figure per part in one document (repeats are rare)."""


@dataclass(frozen=True)
class Part:
    """Which claims count as one part of a total."""

    metric: str
    scope: str | None = None
    direction: str | None = None
    """Required direction (`KZ->UZ`); None accepts any direction, or none."""
    modalities: frozenset[Modality] | None = None
    """Modalities a part may have; None means the total's own modality."""

    def matches(self, c: Claim) -> bool:
        return (
            c.metric == self.metric
            and c.scope == self.scope
            and (self.direction is None or c.direction == self.direction)
        )


@dataclass(frozen=True)
class Total:
    """A total metric and the parts of it that an article may list."""

    metric: str
    parts: tuple[Part, ...]
    complete: bool
    """The parts add up to the whole total (exports + imports = turnover); when False,
    they are only some of what it holds and each must merely not exceed it."""
    scope: str | None = None
    same_document: bool = False
    """Parts count only beside the total in one article (a portfolio and its stages:
    another article may count another set of projects)."""
    itemised: bool = False
    """The article breaks the total down item by item (a portfolio stage by stage), so
    every distinct figure of its parts is added, even two under one stage ("14
    completed, 30 under way" read with one status word); otherwise one figure per
    part is taken at a time."""
    same_entities: bool = True
    """Parts and total name the same countries (a bilateral figure and its parts). When
    False, a part must name the total's countries and may name others: Uzbekistan's
    foreign trade holds its trade with Kazakhstan and with China, not Kazakhstan's
    trade with China."""

    def takes(self, c: Claim) -> bool:
        return c.metric == self.metric and c.scope == self.scope


_PORTFOLIO_MODALITIES: Final = frozenset({Modality.ACTUAL, Modality.PLAN})
"""A portfolio counts projects done, under way and planned; offers and proposals
("43 more projects also seem promising", modality potential) come on top of it."""

TOTALS: Final[tuple[Total, ...]] = (
    Total(
        "trade_turnover",
        (Part("exports_kz_to_uz"), Part("exports_uz_to_kz")),
        complete=True,
    ),
    *(
        Total(
            metric,
            tuple(
                Part(metric, scope=stage, modalities=_PORTFOLIO_MODALITIES)
                for stage in ("implemented", "under_implementation", "pipeline")
            ),
            complete=True,
            scope="portfolio",
            same_document=True,
            itemised=True,
        )
        for metric in ("joint_projects_count", "joint_projects_value")
    ),
    Total("exports_kz_to_uz", (Part("category_trade", direction="KZ->UZ"),), complete=False),
    Total("exports_uz_to_kz", (Part("category_trade", direction="UZ->KZ"),), complete=False),
    Total("trade_turnover", (Part("agri_trade_turnover"),), complete=False),
    Total("trade_turnover", (Part("category_trade"),), complete=False),
    *(
        Total(
            metric,
            (Part("trade_turnover"), Part("third_country_trade_turnover")),
            complete=False,
            same_entities=False,
        )
        for metric in ("uz_foreign_trade_turnover", "kz_foreign_trade_turnover")
    ),
)
"""Which metrics are parts of which, as news reports them."""


@rule(id="KZC014", name="parts-vs-total", severity=Severity.ERROR, kind="corpus")
def parts_vs_total(ctx: RuleContext) -> Iterable[Finding]:
    """Parts that exceed, or fail to add up to, the total they belong to.

    What it checks
    --------------
    Figures that are parts of a stated total, for the same period (flows: exactly
    the same days) or the same moment (stocks: as-of dates within
    `as_of_window_days`), with the same modality and unit:

    - Kazakh exports to Uzbekistan plus Uzbek exports to Kazakhstan against the
      bilateral trade turnover. Both directions from one article are added up with
      their rounding (the sum of the parts' intervals against the total's
      interval): a sum above the total is an error; a sum below it is a warning
      (info when the shortfall is under `thresholds.warning` of the total), since
      exports plus imports are the whole turnover.
    - The listed stages of a joint project portfolio (completed, under way, in the
      pipeline; counts and values), from the article that states the portfolio,
      against it. Every distinct stage figure of the article is added, even two
      under one status word. The sum may not exceed the portfolio; when all three
      stages are listed, it must also reach it. Offers and proposals (modality `potential`,
      "43 more projects seem promising") come on top of a portfolio and are not
      counted in it.
    - A single part against its total, from any article: exports of one
      direction or a product category above the turnover, a category above the
      exports of its direction, agricultural trade above the turnover, the
      bilateral turnover, or trade with a third country, above Uzbekistan's or
      Kazakhstan's total foreign trade (only for the country the figure names).
      Such parts are never required to add up: wheat is only part of Kazakh
      exports.

    A part from another article than the total is reported as a warning, a part
    of the same article as an error. Trade with third countries is never a part
    of the bilateral figures.

    Why it matters
    --------------
    A part cannot be larger than its whole, and exports plus imports are the
    turnover by definition. When an article's own parts do not add up, one of its
    figures is mistyped or taken from another period or source; when a figure from
    one source exceeds a total from another, at least one of them is wrong.

    Example
    -------
    ```text
    A (2025-02-07): mutual trade reached $4.4 billion following the results of 2024,
                    with Kazakh exports and imports at $2.9 billion and $1.9 billion.
    ```
    Reported as an error (the parts allow at least $4.7 billion, the total at most
    $4.45 billion):
    ```text
    trade_turnover 2024: KZ->UZ $2.9 billion + UZ->KZ $1.9 billion = $4.8 billion > $4.4 billion (A)
    ```
    "$2.9 billion and $1.5 billion" against "$4.4 billion" adds up and is not
    reported; neither are exports for January-June against a turnover for the
    year, nor "wheat exports of $1.1 billion" beside "exports of $2.9 billion".

    Known false positives
    ---------------------
    - Parts and total from different statistical sources (Kazakh against Uzbek
      customs data, which value the same goods differently).
    - A portfolio that the article counts differently from its stages (projects
      both completed and extended counted twice), or two figures for one stage
      that overlap ("14 completed this year", "30 completed in all").
    - A part the extractor gave the wrong metric or direction (imports read as
      exports of the other country are right; "supplies" read as a category may
      not be).
    """
    claims = [c for c in in_report_order(ctx.claims) if is_level(c)]
    by_metric: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_metric[c.metric].append(c)
    found: list[Finding] = []
    for total_spec in TOTALS:
        for total in by_metric.get(total_spec.metric, ()):
            if total_spec.takes(total):
                found.extend(_check_total(total_spec, total, by_metric, ctx))
    return found


def _check_total(
    spec: Total, total: Claim, by_metric: dict[str, list[Claim]], ctx: RuleContext
) -> Iterator[Finding]:
    parts = {
        part: [c for c in by_metric.get(part.metric, ()) if _fits(part, c, spec, total, ctx)]
        for part in spec.parts
    }
    local = {part: _distinct([c for c in cs if c.doc == total.doc]) for part, cs in parts.items()}
    figures = sum(len(cs) if spec.itemised else min(len(cs), 1) for cs in local.values())
    summed = len(spec.parts) > 1 and figures > 1
    if summed:
        yield from _check_sums(spec, total, local, ctx)
    for cs in parts.values():
        for c in cs:
            if summed and c.doc == total.doc:
                continue
            if Interval.of(c.quantity).above(Interval.of(total.quantity)):
                yield _part_exceeds(c, total, ctx)


def _fits(part: Part, c: Claim, spec: Total, total: Claim, ctx: RuleContext) -> bool:
    """Whether `c` is a part of this kind of `total`, at the same time."""
    if c.id == total.id or not part.matches(c) or c.quantity.unit != total.quantity.unit:
        return False
    if spec.same_document and c.doc != total.doc:
        return False
    allowed = part.modalities if part.modalities is not None else frozenset({total.modality})
    if c.modality not in allowed:
        return False
    if not _countries_fit(spec, c, total):
        return False
    if c.kind is MetricKind.STOCK or total.kind is MetricKind.STOCK:
        return _same_moment(c, total, ctx)
    return same_dates(c.period, total.period)


def _countries_fit(spec: Total, c: Claim, total: Claim) -> bool:
    if spec.same_entities:
        return set(c.entities) == set(total.entities)
    return set(total.entities) <= set(c.entities)


def part_of(part: Claim, whole: Claim) -> bool:
    """Whether `TOTALS` makes `part` (by metric, scope, direction, countries) a part of `whole`."""
    return any(
        spec.takes(whole)
        and _countries_fit(spec, part, whole)
        and any(p.matches(part) for p in spec.parts)
        for spec in TOTALS
    )


def _same_moment(c: Claim, total: Claim, ctx: RuleContext) -> bool:
    """Stocks: as-of dates within the window; an undated stock only beside its total."""
    da, db = as_of(c), as_of(total)
    if da is None or db is None:
        return c.doc == total.doc and da is None and db is None
    return abs((da - db).days) <= ctx.config.as_of_window_days


def _distinct(claims: Sequence[Claim]) -> list[Claim]:
    """One claim per stated value: a figure repeated in an article counts once."""
    seen: dict[Decimal, Claim] = {}
    for c in claims:
        seen.setdefault(c.quantity.value, c)
    return list(seen.values())


def _check_sums(
    spec: Total, total: Claim, local: dict[Part, list[Claim]], ctx: RuleContext
) -> Iterator[Finding]:
    present = [(part, cs) for part, cs in local.items() if cs]
    complete = spec.complete and len(present) == len(spec.parts)
    if spec.itemised:
        choices = [[(part, c) for part, cs in present for c in cs]]
    else:
        choices = [
            list(zip((part for part, _ in present), choice, strict=True))
            for choice in product(*(cs for _, cs in present))
        ][:_MAX_COMBINATIONS]
    whole = Interval.of(total.quantity)
    for listed in choices:
        summed = Interval(Decimal(0), Decimal(0))
        for _, c in listed:
            summed = summed + Interval.of(c.quantity)
        if summed.above(whole):
            yield _sum_finding(spec, total, listed, summed, ctx, exceeds=True)
        elif complete and summed.below(whole):
            yield _sum_finding(spec, total, listed, summed, ctx, exceeds=False)


def _label(c: Claim) -> str:
    """How a part is named in a sum: its stage, its direction, or its metric."""
    return c.scope or c.direction or c.metric


def _composition(spec: Total) -> str:
    whole = f"{spec.metric} ({spec.scope})" if spec.scope else spec.metric
    parts = " + ".join(f"{p.metric} ({p.scope})" if p.scope else p.metric for p in spec.parts)
    return f"{parts} = {whole}"


def _when(total: Claim) -> str:
    if total.kind is MetricKind.STOCK:
        when = as_of(total)
        return f"as of {when.isoformat()}" if when else "(undated)"
    return format_period(total.period)


def _sum_finding(
    spec: Total,
    total: Claim,
    listed: list[tuple[Part, Claim]],
    summed: Interval,
    ctx: RuleContext,
    *,
    exceeds: bool,
) -> Finding:
    unit = total.quantity.unit
    stated_sum = sum((c.quantity.value for _, c in listed), Decimal(0))
    terms = " + ".join(f"{_label(c)} {format_quantity(c.quantity)}" for _, c in listed)
    verb = ">" if exceeds else "<"
    message = (
        f"{fmt.subject(total)} {_when(total)}: {terms} = {format_amount(stated_sum, unit)}"
        f" {verb} {format_quantity(total.quantity)} ({total.doc})"
    )
    whole = Interval.of(total.quantity)
    distance = summed.distance(whole)
    measured = gap(stated_sum - total.quantity.value, total.quantity.value, unit)
    lines = [fmt.stated(c) + f" Part: {_label(c)}." for _, c in listed]
    lines.append(fmt.stated(total) + " Total.")
    if exceeds:
        lines.append(
            f"The parts allow {show_interval(summed, unit)} together, and even their lowest"
            f" sum is above the highest value the total allows: a part of a whole cannot"
            f" be larger than the whole. Beyond rounding by {format_amount(distance, unit)}."
        )
        severity = Severity.ERROR
    else:
        lines.append(
            f"The parts allow {show_interval(summed, unit)} together, and even their"
            f" highest sum is below the lowest value the total allows, although they are"
            f" all of it ({_composition(spec)}). Short by"
            f" {format_amount(distance, unit)} beyond rounding."
        )
        severity = (
            Severity.WARNING
            if measured.relative >= ctx.config.thresholds.warning
            else Severity.INFO
        )
    lines.append(
        f"Stated values: {format_amount(stated_sum, unit)} against"
        f" {format_quantity(total.quantity)}, a gap of"
        f" {format_amount(measured.absolute, unit)} ({format_ratio(measured.relative)}"
        " of the total)."
    )
    return ctx.finding(
        message,
        claims=(*(c.id for _, c in listed), total.id),
        explanation="\n".join(lines),
        gap=measured,
        severity=severity,
    )


def _part_exceeds(c: Claim, total: Claim, ctx: RuleContext) -> Finding:
    unit = total.quantity.unit
    message = (
        f"{fmt.subject(total)} {_when(total)}: part {fmt.subject(c)}"
        f" {format_quantity(c.quantity)} ({c.doc}) exceeds the total"
        f" {format_quantity(total.quantity)} ({total.doc})"
    )
    measured = gap(c.quantity.value - total.quantity.value, total.quantity.value, unit)
    distance = Interval.of(c.quantity).distance(Interval.of(total.quantity))
    same_doc = c.doc == total.doc
    lines = [
        fmt.stated(c) + f" Part: {_label(c)}.",
        fmt.stated(total) + " Total.",
        f"{c.metric} is a part of {total.metric}, so it cannot be larger; yet its lowest"
        f" value is above the total's highest by {format_amount(distance, unit)}.",
        f"Stated values differ by {format_amount(measured.absolute, unit)}"
        f" ({format_ratio(measured.relative)} of the total).",
    ]
    if not same_doc:
        lines.append(
            "The two figures come from different articles; check whether they use the"
            " same statistical source."
        )
    return ctx.finding(
        message,
        claims=(c.id, total.id),
        explanation="\n".join(lines),
        gap=measured,
        severity=Severity.ERROR if same_doc else Severity.WARNING,
    )
