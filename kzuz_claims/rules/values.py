"""Cross-source value conflicts: the same figure reported differently."""

from __future__ import annotations

from collections.abc import Iterable

from kzuz_claims.model import Claim, Finding, Severity
from kzuz_claims.rules._compare import same_scope_conflict
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
    (a count on a date) must have as-of dates within `as_of_window_days` (92 by
    default). Counts are left to `count-conflict` (KZC002) and targets to
    `target-mismatch` (KZC005).

    The check is rounding-aware: each figure asserts an interval ("$4.4 billion" is
    anything in [$4.35 billion, $4.45 billion), "about $4 billion" is widened by the
    `approx` tolerance), and nothing is reported when the two intervals share a
    value. Otherwise the gap between the stated values, relative to the larger one,
    sets the severity: error from `thresholds.error` (10%), warning from
    `thresholds.warning` (1%), info below.

    Why it matters
    --------------
    A figure that two sources state differently cannot be quoted without saying
    which source it comes from. The conflict often points at a revision (preliminary
    versus final statistics), a different statistical source (Kazakh versus Uzbek
    customs), or a mis-resolved period ("last year" in an undated article).

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
    trade_turnover 2023: $4.5 billion (000) vs $4.4 billion (003)
    ```
    "About $4.5 billion" against "$4.4 billion" is not reported: the hedge makes the
    intervals overlap.

    Known false positives
    ---------------------
    - A preliminary figure and a later revision of the same period: both were true
      when published. The finding is still worth a look; silence it in the baseline.
    - Figures from different statistical sources (mirror statistics) that the
      extractor could not tell apart.
    - A period resolved from a relative expression ("last year") against a wrong
      publication date.
    """
    if a.quantity.unit == "count":
        return []
    return same_scope_conflict(a, b, ctx)
