"""KZC008 scale-slip: figures that agree once one of them is multiplied by 1,000."""

from __future__ import annotations

from rule_factory import MILLION, bn, claim, exact, hedged, months, point, run_pair, stock, year

from kzuz_claims.model import MetricKind, Qualifier, Severity
from kzuz_claims.rules.values import scale_slip_rule

A, B = "000_a", "001_b"


def test_scale_slip_flags_million_for_billion() -> None:
    a = claim(A, "trade_turnover", bn("4.4"), period=year(2023), quote="reached $4.4 billion")
    b = claim(B, "trade_turnover", bn("0.0044", "0.0001"), period=year(2023), quote="$4.4 million")
    (finding,) = run_pair(scale_slip_rule, a, b)
    assert finding.rule == "KZC008"
    assert finding.cause == "scale-slip"
    assert finding.severity is Severity.ERROR
    assert finding.claims == (a.id, b.id)
    assert finding.message == (
        f"trade_turnover 2023: $4.4 billion ({A}) vs $4.4 million ({B})"
        " \u2014 scale slip: $4.4 million \u00d7 1,000 = $4.4 billion"
    )
    assert "[$4.35 billion, $4.45 billion) overlaps [$4.35 billion, $4.45 billion)" in (
        finding.explanation
    )


def test_scale_slip_flags_thousand_for_million_in_counts_and_tonnes() -> None:
    a = stock(A, "jobs_created", 13_300, as_of="2024-03-15", object="joint portfolio")
    b = stock(B, "jobs_created", 13_300_000, as_of="2024-03-20", object="joint portfolio")
    (finding,) = run_pair(scale_slip_rule, a, b)
    assert "13,300 \u00d7 1,000 = 13.3 million" in finding.message
    t1 = claim(A, "cargo_volume", exact(21_600_000, "t"), period=year(2023))
    t2 = claim(B, "cargo_volume", exact(21_600, "t"), period=year(2023))
    assert len(run_pair(scale_slip_rule, t1, t2)) == 1


def test_scale_slip_accepts_rounding_on_either_side() -> None:
    a = claim(A, "trade_turnover", bn("4.42", "0.01"), period=year(2023))
    b = claim(B, "trade_turnover", bn("0.0044", "0.0001"), period=year(2023))
    assert len(run_pair(scale_slip_rule, a, b)) == 1


def test_scale_slip_ignores_figures_that_do_not_match_after_scaling() -> None:
    a = claim(A, "trade_turnover", bn("4.4"), period=year(2023))
    b = claim(B, "trade_turnover", bn("0.0041", "0.0001"), period=year(2023))
    assert run_pair(scale_slip_rule, a, b) == []


def test_scale_slip_ignores_different_periods_and_stocks_outside_the_window() -> None:
    a = claim(A, "trade_turnover", bn("4.4"), period=year(2023))
    other_year = claim(B, "trade_turnover", bn("0.0044", "0.0001"), period=year(2022))
    part = claim(B, "trade_turnover", bn("0.0044", "0.0001"), period=months(2023, 1, 6))
    assert run_pair(scale_slip_rule, a, other_year) == []
    assert run_pair(scale_slip_rule, a, part) == []
    s1 = claim(
        A, "joint_projects_value", bn("2.6"), period=point("2024-03-15"), kind=MetricKind.STOCK
    )
    s2 = claim(
        B,
        "joint_projects_value",
        bn("0.0026", "0.0001"),
        period=point("2024-10-22"),
        kind=MetricKind.STOCK,
    )
    assert run_pair(scale_slip_rule, s1, s2) == []


def test_scale_slip_ignores_percentages_and_unbounded_hedges() -> None:
    p1 = claim(A, "share", exact("7.7", "percent"), period=year(2023), of="x")
    p2 = claim(B, "share", exact("7700", "percent"), period=year(2023), of="x")
    assert run_pair(scale_slip_rule, p1, p2) == []
    over = hedged(1000, Qualifier.MORE_THAN, low=1000)
    c1 = claim(A, "jobs_created", over, period=point("2024-03-15"), kind=MetricKind.STOCK)
    c2 = stock(B, "jobs_created", 2_500_000, as_of="2024-03-15")
    assert run_pair(scale_slip_rule, c1, c2) == []


def test_scale_slip_ignores_other_currencies_and_equal_figures() -> None:
    a = claim(A, "project_cost", bn("2.6"), period=point("2024-03-15"), kind=MetricKind.STOCK)
    b = claim(
        B,
        "project_cost",
        exact(2_600 * MILLION * 1000, "KZT"),
        period=point("2024-03-15"),
        kind=MetricKind.STOCK,
    )
    assert run_pair(scale_slip_rule, a, b) == []
    same = claim(B, "project_cost", bn("2.6"), period=point("2024-03-15"), kind=MetricKind.STOCK)
    assert run_pair(scale_slip_rule, a, same) == []
