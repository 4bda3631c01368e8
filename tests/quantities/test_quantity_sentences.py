"""The quantities of general news sentences, exactly: the vectors in sentences.toml."""

from __future__ import annotations

import tomllib
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kzuz_claims import extract_quantities
from kzuz_claims.model import QuantityMention

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "sentences.toml").read_text(encoding="utf-8")
)["case"]


def _found(q: QuantityMention) -> dict[str, Any]:
    """A mention in the vector file's shape: defaults left out, numbers as Decimals."""
    row: dict[str, Any] = {"quote": q.quote, "value": q.value, "unit": q.unit, "kind": q.kind}
    if q.noun is not None:
        row["noun"] = q.noun
    if q.bound != "=":
        row["bound"] = q.bound
    if q.change is not None:
        row["change"] = q.change
    if q.low is not None:
        row["low"], row["high"] = q.low, q.high
    return row


def _expected(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in ("value", "low", "high"):
        if key in out:
            out[key] = Decimal(out[key])
    return out


def _case_id(case: dict[str, Any]) -> str:
    return f"{case['topic']}: {case['text'][:40]}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_sentence_gives_exactly_the_expected_quantities(case: dict[str, Any]) -> None:
    text = case["text"]
    found = extract_quantities(text)
    assert [_found(q) for q in found] == [_expected(e) for e in case["expect"]]
    for q in found:
        assert text[q.span.start : q.span.end] == q.quote
        assert q.span.sentence_start <= q.span.start <= q.span.end <= q.span.sentence_end


def test_the_vectors_cover_general_news_and_every_feature() -> None:
    topics = Counter(c["topic"] for c in CASES)
    assert len(CASES) >= 60
    assert {
        "sports",
        "tech",
        "weather",
        "markets",
        "science",
        "health",
        "transport",
        "energy",
        "politics",
    } <= set(topics)
    expected = [e for c in CASES for e in c["expect"]]
    units = {e["unit"] for e in expected}
    assert {"km", "t", "m³", "MW", "mph", "°C", "percent", "count", "USD", "GBP"} <= units
    assert {e.get("bound", "=") for e in expected} == {"=", "~", "<", ">"}
    assert {e.get("change") for e in expected} == {None, "up", "down"}
    assert sum("low" in e for e in expected) >= 3
    assert sum(not c["expect"] and not c.get("gaps") for c in CASES) >= 10  # dates, scores...
