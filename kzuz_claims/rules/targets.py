"""Target mismatches: the same goal stated with another value or deadline."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from kzuz_claims.model import Claim, Finding, Modality, Period, PeriodBasis, Severity
from kzuz_claims.model.display import format_amount, format_quantity, format_ratio
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._compare import value_gap
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule


@rule(id="KZC005", name="target-mismatch", severity=Severity.WARNING, kind="pair")
def target_mismatch(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    """Two statements of the same target disagree on its value or its deadline.

    What it checks
    --------------
    Pairs of claims with modality `target` and the same metric, `of`, `object`,
    entities and direction. They are reported when their asserted intervals do not
    overlap (a different value), or when both have a resolved period and the
    deadlines (period ends) are more than a year apart. A target whose deadline is
    vague ("in the medium term", "in the coming years") has no period and is only
    compared on its value.

    Why it matters
    --------------
    Bilateral trade targets are repeated at every meeting; when the number or the
    year changes, the change is news (a target raised, postponed or restated), and a
    story that mixes the two misreports the goal.

    Example
    -------
    ```text
    A (2024): ... to bring the trade turnover to $10 billion by 2030 ...
    B (2024): ... set the goal of $5 billion in mutual trade by 2025 ...
    ```
    Reported as a warning:
    ```text
    trade_target: $10 billion by 2030 (A) vs $5 billion by 2025 (B) — different value and deadline
    ```
    Two "$10 billion" targets without a stated deadline, or with deadlines in 2029
    and 2030, are not reported.

    Known false positives
    ---------------------
    - Staged targets: an intermediate goal ($5 billion by 2025) on the way to a
      final one ($10 billion by 2030) are both current.
    - A target that was really raised or postponed: the finding is correct, but the
      article may say so in words the extractor did not link.
    """
    if a.modality is not Modality.TARGET or b.modality is not Modality.TARGET:
        return []
    same_unit = a.quantity.unit == b.quantity.unit
    value_differs = same_unit and not a.quantity.overlaps(b.quantity)
    ends = _deadline(a.period), _deadline(b.period)
    deadline_differs = (
        ends[0] is not None and ends[1] is not None and _over_a_year_apart(ends[0], ends[1])
    )
    if not (value_differs or deadline_differs):
        return []
    what = " and ".join(
        w for w, on in (("value", value_differs), ("deadline", deadline_differs)) if on
    )
    message = f"{fmt.subject(a)}: {_side(a)} vs {_side(b)} \u2014 different {what}"
    lines = [fmt.stated(a) + _when(a), fmt.stated(b) + _when(b)]
    gap = value_gap(a, b) if value_differs else None
    if gap is not None:
        lines.append(
            "The intervals do not overlap; the targets differ by"
            f" {format_amount(gap.absolute, gap.unit)}"
            f" ({format_ratio(gap.relative)} of the larger)."
        )
    if ends[0] is not None and ends[1] is not None and deadline_differs:
        years = abs(ends[0].year - ends[1].year)
        lines.append(
            f"The deadlines {ends[0]} and {ends[1]} are more than a year apart"
            f" ({years} calendar year(s))."
        )
    return [ctx.finding(message, claims=(a.id, b.id), explanation="\n".join(lines), gap=gap)]


def _deadline(p: Period | None) -> date | None:
    """The end of a resolved period; None for a missing or unresolved one."""
    if p is None or p.basis is PeriodBasis.UNKNOWN:
        return None
    return p.end


def _over_a_year_apart(x: date, y: date) -> bool:
    early, late = sorted((x, y))
    try:
        limit = early.replace(year=early.year + 1)
    except ValueError:  # 29 February
        limit = date(early.year + 1, 3, 1)
    return late > limit


def _deadline_text(c: Claim) -> str:
    end = _deadline(c.period)
    if end is None:
        return f' "{c.horizon}"' if c.horizon else ""
    return f" by {end.year}" if (end.month, end.day) == (12, 31) else f" by {end.isoformat()}"


def _side(c: Claim) -> str:
    return f"{format_quantity(c.quantity)}{_deadline_text(c)} ({c.doc})"


def _when(c: Claim) -> str:
    end = _deadline(c.period)
    if end is None:
        horizon = f' (horizon as written: "{c.horizon}")' if c.horizon else ""
        return f" No resolved deadline{horizon}."
    return f" Deadline: {end}."
