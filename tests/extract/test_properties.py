"""Laws of extraction: never raises, honest offsets, rendered amounts read back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kzuz_claims.extract import extract_claims
from kzuz_claims.model import Document

NEWSY = st.lists(
    st.sampled_from(
        [
            *"abcdefghij $%.,-–()0123456789\n",
            "billion ",
            "bn ",
            "million ",
            "about ",
            "over ",
            "projects ",
            "in 2023 ",
            "last year ",
            "trade ",
            "exports to Uzbekistan ",
            "Kazakhstan ",
            "nearly doubled ",
            "percent ",
            "the same period of 2022 ",
            "by 2030 ",
            "tenge ",
            "fell by ",
        ]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=400), NEWSY),
    st.none() | st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 1, 1)),
)
def test_extraction_never_raises_and_offsets_are_honest(text: str, pub: date | None) -> None:
    doc = Document(id="d", text=text, published=pub)
    for claim in extract_claims(doc):
        assert text[claim.span.start : claim.span.end] == claim.quote
        assert (
            claim.span.sentence_start
            <= claim.span.start
            <= claim.span.end
            <= claim.span.sentence_end
        )


def _render(value: Decimal, style: int) -> str:
    billions = value / Decimal(10**9)
    millions = value / Decimal(10**6)
    return [
        f"${billions} billion",
        f"${billions}bn",
        f"US${millions} million",
        f"USD {millions} mln",
        f"{millions} million US dollars",
        f"${int(millions):,} million" if millions == int(millions) else f"${millions} million",
    ][style]


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999"), places=1),
    st.integers(min_value=0, max_value=5),
)
def test_rendered_amount_reads_back(billions: Decimal, style: int) -> None:
    value = billions * Decimal(10**9)
    text = f"Bilateral trade turnover amounted to {_render(value, style)} in 2023."
    claims = extract_claims(Document(id="d", text=text, published=date(2024, 3, 1)))
    assert [c.quantity.value for c in claims] == [value]
    assert claims[0].quantity.unit == "USD"
    assert claims[0].metric == "trade_turnover"


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=2, max_value=99_999), st.sampled_from(["projects", "enterprises", "jobs"])
)
def test_rendered_count_reads_back(n: int, noun: str) -> None:
    text = f"The sides reported {n:,} {noun} in 2023."
    claims = extract_claims(Document(id="d", text=text))
    assert [(c.quantity.value, c.quantity.unit) for c in claims] == [(n, "count")]
