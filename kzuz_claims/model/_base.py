"""Shared base for every model: frozen, strict about unknown fields, exact JSON numbers.

Every public way to make a model validates it. `trusted` is the one exception, for the
extractor's hot path only: it makes the very object validation would make from values
its caller guarantees valid, at a third of the cost (a claim with its span and quantity
cost ~11 us to validate, more than choosing its metric).
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Context, Decimal
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, PlainSerializer

_SIGNIFICANT = Context(prec=15)


def keep_significant(value: Decimal) -> Decimal:
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
    AfterValidator(keep_significant),
    PlainSerializer(_decimal_to_json, when_used="json"),
]
"""A decimal magnitude that serialises to a JSON number, not a string."""


class FrozenModel(BaseModel):
    """Immutable model with forbidden extra fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


_M = TypeVar("_M", bound=FrozenModel)


def trusted(cls: type[_M], fields: dict[str, Any], given: Collection[str] | None = None) -> _M:
    """The `cls` object validating `fields` would give, made without validating them.

    `fields` holds every field of `cls`, in the order the class declares them, each value
    one validation would keep as it is: of the field's type (enum members, not their
    strings; floats, not ints), `Number`s through `keep_significant`, nested models
    already made, and the model's own checks holding (a span in order, an interval's low
    end not above its high end). `given` is the names validation was given (its
    `model_fields_set`; all of them when None). Then the object is equal, hashes, dumps,
    prints and stays frozen as the validated one does: tests/extract/test_trusted.py
    holds every claim `extract` makes this way to validate again to itself.
    """
    if len(fields) != len(cls.__pydantic_fields__):
        raise TypeError(
            f"{cls.__name__} has {len(cls.__pydantic_fields__)} fields, not {len(fields)}"
        )
    model = cls.__new__(cls)
    _set(model, "__dict__", fields)
    _set(model, "__pydantic_fields_set__", set(fields if given is None else given))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


_set = object.__setattr__  # what model_construct sets, past the frozen model's __setattr__
