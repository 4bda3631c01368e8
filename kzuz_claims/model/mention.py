"""A quantity as written in any English text: the figure, its unit and what hedges it.

A `QuantityMention` is what `extract_quantities` returns: no metric, period or
modality, only what the words around the number say. Money is in ISO 4217 codes,
physical units are pint unit names (`km`, `t`, `m³`, `MW`, `ha`, `mph`, `°C`),
shares are `percent` (or `percentage_point`, `basis_point`), and things counted are
`count` with the counted `noun`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from kzuz_claims.model._base import FrozenModel, Number
from kzuz_claims.model.quantity import Qualifier
from kzuz_claims.model.span import Span

Bound = Literal["=", "~", "<", ">"]
"""Where the true value lies against the stated one: as stated, about, below, above."""

Change = Literal["up", "down"]

BOUNDS: dict[Qualifier | None, Bound] = {
    None: "=",
    Qualifier.APPROX: "~",
    Qualifier.ALMOST: "<",
    Qualifier.LESS_THAN: "<",
    Qualifier.AT_MOST: "<",
    Qualifier.MORE_THAN: ">",
    Qualifier.AT_LEAST: ">",
}
"""The bound each hedge word asserts: "nearly 500" and "up to 500" are both below 500."""


class QuantityMention(FrozenModel):
    """One quantity in a text, with the exact quote (`text[span.start:span.end]`).

    `value` is in `unit` with scale words applied ("$4.5 billion" is 4500000000 USD).
    A range ("$3–4 billion", "between 250 and 700") has `low` and `high`, and `value`
    is its low end; `low` and `high` are None otherwise. `qualifier` is the hedge word
    class as in `Quantity`; `bound` says the same as one symbol. `change` is `up` or
    `down` when the figure is the size of a rise or fall ("rose 0.65 per cent",
    "a 38% increase", "cut by 25 basis points"); a level reached ("rose to 4.2%")
    has no change.
    """

    span: Span
    quote: str
    value: Number
    unit: str
    kind: str
    """money, count, percent, times, or the unit's class: length, mass, speed, ..."""
    noun: str | None = None
    """For counts: the counted noun phrase ("60 industrial projects": "industrial projects")."""
    qualifier: Qualifier | None = None
    bound: Bound = "="
    change: Change | None = None
    low: Number | None = None
    high: Number | None = None

    @model_validator(mode="after")
    def _consistent(self) -> QuantityMention:
        if not self.unit:
            raise ValueError("a quantity mention needs a unit")
        if (self.low is None) != (self.high is None):
            raise ValueError("a range has both low and high, or neither")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"range low {self.low} is above high {self.high}")
        if BOUNDS[self.qualifier] != self.bound:
            raise ValueError(f"bound {self.bound!r} does not match qualifier {self.qualifier}")
        return self
