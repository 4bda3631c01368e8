"""KZC003 scope-conflict: figures that differ only in their status words."""

from __future__ import annotations

from rule_factory import bn, claim, months, point, run_pair, stock, year

from kzuz_claims.model import MetricKind, Modality, Severity
from kzuz_claims.rules.scopes import scope_conflict

A = "000_2baa5ade77b0a3aa"
B = "002_e982cd87925f1738"


def test_scope_conflict_flags_seed_60_portfolio_vs_12_underway_with_unknown_date() -> None:
    a = stock(A, "joint_projects_count", 60, as_of="2024-03-15", scope="portfolio")
    b = stock(B, "joint_projects_count", 12, as_of=None, scope="under_implementation")
    (finding,) = run_pair(scope_conflict, a, b)
    assert finding.rule == "KZC003"
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        f"joint_projects_count: 60 (portfolio, {A}) vs 12 (under_implementation, {B})"
        " \u2014 differ in scope"
    )
    assert f"The as-of date of {B} is unknown" in finding.explanation
    assert "portfolio vs under_implementation" in finding.explanation


def test_scope_conflict_flags_money_with_scope_against_no_scope() -> None:
    a = claim(
        A,
        "joint_projects_value",
        bn("2.6"),
        period=point("2024-03-15"),
        kind=MetricKind.STOCK,
        scope="portfolio",
    )
    b = claim(
        B,
        "joint_projects_value",
        bn("0.156", "0.001"),
        period=point("2024-03-20"),
        kind=MetricKind.STOCK,
    )
    (finding,) = run_pair(scope_conflict, a, b)
    assert (
        "($156 million (no scope stated" in finding.message
        or "$156 million (no scope stated" in finding.message
    )
    assert "5 day(s) apart" in finding.explanation


def test_scope_conflict_ignores_same_scope_and_overlapping_values() -> None:
    a = stock(A, "joint_projects_count", 60, as_of="2024-03-15", scope="portfolio")
    same = stock(B, "joint_projects_count", 12, as_of="2024-03-15", scope="portfolio")
    equal = stock(B, "joint_projects_count", 60, as_of="2024-03-15", scope="launched")
    assert run_pair(scope_conflict, a, same) == []
    assert run_pair(scope_conflict, a, equal) == []


def test_scope_conflict_ignores_stocks_outside_the_as_of_window() -> None:
    a = stock(A, "joint_projects_count", 60, as_of="2024-03-15", scope="portfolio")
    b = stock(B, "joint_projects_count", 12, as_of="2024-10-22", scope="under_implementation")
    assert run_pair(scope_conflict, a, b) == []


def test_scope_conflict_requires_equal_flow_periods() -> None:
    a = claim(A, "category_trade", bn("1.2"), period=year(2023), scope="agreed", of="wheat")
    b = claim(
        B, "category_trade", bn("0.4"), period=months(2023, 1, 6), scope="launched", of="wheat"
    )
    undated = claim(B, "category_trade", bn("0.4"), period=None, scope="launched", of="wheat")
    assert run_pair(scope_conflict, a, b) == []
    assert run_pair(scope_conflict, a, undated) == []
    same = claim(B, "category_trade", bn("0.4"), period=year(2023), scope="launched", of="wheat")
    (finding,) = run_pair(scope_conflict, a, same)
    assert finding.message.startswith("category_trade of wheat 2023: $1.2 billion (agreed,")


def test_scope_conflict_leaves_targets_to_target_mismatch() -> None:
    a = claim(A, "trade_target", bn("10"), modality=Modality.TARGET, scope="bilateral")
    b = claim(B, "trade_target", bn("5"), modality=Modality.TARGET)
    assert run_pair(scope_conflict, a, b) == []


def test_scope_conflict_leaves_a_breakdown_within_one_article_alone() -> None:
    whole = stock(A, "joint_projects_count", 30, as_of="2022-09-01", scope="portfolio", at=1)
    done = stock(A, "joint_projects_count", 12, as_of="2022-09-01", scope="implemented", at=2)
    going = stock(
        A, "joint_projects_count", 10, as_of="2022-09-01", scope="under_implementation", at=3
    )
    assert run_pair(scope_conflict, whole, done) == []
    assert run_pair(scope_conflict, done, going) == []
