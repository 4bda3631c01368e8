"""Quantity mentions as JSON Lines or a table (`kzuz-claims quantities`)."""

from __future__ import annotations

from collections.abc import Iterable

from kzuz_claims.model import QuantityMention
from kzuz_claims.model.display import format_number
from kzuz_claims.report._format import truncate

__all__ = ["quantities_table", "quantities_to_jsonl"]

# (heading, widest a column may grow); the quote is last and is cut at its width.
_COLUMNS: tuple[tuple[str, int], ...] = (
    ("doc", 24),
    ("value", 20),
    ("unit", 14),
    ("bound", 5),
    ("change", 6),
    ("range", 34),
    ("noun", 24),
    ("quote", 60),
)


def quantities_to_jsonl(mentions: Iterable[QuantityMention]) -> str:
    """JSON Lines: one mention per line, each line the model's compact JSON."""
    return "".join(m.model_dump_json() + "\n" for m in mentions)


def _row(m: QuantityMention) -> tuple[str, ...]:
    span = (
        f"{format_number(m.low)}\u2013{format_number(m.high)}"
        if m.low is not None and m.high is not None
        else ""
    )
    return (
        m.span.doc,
        format_number(m.value),
        m.unit,
        m.bound,
        m.change or "",
        span,
        m.noun or "",
        m.quote,
    )


def quantities_table(mentions: Iterable[QuantityMention]) -> str:
    """Mentions as an aligned table, one per line, in the order given; ends in a newline."""
    cells = [
        [truncate(cell, width) for cell, (_, width) in zip(_row(m), _COLUMNS, strict=True)]
        for m in mentions
    ]
    headings = [name for name, _ in _COLUMNS]
    widths = [max([len(headings[i]), *(len(r[i]) for r in cells)]) for i in range(len(_COLUMNS))]
    lines = [_line(r, widths) for r in (headings, ["-" * w for w in widths], *cells)]
    return "\n".join(lines) + "\n"


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
