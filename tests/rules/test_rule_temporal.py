"""KZC007 undated-relative-period: relative dates in documents without a date."""

from __future__ import annotations

from rule_factory import bn, claim, document, run_corpus, year

from kzuz_claims.model import Severity
from kzuz_claims.rules.temporal import undated_relative_period


def test_undated_relative_period_lists_expressions_per_document() -> None:
    docs = [document("002_x"), document("004_y")]
    claims = [
        claim("002_x", "trade_turnover", bn("4.4"), at=50, period_as_written="last year"),
        claim("002_x", "exports_uz_to_kz", bn("1.4"), at=10, period_as_written="this year"),
        claim("002_x", "exports_kz_to_uz", bn("3"), at=90, period_as_written="last year"),
        claim("004_y", "trade_turnover", bn("4"), at=5, period_as_written="in 2021"),
    ]
    found = run_corpus(undated_relative_period, documents=docs, claims=claims)
    assert [f.message for f in found] == [
        "002_x: 2 relative periods cannot be dated, the document has no date:"
        ' "this year", "last year"',
        '004_y: 1 relative period cannot be dated, the document has no date: "in 2021"',
    ]
    assert found[0].severity is Severity.INFO
    assert found[0].claims == (claims[1].id, claims[0].id, claims[2].id)


def test_undated_relative_period_ignores_dated_documents_and_resolved_periods() -> None:
    docs = [document("000_a", published="2024-03-17"), document("002_x")]
    claims = [
        claim("000_a", "trade_turnover", bn("4.5"), period_as_written="last year"),
        claim("002_x", "trade_turnover", bn("4.4"), period=year(2023), period_as_written="in 2023"),
        claim("002_x", "trade_turnover", bn("4.4"), at=9),
        claim("999_missing", "trade_turnover", bn("4.4"), period_as_written="last year"),
    ]
    assert run_corpus(undated_relative_period, documents=docs, claims=claims) == []
