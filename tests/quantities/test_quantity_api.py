"""extract_quantities on strings and Documents; the QuantityMention model's rules."""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pydantic
import pytest

import kzuz_claims
from kzuz_claims import extract_quantities
from kzuz_claims.model import Document, Qualifier, QuantityMention, Span
from kzuz_claims.model.mention import BOUNDS
from kzuz_claims.normalize.units import registry
from kzuz_claims.sources import load_string

_VECTORS = tomllib.loads((Path(__file__).parent / "sentences.toml").read_text(encoding="utf-8"))


def test_document_offsets_index_its_text_and_skip_the_header() -> None:
    doc = load_string(
        " date 2024-03-01 Exports rose 12% to 2,300 tonnes in 2023.\n", id="wire", published=None
    )
    found = extract_quantities(doc)
    assert [(q.quote, q.unit, q.change) for q in found] == [
        ("12%", "percent", "up"),
        ("2,300 tonnes", "t", None),
    ]
    for q in found:
        assert q.span.doc == "wire"
        assert doc.text[q.span.start : q.span.end] == q.quote
        assert q.span.start >= doc.body_start


def test_a_string_keeps_its_own_offsets_and_line_breaks() -> None:
    text = "Headline with no figure\r\n\r\nThe storm dumped 30 cm of snow.\r\n"
    (q,) = extract_quantities(text)
    assert text[q.span.start : q.span.end] == "30 cm" == q.quote
    assert q.span.doc == "string"


def test_every_sentence_of_a_document_is_read() -> None:
    doc = Document(
        id="d",
        text="Wind reached 120 km/h. Rain: 40 mm.\nAbout 300 homes lost power.",
        published=date(2024, 1, 5),
    )
    assert [q.quote for q in extract_quantities(doc)] == [
        "120 km/h",
        "40 mm",
        "About 300 homes",
    ]


def test_the_top_level_name_is_lazy_and_listed() -> None:
    assert "extract_quantities" in kzuz_claims.__all__
    assert "QuantityMention" in kzuz_claims.__all__
    assert kzuz_claims.extract_quantities is extract_quantities


def test_every_unit_in_the_vectors_is_a_pint_unit() -> None:
    units = {e["unit"] for c in _VECTORS["case"] for e in c["expect"]}
    for unit in units:
        assert registry().Unit(unit) is not None, unit


def test_a_range_has_low_and_high_and_its_value_is_the_low_end() -> None:
    (q,) = extract_quantities("Analysts see a loss of $3–4 billion.")
    assert (q.value, q.low, q.high, q.unit) == (3_000_000_000, 3_000_000_000, 4_000_000_000, "USD")


def test_a_change_is_not_a_range_when_the_level_follows() -> None:
    found = extract_quantities("Shares fell $2.10 to $41.30 on Monday.")
    assert [(q.quote, q.value, q.change, q.low) for q in found] == [
        ("$2.10", Decimal("2.10"), "down", None),
        ("$41.30", Decimal("41.30"), None, None),
    ]


@pytest.mark.parametrize(
    ("text", "qualifier", "bound"),
    [
        ("almost 500 jobs", Qualifier.ALMOST, "<"),
        ("up to 500 jobs", Qualifier.AT_MOST, "<"),
        ("under 500 jobs", Qualifier.LESS_THAN, "<"),
        ("at least 500 jobs", Qualifier.AT_LEAST, ">"),
        ("over 500 jobs", Qualifier.MORE_THAN, ">"),
        ("roughly 500 jobs", Qualifier.APPROX, "~"),
        ("500 jobs", None, "="),
    ],
)
def test_hedge_words_give_the_qualifier_and_its_bound(
    text: str, qualifier: Qualifier | None, bound: str
) -> None:
    (q,) = extract_quantities(f"The plant will create {text}.")
    assert (q.quote, q.qualifier, q.bound) == (text, qualifier, bound)
    assert BOUNDS[q.qualifier] == q.bound


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Output climbed 4.5% in May.", "up"),
        ("Output was up 4.5% in May.", "up"),
        ("Output posted a 4.5% gain in May.", "up"),
        ("Output saw an increase of 4.5% in May.", "up"),
        ("Output fell a further 4.5% in May.", "down"),
        ("Output was 4.5% lower in May.", "down"),
        ("Output reached 4.5% in May.", None),
        ("Output rose to 4.5% in May.", None),
        ("Output rose above 4.5% in May.", None),
        ("The firm set up 45 stores in May.", None),
    ],
)
def test_change_is_read_only_from_rise_and_fall_words(text: str, change: str | None) -> None:
    (q,) = extract_quantities(text)
    assert q.change == change


def test_the_model_round_trips_through_json_and_refuses_inconsistent_bounds() -> None:
    (q,) = extract_quantities("Between 250 and 700 homes were flooded.")
    assert QuantityMention.model_validate_json(q.model_dump_json()) == q
    span = Span(doc="d", start=0, end=3, sentence_start=0, sentence_end=3)
    with pytest.raises(pydantic.ValidationError, match="bound"):
        QuantityMention(
            span=span, quote="500", value=Decimal(500), unit="count", kind="count", bound="~"
        )
    with pytest.raises(pydantic.ValidationError, match="low and high"):
        QuantityMention(
            span=span, quote="500", value=Decimal(5), unit="count", kind="count", low=Decimal(5)
        )
    with pytest.raises(pydantic.ValidationError):
        QuantityMention(
            span=span, quote="500", value=Decimal(5), unit="count", kind="count", change="flat"
        )


def test_the_readme_example_prints_what_the_readme_says(
    capsys: pytest.CaptureFixture[str],
) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quantities in any text", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    documented = [line.removeprefix("# ") for line in code.splitlines() if line.startswith("# ")]
    assert printed == documented
