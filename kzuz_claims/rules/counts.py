"""Count conflicts: the same number of projects, enterprises or jobs reported differently."""

from __future__ import annotations

from collections.abc import Iterable

from kzuz_claims.model import Claim, Finding, Severity
from kzuz_claims.rules._compare import Cause, classify, comparable, conflict_finding
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule


@rule(id="KZC002", name="count-conflict", severity=Severity.WARNING, kind="pair")
def count_conflict(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    """Two claims give incompatible counts for the same metric, scope and time.

    What it checks
    --------------
    The same comparison as `value-conflict` (KZC001), for claims whose unit is
    `count`: same metric, `of`, `object`, entities, direction, modality and scope;
    flows with exactly the same period, stocks with as-of dates within
    `as_of_window_days` (and, for stocks that are no cumulative series, such as the
    jobs of one project, the same named `object` when they come from different
    articles). A count asserts exactly its value unless a hedge widens it
    ("more than 1,000" is anything above 1,000), and nothing is reported when the
    two intervals share a value. As for KZC001, the finding names its cause,
    `outside-rounding` or `hedge-incompatible` ("more than 1,000" against exactly
    1,000), and severity follows the relative gap (info for two counts in one
    sentence, which usually count different things). Claims that differ only in scope
    are the business of `scope-conflict` (KZC003), counts a thousand times apart of
    `scale-slip` (KZC008); a stock outside the as-of window is never a conflict (a
    count that falls over a longer time is `count-shrinks`, KZC011).

    Why it matters
    --------------
    Counts of joint projects, enterprises with foreign capital or jobs created are
    quoted as exact numbers; two different exact numbers for the same thing at the
    same time cannot both be right.

    Example
    -------
    ```text
    A (as of 2024-03-15): ... 60 joint industrial projects (portfolio) ...
    B (as of 2024-04-01): ... 55 joint industrial projects (portfolio) ...
    ```
    Reported as a warning (gap 5, 8.3% of 60):
    ```text
    joint_projects_count: 60 (as of 2024-03-15, A) vs 55 (as of 2024-04-01, B)
      — outside rounding
    ```
    "More than 1,000 enterprises" against "1,200 enterprises" is not reported, nor
    are 60 projects in the portfolio as of 2024-03-15 against 12 under
    implementation (scopes differ), or against 75 as of 2024-09-12 (outside the
    window).

    Known false positives
    ---------------------
    - A stock that really changed inside the as-of window (new enterprises
      registered within the quarter). Narrow `as_of_window_days` if this is common.
    - Registered versus operating enterprises reported under one metric.
    """
    if a.quantity.unit != "count" or not comparable(a, b, ctx):
        return []
    cause = classify(a, b, ctx)
    if cause not in (Cause.OUTSIDE_ROUNDING, Cause.HEDGE_INCOMPATIBLE):
        return []
    return [conflict_finding(cause, a, b, ctx)]
