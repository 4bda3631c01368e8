"""Laws of the quantity API: never raises, honest offsets, rendered quantities read back."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kzuz_claims import extract_quantities
from kzuz_claims.model import Document

NEWSY = st.lists(
    st.sampled_from(
        [
            *"abcdefghij $%£€.,-–:/()0123456789°\n",
            "billion ",
            "bn ",
            "million ",
            "about ",
            "up to ",
            "between ",
            " and ",
            "rose ",
            "fell by ",
            "per cent ",
            "km/h ",
            "°C ",
            "minus ",
            "mph ",
            "tonnes ",
            "MW ",
            "people ",
            "won 3-1 ",
            "at 7:30pm ",
            "on 5 May 2024 ",
            "+44 20 7946 0958 ",
            "Boeing 737 ",
            "the 21st ",
            "in the 1990s ",
            "a day ",
        ]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), NEWSY))
def test_extraction_never_raises_and_quotes_are_the_text(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.span.start : q.span.end] == q.quote
        assert q.span.sentence_start <= q.span.start < q.span.end <= q.span.sentence_end
        assert (q.low is None) == (q.high is None)
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.text(max_size=40))
def test_a_documents_offsets_index_its_whole_text(body: str, header: str) -> None:
    text = header + body
    doc = Document(id="d", text=text, body_start=len(header))
    for q in extract_quantities(doc):
        assert q.span.start >= len(header)
        assert text[q.span.start : q.span.end] == q.quote


_MONEY = [
    ("${v} billion", 9, "USD"),
    ("USD {v}bn", 9, "USD"),
    ("{v} billion dollars", 9, "USD"),
    ("US${v} million", 6, "USD"),
    ("€{v} million", 6, "EUR"),
    ("£{v}m", 6, "GBP"),
    ("{v} billion yen", 9, "JPY"),
    ("{v} trillion tenge", 12, "KZT"),
]
_PHYSICAL = [
    ("{v} km", "km"),
    ("{v} °C", "°C"),
    ("{v}°C", "°C"),
    ("{v} km/h", "km/h"),
    ("{v} mph", "mph"),
    ("{v} MW", "MW"),
    ("{v} kg", "kg"),
    ("{v} mm", "mm"),
    ("{v} hectares", "ha"),
    ("{v} per cent", "percent"),
    ("{v}%", "percent"),
]
_CARRIER = "Officials said the figure was {q} on Tuesday, according to the report."
_TENTHS = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1)


@settings(max_examples=200, deadline=None)
@given(_TENTHS, st.sampled_from(_MONEY))
def test_a_rendered_amount_reads_back_with_its_value_and_currency(
    value: Decimal, form: tuple[str, int, str]
) -> None:
    pattern, scale, currency = form
    written = pattern.format(v=value)
    (q,) = extract_quantities(_CARRIER.format(q=written))
    assert (q.quote, q.value, q.unit, q.kind) == (
        written,
        value.scaleb(scale),
        currency,
        "money",
    )


@settings(max_examples=200, deadline=None)
@given(_TENTHS, st.sampled_from(_PHYSICAL), st.booleans())
def test_a_rendered_quantity_reads_back_with_its_value_and_unit(
    value: Decimal, form: tuple[str, str], negative: bool
) -> None:
    pattern, unit = form
    signed = -value if negative and unit == "°C" else value
    written = pattern.format(v=signed)
    (q,) = extract_quantities(_CARRIER.format(q=written))
    assert (q.quote, q.value, q.unit, q.change) == (written, signed, unit, None)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=2, max_value=999_999),
    st.sampled_from(["workers", "homes", "passengers", "industrial projects"]),
)
def test_a_rendered_count_reads_back_with_its_noun(n: int, noun: str) -> None:
    written = f"{n:,} {noun}"
    (q,) = extract_quantities(_CARRIER.format(q=written))
    assert (q.quote, q.value, q.unit, q.noun) == (written, n, "count", noun)


@settings(max_examples=100, deadline=None)
@given(_TENTHS, _TENTHS, st.sampled_from(["{a}–{b} billion", "between {a} and {b} billion"]))
def test_a_rendered_range_reads_back_with_low_and_high(
    a: Decimal, b: Decimal, pattern: str
) -> None:
    low, high = sorted((a, b))
    if low == high:
        return
    written = "$" + pattern.format(a=low, b=high).replace("between ", "")
    text = _CARRIER.format(q=("between " if "between" in pattern else "") + written)
    (q,) = extract_quantities(text)
    assert (q.low, q.high, q.unit) == (low.scaleb(9), high.scaleb(9), "USD")


_TEXTS = [
    c["text"]
    for c in tomllib.loads((Path(__file__).parent / "sentences.toml").read_text(encoding="utf-8"))[
        "case"
    ]
]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(_TEXTS), st.sampled_from(_TEXTS))
def test_a_sentence_reads_the_same_after_another_one(first: str, second: str) -> None:
    joined = f"{first} {second}"
    shift = len(first) + 1
    alone = [(q.quote, q.value, q.unit, q.change) for q in extract_quantities(second)]
    after = [
        (q.quote, q.value, q.unit, q.change)
        for q in extract_quantities(joined)
        if q.span.start >= shift
    ]
    assert after == alone
