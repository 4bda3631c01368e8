"""A fixed-width plain-text table of claims (`kzuz-claims extract --format table`)."""

from __future__ import annotations

from collections.abc import Iterable

from kzuz_claims.model import Claim
from kzuz_claims.report._format import format_claim_value, format_period, truncate

__all__ = ["claims_table"]

# (heading, widest a column may grow); the quote is last and is cut at its width.
_COLUMNS: tuple[tuple[str, int], ...] = (
    ("doc", 24),
    ("metric", 30),
    ("value", 24),
    ("qualifier", 10),
    ("period", 26),
    ("modality", 9),
    ("quote", 60),
)


def _row(claim: Claim) -> tuple[str, ...]:
    qualifier = claim.quantity.qualifier
    return (
        claim.doc,
        claim.metric,
        format_claim_value(claim, with_qualifier=False),
        qualifier.value if qualifier is not None else "",
        format_period(claim.period),
        claim.modality.value,
        claim.quote,
    )


def claims_table(claims: Iterable[Claim]) -> str:
    """Claims as an aligned table, one per line, in the order given; ends in a newline."""
    rows = [_row(c) for c in claims]
    cells = [
        [truncate(cell, width) for cell, (_, width) in zip(row, _COLUMNS, strict=True)]
        for row in rows
    ]
    headings = [name for name, _ in _COLUMNS]
    widths = [max([len(headings[i]), *(len(r[i]) for r in cells)]) for i in range(len(_COLUMNS))]
    rule = ["-" * w for w in widths]
    lines = [_line(r, widths) for r in (headings, rule, *cells)]
    return "\n".join(lines) + "\n"


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
