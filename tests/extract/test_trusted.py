"""Claims made trusted (model._base.trusted) are the objects validation would give.

The extractor makes its claims (their spans and quantities) and person mentions without
validating them. These properties hold that shortcut to validation: every claim and
person `extract` returns, for arbitrary text and over the seeds and both corpora,
validates again to an identical object (equal, same hash, repr, dump, JSON and fields
set, at every level).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from test_properties import NEWSY

from kzuz_claims.extract import extract, extract_claims
from kzuz_claims.model import Claim, Document, PersonMention, Quantity, Span
from kzuz_claims.model._base import trusted
from kzuz_claims.sources import load

ROOT = Path(__file__).resolve().parents[2]


def _revalidated(model: BaseModel) -> BaseModel:
    """`model` made again by validation from the fields it was given, nested models too."""
    given_fields: dict[str, Any] = {}
    for name in model.model_fields_set:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            value = _revalidated(value)
        elif isinstance(value, tuple):
            value = tuple(_revalidated(v) if isinstance(v, BaseModel) else v for v in value)
        given_fields[name] = value
    return type(model).model_validate(given_fields)


def _assert_identical(made: BaseModel, validated: BaseModel) -> None:
    assert validated == made
    assert hash(validated) == hash(made)
    assert repr(validated) == repr(made)
    assert validated.model_dump() == made.model_dump()
    assert validated.model_dump_json() == made.model_dump_json()
    assert validated.model_fields_set == made.model_fields_set
    assert list(validated.__dict__) == list(made.__dict__)
    for name, value in made.__dict__.items():
        assert type(getattr(validated, name)) is type(value), name
        if isinstance(value, BaseModel):
            _assert_identical(value, getattr(validated, name))


def _assert_valid(made: Claim | PersonMention) -> None:
    _assert_identical(made, _revalidated(made))
    assert type(made).model_validate(made.model_dump()) == made
    assert type(made).model_validate_json(made.model_dump_json()) == made


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=400), NEWSY),
    st.none() | st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 1, 1)),
)
def test_claims_of_any_text_validate_again_to_themselves(text: str, pub: date | None) -> None:
    found = extract([Document(id="d", text=text, published=pub)])
    for made in (*found.claims, *found.persons):
        _assert_valid(made)


@pytest.mark.parametrize(
    "folder", ["seeds", "tests/corpus/articles", "tests/rules_corpus/articles"]
)
def test_claims_of_the_corpora_validate_again_to_themselves(folder: str) -> None:
    found = extract(load([ROOT / folder]).documents)
    assert found.claims
    assert found.persons
    for made in (*found.claims, *found.persons):
        _assert_valid(made)


@pytest.mark.parametrize(
    "text",
    [
        "Exports were between 700 and 250 tonnes in 2023.",
        "Trade reached between $700 and $250 million in 2023.",
        "Trade was 1.234567890123456789 million tonnes in 2023.",
        "Trade was between 1.234567890123456789 and 2.3456789012345678 million tonnes.",
    ],
)
def test_ranges_and_long_figures_give_valid_quantities(text: str) -> None:
    claims = extract_claims(Document(id="d", text=text, published=date(2024, 1, 1)))
    assert claims
    for claim in claims:
        _assert_valid(claim)


def test_trusted_is_what_validation_gives() -> None:
    made = trusted(
        Quantity,
        {
            "value": Decimal(5),
            "unit": "t",
            "low": None,
            "high": Decimal(6),
            "low_closed": True,
            "high_closed": True,
            "qualifier": None,
            "precision": None,
        },
        {"value", "unit", "high"},
    )
    _assert_identical(made, Quantity(value=Decimal(5), unit="t", high=Decimal(6)))
    span = {"doc": "d", "start": 1, "end": 2, "sentence_start": 0, "sentence_end": 3}
    _assert_identical(trusted(Span, dict(span)), Span(**span))


def test_trusted_refuses_fields_missing() -> None:
    with pytest.raises(TypeError, match="Span has 5 fields, not 1"):
        trusted(Span, {"doc": "d"})


def test_trusted_objects_stay_frozen() -> None:
    span = trusted(Span, {"doc": "d", "start": 1, "end": 2, "sentence_start": 0, "sentence_end": 3})
    with pytest.raises(ValidationError):
        span.doc = "e"  # type: ignore[misc]
