"""KZC002 count-conflict: different counts for the same thing at the same time."""

from __future__ import annotations

from decimal import Decimal

from rule_factory import claim, exact, hedged, months, point, run_pair, stock, year

from kzuz_claims.model import MetricKind, Qualifier, Severity
from kzuz_claims.rules.counts import count_conflict

A, B = "000_a", "001_b"


def test_count_conflict_flags_different_counts_in_one_scope() -> None:
    a = stock(A, "joint_projects_count", 60, as_of="2024-03-15", scope="portfolio")
    b = stock(B, "joint_projects_count", 55, as_of="2024-04-01", scope="portfolio")
    (finding,) = run_pair(count_conflict, a, b)
    assert finding.rule == "KZC002"
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        f"joint_projects_count: 60 (as of 2024-03-15, {A}) vs 55 (as of 2024-04-01, {B})"
        " \u2014 outside rounding"
    )
    assert finding.cause == "outside-rounding"
    assert finding.gap is not None
    assert finding.gap.absolute == 5
    assert finding.gap.relative == Decimal("0.083333")
    assert "exactly 60" in finding.explanation
    assert "60 - 55 = 5" in finding.explanation


def test_count_conflict_shows_shared_as_of_date_once() -> None:
    a = stock(A, "enterprises_uz_capital_in_kz", 3600, as_of="2024-10-22")
    b = stock(B, "enterprises_uz_capital_in_kz", 1200, as_of="2024-10-22")
    (finding,) = run_pair(count_conflict, a, b)
    assert finding.message == (
        f"enterprises_uz_capital_in_kz as of 2024-10-22: 3,600 ({A}) vs 1,200 ({B})"
        " \u2014 outside rounding"
    )
    assert finding.severity is Severity.ERROR


def test_count_conflict_ignores_more_than_bound_that_covers_the_other() -> None:
    over = hedged(1000, Qualifier.MORE_THAN, low=1000)
    a = claim(
        A, "enterprises_kz_capital_in_uz", over, period=point("2024-10-22"), kind=MetricKind.STOCK
    )
    b = stock(B, "enterprises_kz_capital_in_uz", 1200, as_of="2024-10-01")
    assert run_pair(count_conflict, a, b) == []


def test_count_conflict_flags_count_below_a_more_than_bound() -> None:
    over = hedged(1000, Qualifier.MORE_THAN, low=1000)
    a = claim(
        A, "enterprises_kz_capital_in_uz", over, period=point("2024-10-22"), kind=MetricKind.STOCK
    )
    b = stock(B, "enterprises_kz_capital_in_uz", 1000, as_of="2024-10-01")
    (finding,) = run_pair(count_conflict, a, b)
    assert f"more than 1,000 (as of 2024-10-22, {A})" in finding.message
    assert "(1,000, \u221e)" in finding.explanation


def test_count_conflict_ignores_different_scopes() -> None:
    a = stock(A, "joint_projects_count", 60, as_of="2024-03-15", scope="portfolio")
    b = stock(B, "joint_projects_count", 12, as_of="2024-03-15", scope="under_implementation")
    assert run_pair(count_conflict, a, b) == []


def test_count_conflict_ignores_money_and_mismatched_flow_periods() -> None:
    a = claim(A, "joint_ventures_created", exact(12), period=year(2023))
    b = claim(B, "joint_ventures_created", exact(10), period=months(2023, 1, 6))
    assert run_pair(count_conflict, a, b) == []
    m1 = claim(A, "trade_turnover", exact(5, "USD"), period=year(2023))
    m2 = claim(B, "trade_turnover", exact(6, "USD"), period=year(2023))
    assert run_pair(count_conflict, m1, m2) == []


def test_count_conflict_flags_flows_with_equal_periods() -> None:
    a = claim(A, "joint_ventures_created", exact(12), period=year(2023))
    b = claim(B, "joint_ventures_created", exact(10), period=year(2023))
    (finding,) = run_pair(count_conflict, a, b)
    assert finding.message == (
        f"joint_ventures_created 2023: 12 ({A}) vs 10 ({B}) \u2014 outside rounding"
    )


def test_count_conflict_compares_figures_of_one_project_only_when_both_name_it() -> None:
    plant = stock(A, "jobs_created", 650, as_of="2025-02-14")
    farm = stock(B, "jobs_created", 300, as_of="2025-01-24")
    assert run_pair(count_conflict, plant, farm) == []
    named = {"object": "Jizzakh glass plant"}
    a = stock(A, "jobs_created", 650, as_of="2025-02-14", **named)
    b = stock(B, "jobs_created", 300, as_of="2025-01-24", **named)
    assert len(run_pair(count_conflict, a, b)) == 1
    # a cumulative count (the enterprises with Kazakh capital) needs no object
    e1 = stock(A, "enterprises_kz_capital_in_uz", 1131, as_of="2024-07-01")
    e2 = stock(B, "enterprises_kz_capital_in_uz", 1450, as_of="2024-07-10")
    assert len(run_pair(count_conflict, e1, e2)) == 1
