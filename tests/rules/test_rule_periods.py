"""KZC004 partial-exceeds-whole and KZC013 ytd-decreasing: nested periods."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rule_factory import (
    BILLION,
    MILLION,
    bn,
    claim,
    document,
    exact,
    hedged,
    months,
    rounded,
    run_pair,
    stock,
    year,
)

from kzuz_claims.engine import check
from kzuz_claims.model import Claim, Period, PeriodBasis, PeriodKind, Qualifier, Severity
from kzuz_claims.rules import RuleRegistry
from kzuz_claims.rules.periods import partial_exceeds_whole, ytd_decreasing

A, B = "001_8c5d2d7de5debb63", "003_396664d259ee8936"


def quarter(y: int, q: int) -> Period:
    first = 3 * q - 2
    p = months(y, first, first + 2)
    return p if first == 1 else p.model_copy(update={"kind": PeriodKind.QUARTER})


def _findings(claims: list[Claim], *ids: str) -> list[tuple[str, Severity]]:
    docs = sorted({c.doc for c in claims})
    report = check([document(d) for d in docs], claims, registry=RuleRegistry.builtin())
    return [(f.rule, f.severity) for f in report.findings if f.rule in ids]


# --- KZC004 partial-exceeds-whole -------------------------------------------------


def test_partial_exceeds_whole_flags_second_quarter_above_first_half() -> None:
    part = claim(A, "trade_turnover", bn("1.3"), period=quarter(2024, 2))
    whole = claim(B, "trade_turnover", bn("1.2"), period=months(2024, 1, 6))
    (finding,) = run_pair(partial_exceeds_whole, whole, part)
    assert finding.rule == "KZC004"
    assert finding.severity is Severity.ERROR
    assert finding.claims == (part.id, whole.id)
    assert finding.message == (
        f"trade_turnover: Q2 2024 $1.3 billion ({A}) exceeds H1 2024 $1.2 billion ({B})"
    )
    assert "Period: 2024-04-01..2024-06-30" in finding.explanation
    assert finding.gap is not None and finding.gap.absolute == Decimal("0.1") * BILLION


def test_partial_exceeds_whole_flags_a_month_above_its_quarter_a_quarter_above_its_year() -> None:
    march = claim(A, "exports_kz_to_uz", bn("0.9"), period=months(2024, 3, 3))
    q1 = claim(B, "exports_kz_to_uz", bn("0.8"), period=quarter(2024, 1))
    q4 = claim(A, "cargo_volume", rounded(7 * MILLION, MILLION, "t"), period=quarter(2023, 4))
    full = claim(B, "cargo_volume", rounded(5 * MILLION, MILLION, "t"), period=year(2023))
    assert len(run_pair(partial_exceeds_whole, march, q1)) == 1
    assert len(run_pair(partial_exceeds_whole, q4, full)) == 1


def test_partial_exceeds_whole_flags_resolved_periods_with_a_note() -> None:
    part = claim(A, "trade_turnover", bn("1.3"), period=quarter(2024, 2))
    relative = months(2024, 1, 6).model_copy(update={"basis": PeriodBasis.RELATIVE})
    whole = claim(B, "trade_turnover", bn("1.2"), period=relative)
    (finding,) = run_pair(partial_exceeds_whole, part, whole)
    assert f"The period of {B} was not stated explicitly" in finding.explanation


def test_partial_exceeds_whole_ignores_a_part_within_rounding_or_hedge_of_the_whole() -> None:
    whole = claim(B, "trade_turnover", bn("1.2"), period=months(2024, 1, 6))
    touching = claim(A, "trade_turnover", bn("1.25", "0.01"), period=quarter(2024, 2))
    about = claim(
        B,
        "trade_turnover",
        hedged(
            Decimal("1.2") * BILLION,
            Qualifier.APPROX,
            low=Decimal("1.08") * BILLION,
            high=Decimal("1.32") * BILLION,
            unit="USD",
        ),
        period=months(2024, 1, 6),
    )
    above_rounding = claim(A, "trade_turnover", bn("1.3"), period=quarter(2024, 2))
    assert run_pair(partial_exceeds_whole, touching, whole) == []
    assert run_pair(partial_exceeds_whole, above_rounding, about) == []


def test_partial_exceeds_whole_respects_open_ends_at_the_touching_point() -> None:
    part = claim(
        A,
        "cargo_volume",
        hedged(100, Qualifier.AT_LEAST, low=100, unit="t"),
        period=quarter(2023, 2),
    )
    whole_open = claim(
        B, "cargo_volume", hedged(100, Qualifier.LESS_THAN, high=100, unit="t"), period=year(2023)
    )
    whole_closed = claim(
        B, "cargo_volume", hedged(100, Qualifier.AT_MOST, high=100, unit="t"), period=year(2023)
    )
    assert len(run_pair(partial_exceeds_whole, part, whole_open)) == 1
    assert run_pair(partial_exceeds_whole, part, whole_closed) == []


def test_partial_exceeds_whole_ignores_periods_that_only_overlap_or_are_equal() -> None:
    first_half = claim(A, "trade_turnover", bn("1"), period=months(2024, 1, 6))
    spring_summer = claim(B, "trade_turnover", bn("2"), period=months(2024, 4, 9))
    other_year = claim(B, "trade_turnover", bn("0.5"), period=year(2023))
    same = claim(B, "trade_turnover", bn("0.5"), period=months(2024, 1, 6))
    assert run_pair(partial_exceeds_whole, first_half, spring_summer) == []
    assert run_pair(partial_exceeds_whole, spring_summer, other_year) == []
    assert run_pair(partial_exceeds_whole, first_half, same) == []


def test_partial_exceeds_whole_leaves_year_to_date_series_to_ytd_decreasing() -> None:
    q1 = claim(A, "trade_turnover", bn("1.3"), period=quarter(2024, 1))
    h1 = claim(B, "trade_turnover", bn("1.2"), period=months(2024, 1, 6))
    assert run_pair(partial_exceeds_whole, q1, h1) == []


def test_partial_exceeds_whole_flags_jan_nov_above_the_full_year() -> None:
    jan_nov = claim(A, "trade_turnover", bn("4.6"), period=months(2023, 1, 11))
    full = claim(B, "trade_turnover", bn("4.4"), period=year(2023))
    (finding,) = run_pair(partial_exceeds_whole, jan_nov, full)
    assert finding.message == (
        f"trade_turnover: Jan\u2013Nov 2023 $4.6 billion ({A}) exceeds 2023 $4.4 billion ({B})"
    )
    assert run_pair(ytd_decreasing, jan_nov, full) == []


def test_partial_exceeds_whole_ignores_rates_stocks_changes_and_negative_figures() -> None:
    r1 = claim(A, "growth_rate", exact(20, "percent"), period=quarter(2023, 2), of="x")
    r2 = claim(B, "growth_rate", exact(10, "percent"), period=year(2023), of="x")
    assert run_pair(partial_exceeds_whole, r1, r2) == []
    s1 = stock(A, "joint_projects_count", 60, as_of="2024-03-15")
    s2 = stock(B, "joint_projects_count", 12, as_of="2024-03-15")
    assert run_pair(partial_exceeds_whole, s1, s2) == []
    n1 = claim(A, "change_abs", exact(-5, "USD"), period=quarter(2023, 2))
    n2 = claim(B, "change_abs", exact(-9, "USD"), period=year(2023))
    assert run_pair(partial_exceeds_whole, n1, n2) == []
    c1 = claim(A, "change_abs", exact(9, "USD"), period=quarter(2023, 2), change="up")
    c2 = claim(B, "change_abs", exact(5, "USD"), period=year(2023), change="up")
    assert run_pair(partial_exceeds_whole, c1, c2) == []


def test_partial_exceeds_whole_ignores_undated_claims_and_different_scopes() -> None:
    part = claim(A, "trade_turnover", bn("4.6"), period=quarter(2023, 4), scope="x")
    whole = claim(B, "trade_turnover", bn("4.4"), period=year(2023), scope="y")
    undated = claim(B, "trade_turnover", bn("4.4"), period=None, scope="x")
    assert run_pair(partial_exceeds_whole, part, whole) == []
    assert run_pair(partial_exceeds_whole, part, undated) == []


def test_partial_exceeds_whole_never_pairs_other_metrics_directions_or_countries() -> None:
    whole = claim(B, "exports_kz_to_uz", bn("1.2"), period=months(2024, 1, 6), at=1)
    claims = [
        whole,
        claim(A, "exports_uz_to_kz", bn("1.3"), period=quarter(2024, 2), at=2),
        claim(A, "exports_kz_to_uz", bn("1.3"), period=quarter(2024, 2), at=3, direction="x"),
        claim(
            A, "exports_kz_to_uz", bn("1.3"), period=quarter(2024, 2), at=4, entities=("KZ", "CN")
        ),
    ]
    assert _findings(claims, "KZC004", "KZC013") == []


# --- KZC013 ytd-decreasing --------------------------------------------------------


def test_ytd_decreasing_flags_jan_jun_above_jan_sep() -> None:
    part = claim(A, "trade_turnover", bn("3.5"), period=months(2023, 1, 6))
    jan_sep = months(2023, 1, 9).model_copy(update={"basis": PeriodBasis.RELATIVE})
    whole = claim(B, "trade_turnover", bn("3.3"), period=jan_sep)
    (finding,) = run_pair(ytd_decreasing, whole, part)
    assert finding.rule == "KZC013"
    assert finding.name == "ytd-decreasing"
    assert finding.severity is Severity.ERROR
    assert finding.claims == (part.id, whole.id)
    assert finding.message == (
        f"trade_turnover: YTD falls from H1 2023 $3.5 billion ({A})"
        f" to Jan\u2013Sep 2023 $3.3 billion ({B})"
    )
    assert "Both periods start on 2023-01-01; Jan\u2013Sep 2023 adds 92 day(s)" in (
        finding.explanation
    )
    assert f"The period of {B} was not stated explicitly" in finding.explanation
    assert finding.gap is not None and finding.gap.absolute == Decimal("0.2") * BILLION


def test_ytd_decreasing_flags_first_quarter_above_first_half_of_a_direction() -> None:
    q1 = claim(A, "exports_uz_to_kz", bn("1.3"), period=quarter(2024, 1), direction="UZ->KZ")
    h1 = claim(B, "exports_uz_to_kz", bn("1.1"), period=months(2024, 1, 6), direction="UZ->KZ")
    (finding,) = run_pair(ytd_decreasing, q1, h1)
    assert finding.message.startswith("exports_uz_to_kz (UZ->KZ): YTD falls from Q1 2024")


def test_ytd_decreasing_ignores_a_growing_series_and_figures_within_rounding() -> None:
    jan_jun = claim(A, "trade_turnover", bn("2.1"), period=months(2024, 1, 6))
    jan_sep = claim(B, "trade_turnover", bn("3.28", "0.01"), period=months(2024, 1, 9))
    assert run_pair(ytd_decreasing, jan_jun, jan_sep) == []
    jan_nov = claim(A, "trade_turnover", bn("4.1"), period=months(2023, 1, 11))
    full = claim(B, "trade_turnover", bn("4.1"), period=year(2023))
    assert run_pair(ytd_decreasing, jan_nov, full) == []
    almost = claim(
        B,
        "trade_turnover",
        hedged(
            5 * BILLION,
            Qualifier.ALMOST,
            low=Decimal("4.5") * BILLION,
            high=5 * BILLION,
            unit="USD",
        ),
        period=year(2022),
    )
    jan_nov_22 = claim(A, "trade_turnover", bn("4.6"), period=months(2022, 1, 11))
    assert run_pair(ytd_decreasing, jan_nov_22, almost) == []


def test_ytd_decreasing_ignores_other_years_and_periods_not_starting_in_january() -> None:
    jan_sep_24 = claim(A, "trade_turnover", bn("3.3"), period=months(2024, 1, 9))
    year_23 = claim(B, "trade_turnover", bn("2.9"), period=year(2023))
    assert run_pair(ytd_decreasing, jan_sep_24, year_23) == []
    q2 = claim(A, "trade_turnover", bn("1.3"), period=quarter(2024, 2))
    h1 = claim(B, "trade_turnover", bn("1.2"), period=months(2024, 1, 6))
    assert run_pair(ytd_decreasing, q2, h1) == []
    since_2017 = Period(start=date(2017, 1, 1), end=date(2023, 12, 31), kind=PeriodKind.RANGE)
    span = claim(A, "trade_turnover", bn("20"), period=since_2017)
    year_17 = claim(B, "trade_turnover", bn("2.1"), period=year(2017))
    assert run_pair(ytd_decreasing, span, year_17) == []


def test_ytd_decreasing_ignores_rates_shares_stocks_and_changes() -> None:
    r1 = claim(A, "growth_rate", rounded("20", "0.1", "percent"), period=quarter(2024, 1), of="x")
    r2 = claim(B, "growth_rate", rounded("10", "0.1", "percent"), period=months(2024, 1, 6), of="x")
    assert run_pair(ytd_decreasing, r1, r2) == []
    s1 = claim(A, "share", rounded("9", "0.1", "percent"), period=quarter(2024, 1), of="x")
    s2 = claim(B, "share", rounded("7", "0.1", "percent"), period=months(2024, 1, 6), of="x")
    assert run_pair(ytd_decreasing, s1, s2) == []
    k1 = stock(A, "enterprises_kz_capital_in_uz", 1131, as_of="2024-07-01")
    k2 = stock(B, "enterprises_kz_capital_in_uz", 958, as_of="2024-12-31")
    assert run_pair(ytd_decreasing, k1, k2) == []
    c1 = claim(A, "change_abs", exact(300, "count"), period=quarter(2024, 1), change="up")
    c2 = claim(B, "change_abs", exact(100, "count"), period=months(2024, 1, 6), change="up")
    assert run_pair(ytd_decreasing, c1, c2) == []


def test_ytd_decreasing_ignores_different_scopes_and_units() -> None:
    q1 = claim(A, "cargo_volume", rounded(9 * MILLION, MILLION, "t"), period=quarter(2024, 1))
    h1_kg = claim(B, "cargo_volume", rounded(8 * MILLION, MILLION, "kg"), period=months(2024, 1, 6))
    assert run_pair(ytd_decreasing, q1, h1_kg) == []
    scoped = claim(A, "trade_turnover", bn("1.3"), period=quarter(2024, 1), scope="x")
    h1 = claim(B, "trade_turnover", bn("1.2"), period=months(2024, 1, 6))
    assert run_pair(ytd_decreasing, scoped, h1) == []


def test_one_nested_discrepancy_gives_one_finding_from_kzc004_or_kzc013() -> None:
    ytd = [
        claim(A, "trade_turnover", bn("4.6"), period=months(2023, 1, 11), at=1),
        claim(B, "trade_turnover", bn("4.4"), period=year(2023), at=2),
    ]
    nested = [
        claim(A, "trade_turnover", bn("1.3"), period=quarter(2024, 2), at=3),
        claim(B, "trade_turnover", bn("1.2"), period=months(2024, 1, 6), at=4),
    ]
    assert _findings(ytd, "KZC004", "KZC013") == [("KZC004", Severity.ERROR)]
    assert _findings(nested, "KZC004", "KZC013") == [("KZC004", Severity.ERROR)]


def test_ytd_decreasing_reports_every_falling_pair_of_a_series() -> None:
    series = [
        claim(A, "trade_turnover", bn("1.5"), period=quarter(2024, 1), at=1),
        claim(A, "trade_turnover", bn("1.2"), period=months(2024, 1, 6), at=2),
        claim(B, "trade_turnover", bn("3.3"), period=months(2024, 1, 9), at=3),
        claim(B, "trade_turnover", bn("1.1"), period=year(2024), at=4),
    ]
    # Q1 > H1 is a falling series; Q1, H1 and Jan-Sep above the year are parts above
    # their whole. Jan-Sep above H1 is growth, not reported.
    assert len(_findings(series, "KZC013")) == 1
    assert len(_findings(series, "KZC004")) == 3
