"""KZC001 value-conflict: rounding-aware cross-source conflicts on non-count figures."""

from __future__ import annotations

from decimal import Decimal

from rule_factory import BILLION, bn, claim, exact, hedged, months, point, run_pair, year

from kzuz_claims.config import Config
from kzuz_claims.engine import block_key
from kzuz_claims.model import Gap, MetricKind, Modality, Qualifier, Quantity, Severity
from kzuz_claims.rules.values import value_conflict

A = "000_2baa5ade77b0a3aa"
B = "003_396664d259ee8936"


def test_value_conflict_flags_seed_turnover_45_vs_44_as_warning() -> None:
    a = claim(A, "trade_turnover", bn("4.5"), period=year(2023), quote="amounted to $4.5 billion")
    b = claim(B, "trade_turnover", bn("4.4"), period=year(2023), quote="reaching $4.4 billion")
    (finding,) = run_pair(value_conflict, a, b)
    assert finding.rule == "KZC001"
    assert finding.name == "value-conflict"
    assert finding.severity is Severity.WARNING
    assert finding.claims == (a.id, b.id)
    assert finding.message == (
        f"trade_turnover 2023: $4.5 billion ({A}) vs $4.4 billion ({B}) \u2014 outside rounding"
    )
    assert finding.cause == "outside-rounding"
    assert finding.gap == Gap(
        absolute=Decimal("0.1") * BILLION, relative=Decimal("0.022222"), unit="USD"
    )
    assert "[$4.45 billion, $4.55 billion)" in finding.explanation
    assert "[$4.35 billion, $4.45 billion)" in finding.explanation
    assert "$4.5 billion - $4.4 billion = $100 million" in finding.explanation
    assert "= 2.2% of the larger figure" in finding.explanation


def test_value_conflict_ignores_overlapping_rounding() -> None:
    a = claim(A, "trade_turnover", bn("4.4"), period=year(2023))
    b = claim(B, "trade_turnover", bn("4.42", "0.01"), period=year(2023))
    assert run_pair(value_conflict, a, b) == []


def test_value_conflict_ignores_hedged_figure_covering_the_other() -> None:
    about = hedged(
        4 * BILLION,
        Qualifier.APPROX,
        low=Decimal("3.6") * BILLION,
        high=Decimal("4.4") * BILLION,
        unit="USD",
    )
    a = claim(A, "trade_turnover", about, period=year(2023))
    b = claim(B, "trade_turnover", bn("4.3"), period=year(2023))
    assert run_pair(value_conflict, a, b) == []


def test_value_conflict_grades_error_from_ten_percent() -> None:
    a = claim(A, "trade_turnover", bn("5"), period=year(2023))
    b = claim(B, "trade_turnover", bn("4.4"), period=year(2023))
    (finding,) = run_pair(value_conflict, a, b)
    assert finding.severity is Severity.ERROR
    assert finding.gap is not None and finding.gap.relative == Decimal("0.12")


def test_value_conflict_grades_info_below_warning_threshold() -> None:
    a = claim(A, "trade_turnover", exact(4_500_000_000, "USD"), period=year(2023))
    b = claim(B, "trade_turnover", exact(4_490_000_000, "USD"), period=year(2023))
    (finding,) = run_pair(value_conflict, a, b)
    assert finding.severity is Severity.INFO
    assert "0.22%" in finding.explanation


def test_value_conflict_uses_configured_thresholds_and_overrides() -> None:
    a = claim(A, "trade_turnover", bn("4.5"), period=year(2023))
    b = claim(B, "trade_turnover", bn("4.4"), period=year(2023))
    strict = Config.model_validate({"thresholds": {"warning": "0.001", "error": "0.02"}})
    assert run_pair(value_conflict, a, b, config=strict)[0].severity is Severity.ERROR
    quiet = Config.model_validate({"severity": {"KZC001": "info"}})
    assert run_pair(value_conflict, a, b, config=quiet)[0].severity is Severity.INFO


def test_value_conflict_requires_equal_flow_periods() -> None:
    full = claim(A, "trade_turnover", bn("4.5"), period=year(2023))
    part = claim(B, "trade_turnover", bn("4.1"), period=months(2023, 1, 11))
    other_year = claim(B, "trade_turnover", bn("5"), period=year(2022))
    undated = claim(B, "trade_turnover", bn("4"), period=None)
    for other in (part, other_year, undated):
        assert run_pair(value_conflict, full, other) == []


def test_value_conflict_requires_same_scope() -> None:
    a = claim(A, "joint_projects_value", bn("2.6"), period=year(2023), scope="portfolio")
    b = claim(B, "joint_projects_value", bn("1"), period=year(2023), scope="pipeline")
    assert run_pair(value_conflict, a, b) == []


def test_value_conflict_requires_same_unit() -> None:
    a = claim(A, "project_cost", bn("2.6"), period=year(2023))
    b = claim(B, "project_cost", exact(1_200_000_000_000, "KZT"), period=year(2023))
    assert run_pair(value_conflict, a, b) == []


def test_value_conflict_compares_stocks_within_the_as_of_window() -> None:
    a = claim(
        A, "joint_projects_value", bn("2.6"), period=point("2024-03-15"), kind=MetricKind.STOCK
    )
    near = claim(
        B, "joint_projects_value", bn("3.1"), period=point("2024-05-01"), kind=MetricKind.STOCK
    )
    far = claim(
        B, "joint_projects_value", bn("3.1"), period=point("2024-10-22"), kind=MetricKind.STOCK
    )
    (finding,) = run_pair(value_conflict, a, near)
    assert "(as of 2024-03-15" in finding.message
    assert "(as of 2024-05-01" in finding.message
    assert "47 day(s) apart" in finding.explanation
    assert run_pair(value_conflict, a, far) == []
    wide = Config(as_of_window_days=365)
    assert len(run_pair(value_conflict, a, far, config=wide)) == 1


def test_value_conflict_ignores_undated_stocks() -> None:
    a = claim(
        A, "joint_projects_value", bn("2.6"), period=point("2024-03-15"), kind=MetricKind.STOCK
    )
    b = claim(B, "joint_projects_value", bn("3.1"), period=None, kind=MetricKind.STOCK)
    assert run_pair(value_conflict, a, b) == []


def test_value_conflict_leaves_counts_and_targets_to_other_rules() -> None:
    a = claim(A, "joint_projects_count", exact(60), period=year(2023))
    b = claim(B, "joint_projects_count", exact(55), period=year(2023))
    assert run_pair(value_conflict, a, b) == []
    t1 = claim(A, "trade_target", bn("10"), period=year(2030), modality=Modality.TARGET)
    t2 = claim(B, "trade_target", bn("15"), period=year(2030), modality=Modality.TARGET)
    assert run_pair(value_conflict, t1, t2) == []


def test_value_conflict_flags_two_claims_of_one_document() -> None:
    a = claim(A, "trade_turnover", bn("4.5"), period=year(2023), at=10)
    b = claim(A, "trade_turnover", bn("4.2"), period=year(2023), at=400)
    assert len(run_pair(value_conflict, a, b)) == 1


def test_value_conflict_message_names_the_percent_unit() -> None:
    a = claim(A, "share", exact("7.7", "percent"), period=year(2023), of="KZ_in_UZ_foreign_trade")
    b = claim(B, "share", exact("8.1", "percent"), period=year(2023), of="KZ_in_UZ_foreign_trade")
    (finding,) = run_pair(value_conflict, a, b)
    assert finding.message == (
        f"share of KZ_in_UZ_foreign_trade 2023: 7.7% ({A}) vs 8.1% ({B}) \u2014 outside rounding"
    )


def _over(value: str) -> Quantity:
    """ "over $5 billion" as the extractor reads it: above the figure, digits kept."""
    v = Decimal(value) * BILLION
    return Quantity(
        value=v,
        unit="USD",
        low=v,
        high=None,
        low_closed=False,
        qualifier=Qualifier.MORE_THAN,
        precision=BILLION,
    )


def test_value_conflict_names_hedge_incompatible_over_5_vs_4_9() -> None:
    a = claim(A, "trade_turnover", _over("5"), period=year(2023), quote="exceeded $5 billion")
    b = claim(B, "trade_turnover", bn("4.9"), period=year(2023), quote="reached $4.9 billion")
    (finding,) = run_pair(value_conflict, a, b)
    assert finding.cause == "hedge-incompatible"
    assert finding.message == (
        f"trade_turnover 2023: more than $5 billion ({A}) vs $4.9 billion ({B})"
        " \u2014 hedge-incompatible: 'more than' in more than $5 billion excludes $4.9 billion"
    )
    assert "would be [$4.5 billion, $5.5 billion)" in finding.explanation
    assert "'more than' makes it ($5 billion, \u221e)" in finding.explanation
    assert finding.severity is Severity.WARNING  # 2% of $5 billion


def test_value_conflict_names_hedge_of_almost_against_a_figure_above() -> None:
    almost = Quantity(
        value=5 * BILLION,
        unit="USD",
        low=Decimal("4.5") * BILLION,
        high=5 * BILLION,
        high_closed=False,
        qualifier=Qualifier.ALMOST,
        precision=BILLION,
    )
    a = claim(A, "trade_turnover", almost, period=year(2023))
    b = claim(B, "trade_turnover", bn("5.1"), period=year(2023))
    (finding,) = run_pair(value_conflict, a, b)
    assert finding.cause == "hedge-incompatible"
    assert "'almost' in almost $5 billion excludes $5.1 billion" in finding.message


def test_value_conflict_calls_a_hedged_pair_outside_rounding_when_digits_disagree() -> None:
    a = claim(A, "trade_turnover", _over("5"), period=year(2023))
    b = claim(B, "trade_turnover", bn("3.2"), period=year(2023))
    (finding,) = run_pair(value_conflict, a, b)
    assert finding.cause == "outside-rounding"
    assert finding.message.endswith("\u2014 outside rounding")
    assert finding.severity is Severity.ERROR


def test_value_conflict_ignores_over_5_against_5_2() -> None:
    a = claim(A, "trade_turnover", _over("5"), period=year(2023))
    b = claim(B, "trade_turnover", bn("5.2"), period=year(2023))
    assert run_pair(value_conflict, a, b) == []


def test_value_conflict_leaves_scale_slips_and_currencies_to_their_rules() -> None:
    a = claim(A, "trade_turnover", bn("4.4"), period=year(2023))
    slip = claim(B, "trade_turnover", bn("0.0044", "0.0001"), period=year(2023))
    tenge = claim(B, "trade_turnover", exact(2_000_000_000_000, "KZT"), period=year(2023))
    assert run_pair(value_conflict, a, slip) == []
    assert run_pair(value_conflict, a, tenge) == []


def test_value_conflict_never_sees_third_country_figures() -> None:
    # Entities are in the block key, so the engine never pairs UZ-RU with KZ-UZ trade.
    kz_uz = claim(A, "trade_turnover", bn("4.4"), period=year(2023))
    uz_ru = claim(A, "trade_turnover", bn("9.8"), period=year(2023), entities=("RU", "UZ"), at=50)
    assert block_key(kz_uz) != block_key(uz_ru)


def test_value_conflict_calls_a_figure_beyond_about_outside_rounding() -> None:
    about = hedged(
        4 * BILLION,
        Qualifier.APPROX,
        low=Decimal("3.6") * BILLION,
        high=Decimal("4.4") * BILLION,
        unit="USD",
    )
    a = claim(
        A, "trade_turnover", about.model_copy(update={"precision": BILLION}), period=year(2023)
    )
    b = claim(B, "trade_turnover", bn("4.5"), period=year(2023))
    (finding,) = run_pair(value_conflict, a, b)
    assert finding.cause == "outside-rounding"


def test_value_conflict_reports_two_figures_of_one_sentence_as_info() -> None:
    a = claim(A, "trade_turnover", bn("2.9"), period=year(2023), at=10)
    b = claim(A, "trade_turnover", bn("1.4"), period=year(2023), at=30)
    one_sentence = [
        c.model_copy(
            update={"span": c.span.model_copy(update={"sentence_start": 0, "sentence_end": 80})}
        )
        for c in (a, b)
    ]
    (finding,) = run_pair(value_conflict, *one_sentence)
    assert finding.severity is Severity.INFO
    assert finding.cause == "outside-rounding"
    assert "Both figures stand in one sentence" in finding.explanation


def test_value_conflict_leaves_figures_that_do_not_say_what_they_measure() -> None:
    total = claim(A, "unclassified:exports", bn("24.4"), period=year(2023))
    order = claim(B, "unclassified:exports", bn("0.00075", "0.00001"), period=year(2023))
    assert run_pair(value_conflict, total, order) == []
    wheat = claim(
        A, "growth_rate", exact("37.5", "percent"), period=year(2023), of="category_trade"
    )
    cars = claim(B, "growth_rate", exact(7, "percent"), period=year(2023), of="category_trade")
    assert run_pair(value_conflict, wheat, cars) == []
    trade_a = claim(
        A, "growth_rate", exact("37.5", "percent"), period=year(2023), of="trade_turnover"
    )
    trade_b = claim(B, "growth_rate", exact(7, "percent"), period=year(2023), of="trade_turnover")
    assert len(run_pair(value_conflict, trade_a, trade_b)) == 1
