"""Temporal consistency: dates a reader cannot pin down."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kzuz_claims.model import Claim, Finding, Severity
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule


@rule(id="KZC007", name="undated-relative-period", severity=Severity.INFO, kind="corpus")
def undated_relative_period(ctx: RuleContext) -> Iterable[Finding]:
    """A relative period ("last year") in a document without a date cannot be resolved.

    What it checks
    --------------
    Claims whose period was written in the text (`period_as_written`, e.g. "last
    year", "this year", "the same period last year") but could not be resolved
    (`period` is empty) because their document has no publication date. One finding
    per document lists the expressions and the claims that carry them.

    Why it matters
    --------------
    "Trade grew 20% last year" means nothing until the reader knows when "this year"
    was. The figures of such a document are left out of every period-based check,
    so a conflict with them can go unnoticed; giving the document a date (a header
    line, front matter or `sources.toml`) brings them back in.

    Example
    -------
    ```text
    002 (no date): ... trade turnover reached $4.4 billion last year ...
    ```
    Reported as info:
    ```text
    002: 1 relative period cannot be dated, the document has no date: "last year"
    ```

    Known false positives
    ---------------------
    - A document whose date is stated in a form the loader does not read; the fix is
      then to give the date in metadata, which also silences the finding.
    """
    undated: dict[str, list[Claim]] = defaultdict(list)
    for claim in ctx.claims:
        document = ctx.documents.get(claim.doc)
        if (
            claim.period_as_written
            and claim.period is None
            and document is not None
            and document.published is None
        ):
            undated[claim.doc].append(claim)
    return [_finding(doc, claims, ctx) for doc, claims in sorted(undated.items())]


def _finding(doc: str, claims: list[Claim], ctx: RuleContext) -> Finding:
    claims = sorted(claims, key=lambda c: (c.span.start, c.id))
    expressions = list(dict.fromkeys(c.period_as_written or "" for c in claims))
    quoted = ", ".join(f'"{e}"' for e in expressions)
    noun = "period" if len(expressions) == 1 else "periods"
    lines = [f'{c.metric}: "{c.quote}" ({c.period_as_written})' for c in claims]
    lines.append(
        f"{doc} has no publication date, so these relative expressions cannot be turned"
        " into dates and the claims are left out of period comparisons. Give the"
        " document a date (header line, front matter or sources.toml)."
    )
    return ctx.finding(
        f"{doc}: {len(expressions)} relative {noun} cannot be dated,"
        f" the document has no date: {quoted}",
        claims=(c.id for c in claims),
        explanation="\n".join(lines),
    )
