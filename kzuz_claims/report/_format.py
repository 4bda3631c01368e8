"""What only renderers write: a claim's figure, a report cell's period, a gap, one-line text.

Figures, intervals and periods themselves are written by `kzuz_claims.model.display`,
which the rules use for their messages too, so the same figure reads the same in a
Markdown report, on the terminal, in the claims table and in a finding's message.
"""

from __future__ import annotations

from kzuz_claims.model import Claim, Gap, Period, PeriodBasis, display

__all__ = [
    "format_claim_value",
    "format_gap",
    "format_period",
    "one_line",
    "truncate",
]


def format_claim_value(claim: Claim, *, with_qualifier: bool = True) -> str:
    """A claim's figure with its noun, a decline shown as negative ("fell by 32%" → -32%)."""
    quantity = claim.quantity
    if claim.change == "down" and quantity.value > 0:
        quantity = quantity.model_copy(update={"value": -quantity.value})
    return display.format_quantity(quantity, claim.noun, with_qualifier=with_qualifier)


def format_period(period: Period | None) -> str:
    """A claim's period for a report: "2023", "Jan–Nov 2023 (relative)", "-" when it has none.

    A period that was not written explicitly says how it was resolved.
    """
    if period is None:
        return "-"
    text = display.format_period(period)
    if period.basis is not PeriodBasis.EXPLICIT:
        text = f"{text} ({period.basis.value})"
    return text


def format_gap(gap: Gap) -> str:
    """A measured gap: "$100 million (2.2%)"."""
    return f"{display.format_amount(gap.absolute, gap.unit)} ({display.format_ratio(gap.relative)})"


def one_line(text: str) -> str:
    """Text with every run of whitespace (newlines included) collapsed to one space."""
    return " ".join(text.split())


def truncate(text: str, width: int) -> str:
    """One line of at most `width` characters, ending in "…" when cut."""
    flat = one_line(text)
    if len(flat) <= width:
        return flat
    return flat[: max(width - 1, 0)].rstrip() + "…"
