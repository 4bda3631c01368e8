"""Scope conflicts: near-matching figures that differ only in their status words."""

from __future__ import annotations

from collections.abc import Iterable

from kzuz_claims.model import Claim, Finding, Severity
from kzuz_claims.model.display import format_amount, format_period, format_quantity, format_ratio
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._compare import (
    Cause,
    classify,
    comparable,
    is_flow,
    timing_note,
    value_gap,
)
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule


@rule(id="KZC003", name="scope-conflict", severity=Severity.WARNING, kind="pair")
def scope_conflict(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    """Two different figures for the same metric that differ only in scope.

    What it checks
    --------------
    Pairs of claims from different articles with the same metric, `of`, `object`,
    entities, direction, modality and unit whose scopes differ (`portfolio` against
    `under_implementation`, or a scope against none) and whose intervals do not
    overlap. Two scopes in one article are a breakdown ("30 projects, 12 of them
    completed"), never reported here; `parts-vs-total` (KZC014) checks that the
    parts fit the whole. Flows must have exactly the same period. Stocks must have
    as-of dates within `as_of_window_days`, or at least one of them must be undated,
    in which case the explanation says that the as-of date of that document is
    unknown. Targets are
    left to `target-mismatch` (KZC005), and figures a thousand times apart to
    `scale-slip` (KZC008). The finding's cause is `scope-difference`, and the message
    says "differ in scope".

    Why it matters
    --------------
    Articles rarely say which part of a project portfolio a number counts. "60
    projects" in one source and "12 projects" in another look like a contradiction
    to a reader; the difference is usually in the status words (implemented,
    underway, planned, promising). Quoting either figure needs its scope.

    Example
    -------
    ```text
    000 (2024-03-15): ... implementing today 60 industrial projects worth $2.6 billion
    002 (undated):    ... 12 joint projects valued at $156 million already underway
    ```
    Reported as a warning, with the note that the as-of date of 002 is unknown:
    ```text
    joint_projects_count: 60 (portfolio, 000) vs 12 (under_implementation, 002) — differ in scope
    ```
    "30 projects, twelve of them completed" in one article is not reported.

    Known false positives
    ---------------------
    - One scope is a subset of the other (projects under implementation are part of
      the portfolio), so both figures can be true. The finding asks the reader to
      name the scope, not to pick a figure.
    - An undated document that in fact speaks of a much earlier or later moment.
    """
    if a.scope == b.scope or a.doc == b.doc or not comparable(a, b, ctx, allow_undated=True):
        return []
    if classify(a, b, ctx) is not Cause.SCOPE_DIFFERENCE:
        return []
    flow = is_flow(a, b)
    head = f"{fmt.subject(a)} {format_period(a.period)}" if flow else fmt.subject(a)
    message = f"{head}: {_side(a)} vs {_side(b)} \u2014 differ in scope"
    gap = value_gap(a, b)
    explanation = "\n".join(
        [
            fmt.stated(a) + f" Scope: {_scope(a)}.",
            fmt.stated(b) + f" Scope: {_scope(b)}.",
            timing_note(a, b, ctx),
            f"The figures differ by {format_amount(gap.absolute, gap.unit)}"
            f" ({format_ratio(gap.relative)} of the larger), and the claims differ in scope:"
            f" {_scope(a)} vs {_scope(b)}. Check whether the sources count the same set"
            " and name the scope when quoting either figure.",
        ]
    )
    return [
        ctx.finding(
            message,
            claims=(a.id, b.id),
            explanation=explanation,
            gap=gap,
            cause=Cause.SCOPE_DIFFERENCE.value,
        )
    ]


def _scope(c: Claim) -> str:
    return c.scope if c.scope else "no scope stated"


def _side(c: Claim) -> str:
    return f"{format_quantity(c.quantity)} ({_scope(c)}, {c.doc})"
