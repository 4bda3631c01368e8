"""In-sentence arithmetic: changes, shares and multiples recomputed from the figures.

The way statcheck recomputes a p-value from the test statistic it is reported with,
these rules recompute what an article derives ("up 16.4% to $426.8 million from
$366.5 million", "$1.5 billion (7.7%)", "nearly doubled since 2017") from the levels
it derives them from, with the rounding of every figure, and report the ones that
cannot be true.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import combinations
from typing import Final

from kzuz_claims.model import Claim, Finding, Modality, Period, PeriodKind, Severity
from kzuz_claims.model.display import format_period, format_quantity, format_ratio
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._arith import (
    Interval,
    earlier,
    identity,
    in_report_order,
    is_level,
    rate_factor,
    same_dates,
    show_amount,
    show_interval,
    show_percent,
    show_percent_interval,
    show_times,
    show_times_interval,
    signed_rate,
    widened_exact,
)
from kzuz_claims.rules._compare import gap, graded, same_sentence
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule
from kzuz_claims.rules.sums import TOTALS, part_of

__all__ = ["change_arithmetic", "multiple_arithmetic", "share_arithmetic"]

_HUNDRED: Final = Decimal(100)
_ONE: Final = Decimal(1)
_BETWEEN_SHARE_AND_WHOLE: Final = frozenset({"of", "of the"})
"""What stands between a share and its whole in "7.6% of Uzbekistan's trade, $43.3 bn"."""
_BEFORE_BRACKETED_SHARE: Final = "("
"""What stands between a part and its share in "$1.5bn (7.7%)"."""


@dataclass(frozen=True)
class _Corpus:
    """The claims of a run, indexed the ways the arithmetic rules look them up."""

    claims: tuple[Claim, ...]
    by_sentence: dict[tuple[str, int], list[Claim]]
    by_metric: dict[str, list[Claim]]
    by_doc: dict[str, list[Claim]]

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> _Corpus:
        ordered = in_report_order(claims)
        by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        by_metric: dict[str, list[Claim]] = defaultdict(list)
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in ordered:
            by_sentence[(c.doc, c.span.sentence_start)].append(c)
            by_metric[c.metric].append(c)
            by_doc[c.doc].append(c)
        return cls(tuple(ordered), by_sentence, by_metric, by_doc)

    def sentence(self, c: Claim) -> list[Claim]:
        return self.by_sentence.get((c.doc, c.span.sentence_start), [])

    def levels_in_sentence(self, c: Claim, metric: str) -> list[Claim]:
        """Dated levels of `metric` stated in the sentence of `c`."""
        return [
            x
            for x in self.sentence(c)
            if x.metric == metric and is_level(x) and x.period is not None
        ]

    def same_thing(self, like: Claim, period: Period) -> list[Claim]:
        """Actual figures of what `like` measures (whatever its own modality), for `period`."""
        key = _without_modality(like)
        return [
            c
            for c in self.by_metric.get(like.metric, ())
            if c.modality is Modality.ACTUAL
            and is_level(c)
            and same_dates(c.period, period)
            and _without_modality(c) == key
        ]


def _without_modality(c: Claim) -> tuple[object, ...]:
    """`identity` without the modality: a forecast and an actual figure of one thing."""
    metric, of, obj, entities, direction, _, scope, unit = identity(c)
    return (metric, of, obj, entities, direction, scope, unit)


# --- KZC015 ------------------------------------------------------------------------


@rule(id="KZC015", name="change-arithmetic", severity=Severity.WARNING, kind="corpus")
def change_arithmetic(ctx: RuleContext) -> Iterable[Finding]:
    """A percentage change that its own figures, or the figures for its base period, contradict.

    What it checks
    --------------
    Growth rates (metric `growth_rate` in percent, with `of` naming the metric that
    changed) recomputed from levels of that metric, with the rounding of every
    figure: "12.2%" is anything from 12.15% to 12.25%, "$1.21 billion" anything from
    $1.205 billion to $1.215 billion, and a rate is reported only when no combination
    of values the figures allow gives it.

    - Both ends in the sentence ("rose by 16.4% to $426.8 million from $366.5
      million"): the level for the rate's period and the level for its base period
      (the rate's `compared_to`, or an earlier period when none is given) are
      divided, and the stated rate must lie in the resulting interval. A rate that
      even has the wrong sign is an error, any other mismatch a warning. When the
      sentence gives both levels one period and names no base, the rate must fit
      one way round.
    - One end in the sentence ("fell by 32% compared to 2013, amounting to $1.4
      billion"; "grew by 25% in 2024 to $3.1 billion", where a rate that names no
      base is read as year on year): the other end is implied, level / (1 + rate)
      for the base period, level x (1 + rate) for the current one. The implied base is compared with
      every actual figure of the same metric, countries, direction and scope for the
      base period, from any article; the implied current level with the article's
      own figures for that period. Severity follows how far the figure lies outside
      the implied interval, relative to the figure: error from `thresholds.error`,
      warning from `thresholds.warning`, info below.

    Changes in percentage points, multiples (`multiple-arithmetic`, KZC017) and
    rates without a base period are not checked here.

    Why it matters
    --------------
    A rate and the two figures it links are often copied from different places, or
    recomputed by hand; one of the three is then mistyped. A rate applied to a base
    figure that other sources give differently means that the base was revised or
    that the rate is for another period or source.

    Example
    -------
    ```text
    A (2025-04-18): Trade over the quarter rose by 14.2 percent to $1.21 billion
                    from $1,078.4 million in January-March 2024.
    ```
    Reported as a warning: $1.21 billion / $1,078.4 million - 1 lies in [11.73%,
    12.67%], which does not reach 14.15%.
    ```text
    trade_turnover Q1 2025: up 14.2%, but $1.21 billion / $1.0784 billion - 1 = 12.2% (A)
    ```
    "Rose by 12.2 percent to $1.21 billion from $1,078.4 million" is consistent,
    and so is "fell by 32% to $1.4 billion" beside a base figure of "$2.1 billion"
    (the implied base is $1.971 billion to $2.148 billion).

    Known false positives
    ---------------------
    - A rate computed from unrounded figures and stated with more digits than the
      rounded levels support is never reported; but a rate computed by the source
      from figures revised since (the base year updated, the rate not) is.
    - A base figure from another statistical source (mirror statistics) for the
      cross-article check.
    - A level that the extractor attached to the wrong metric or period.
    """
    corpus = _Corpus.of(ctx.claims)
    found: list[Finding] = []
    for g in corpus.claims:
        if g.metric != "growth_rate" or g.quantity.unit != "percent" or not g.of:
            continue
        if g.period is None or (g.compared_to is not None and not earlier(g.compared_to, g.period)):
            continue
        found.extend(_check_change(g, corpus, ctx))
    return found


def _check_change(g: Claim, corpus: _Corpus, ctx: RuleContext) -> Iterator[Finding]:
    assert g.period is not None
    levels = corpus.levels_in_sentence(g, g.of or "")
    current = [c for c in levels if same_dates(c.period, g.period)]
    base = [c for c in levels if _is_base(c, g)]
    rate = signed_rate(g)
    pairs = [(c, b) for c in current for b in base if identity(c) == identity(b)]
    if pairs:
        for cur, old in pairs:
            yield from _check_both_ends(g, rate, cur, old, ctx)
        return
    if not base and g.compared_to is None:
        unordered = [(x, y) for x, y in combinations(current, 2) if identity(x) == identity(y)]
        for x, y in unordered:
            yield from _check_either_way(g, rate, x, y, ctx)
        if unordered:
            return
    factor = rate_factor(rate)
    if factor is None:
        return
    base_period = g.compared_to or _year_before(g.period)
    if current and base_period is not None:
        for cur in current:
            implied = Interval.of(cur.quantity).over(factor)
            if implied is None:
                continue
            for other in corpus.same_thing(cur, base_period):
                if other.id != cur.id and not same_sentence(other, g):
                    yield from _check_implied(g, cur, other, implied, ctx, base_side=True)
    elif base:
        for old in base:
            implied = Interval.of(old.quantity).times(factor)
            if implied is None:
                continue
            for other in corpus.same_thing(old, g.period):
                if other.doc == g.doc and not same_sentence(other, g):
                    yield from _check_implied(g, old, other, implied, ctx, base_side=False)


def _year_before(p: Period) -> Period | None:
    """The same stretch of the previous year, the base a rate that names none is read
    against ("grew by 25% in 2024"): for a year, or months within one year."""
    if p.start.year != p.end.year or p.start.day != 1:
        return None
    try:
        start = p.start.replace(year=p.start.year - 1)
        end = p.end.replace(year=p.end.year - 1)
    except ValueError:  # 29 February
        end = date(p.end.year - 1, 2, 28)
    return p.model_copy(update={"start": start, "end": end})


def _is_base(c: Claim, g: Claim) -> bool:
    """A level for the base period of rate `g`: its `compared_to`, or an earlier period."""
    assert c.period is not None and g.period is not None
    if g.compared_to is not None:
        return same_dates(c.period, g.compared_to)
    return c.period.end < g.period.start


def _check_either_way(
    g: Claim, rate: Interval, x: Claim, y: Claim, ctx: RuleContext
) -> Iterator[Finding]:
    """Both ends with one period and no base ("went up 16.4% to $426.8 million from
    $366.5 million" in a sentence dated as a whole): the rate must fit one way round."""
    for cur, old in ((x, y), (y, x)):
        ratio = Interval.of(cur.quantity).over(Interval.of(old.quantity))
        if ratio is None or ratio.shifted(-_ONE).scaled(_HUNDRED).overlaps(rate):
            return
    larger, smaller = (x, y) if x.quantity.value >= y.quantity.value else (y, x)
    cur, old = (smaller, larger) if rate.below(_ZERO_POINT) else (larger, smaller)
    note = (
        f"The sentence gives both figures the period {format_period(cur.period)} and no base"
        f" period, so the rate is read as running from {_amount(old)} to {_amount(cur)};"
        " it fits neither way round."
    )
    yield from _check_both_ends(g, rate, cur, old, ctx, note=note)


def _check_both_ends(
    g: Claim, rate: Interval, cur: Claim, old: Claim, ctx: RuleContext, *, note: str = ""
) -> Iterator[Finding]:
    ratio = Interval.of(cur.quantity).over(Interval.of(old.quantity))
    if ratio is None:
        return
    computed = ratio.shifted(-_ONE).scaled(_HUNDRED)
    if computed.overlaps(rate):
        return
    central = (cur.quantity.value / old.quantity.value - _ONE) * _HUNDRED
    unit = cur.quantity.unit
    message = (
        f"{fmt.subject(cur)} {format_period(g.period)}: {_rate_words(g)},"
        f" but {_amount(cur)} / {_amount(old)} - 1 = {show_percent(central)} ({g.doc})"
    )
    wrong_sign = (rate.above(_ZERO_POINT) and computed.below(_ZERO_POINT)) or (
        rate.below(_ZERO_POINT) and computed.above(_ZERO_POINT)
    )
    lines = [
        fmt.stated(g) + f" Read as {show_percent_interval(rate)}.",
        fmt.stated(cur) + f" Period: {format_period(cur.period)}.",
        fmt.stated(old) + f" Period: {format_period(old.period)} (the base).",
        "Recomputed with the rounding of both levels:"
        f" {show_interval(Interval.of(cur.quantity), unit)}"
        f" / {show_interval(Interval.of(old.quantity), unit)} - 1 ="
        f" {show_percent_interval(computed)}, which the stated rate does not reach.",
    ]
    if note:
        lines.append(note)
    if wrong_sign:
        lines.append("The stated change even goes the other way than the two levels.")
    distance = computed.distance(rate)
    yield ctx.finding(
        message,
        claims=(g.id, cur.id, old.id),
        explanation="\n".join(lines),
        gap=gap(distance, g.quantity.value, "percentage_point"),
        severity=Severity.ERROR if wrong_sign else None,
    )


_ZERO_POINT: Final = Interval.point(Decimal(0))


def _check_implied(
    g: Claim,
    stated: Claim,
    other: Claim,
    implied: Interval,
    ctx: RuleContext,
    *,
    base_side: bool,
) -> Iterator[Finding]:
    figure = Interval.of(other.quantity)
    if figure.overlaps(implied):
        return
    unit = stated.quantity.unit
    other_period = other.period
    distance = figure.distance(implied)
    measured = gap(distance, other.quantity.value, unit)
    how = "/" if base_side else "x"
    message = (
        f"{fmt.subject(stated)} {format_period(other_period)}:"
        f" {format_quantity(other.quantity)} ({other.doc}) vs {show_interval(implied, unit)}"
        f" implied by {_rate_words(g)} {'to' if base_side else 'from'} {_amount(stated)}"
        f" in {format_period(stated.period)} ({g.doc})"
    )
    lines = [
        fmt.stated(g) + f" Read as {show_percent_interval(signed_rate(g))}.",
        fmt.stated(stated) + f" Period: {format_period(stated.period)}.",
        f"Implied figure for {format_period(other_period)}:"
        f" {show_interval(Interval.of(stated.quantity), unit)} {how} (1 + rate) ="
        f" {show_interval(implied, unit)}.",
        fmt.stated(other) + f" Period: {format_period(other_period)}.",
        f"The figure lies {show_amount(distance, unit)} outside the implied interval"
        f" ({format_ratio(measured.relative)} of the figure).",
    ]
    if other.doc != g.doc:
        lines.append(
            "The figures come from different articles; the base may have been revised or"
            " come from another statistical source."
        )
    severity = graded(measured, ctx)
    yield ctx.finding(
        message,
        claims=(g.id, stated.id, other.id),
        explanation="\n".join(lines),
        gap=measured,
        severity=severity,
    )


def _rate_words(g: Claim) -> str:
    rate = abs(g.quantity.value)
    down = g.change == "down" or g.quantity.value < 0
    return f"{'down' if down else 'up'} {show_percent(rate).replace('.00%', '%')}"


def _amount(c: Claim) -> str:
    return format_quantity(c.quantity, with_qualifier=False)


# --- KZC016 ------------------------------------------------------------------------


@rule(id="KZC016", name="share-arithmetic", severity=Severity.WARNING, kind="corpus")
def share_arithmetic(ctx: RuleContext) -> Iterable[Finding]:
    """A share that does not match its part divided by its whole.

    What it checks
    --------------
    `share` claims (in percent) against the part and the whole they relate, with
    the rounding of all three figures:

    - "$31.5bn (22.5%)": the part is the figure just before the bracket; the whole
      is the total the share is `of`, stated in the same article for the same
      period (Kazakhstan's foreign trade of $139.8 billion).
    - "Kazakhstan accounted for 7.6% of Uzbekistan's total foreign trade, which
      reached $43.3 billion": the whole is the figure right after "of"; the part
      is the bilateral trade turnover for the same period, from the same article
      when it states one, otherwise from any article.

    Part and whole must be related as `kzuz_claims.rules.sums.TOTALS` says (the
    bilateral turnover or a third country's trade inside a country's foreign
    trade, exports inside the turnover, ...), so a share is never divided by an
    unrelated figure of the same sentence. The share is reported when it lies
    outside part / whole for every value the figures allow; "a third" is read as
    rounded at its last digit (33.33%, so 33.325% to 33.335%).

    Why it matters
    --------------
    Shares are computed by the writer or copied from a table; a share copied from
    another period or computed against another total does not fit the figures next
    to it, and a reader who checks the division stops trusting the rest.

    Example
    -------
    ```text
    A (2024-02-16): Kazakhstan's foreign trade turnover amounted to $139.8 billion in
                    2023 ... while Uzbekistan - $4.3bn (4.1%) - ranked fifth.
    ```
    Reported as a warning ($4.3 billion / $139.8 billion is 3.04% to 3.11%):
    ```text
    kz_foreign_trade_turnover 2023: share 4.1%, but $4.3 billion / $139.8 billion = 3.08% (A)
    ```
    "$4.3bn (3.1%)" is consistent and not reported, and neither is a third
    country's "$31.5bn (22.5%)" of the same total.

    Known false positives
    ---------------------
    - A share computed from unrounded figures whose rounded forms are stated with
      very few digits is never reported, but one computed from figures revised
      since is.
    - A share of a total that the article does not state, while it states another
      total of the same metric for the same period (exports against turnover).
    - A part from another article (the bilateral turnover) that comes from another
      statistical source than the share.
    """
    corpus = _Corpus.of(ctx.claims)
    found: list[Finding] = []
    for s in corpus.claims:
        if s.metric == "share" and s.quantity.unit == "percent" and s.period is not None:
            finding = _check_share(s, corpus, ctx)
            if finding is not None:
                found.append(finding)
    return found


def _check_share(s: Claim, corpus: _Corpus, ctx: RuleContext) -> Finding | None:
    sentence = corpus.sentence(s)
    part = _bracketed_part(s, sentence, ctx)
    whole = _whole_after_of(s, sentence, ctx) or _whole_named(s, corpus)
    if part is not None and (whole is None or not part_of(part, whole)):
        whole = _whole_of_part(s, part, corpus)
    if whole is None:
        return None
    candidates = [part] if part is not None else _subject_parts(s, whole, corpus)
    if not candidates:
        return None
    stated = widened_exact(s.quantity)
    best: tuple[Decimal, Claim, Interval] | None = None
    for candidate in candidates:
        ratio = Interval.of(candidate.quantity).over(Interval.of(whole.quantity))
        if ratio is None:
            continue
        computed = ratio.scaled(_HUNDRED)
        distance = computed.distance(stated)
        if distance == 0:
            return None
        if best is None or distance < best[0]:
            best = (distance, candidate, computed)
    if best is None:
        return None
    distance, chosen, computed = best
    return _share_finding(s, chosen, whole, stated, computed, distance, ctx)


def _text_between(ctx: RuleContext, doc: str, start: int, end: int) -> str | None:
    document = ctx.documents.get(doc)
    if document is None or not 0 <= start <= end <= len(document.text):
        return None
    return " ".join(document.text[start:end].split()).lower()


def _bracketed_part(s: Claim, sentence: Sequence[Claim], ctx: RuleContext) -> Claim | None:
    """The figure right before "(7.7%)", if the share is bracketed after one."""
    before = [c for c in sentence if c.span.end <= s.span.start and is_level(c)]
    if not before:
        return None
    nearest = max(before, key=lambda c: (c.span.end, c.span.start, c.id))
    between = _text_between(ctx, s.doc, nearest.span.end, s.span.start)
    if between is None:
        between = "(" if s.span.start - nearest.span.end in (1, 2) else ""
    return nearest if between == _BEFORE_BRACKETED_SHARE else None


def _whole_after_of(s: Claim, sentence: Sequence[Claim], ctx: RuleContext) -> Claim | None:
    """The figure whose quote starts right after "7.6% of"."""
    after = [
        c
        for c in sentence
        if c.span.start >= s.span.end and is_level(c) and same_dates(c.period, s.period)
    ]
    if not after:
        return None
    nearest = min(after, key=lambda c: (c.span.start, c.span.end, c.id))
    between = _text_between(ctx, s.doc, s.span.end, nearest.span.start)
    if between is None:
        return None
    return nearest if between in _BETWEEN_SHARE_AND_WHOLE else None


def _whole_named(s: Claim, corpus: _Corpus) -> Claim | None:
    """The total the share is `of`, stated in the same article for the same period:
    the last one before the share, or the first one after it."""
    if not s.of:
        return None
    wholes = [
        c
        for c in corpus.by_metric.get(s.of, ())
        if c.doc == s.doc
        and is_level(c)
        and same_dates(c.period, s.period)
        and c.modality is s.modality
    ]
    if not wholes:
        return None
    earlier = [c for c in wholes if c.span.start <= s.span.start]
    return earlier[-1] if earlier else wholes[0]


def _whole_of_part(s: Claim, part: Claim, corpus: _Corpus) -> Claim | None:
    """The one kind of total in the article, for the share's period, that `part` is a
    part of ("Uzbekistan - $4.3bn (3.1%)" in a list of Kazakhstan's partners)."""
    wholes = [
        c
        for c in corpus.by_doc.get(s.doc, ())
        if is_level(c)
        and c.modality is s.modality
        and same_dates(c.period, s.period)
        and part_of(part, c)
    ]
    if len({c.metric for c in wholes}) != 1:
        return None
    earlier = [c for c in wholes if c.span.start <= s.span.start]
    return earlier[-1] if earlier else wholes[0]


def _subject_parts(s: Claim, whole: Claim, corpus: _Corpus) -> list[Claim]:
    """The bilateral figures a share of a national total is about ("Kazakhstan accounted
    for 7.6% of Uzbekistan's foreign trade"): same period, same countries as the share."""
    candidates = [
        c
        for metric in _subject_metrics(whole)
        for c in corpus.by_metric.get(metric, ())
        if is_level(c)
        and c.modality is s.modality
        and same_dates(c.period, s.period)
        and set(c.entities) == set(s.entities)
        and c.quantity.unit == whole.quantity.unit
        and part_of(c, whole)
    ]
    local = [c for c in candidates if c.doc == s.doc]
    return local or candidates


def _subject_metrics(whole: Claim) -> tuple[str, ...]:
    """Metrics whose figures, with a share's countries, are the subject of the share."""
    return tuple(
        dict.fromkeys(
            p.metric
            for spec in TOTALS
            if spec.takes(whole) and not spec.same_entities
            for p in spec.parts
        )
    )


def _share_finding(
    s: Claim,
    part: Claim,
    whole: Claim,
    stated: Interval,
    computed: Interval,
    distance: Decimal,
    ctx: RuleContext,
) -> Finding:
    unit = whole.quantity.unit
    central = part.quantity.value / whole.quantity.value * _HUNDRED
    message = (
        f"{fmt.subject(whole)} {format_period(s.period)}: share"
        f" {format_quantity(s.quantity)}, but {_amount(part)} / {_amount(whole)}"
        f" = {show_percent(central)} ({s.doc})"
    )
    lines = [
        fmt.stated(s) + f" Read as {show_percent_interval(stated)}.",
        fmt.stated(part) + " The part.",
        fmt.stated(whole) + " The whole.",
        f"Recomputed with the rounding of both: {show_interval(Interval.of(part.quantity), unit)}"
        f" / {show_interval(Interval.of(whole.quantity), unit)} ="
        f" {show_percent_interval(computed)}, which the stated share misses by"
        f" {format_ratio(distance / _HUNDRED)} (percentage points).",
    ]
    if part.doc != s.doc:
        lines.append(
            f"The part comes from {part.doc}, the only figure found for the period;"
            " it may come from another statistical source."
        )
    return ctx.finding(
        message,
        claims=(s.id, part.id, whole.id),
        explanation="\n".join(lines),
        gap=gap(distance, s.quantity.value, "percentage_point"),
    )


# --- KZC017 ------------------------------------------------------------------------


@rule(id="KZC017", name="multiple-arithmetic", severity=Severity.WARNING, kind="corpus")
def multiple_arithmetic(ctx: RuleContext) -> Iterable[Finding]:
    """ "Nearly doubled" or "grew 2.5 times" where the figures give another multiple.

    What it checks
    --------------
    `growth_multiple` claims of actual figures ("grew 1.6 times since 2018", "more
    than doubled", "nearly doubled", "tripled compared with 2021", "six times
    fewer") against the ratio of the end-period figure to the base-period figure
    of the metric they are `of`:

    - the base period is the claim's `compared_to`, or the first year of a span
      ("since 2017" in a period 2017-2023);
    - the end figure is the level stated in the same sentence for the claim's
      period ("... and reached $4.4 billion last year"), or else the article's
      own figures of that metric for the claim's period (the last year of a span),
      or else any article's, bounded figures before open ones ("topped $4.7
      billion" allows any multiple above its floor);
    - the base figures are every actual figure of the same metric, countries,
      direction and scope for the base period, from any article.

    The ratio is computed with the rounding of both figures, and the multiple is
    read with its hedge: "nearly doubled" is 1.8 to 2 (the `almost` tolerance),
    "more than doubled" anything above 2, "grew 2.5 times" 2.45 to 2.55, and a bare
    "doubled" or "tripled" about 2 or 3 (the `approx` tolerance). A base figure is
    reported when no end figure gives a ratio the multiple allows. Stocks (counts
    on a date) are not checked.

    Why it matters
    --------------
    "Doubled" is the figure readers remember. When the series says 1.5 times, or
    more than double where the text says "nearly", the text overstates or
    understates the change, or uses another base year than it names.

    Example
    -------
    ```text
    A (2024-11-19): Our trade rose from $2.1 billion in 2017 to $4.4 billion in 2023.
    B (2024-10-22): over the past seven years, trade turnover has nearly doubled,
                    reaching $4.4 billion last year.                   (2016-2023)
    C (2019-02-01): In 2016 mutual trade amounted to $2.0 billion.
    ```
    Reported as a warning for B against C: $4.4 billion / $2.0 billion is 2.12 to
    2.28 times, above the 1.8 to 2 that "nearly doubled" allows.
    ```text
    trade_turnover 2016 to 2023: almost 2 times, but $4.4 billion / $2 billion (C) = 2.2 times (B)
    ```
    A's "more than double" (2.02 to 2.17 times) is consistent and not reported.

    Known false positives
    ---------------------
    - A base figure from another statistical source than the end figure.
    - A span whose base year the extractor resolved one year off ("over the past
      seven years" counted from the base year or from the year after it).
    """
    corpus = _Corpus.of(ctx.claims)
    tolerances = ctx.config.tolerances
    found: list[Finding] = []
    for m in corpus.claims:
        if m.metric != "growth_multiple" or m.quantity.unit != "times" or not m.of:
            continue
        if m.modality is not Modality.ACTUAL or m.period is None:
            continue
        stated = widened_exact(m.quantity, tolerances.approx)
        found.extend(_check_multiple(m, stated, corpus, ctx))
    return found


def _check_multiple(
    m: Claim, stated: Interval, corpus: _Corpus, ctx: RuleContext
) -> Iterator[Finding]:
    periods = _multiple_periods(m)
    if periods is None:
        return
    base_period, end_period = periods
    in_sentence = [
        c
        for c in corpus.levels_in_sentence(m, m.of or "")
        if c.period is not None and c.period.end == end_period.end
    ]
    in_corpus = _ends_in_corpus(m, end_period, corpus)
    # bounded figures ("$4.8 billion") before open ones ("topped $4.7 billion"), which
    # would allow any multiple above their floor
    in_corpus = [c for c in in_corpus if c.quantity.high is not None] or in_corpus
    # the article's own figure for the end period before anyone else's
    ends = in_sentence or [c for c in in_corpus if c.doc == m.doc] or in_corpus
    if not ends:
        return
    seen: set[str] = set()
    for like in ends:
        assert like.period is not None
        for base in corpus.same_thing(like, base_period):
            if base.id in seen:
                continue
            seen.add(base.id)
            matching = [e for e in ends if _without_modality(e) == _without_modality(base)]
            finding = _check_base(m, stated, base, matching, ctx)
            if finding is not None:
                yield finding


def _multiple_periods(m: Claim) -> tuple[Period, Period] | None:
    """(base period, end period) of a multiple; None when they cannot be told."""
    assert m.period is not None
    if m.compared_to is not None:
        base = earlier(m.compared_to, m.period)
        return (base, m.period) if base is not None else None
    start, end = m.period.start, m.period.end
    if (start.month, start.day) != (1, 1) or start.year >= end.year:
        return None
    first = Period(start=start, end=date(start.year, 12, 31), kind=PeriodKind.YEAR)
    if (end.month, end.day) == (12, 31):
        return first, Period(start=date(end.year, 1, 1), end=end, kind=PeriodKind.YEAR)
    return first, Period(start=date(end.year, 1, 1), end=end, kind=PeriodKind.YEAR_TO_DATE)


def _ends_in_corpus(m: Claim, end_period: Period, corpus: _Corpus) -> list[Claim]:
    """Figures of the metric a multiple is `of`, for its end period, when the sentence
    states none; only a plain metric (no `of`, `object` or scope) can be looked up so."""
    return [
        c
        for c in corpus.by_metric.get(m.of or "", ())
        if c.modality is Modality.ACTUAL
        and is_level(c)
        and same_dates(c.period, end_period)
        and not (c.of or c.object or c.scope)
        and set(c.entities) == set(m.entities)
    ]


def _ratio(m: Claim, end: Claim, base: Claim) -> Interval | None:
    high, low = (base, end) if m.change == "down" else (end, base)
    return Interval.of(high.quantity).over(Interval.of(low.quantity))


def _check_base(
    m: Claim, stated: Interval, base: Claim, ends: Sequence[Claim], ctx: RuleContext
) -> Finding | None:
    best: tuple[Decimal, Claim, Interval] | None = None
    for end in ends:
        if end.id == base.id:
            continue
        ratio = _ratio(m, end, base)
        if ratio is None:
            continue
        distance = ratio.distance(stated)
        if distance == 0:
            return None
        if best is None or distance < best[0]:
            best = (distance, end, ratio)
    if best is None:
        return None
    distance, end, ratio = best
    high, low = (base, end) if m.change == "down" else (end, base)
    central = high.quantity.value / low.quantity.value
    tagged = {
        c.id: f"{_amount(c)} ({c.doc})" if c is base and c.doc != m.doc else _amount(c)
        for c in (high, low)
    }
    division = f"{tagged[high.id]} / {tagged[low.id]}"
    span = f"{format_period(base.period)} to {format_period(end.period)}"
    message = (
        f"{fmt.subject(end)} {span}: {format_quantity(m.quantity)},"
        f" but {division} = {show_times(central)} ({m.doc})"
    )
    unit = end.quantity.unit
    lines = [
        fmt.stated(m) + f" Read as {show_times_interval(stated)}.",
        fmt.stated(end) + f" End: {format_period(end.period)}.",
        fmt.stated(base) + f" Base: {format_period(base.period)}.",
        f"Recomputed with the rounding of both: {show_interval(Interval.of(high.quantity), unit)}"
        f" / {show_interval(Interval.of(low.quantity), unit)} = {show_times_interval(ratio)},"
        f" which misses the stated multiple by {show_times(distance)}.",
    ]
    if base.doc != m.doc:
        lines.append(
            f"The base figure comes from {base.doc}; it may come from another statistical"
            " source or have been revised."
        )
    return ctx.finding(
        message,
        claims=(m.id, end.id, base.id),
        explanation="\n".join(lines),
        gap=gap(distance, m.quantity.value, "times"),
    )
