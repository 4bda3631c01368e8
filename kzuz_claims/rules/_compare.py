"""What the value-conflict rules share: when two claims speak of the same time, the
measured gap, grading, and the one classifier that names why two figures disagree.

`classify` decides, for a pair of claims of one block, the single cause of their
disagreement, and each cause is reported by exactly one rule, so no pair is reported
twice:

| cause | rule |
|---|---|
| `outside-rounding` | value-conflict (KZC001), count-conflict (KZC002) for counts |
| `hedge-incompatible` | value-conflict (KZC001), count-conflict (KZC002) for counts |
| `scale-slip` | scale-slip (KZC008) |
| `unit-mismatch` | unit-mismatch (KZC009) |
| `stale-figure` | stale-figure (KZC010) |
| `scope-difference` | scope-conflict (KZC003) |

Figures that speak of the same time (flows with equal periods, stocks with as-of dates
within `as_of_window_days`) are tested in this order: a different unit
(`unit-mismatch`, unless the text gives a conversion), overlapping intervals (no
cause: they agree), equal after a factor of 1,000 (`scale-slip`), different scopes
(`scope-difference`), intervals that overlap once a bounding hedge word ("over",
"up to", "almost") is dropped (`hedge-incompatible`), and otherwise
`outside-rounding`. Figures for different times
can only be a `stale-figure`: an older figure presented as current in an article
published after a newer figure of the same series. Targets are left to
target-mismatch (KZC005).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Final

from kzuz_claims.config import Thresholds
from kzuz_claims.model import (
    Claim,
    Finding,
    Gap,
    MetricKind,
    Modality,
    Period,
    PeriodBasis,
    PeriodKind,
    Qualifier,
    Quantity,
    Severity,
)
from kzuz_claims.model.display import (
    format_interval,
    format_period,
    format_quantity,
    format_ratio,
    is_currency,
)
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._cues import (
    Cue,
    current_cue,
    has_conversion_words,
    latest_period_words,
    mates,
    part_or_event,
    status,
)
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


_OF_FORMS: Final = frozenset({"growth_rate", "growth_multiple", "share", "change_abs"})
"""Claim forms that are a change or share of another metric, named in `of`."""


def identified(c: Claim) -> bool:
    """Whether the claim says what it measures well enough to be compared: not an
    `unclassified:` figure, and a change or share `of` a named metric ("grew by 37.5%"
    of some product's trade, `of` = `category_trade` alone, is not)."""
    if c.metric.startswith("unclassified:"):
        return False
    if c.metric in _OF_FORMS:
        return (
            bool(c.of)
            and not (c.of or "").startswith("unclassified:")
            and (c.of != "category_trade")
        )
    return True


def comparable(a: Claim, b: Claim, ctx: RuleContext, *, allow_undated: bool = False) -> bool:
    """Whether two claims speak of the same time: equal periods, or as-of dates in the window.

    `allow_undated` lets a stock without an as-of date match any other stock; the
    finding must then say that the date is unknown. Claims that do not say what they
    measure (`identified`) are never comparable.

    A stock that is no cumulative series (`stocks.cumulative` in the configuration)
    describes one project, facility or event: the jobs a plant creates, a project's
    cost, the agreements signed at one forum. Two such figures from different
    articles are compared only when both name their object; "650 jobs" in one
    article and "about 300 jobs" in another are about different projects. (A
    cumulative stock against one such figure is still compared: "12 projects
    launched" against "12 projects under way" may count one set.)
    """
    if not (identified(a) and identified(b)):
        return False
    if is_flow(a, b):
        return same_period(a, b)
    if a.doc != b.doc and (a.object is None or b.object is None):
        stocks = ctx.config.stocks
        if not (stocks.is_cumulative(a.metric, a.scope) or stocks.is_cumulative(b.metric, b.scope)):
            return False
    apart = as_of_days_apart(a, b)
    if apart is None:
        return allow_undated
    return apart <= ctx.config.as_of_window_days


def relative_gap(distance: Decimal, reference: Decimal) -> Decimal:
    """`distance` as a fraction of `reference` (0 when the reference is 0)."""
    if reference == 0:
        return Decimal(0)
    return (abs(distance) / abs(reference)).quantize(_RELATIVE_STEP)


def gap(distance: Decimal, reference: Decimal, unit: str) -> Gap:
    """A measured gap: `distance` (whole when it is whole) and its share of `reference`."""
    absolute = abs(distance)
    if absolute == absolute.to_integral_value():
        absolute = absolute.quantize(Decimal(1))
    return Gap(absolute=absolute, relative=relative_gap(distance, reference), unit=unit)


def value_gap(a: Claim, b: Claim) -> Gap:
    """Difference of the stated values, absolute and relative to the larger magnitude."""
    larger = max(abs(a.quantity.value), abs(b.quantity.value))
    return gap(a.quantity.value - b.quantity.value, larger, a.quantity.unit)


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


class Cause(StrEnum):
    """Why two figures of one block disagree; each cause has exactly one rule."""

    OUTSIDE_ROUNDING = "outside-rounding"
    HEDGE_INCOMPATIBLE = "hedge-incompatible"
    SCALE_SLIP = "scale-slip"
    UNIT_MISMATCH = "unit-mismatch"
    STALE_FIGURE = "stale-figure"
    SCOPE_DIFFERENCE = "scope-difference"

    @property
    def words(self) -> str:
        """The cause as it reads in a message: `outside rounding`, `scale slip`."""
        return self.value.replace("-", " ")


SCALE_FACTOR: Final = Decimal(1000)
"""The factor of a thousand/million/billion slip."""


def classify(a: Claim, b: Claim, ctx: RuleContext, series: Series | None = None) -> Cause | None:
    """The single cause of the disagreement of `a` and `b`, or None when they agree.

    `series` is the block the pair belongs to, indexed; with it, a stock dated only by
    its article's publication that repeats an older figure of another article is a
    `stale-figure` too (see `stale`). Symmetric: `classify(a, b)` is `classify(b, a)`.
    """
    if Modality.TARGET in (a.modality, b.modality):
        return None
    if comparable(a, b, ctx):
        return _same_time_cause(a, b, ctx)
    if a.scope != b.scope and comparable(a, b, ctx, allow_undated=True):
        return Cause.SCOPE_DIFFERENCE if conflicting(a, b) else None
    if stale(a, b, ctx, series) is not None:
        return Cause.STALE_FIGURE
    return None


def _same_time_cause(a: Claim, b: Claim, ctx: RuleContext) -> Cause | None:
    if a.quantity.unit != b.quantity.unit:
        if (
            a.scope == b.scope
            and a.doc != b.doc
            and needs_conversion(a.quantity.unit, b.quantity.unit)
            and not converted(a, b, ctx)
        ):
            return Cause.UNIT_MISMATCH
        return None
    if a.quantity.overlaps(b.quantity):
        return None
    if scale_slip(a, b) is not None:
        return Cause.SCALE_SLIP
    if a.scope != b.scope:
        return Cause.SCOPE_DIFFERENCE
    bounded = any(c.quantity.qualifier in BOUND_QUALIFIERS for c in (a, b))
    if bounded and rounding_interval(a.quantity).overlaps(rounding_interval(b.quantity)):
        return Cause.HEDGE_INCOMPATIBLE
    return Cause.OUTSIDE_ROUNDING


BOUND_QUALIFIERS: Final = frozenset(
    {
        Qualifier.MORE_THAN,
        Qualifier.AT_LEAST,
        Qualifier.LESS_THAN,
        Qualifier.AT_MOST,
        Qualifier.ALMOST,
    }
)
"""Hedges that put a figure on one side of the stated value ("over", "up to",
"almost"). "About" only widens the figure by a tolerance: a figure outside it is
outside rounding, not excluded by the word."""


def rounding_interval(q: Quantity) -> Quantity:
    """The interval a figure asserts by its digits alone, without its hedge word.

    "over $5 billion" is [$4.5 billion, $5.5 billion) by its digits; an unhedged
    figure (a range included) keeps the interval it states.
    """
    if q.qualifier is None:
        return q
    if q.precision is None:
        return Quantity.exact(q.value, q.unit)
    half = q.precision / 2
    return Quantity(
        value=q.value,
        unit=q.unit,
        low=q.value - half,
        high=q.value + half,
        high_closed=False,
        precision=q.precision,
    )


def scaled(q: Quantity, factor: Decimal) -> Quantity:
    """`q` with its value, bounds and precision multiplied by `factor`."""
    return q.model_copy(
        update={
            "value": q.value * factor,
            "low": None if q.low is None else q.low * factor,
            "high": None if q.high is None else q.high * factor,
            "precision": None if q.precision is None else q.precision * factor,
        }
    )


def scale_slip(a: Claim, b: Claim) -> tuple[Claim, Claim] | None:
    """(small, large) when the figures agree once the smaller is multiplied by 1,000.

    Judged on the intervals the digits assert (`rounding_interval`), so that "more
    than 1,000" is not "equal" to any figure above a million. Only figures that add
    up (money, counts, tonnes) can slip a scale word; percentages cannot.
    """
    if a.quantity.unit != b.quantity.unit or not fmt.is_additive(a.quantity.unit):
        return None
    small, large = (a, b) if abs(a.quantity.value) <= abs(b.quantity.value) else (b, a)
    if small.quantity.value == 0:
        return None
    ratio = abs(large.quantity.value / small.quantity.value)
    if not (SCALE_FACTOR / 10 <= ratio <= SCALE_FACTOR * 10):
        return None  # too far from a factor of 1,000 for any rounding to bridge
    up = scaled(rounding_interval(small.quantity), SCALE_FACTOR)
    return (small, large) if up.overlaps(rounding_interval(large.quantity)) else None


def needs_conversion(ua: str, ub: str) -> bool:
    """Whether figures in units `ua` and `ub` could be one amount once converted.

    Only two different currencies: the extractor writes every physical amount in one
    base unit per dimension (tonnes, cubic metres, kilowatt-hours), so two different
    physical units of one metric measure different things (a plant's output in
    tonnes and its power in megawatts), as do money and a volume.
    """
    return ua != ub and is_currency(ua) and is_currency(ub)


def converted(a: Claim, b: Claim, ctx: RuleContext) -> bool:
    """Whether the text converts between the two units for either claim.

    A conversion is given when the two claims stand in one sentence ("KZT 45bn (about
    $100mn)") or are linked, or when the sentence of either claim holds a figure in the
    other's unit or speaks of an exchange rate. Rates are never invented here.
    """
    if a.id in b.linked or b.id in a.linked:
        return True
    if same_sentence(a, b):
        return True
    for c, other_unit in ((a, b.quantity.unit), (b, a.quantity.unit)):
        if has_conversion_words(c, ctx):
            return True
        if any(m.quantity.unit == other_unit for m in mates(c, ctx) if m.id != c.id):
            return True
    return False


@dataclass(frozen=True)
class Stale:
    """An older figure presented as current after a newer one of its series was out."""

    old: Claim
    """The older figure, in the later article."""
    new: Claim
    """The newer figure, published before `old`'s article."""
    how: str
    """What presents `old` as current: its period wording, a word such as "latest",
    or its lack of a date."""
    source: Claim | None = None
    """For a stock dated only by its article: the earlier figure it repeats."""
    cue: Cue | None = None
    """The word of `old`'s sentence that calls it current, when that is what does."""
    implicit: bool = False
    """Nothing but its being the article's latest figure of the series presents `old`
    as current (reported as info)."""


def stale(a: Claim, b: Claim, ctx: RuleContext, series: Series | None = None) -> Stale | None:
    """The stale figure of the pair, if one of them is (see the module docstring).

    Flows: the older claim's period is superseded by the newer one's (the same kind
    and length, later; or a longer year-to-date of the same year), its article was
    published after the newer claim's, and the older claim is presented as current:
    its period is worded as the latest one ("last year", "this year") or its
    sentence calls it the latest ("latest", "now", "currently"). Stocks of one
    cumulative series (`stock_series`): the older as-of date is more than
    `as_of_window_days` before the newer one, the older claim's article was
    published after the newer claim's, the two figures differ, and the older claim
    is called current in its sentence, or (with `series`) it has no date of its own
    and repeats an older figure of another article (`repeated_stock`).
    """
    if (
        a.quantity.unit != b.quantity.unit
        or a.scope != b.scope
        or a.modality is not Modality.ACTUAL
        or b.modality is not Modality.ACTUAL
    ):
        return None
    for old, new in ((a, b), (b, a)):
        p_old, p_new = ctx.published(old.doc), ctx.published(new.doc)
        if p_old is None or p_new is None or p_old <= p_new:
            continue
        if is_flow(old, new):
            found = _stale_flow(old, new, ctx)
        else:
            found = _stale_stock(old, new, ctx, series)
        if found is not None:
            return found
    return None


def _stale_flow(old: Claim, new: Claim, ctx: RuleContext) -> Stale | None:
    if old.period is None or new.period is None or not supersedes(new.period, old.period):
        return None
    wording = latest_period_words(old)
    if wording is not None:
        return Stale(old, new, f'its period is worded "{wording}"')
    cue = current_cue(old, ctx)
    if cue is not None:
        return Stale(old, new, f'its sentence says "{cue.text}"', cue=cue)
    p_old, p_new = ctx.published(old.doc), ctx.published(new.doc)
    if p_old is not None and p_new is not None and (p_old - p_new).days >= _IMPLICIT_DAYS:
        # "According to the ministry, trade reached $4.6 billion in 2022" in mid-2024,
        # with no later figure in the article (the rule checks that)
        return Stale(
            old, new, "it is the latest figure of the series its article gives", implicit=True
        )
    return None


_IMPLICIT_DAYS = 30
"""How long after the newer figure an article must be published for its older figure,
given without any word that presents it as current, to count as stale (info)."""


def _stale_stock(old: Claim, new: Claim, ctx: RuleContext, series: Series | None) -> Stale | None:
    d_old, d_new = as_of(old), as_of(new)
    if d_old is None or d_new is None or old.quantity.overlaps(new.quantity):
        return None
    if comparable(old, new, ctx) or not stock_series(old, new, ctx, series):
        return None
    if d_old < d_new:
        cue = current_cue(old, ctx)
        return Stale(old, new, f'its sentence says "{cue.text}"', cue=cue) if cue else None
    return repeated_stock(old, new, ctx, series) if series is not None else None


def repeated_stock(old: Claim, new: Claim, ctx: RuleContext, series: Series) -> Stale | None:
    """A stock dated only by its article that repeats a figure older than `new`.

    `old` has no as-of date of its own (it is dated by its article's publication,
    after `new`'s was published), it differs from `new` and is not compared with it
    (more than `as_of_window_days` apart), and it equals a figure of a third article
    of the series, published by then, whose as-of date is before `new`'s.
    """
    p_old, d_new = ctx.published(old.doc), as_of(new)
    if p_old is None or d_new is None or d_new >= p_old or not dated_by_publication(old, ctx):
        return None
    for source in series.before(old, d_new):
        p_src = ctx.published(source.doc)
        if (
            source.doc not in (old.doc, new.doc)
            and p_src is not None
            and p_src <= p_old
            and source.quantity.overlaps(old.quantity)
            and stock_series(source, old, ctx, series)
        ):
            how = f"it has no as-of date of its own, so it stands as of its article ({p_old})"
            return Stale(old, new, how, source)
    return None


def stock_series(a: Claim, b: Claim, ctx: RuleContext, series: Series | None = None) -> bool:
    """Whether two stocks belong to one series that can be followed over time.

    Both are of a cumulative metric (`stocks.cumulative`, outside `stocks.event_scopes`),
    in the same scope, count enterprises of the same status (registered or operating),
    and neither is a part of another figure or the yield of one event ("21 of them",
    "the launch of seven projects").
    """
    if a.scope != b.scope:
        return False
    if series is not None:
        return series.followable(a) and series.followable(b) and status(a) == status(b)
    return _followable(a, ctx) and _followable(b, ctx) and status(a) == status(b)


def _followable(c: Claim, ctx: RuleContext) -> bool:
    return ctx.config.stocks.is_cumulative(c.metric, c.scope) and part_or_event(c, ctx) is None


class Series:
    """A block of claims, indexed for the checks that follow a stock over time.

    Built once per block by the group rules (stale-figure, count-shrinks), so that a
    pair's check does not scan the block again: stocks are kept by scope and unit in
    as-of order, and what a claim's sentence says about it is read once.
    """

    def __init__(self, claims: Sequence[Claim], ctx: RuleContext) -> None:
        self.claims: tuple[Claim, ...] = tuple(sorted(claims, key=claim_key))
        self._ctx = ctx
        self._followable: dict[str, bool] = {}
        stocks: dict[tuple[str | None, str], list[tuple[date, Claim]]] = {}
        for c in self.claims:
            when = as_of(c)
            if c.kind is MetricKind.STOCK and when is not None:
                stocks.setdefault((c.scope, c.quantity.unit), []).append((when, c))
        self._stocks = {
            key: sorted(items, key=lambda item: (-item[0].toordinal(), claim_key(item[1])))
            for key, items in stocks.items()
        }

    def followable(self, c: Claim) -> bool:
        """Whether `c` is a stock of a cumulative series that stands for itself."""
        known = self._followable.get(c.id)
        if known is None:
            known = self._followable[c.id] = _followable(c, self._ctx)
        return known

    def before(self, like: Claim, when: date) -> Iterator[Claim]:
        """Stocks of `like`'s scope and unit dated before `when`, the latest first."""
        for as_of_date, c in self._stocks.get((like.scope, like.quantity.unit), ()):
            if as_of_date < when:
                yield c


def dated_by_publication(c: Claim, ctx: RuleContext) -> bool:
    """Whether a stock's as-of date is only its article's publication date."""
    return (
        c.period is not None
        and c.period.basis is PeriodBasis.RELATIVE
        and c.period.start == c.period.end == ctx.published(c.doc)
    )


_SERIES_KINDS: Final = frozenset(
    {
        PeriodKind.YEAR,
        PeriodKind.HALF,
        PeriodKind.QUARTER,
        PeriodKind.MONTH,
        PeriodKind.YEAR_TO_DATE,
    }
)


def whole_months(p: Period) -> int | None:
    """How many calendar months `p` covers, or None when it does not cover whole months."""
    last_day = calendar.monthrange(p.end.year, p.end.month)[1]
    if p.start.day != 1 or p.end.day != last_day:
        return None
    return (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1


def supersedes(new: Period, old: Period) -> bool:
    """Whether `new` is a later period of the same series as `old`.

    The same kind and length, wholly after `old` (the year 2023 after 2022, Jan–Jun
    2024 after Jan–Jun 2023); or a longer year-to-date of the same year (Jan–Sep 2024
    after Jan–Jun 2024).
    """
    if new.kind is not old.kind or new.kind not in _SERIES_KINDS:
        return False
    n_months, o_months = whole_months(new), whole_months(old)
    if n_months is None or o_months is None:
        return False
    if new.kind is PeriodKind.YEAR_TO_DATE and new.start == old.start:
        return n_months > o_months
    return same_series_earlier(old, new)


def same_series_earlier(old: Period, new: Period) -> bool:
    """Whether `old` is an earlier period of the same kind and length as `new`.

    The year 2022 before 2023, Jan–Jun 2023 before Jan–Jun 2024, Q4 2023 before Q1
    2024; not Jan–Nov 2023 before 2024, nor a range of days.
    """
    if new.kind is not old.kind or new.kind not in _SERIES_KINDS:
        return False
    n_months, o_months = whole_months(new), whole_months(old)
    return n_months is not None and n_months == o_months and old.end < new.start


def claim_key(c: Claim) -> tuple[str, int, str]:
    """Report order of claims (document, position, id), for deterministic choices."""
    return (c.doc, c.span.start, c.id)


def hedge_word(q: Quantity) -> str:
    """The hedge word of a figure as a message writes it ("more than"); empty if none."""
    if q.qualifier is None:
        return ""
    full, bare = format_quantity(q), format_quantity(q, with_qualifier=False)
    return full.removesuffix(bare).strip()


def conflict_finding(cause: Cause, a: Claim, b: Claim, ctx: RuleContext) -> Finding:
    """The finding of value-conflict or count-conflict: outside rounding or hedge-incompatible."""
    gap = value_gap(a, b)
    flow = is_flow(a, b)
    when = timing(a, b)
    head = f"{fmt.subject(a)} {when}".rstrip()
    message = f"{head}: {side(a, flow, bool(when))} vs {side(b, flow, bool(when))}"
    scope = f" in scope {a.scope!r}" if a.scope else ""
    t = ctx.config.thresholds
    lines = [fmt.stated(a), fmt.stated(b), timing_note(a, b, ctx)]
    if cause is Cause.HEDGE_INCOMPATIBLE:
        hedged, other = _hedged_side(a, b)
        word = hedge_word(hedged.quantity)
        message += (
            f" \u2014 hedge-incompatible: {word!r} in"
            f" {format_quantity(hedged.quantity)} excludes"
            f" {format_quantity(other.quantity)}"
        )
        lines.append(
            f"Read without its hedge word, {format_quantity(hedged.quantity)} would be"
            f" {format_interval(rounding_interval(hedged.quantity))}, which holds"
            f" {format_quantity(other.quantity)}; but {word!r} makes it"
            f" {format_interval(hedged.quantity)}, which does not{scope}. The hedge word"
            " contradicts the other figure."
        )
    else:
        message += " \u2014 outside rounding"
        lines.append(
            f"The intervals do not overlap{scope}, so rounding and hedges cannot explain"
            " the difference."
        )
    lines.append(
        f"Gap: {fmt.arithmetic(a.quantity, b.quantity, gap)}"
        f" (warning from {format_ratio(t.warning)}, error from {format_ratio(t.error)})."
    )
    severity = graded(gap, ctx)
    if same_sentence(a, b):
        severity = Severity.INFO
        lines.append(
            f"Both figures stand in one sentence of {a.doc}: such a sentence usually lists"
            " different things (partners, exports and imports) that were read as one"
            " metric, or names its two sources itself, so this is reported as info."
        )
    return ctx.finding(
        message,
        claims=(a.id, b.id),
        explanation="\n".join(lines),
        gap=gap,
        severity=severity,
        cause=cause.value,
    )


def same_sentence(a: Claim, b: Claim) -> bool:
    """Whether two claims stand in one sentence of one document."""
    return (
        a.doc == b.doc
        and a.span.sentence_start == b.span.sentence_start
        and a.span.sentence_end == b.span.sentence_end
    )


def _hedged_side(a: Claim, b: Claim) -> tuple[Claim, Claim]:
    """(hedged, other): the claim whose hedge word excludes the other figure.

    When both are hedged, the one whose hedge interval differs from its digits'
    interval in the direction of the other figure; ties go to report order.
    """
    candidates = []
    for hedged, other in ((a, b), (b, a)):
        if hedged.quantity.qualifier not in BOUND_QUALIFIERS:
            continue
        digits = rounding_interval(hedged.quantity)
        if digits.overlaps(other.quantity) or digits.overlaps(rounding_interval(other.quantity)):
            candidates.append((claim_key(hedged), hedged, other))
    if not candidates:
        first, second = sorted((a, b), key=claim_key)
        return (first, second) if first.quantity.qualifier in BOUND_QUALIFIERS else (second, first)
    _, hedged, other = min(candidates, key=lambda t: t[0])
    return hedged, other
