"""Cross-source value conflicts: the same figure reported differently, with its cause.

`kzuz_claims.rules._compare.classify` names the cause of each disagreeing pair; this
module reports three of them: figures apart beyond rounding or hedges (value-conflict),
a thousand/million/billion slip (scale-slip), and different currencies or units
without a conversion (unit-mismatch).
"""

from __future__ import annotations

from collections.abc import Iterable

from kzuz_claims.model import Claim, Finding, Severity
from kzuz_claims.model.display import format_amount, format_interval, format_quantity
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._compare import (
    SCALE_FACTOR,
    Cause,
    classify,
    comparable,
    conflict_finding,
    is_flow,
    rounding_interval,
    scale_slip,
    scaled,
    side,
    timing,
    timing_note,
    value_gap,
)
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule


@rule(id="KZC001", name="value-conflict", severity=Severity.WARNING, kind="pair")
def value_conflict(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    """Two claims give incompatible figures for the same metric, scope and time.

    What it checks
    --------------
    Pairs of claims (from the same or different articles) with the same metric, `of`,
    `object`, entities, direction, modality, scope and unit, and which refer to the
    same time: flows (trade over a period) must have exactly the same period; stocks
    (a figure on a date) must have as-of dates within `as_of_window_days` (92 by
    default), and a stock outside that window is never a conflict. A stock that is no
    cumulative series (`stocks.cumulative`: a project's cost, one forum's agreements)
    is compared with another article's only when both name their `object`. A figure
    that does not say what it measures (an `unclassified:` metric, or a change or
    share of a product category the extractor did not name) is never compared. Counts
    are left to `count-conflict` (KZC002) and targets to `target-mismatch` (KZC005).

    The check is rounding-aware: each figure asserts an interval ("$4.4 billion" is
    anything in [$4.35 billion, $4.45 billion), "about $4 billion" is widened by the
    `approx` tolerance, "over $5 billion" is anything above $5 billion), and nothing
    is reported when the two intervals share a value. A disagreeing pair gets one
    named cause (the finding's `cause`, also written in the message), and this rule
    reports two of them:

    - `outside-rounding`: even the intervals the digits assert do not overlap;
    - `hedge-incompatible`: the digits would agree, but a bounding hedge word
      ("over", "more than", "at least", "up to", "almost") puts one figure on the
      wrong side of the other; the message names the hedge word. "About" only
      widens a figure by the `approx` tolerance, so a figure beyond it is outside
      rounding.

    Pairs that match after a factor of 1,000 are `scale-slip` (KZC008), pairs in
    different currencies are `unit-mismatch` (KZC009), pairs that differ in scope are
    `scope-conflict` (KZC003), and an older figure repeated after a newer one is
    `stale-figure` (KZC010): no pair is reported by two of these rules. The gap
    between the stated values, relative to the larger one, sets the severity: error
    from `thresholds.error` (10%), warning from `thresholds.warning` (1%), info below.
    Two figures in one sentence are reported as info whatever the gap: such a
    sentence lists different things ("$2.9bn and $1.4bn respectively", a table of
    partners) far more often than it contradicts itself.

    Why it matters
    --------------
    A figure that two sources state differently cannot be quoted without saying
    which source it comes from. The conflict often points at a revision (preliminary
    versus final statistics), a different statistical source (Kazakh versus Uzbek
    customs), or a mis-resolved period ("last year" in an undated article). A hedge
    that contradicts the other figure ("over $5 billion" when the statistics say $4.9
    billion) usually means the hedge was added in rewriting.

    Example
    -------
    ```text
    000 (2024-03-17): In 2023, bilateral trade turnover ... amounted to $4.5 billion.
    003 (2024-10-22): ... reaching $4.4 billion last year.
    ```
    Reported as a warning: the intervals [$4.45 billion, $4.55 billion) and
    [$4.35 billion, $4.45 billion) do not overlap, and $100 million is 2.2% of
    $4.5 billion.
    ```text
    trade_turnover 2023: $4.5 billion (000) vs $4.4 billion (003) — outside rounding
    ```
    A hedge that excludes the other figure:
    ```text
    A: Mutual trade in 2023 exceeded $5 billion.
    B: Trade turnover reached $4.9 billion in 2023.
    trade_turnover 2023: more than $5 billion (A) vs $4.9 billion (B)
      — hedge-incompatible: 'more than' in more than $5 billion excludes $4.9 billion
    ```
    "About $4.5 billion" against "$4.4 billion" is not reported: the hedge makes the
    intervals overlap. Nor are $4.5 billion for 2023 and $4.1 billion for
    January–November 2023 (different periods), or a $2.6 billion portfolio against
    $156 million under implementation (different scopes, KZC003).

    Known false positives
    ---------------------
    - A preliminary figure and a later revision of the same period: both were true
      when published. The finding is still worth a look; silence it in the baseline.
    - Figures from different statistical sources (mirror statistics) that the
      extractor could not tell apart.
    - A period resolved from a relative expression ("last year") against a wrong
      publication date.
    - Figures for different partners or flows (a list of trade partners, exports
      and imports "respectively") that the extractor gave one metric and the same
      entities; within one sentence these are only info.
    """
    if a.quantity.unit == "count" or not comparable(a, b, ctx):
        return []
    cause = classify(a, b, ctx)
    if cause not in (Cause.OUTSIDE_ROUNDING, Cause.HEDGE_INCOMPATIBLE):
        return []
    return [conflict_finding(cause, a, b, ctx)]


@rule(id="KZC008", name="scale-slip", severity=Severity.ERROR, kind="pair")
def scale_slip_rule(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    """Two figures that agree once one of them is multiplied by 1,000: a scale-word slip.

    What it checks
    --------------
    Pairs of claims that would be a value or count conflict (same metric, `of`,
    `object`, entities, direction, modality and unit; flows with the same period,
    stocks with as-of dates within `as_of_window_days`) and whose intervals do not
    overlap, but do once the smaller figure is multiplied by 1,000: "$4.4 million"
    against "$4.4 billion", "13.3 thousand" against "13.3 million". The intervals are
    the ones the digits assert (hedge words dropped), so "more than 1,000" does not
    match every figure above a million. Only figures that add up (money, counts,
    tonnes) are checked; percentages and multiples cannot slip a scale word. The
    pair's cause is `scale-slip`; value-conflict (KZC001), count-conflict (KZC002)
    and scope-conflict (KZC003) leave it alone.

    Why it matters
    --------------
    Million and billion (and thousand and million) are swapped in translation,
    in rewriting from a table whose header gives the unit, and by hand. The result
    is wrong by a factor of a thousand, yet looks plausible on its own: "trade of
    $4.4 million" reads like a small but real figure.

    Example
    -------
    ```text
    A (2024-03-17): In 2023 trade turnover reached $4.4 billion.
    B (2024-04-02): Trade between the two countries came to $4.4 million in 2023.
    ```
    Reported as an error:
    ```text
    trade_turnover 2023: $4.4 billion (A) vs $4.4 million (B) — scale slip:
      $4.4 million × 1,000 = $4.4 billion
    ```
    "$4.4 billion" against "$4.1 million", or "$4.4 million" in 2023 against "$4.4
    billion" in 2022, are not reported.

    Known false positives
    ---------------------
    - Two different things that the extractor put under one metric and that
      happen to be a thousand times apart (a project's cost in millions and a
      programme's in billions).
    """
    pair = scale_slip(a, b)
    if pair is None or not comparable(a, b, ctx):
        return []
    cause = classify(a, b, ctx)
    if cause is not Cause.SCALE_SLIP:
        return []
    small, large = pair
    flow = is_flow(a, b)
    when = timing(a, b)
    head = f"{fmt.subject(a)} {when}".rstrip()
    unit = a.quantity.unit
    up = scaled(small.quantity, SCALE_FACTOR)
    up_digits = scaled(rounding_interval(small.quantity), SCALE_FACTOR)
    times = f"{format_quantity(small.quantity)} \u00d7 1,000 = {format_quantity(up)}"
    message = (
        f"{head}: {side(a, flow, bool(when))} vs {side(b, flow, bool(when))}"
        f" \u2014 scale slip: {times}"
    )
    gap = value_gap(a, b)
    explanation = "\n".join(
        [
            fmt.stated(a),
            fmt.stated(b),
            timing_note(a, b, ctx),
            f"The figures are {format_amount(gap.absolute, unit)} apart, but the"
            f" figure of {small.doc} times 1,000 agrees with that of {large.doc}:"
            f" {times}, and {format_interval(up_digits)} overlaps"
            f" {format_interval(rounding_interval(large.quantity))}."
            " One of them has probably swapped thousand, million or billion; check"
            " the source table or release.",
        ]
    )
    return [
        ctx.finding(
            message,
            claims=(a.id, b.id),
            explanation=explanation,
            gap=gap,
            cause=cause.value,
        )
    ]


@rule(id="KZC009", name="unit-mismatch", severity=Severity.INFO, kind="pair")
def unit_mismatch(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    """The same metric and time in different currencies, with no conversion given.

    What it checks
    --------------
    Pairs of claims from different articles with the same metric, `of`, `object`,
    entities, direction, modality and scope that refer to the same time (flows with
    the same period, stocks with as-of dates within `as_of_window_days`) but state
    their figures in different currencies: US dollars against tenge, soums, roubles,
    yuan or euros. Nothing is reported when the text gives a conversion for either
    figure: the claims are linked, the sentence of either holds a figure in the
    other's currency ("KZT 45bn (about $100mn)"), or it speaks of an exchange rate or
    an equivalent. The rule never converts: exchange rates are not in the text, so
    it does not invent one, and says that a conversion is needed. Reported at info
    level by default. The pair's cause is `unit-mismatch`.

    Only currencies are compared. The extractor writes every physical amount in
    one base unit per dimension (tonnes, cubic metres, kilowatt-hours), so two
    different physical units of one metric measure different things (a plant's
    output in tonnes and its power in megawatts), as do money and tonnes. Within one
    article, figures in two currencies in different sentences are different
    amounts (two projects, a loan and a grant): a restatement comes with its
    conversion.

    Why it matters
    --------------
    Two figures in different currencies cannot be compared or quoted side by side
    without a rate and a date for it. A fact-checker needs to know that the two
    sources may or may not agree, and which rate would settle it; a tenge figure in
    one article and a dollar figure in another are a common source of apparent
    contradictions when rates move.

    Example
    -------
    ```text
    A (2024-03-17): The plant will cost $250 million.
    B (2024-04-02): The cost of the plant is estimated at 115 billion tenge.
    ```
    Reported as info:
    ```text
    project_cost for Turkestan plant as of 2024-03-17: $250 million (A) vs
      115 billion KZT (B) — unit mismatch: USD vs KZT, a conversion is needed
    ```
    "KZT 45bn (about $100mn)" in A against "$100 million" in B is not reported: A
    gives the conversion, and its dollar figure is compared with B by
    value-conflict.

    Known false positives
    ---------------------
    - A conversion given in another sentence of the article, in words the rule does
      not know.
    - Two different amounts that the extractor put under one metric without an
      `object` (the costs of two projects in two articles).
    """
    if a.quantity.unit == b.quantity.unit or not comparable(a, b, ctx):
        return []
    if classify(a, b, ctx) is not Cause.UNIT_MISMATCH:
        return []
    flow = is_flow(a, b)
    when = timing(a, b)
    head = f"{fmt.subject(a)} {when}".rstrip()
    ua, ub = a.quantity.unit, b.quantity.unit
    message = (
        f"{head}: {side(a, flow, bool(when))} vs {side(b, flow, bool(when))}"
        f" \u2014 unit mismatch: {ua} vs {ub}, a conversion is needed"
    )
    explanation = "\n".join(
        [
            fmt.stated(a),
            fmt.stated(b),
            timing_note(a, b, ctx),
            f"The figures are in different currencies ({ua} and {ub}) and neither text"
            " gives a conversion or an exchange rate, so they cannot be compared as"
            " they stand: a conversion is needed. The rule does not convert; compare"
            " the figures at the rate of the period they describe, naming its source.",
        ]
    )
    return [
        ctx.finding(
            message,
            claims=(a.id, b.id),
            explanation=explanation,
            cause=Cause.UNIT_MISMATCH.value,
        )
    ]
