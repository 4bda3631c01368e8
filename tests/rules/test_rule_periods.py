"""KZC004 partial-exceeds-whole: part of a period above the whole period."""

from __future__ import annotations

from decimal import Decimal

from rule_factory import BILLION, bn, claim, exact, hedged, months, run_pair, stock, year

from kzuz_claims.model import PeriodBasis, Qualifier, Severity
from kzuz_claims.rules.periods import partial_exceeds_whole

A, B = "001_8c5d2d7de5debb63", "003_396664d259ee8936"


def test_partial_exceeds_whole_ignores_seed_jan_nov_41_vs_year_44() -> None:
    part = claim(A, "trade_turnover", bn("4.1"), period=months(2023, 1, 11))
    whole = claim(B, "trade_turnover", bn("4.4"), period=year(2023))
    assert run_pair(partial_exceeds_whole, part, whole) == []


def test_partial_exceeds_whole_flags_jan_nov_above_full_year() -> None:
    part = claim(A, "trade_turnover", bn("4.6"), period=months(2023, 1, 11))
    whole = claim(B, "trade_turnover", bn("4.4"), period=year(2023, PeriodBasis.RELATIVE))
    (finding,) = run_pair(partial_exceeds_whole, whole, part)
    assert finding.rule == "KZC004"
    assert finding.severity is Severity.ERROR
    assert finding.claims == (part.id, whole.id)
    assert finding.message == (
        f"trade_turnover: Jan\u2013Nov 2023 $4.6 billion ({A}) exceeds 2023 $4.4 billion ({B})"
    )
    assert "Period: 2023-01-01..2023-11-30" in finding.explanation
    assert f"The period of {B} was not stated explicitly" in finding.explanation
    assert finding.gap is not None and finding.gap.absolute == Decimal("0.2") * BILLION


def test_partial_exceeds_whole_ignores_overlapping_intervals() -> None:
    part = claim(A, "trade_turnover", bn("4.45", "0.01"), period=months(2023, 1, 11))
    whole = claim(B, "trade_turnover", bn("4.4"), period=year(2023))
    assert run_pair(partial_exceeds_whole, part, whole) == []


def test_partial_exceeds_whole_respects_open_ends_at_the_touching_point() -> None:
    part = claim(
        A,
        "cargo_volume",
        hedged(100, Qualifier.AT_LEAST, low=100, unit="t"),
        period=months(2023, 1, 6),
    )
    whole_open = claim(
        B, "cargo_volume", hedged(100, Qualifier.LESS_THAN, high=100, unit="t"), period=year(2023)
    )
    whole_closed = claim(
        B, "cargo_volume", hedged(100, Qualifier.AT_MOST, high=100, unit="t"), period=year(2023)
    )
    assert len(run_pair(partial_exceeds_whole, part, whole_open)) == 1
    assert run_pair(partial_exceeds_whole, part, whole_closed) == []


def test_partial_exceeds_whole_ignores_equal_periods_and_unrelated_periods() -> None:
    a = claim(A, "trade_turnover", bn("5"), period=year(2023))
    b = claim(B, "trade_turnover", bn("4.4"), period=year(2023))
    c = claim(B, "trade_turnover", bn("1"), period=year(2022))
    assert run_pair(partial_exceeds_whole, a, b) == []
    assert run_pair(partial_exceeds_whole, a, c) == []


def test_partial_exceeds_whole_ignores_rates_stocks_and_negative_figures() -> None:
    r1 = claim(
        A, "growth_rate", exact(20, "percent"), period=months(2023, 1, 6), of="trade_turnover"
    )
    r2 = claim(B, "growth_rate", exact(10, "percent"), period=year(2023), of="trade_turnover")
    assert run_pair(partial_exceeds_whole, r1, r2) == []
    s1 = stock(A, "joint_projects_count", 60, as_of="2024-03-15")
    s2 = stock(B, "joint_projects_count", 12, as_of="2024-03-15")
    assert run_pair(partial_exceeds_whole, s1, s2) == []
    n1 = claim(A, "change_abs", exact(-5, "USD"), period=months(2023, 1, 6))
    n2 = claim(B, "change_abs", exact(-9, "USD"), period=year(2023))
    assert run_pair(partial_exceeds_whole, n1, n2) == []


def test_partial_exceeds_whole_ignores_undated_claims_and_different_scopes() -> None:
    part = claim(A, "trade_turnover", bn("4.6"), period=months(2023, 1, 11), scope="x")
    whole = claim(B, "trade_turnover", bn("4.4"), period=year(2023), scope="y")
    undated = claim(B, "trade_turnover", bn("4.4"), period=None, scope="x")
    assert run_pair(partial_exceeds_whole, part, whole) == []
    assert run_pair(partial_exceeds_whole, part, undated) == []
