"""Renderers: a Report as Markdown, JSON or terminal text; claims as JSON Lines or a table.

    render(report, "md")       # or "json", "text"
    claims_to_jsonl(claims)    # `kzuz-claims extract --format jsonl`
    claims_table(claims)       # `kzuz-claims extract --format table`
    quantities_to_jsonl(mentions), quantities_table(mentions)   # `kzuz-claims quantities`

Every renderer is a pure function of its input: the same report gives byte-identical
text, always ending in one newline.
"""

from __future__ import annotations

from collections.abc import Callable

from kzuz_claims.model import Report
from kzuz_claims.model.display import format_amount, format_interval, format_quantity
from kzuz_claims.report._format import format_claim_value, format_period
from kzuz_claims.report.json import claims_to_jsonl, report_to_dict, to_json
from kzuz_claims.report.markdown import to_markdown
from kzuz_claims.report.quantities import quantities_table, quantities_to_jsonl
from kzuz_claims.report.table import claims_table
from kzuz_claims.report.text import to_text

__all__ = [
    "FORMATS",
    "claims_table",
    "claims_to_jsonl",
    "format_amount",
    "format_claim_value",
    "format_interval",
    "format_period",
    "format_quantity",
    "quantities_table",
    "quantities_to_jsonl",
    "render",
    "report_to_dict",
    "to_json",
    "to_markdown",
    "to_text",
]

_RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": to_json,
    "md": to_markdown,
    "text": to_text,
}

FORMATS: tuple[str, ...] = tuple(sorted(_RENDERERS))
"""The format names `render` knows."""


def render(report: Report, fmt: str) -> str:
    """The report in format `fmt` (one of FORMATS).

    Raises ValueError naming the known formats when `fmt` is not one of them.
    """
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown report format {fmt!r}; known formats: {', '.join(FORMATS)}"
        ) from None
    return renderer(report)
