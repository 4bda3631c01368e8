"""Target mismatches: the same goal stated with another value or deadline."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kzuz_claims.model import Claim, Finding, Modality, PeriodBasis, Severity
from kzuz_claims.model.display import format_amount, format_quantity, format_ratio
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._compare import value_gap
from kzuz_claims.rules._horizons import horizon_near, read_horizon
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule


@rule(id="KZC005", name="target-mismatch", severity=Severity.WARNING, kind="pair")
def target_mismatch(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    """Two statements of the same target disagree on its value or its deadline.

    What it checks
    --------------
    Pairs of claims with modality `target` in one block: same metric, `of`,
    `object`, entities and direction, so a trade target is never compared with an
    investment target, nor a Kazakh-Uzbek target with an Uzbek-Russian one. They are
    reported when their asserted intervals do not overlap (a different value: "over
    $10 billion" and "$12 billion" agree, "$10 billion" and "$15 billion" do not), or
    when the deadlines of both are known and more than a year apart. A deadline is
    the end of the claim's resolved period; otherwise it is read from the claim's
    `horizon` or `period_as_written`, or from the words right around the figure in
    its sentence ("by 2030", "by the end of the decade", "within five years", "in
    five years' time"). A relative horizon is counted from the document's
    publication date: "in the next five years" in an article of May 2021 is the end
    of 2026, and the message shows both the words and the year. Vague horizons ("in
    the medium term", "in the coming years") and relative ones in undated documents
    give no deadline; such targets are compared on their value only. When the values
    differ and the larger target has the later deadline, as in an intermediate goal
    on the way to a final one, the finding is marked "(staged)" and is only info.

    Why it matters
    --------------
    Bilateral trade targets are repeated at every meeting; when the number or the
    year changes, the change is news (a target raised, postponed or restated), and a
    story that mixes the two misreports the goal.

    Example
    -------
    ```text
    A (2021-05-10): ... to $10 billion in the next five years ...
    B (2024-03-17): ... to bring mutual trade to $10 billion by 2030 ...
    C (2024-03-17): ... set the goal of $15 billion in mutual trade by 2030 ...
    ```
    Reported as warnings (the first message is one line in a report):
    ```text
    trade_target: $10 billion "in the next five years" (= by 2026) (A)
        vs $10 billion by 2030 (B) — different deadline
    trade_target: $10 billion by 2030 (B) vs $15 billion by 2030 (C) — different value
    ```
    "$10 billion in the next five years" in an article of 2025 (= by 2030) restates
    B and is not reported; "$5 billion by 2025" beside B is a staged target, info.

    Known false positives
    ---------------------
    - A target that was really raised or postponed: the finding is correct, but the
      article may say so in words the extractor did not link.
    - Counting conventions: "in five years" said in late 2025 may mean 2030 or the
      end of 2031; deadlines a year apart are therefore never reported.
    - A staged target whose stages are not ordered (a larger intermediate goal) is
      reported as a warning.
    """
    if a.modality is not Modality.TARGET or b.modality is not Modality.TARGET:
        return []
    same_unit = a.quantity.unit == b.quantity.unit
    value_differs = same_unit and not a.quantity.overlaps(b.quantity)
    da, db = _deadline(a, ctx), _deadline(b, ctx)
    ends = (da.end if da else None), (db.end if db else None)
    deadline_differs = (
        ends[0] is not None and ends[1] is not None and _over_a_year_apart(ends[0], ends[1])
    )
    if not (value_differs or deadline_differs):
        return []
    what = " and ".join(
        w for w, on in (("value", value_differs), ("deadline", deadline_differs)) if on
    )
    staged = value_differs and _staged(a, b, da, db)
    message = f"{fmt.subject(a)}: {_side(a, da)} vs {_side(b, db)} \u2014 different {what}"
    lines = [fmt.stated(a) + _when(a, da), fmt.stated(b) + _when(b, db)]
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
    severity = None
    if staged:
        message += " (staged)"
        severity = Severity.INFO
        lines.append(
            "The larger value has the later deadline, as in a staged target (an"
            " intermediate goal on the way to a final one), so this is noted as info."
        )
    return [
        ctx.finding(
            message,
            claims=(a.id, b.id),
            explanation="\n".join(lines),
            gap=gap,
            severity=severity,
        )
    ]


@dataclass(frozen=True)
class _Deadline:
    """When a target is due, and in what words the text said it."""

    end: date
    words: str | None
    """The relative words it was counted from ("in the next five years"), if any."""
    published: date | None


def _deadline(c: Claim, ctx: RuleContext) -> _Deadline | None:
    """The claim's deadline: its resolved period, else a horizon read from its words."""
    published = ctx.published(c.doc)
    p = c.period
    if p is not None and p.basis is not PeriodBasis.UNKNOWN:
        relative = p.basis is PeriodBasis.RELATIVE and p.text
        return _Deadline(p.end, p.text if relative else None, published)
    if p is not None:
        return None
    horizon = None
    for written in (c.horizon, c.period_as_written):
        if written:
            horizon = read_horizon(written, published)
            if horizon is not None:
                break
    document = ctx.documents.get(c.doc)
    if horizon is None and document is not None and _quoted_in(c, document.text):
        horizon = horizon_near(
            document.text,
            c.span.start,
            c.span.end,
            c.span.sentence_start,
            c.span.sentence_end,
            published,
        )
    if horizon is None:
        return None
    return _Deadline(
        date(horizon.year, 12, 31), horizon.text if horizon.relative else None, published
    )


def _quoted_in(c: Claim, text: str) -> bool:
    return c.span.end <= len(text) and text[c.span.start : c.span.end] == c.quote


def _staged(a: Claim, b: Claim, da: _Deadline | None, db: _Deadline | None) -> bool:
    """Whether the larger target has the later deadline year (an intermediate and a final
    goal)."""
    if da is None or db is None:
        return False
    return (a.quantity.value - b.quantity.value) * (da.end.year - db.end.year) > 0


def _over_a_year_apart(x: date, y: date) -> bool:
    early, late = sorted((x, y))
    try:
        limit = early.replace(year=early.year + 1)
    except ValueError:  # 29 February
        limit = date(early.year + 1, 3, 1)
    return late > limit


def _by(end: date) -> str:
    return f"by {end.year}" if (end.month, end.day) == (12, 31) else f"by {end.isoformat()}"


def _deadline_text(c: Claim, d: _Deadline | None) -> str:
    if d is None:
        return f' "{c.horizon}"' if c.horizon else ""
    if d.words:
        return f' "{d.words}" (= {_by(d.end)})'
    return f" {_by(d.end)}"


def _side(c: Claim, d: _Deadline | None) -> str:
    return f"{format_quantity(c.quantity)}{_deadline_text(c, d)} ({c.doc})"


def _when(c: Claim, d: _Deadline | None) -> str:
    if d is None:
        horizon = f' (horizon as written: "{c.horizon}")' if c.horizon else ""
        return f" No resolved deadline{horizon}."
    if d.words:
        article = f"an article of {d.published}" if d.published else "its article"
        return f' Deadline: {d.end}, "{d.words}" counted from the date of {article} ({c.doc}).'
    return f" Deadline: {d.end}."
