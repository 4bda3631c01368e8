"""Shared base for every model: frozen, strict about unknown fields, exact JSON numbers."""

from __future__ import annotations

from decimal import Context, Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, PlainSerializer

_SIGNIFICANT = Context(prec=15)


def _keep_significant(value: Decimal) -> Decimal:
    """Integral values stay exact; others keep 15 significant digits (what a float holds)."""
    if value == value.to_integral_value():
        return value
    return _SIGNIFICANT.plus(value)


def _decimal_to_json(value: Decimal) -> int | float:
    """Integral decimals become JSON integers (exact at any size); others JSON floats.

    Non-integral values keep at most 15 significant digits, which a float renders
    exactly, so the JSON round trip gives back an equal Decimal.
    """
    if value == value.to_integral_value():
        return int(value)
    return float(value)


Number = Annotated[
    Decimal,
    AfterValidator(_keep_significant),
    PlainSerializer(_decimal_to_json, when_used="json"),
]
"""A decimal magnitude that serialises to a JSON number, not a string."""


class FrozenModel(BaseModel):
    """Immutable model with forbidden extra fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)
