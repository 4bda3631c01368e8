"""KZC014 parts-vs-total: exports + imports against turnover, portfolio stages, parts."""

from __future__ import annotations

from decimal import Decimal

from rule_factory import (
    BILLION,
    MILLION,
    bn,
    claim,
    exact,
    hedged,
    months,
    point,
    rounded,
    run_corpus,
    stock,
    year,
)

from kzuz_claims.model import Claim, Finding, MetricKind, Modality, Qualifier, Severity
from kzuz_claims.rules.sums import parts_vs_total

A, B = "a22_pm_talks_2025", "b20_stat_release_2025"


def _run(*claims: Claim) -> list[Finding]:
    forward = run_corpus(parts_vs_total, claims=claims)
    backward = run_corpus(parts_vs_total, claims=tuple(reversed(claims)))
    assert forward == backward
    return forward


def _trade(
    doc: str, turnover: str, kz_uz: str | None, uz_kz: str | None, **kw: object
) -> list[Claim]:
    """A turnover and its two directions stated in one article for 2024."""
    period = kw.pop("period", year(2024))
    made = [claim(doc, "trade_turnover", bn(turnover), period=period, at=10, **kw)]  # type: ignore[arg-type]
    if kz_uz is not None:
        made.append(
            claim(
                doc, "exports_kz_to_uz", bn(kz_uz), period=period, at=20, direction="KZ->UZ", **kw
            )  # type: ignore[arg-type]
        )
    if uz_kz is not None:
        made.append(
            claim(
                doc, "exports_uz_to_kz", bn(uz_kz), period=period, at=30, direction="UZ->KZ", **kw
            )  # type: ignore[arg-type]
        )
    return made


# --- exports + imports against turnover --------------------------------------------


def test_parts_vs_total_flags_exports_and_imports_above_the_turnover() -> None:
    total, kz_uz, uz_kz = _trade(A, "4.4", "2.9", "1.9")
    (finding,) = _run(total, kz_uz, uz_kz)
    assert finding.rule == "KZC014"
    assert finding.severity is Severity.ERROR
    assert finding.claims == (kz_uz.id, uz_kz.id, total.id)
    assert finding.message == (
        f"trade_turnover 2024: KZ->UZ $2.9 billion + UZ->KZ $1.9 billion = $4.8 billion"
        f" > $4.4 billion ({A})"
    )
    assert "[$4.7 billion, $4.9 billion]" in finding.explanation
    assert "Beyond rounding by $250 million" in finding.explanation
    assert finding.gap is not None and finding.gap.absolute == Decimal("0.4") * BILLION


def test_parts_vs_total_flags_exports_and_imports_short_of_the_turnover() -> None:
    total, kz_uz, uz_kz = _trade(A, "4.4", "2.9", "1.1")
    (finding,) = _run(total, kz_uz, uz_kz)
    assert finding.severity is Severity.WARNING
    assert finding.message.endswith(f"= $4 billion < $4.4 billion ({A})")
    assert "exports_kz_to_uz + exports_uz_to_kz = trade_turnover" in finding.explanation


def test_parts_vs_total_grades_a_tiny_shortfall_beyond_rounding_as_info() -> None:
    total = claim(
        A, "trade_turnover", rounded(Decimal("4438.6") * MILLION, "100000"), period=year(2024), at=1
    )
    kz_uz = claim(
        A,
        "exports_kz_to_uz",
        rounded(Decimal("2942.4") * MILLION, "100000"),
        period=year(2024),
        at=2,
    )
    uz_kz = claim(
        A,
        "exports_uz_to_kz",
        rounded(Decimal("1495.9") * MILLION, "100000"),
        period=year(2024),
        at=3,
    )
    (finding,) = _run(total, kz_uz, uz_kz)
    assert finding.severity is Severity.INFO


def test_parts_vs_total_ignores_parts_that_add_up_within_rounding() -> None:
    assert _run(*_trade(A, "4.4", "2.9", "1.5")) == []
    assert _run(*_trade(A, "3.1", "2.3", "0.8")) == []
    exact_release = [
        claim(
            A, "trade_turnover", rounded(Decimal("4438.6") * MILLION, "100000"), period=year(2024)
        ),
        claim(
            A,
            "exports_kz_to_uz",
            rounded(Decimal("2942.4") * MILLION, "100000"),
            period=year(2024),
            at=1,
        ),
        claim(
            A,
            "exports_uz_to_kz",
            rounded(Decimal("1496.2") * MILLION, "100000"),
            period=year(2024),
            at=2,
        ),
    ]
    assert _run(*exact_release) == []


def test_parts_vs_total_needs_both_directions_to_call_a_sum_short() -> None:
    assert _run(*_trade(A, "4.4", "2.9", None)) == []
    assert _run(*_trade(A, "4.4", None, "1.1")) == []


def test_parts_vs_total_ignores_parts_of_other_periods_and_modalities() -> None:
    total = claim(A, "trade_turnover", bn("4.4"), period=year(2024), at=1)
    h1 = claim(A, "exports_kz_to_uz", bn("2.9"), period=months(2024, 1, 6), at=2)
    other_year = claim(A, "exports_uz_to_kz", bn("4.5"), period=year(2023), at=3)
    forecast = claim(
        A, "exports_kz_to_uz", bn("4.6"), period=year(2024), modality=Modality.FORECAST, at=4
    )
    assert _run(total, h1, other_year, forecast) == []


def test_parts_vs_total_sums_only_parts_of_the_article_of_the_total() -> None:
    total = _trade(A, "4.4", None, None)[0]
    kz_uz = claim(B, "exports_kz_to_uz", bn("2.9"), period=year(2024), direction="KZ->UZ", at=1)
    uz_kz = claim(B, "exports_uz_to_kz", bn("1.9"), period=year(2024), direction="UZ->KZ", at=2)
    assert _run(total, kz_uz, uz_kz) == []


def test_parts_vs_total_flags_one_direction_from_another_article_above_the_turnover() -> None:
    total = _trade(A, "2.9", None, None)[0]
    kz_uz = claim(B, "exports_kz_to_uz", bn("2.97", "0.01"), period=year(2024), direction="KZ->UZ")
    (finding,) = _run(total, kz_uz)
    assert finding.severity is Severity.WARNING
    assert finding.claims == (kz_uz.id, total.id)
    assert finding.message == (
        f"trade_turnover 2024: part exports_kz_to_uz (KZ->UZ) $2.97 billion ({B})"
        f" exceeds the total $2.9 billion ({A})"
    )
    assert "different articles" in finding.explanation


def test_parts_vs_total_flags_a_single_part_of_the_same_article_as_an_error() -> None:
    total, kz_uz = _trade(A, "2.9", "3.1", None)
    (finding,) = _run(total, kz_uz)
    assert finding.severity is Severity.ERROR


# --- categories and other partial parts ---------------------------------------------


def test_parts_vs_total_never_requires_a_category_to_add_up() -> None:
    exports = claim(A, "exports_kz_to_uz", bn("2.9"), period=year(2024), direction="KZ->UZ")
    wheat = claim(
        A, "category_trade", bn("1.1"), period=year(2024), direction="KZ->UZ", of="wheat", at=5
    )
    assert _run(exports, wheat) == []


def test_parts_vs_total_flags_a_category_above_the_exports_of_its_direction() -> None:
    exports = claim(A, "exports_kz_to_uz", bn("0.4"), period=year(2024), direction="KZ->UZ")
    wheat = claim(
        A, "category_trade", bn("1.1"), period=year(2024), direction="KZ->UZ", of="wheat", at=5
    )
    other_way = claim(
        A, "category_trade", bn("1.1"), period=year(2024), direction="UZ->KZ", of="fruit", at=9
    )
    (finding,) = _run(exports, wheat, other_way)
    assert finding.claims == (wheat.id, exports.id)


def test_parts_vs_total_ignores_categories_in_tonnes_and_agri_trade_below_turnover() -> None:
    turnover = claim(A, "trade_turnover", bn("4.4"), period=year(2024))
    tonnes = claim(
        A,
        "category_trade",
        rounded(Decimal("1.64") * MILLION, "10000", "t"),
        period=year(2024),
        of="wheat",
        at=3,
    )
    agri = claim(A, "agri_trade_turnover", rounded(612 * MILLION, MILLION), period=year(2024), at=6)
    assert _run(turnover, tonnes, agri) == []


def test_parts_vs_total_flags_bilateral_trade_above_a_national_total_not_third_country() -> None:
    uz_total = claim(
        A, "uz_foreign_trade_turnover", bn("4.3"), period=year(2024), entities=("UZ",), at=1
    )
    bilateral = claim(A, "trade_turnover", bn("4.6"), period=year(2024), at=2)
    kz_cn = claim(
        A,
        "third_country_trade_turnover",
        bn("31.5"),
        period=year(2024),
        entities=("CN", "KZ"),
        at=3,
    )
    (finding,) = _run(uz_total, bilateral, kz_cn)
    assert finding.claims == (bilateral.id, uz_total.id)


# --- listed projects against the portfolio -------------------------------------------


def _portfolio(doc: str, total: int, stages: dict[str, int], **kw: object) -> list[Claim]:
    made = [stock(doc, "joint_projects_count", total, as_of="2025-02-07", scope="portfolio", at=1)]
    for at, (stage, n) in enumerate(stages.items(), start=10):
        modality = Modality.PLAN if stage == "pipeline" else Modality.ACTUAL
        made.append(
            stock(
                doc,
                "joint_projects_count",
                n,
                as_of="2025-02-07",
                scope=stage,
                at=at,
                modality=modality,
                **kw,  # type: ignore[arg-type]
            )
        )
    return made


def test_parts_vs_total_flags_listed_stages_above_the_portfolio() -> None:
    claims = _portfolio(A, 75, {"implemented": 14, "under_implementation": 27, "pipeline": 40})
    (finding,) = _run(*claims)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        f"joint_projects_count as of 2025-02-07: implemented 14 + under_implementation 27"
        f" + pipeline 40 = 81 > 75 ({A})"
    )


def test_parts_vs_total_flags_stages_short_of_the_portfolio_only_when_all_are_listed() -> None:
    (short,) = _run(
        *_portfolio(A, 84, {"implemented": 21, "under_implementation": 38, "pipeline": 15})
    )
    assert short.severity is Severity.WARNING
    assert _run(*_portfolio(A, 84, {"implemented": 21, "under_implementation": 38})) == []
    assert (
        _run(*_portfolio(A, 84, {"implemented": 21, "under_implementation": 38, "pipeline": 25}))
        == []
    )


def test_parts_vs_total_keeps_offers_and_other_articles_out_of_a_portfolio() -> None:
    portfolio = stock(A, "joint_projects_count", 60, as_of="2024-03-15", scope="portfolio", at=1)
    promising = stock(
        A,
        "joint_projects_count",
        43,
        as_of="2024-03-15",
        scope="pipeline",
        at=2,
        modality=Modality.POTENTIAL,
    )
    elsewhere = stock(B, "joint_projects_count", 70, as_of="2024-03-20", scope="implemented")
    done = stock(A, "joint_projects_count", 30, as_of="2024-03-15", scope="implemented", at=3)
    assert _run(portfolio, promising, elsewhere, done) == []


def test_parts_vs_total_checks_portfolio_values_with_ranges_and_hedges() -> None:
    total = claim(
        A,
        "joint_projects_value",
        bn("3.5"),
        period=point("2025-02-07"),
        kind=MetricKind.STOCK,
        scope="portfolio",
        at=1,
    )
    done = claim(
        A,
        "joint_projects_value",
        rounded(620 * MILLION, MILLION),
        period=point("2025-02-07"),
        kind=MetricKind.STOCK,
        scope="implemented",
        at=2,
    )
    planned = claim(
        A,
        "joint_projects_value",
        hedged(
            Decimal("1.8") * BILLION,
            Qualifier.AT_MOST,
            low=Decimal("1.75") * BILLION,
            high=Decimal("2.15") * BILLION,
            unit="USD",
        ),
        period=point("2025-02-07"),
        kind=MetricKind.STOCK,
        scope="pipeline",
        at=3,
        modality=Modality.PLAN,
    )
    assert _run(total, done, planned) == []
    too_big = planned.model_copy(
        update={"quantity": rounded(Decimal("3.1") * BILLION, Decimal("0.1") * BILLION)}
    )
    (finding,) = _run(total, done, too_big)
    assert finding.severity is Severity.ERROR


def test_parts_vs_total_adds_two_figures_read_with_one_status_word() -> None:
    portfolio = stock(A, "joint_projects_count", 75, as_of="2025-02-07", scope="portfolio", at=1)
    done = stock(A, "joint_projects_count", 14, as_of="2025-02-07", scope="implemented", at=2)
    under_way = stock(A, "joint_projects_count", 30, as_of="2025-02-07", scope="implemented", at=3)
    preparing = stock(
        A, "joint_projects_count", 40, as_of="2025-02-07", scope="under_implementation", at=4
    )
    (finding,) = _run(portfolio, done, under_way, preparing)
    assert "implemented 14 + implemented 30 + under_implementation 40 = 84 > 75" in (
        finding.message
    )


def test_parts_vs_total_counts_a_repeated_stage_figure_once() -> None:
    claims = _portfolio(A, 42, {"implemented": 20, "pipeline": 21})
    repeat = stock(A, "joint_projects_count", 20, as_of="2025-02-07", scope="implemented", at=40)
    assert _run(*claims, repeat) == []


def test_parts_vs_total_compares_undated_stocks_only_beside_an_undated_total() -> None:
    total = stock(A, "joint_projects_count", 30, as_of=None, scope="portfolio", at=1)
    undated = stock(A, "joint_projects_count", 12, as_of=None, scope="under_implementation", at=2)
    plan = stock(
        A, "joint_projects_count", 21, as_of=None, scope="pipeline", at=3, modality=Modality.PLAN
    )
    (finding,) = _run(total, undated, plan)
    assert "(undated)" in finding.message
    assert _run(*_portfolio(A, 10, {}), undated) == []


def test_parts_vs_total_ignores_counts_with_a_different_unit_or_negative_values() -> None:
    total = claim(A, "trade_turnover", bn("4.4"), period=year(2024))
    negative = claim(A, "exports_kz_to_uz", exact(-5, "USD"), period=year(2024), at=2)
    in_kzt = claim(A, "exports_uz_to_kz", exact(9 * BILLION, "KZT"), period=year(2024), at=3)
    assert _run(total, negative, in_kzt) == []
