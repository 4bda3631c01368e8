"""KZC011 count-shrinks: a cumulative stock count that falls implausibly over time."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rule_factory import claim, document, exact, hedged, point, stock, year
from text_factory import article, quoted, run_group

from kzuz_claims.config import Config, config_from_mapping
from kzuz_claims.engine import check
from kzuz_claims.errors import ConfigError
from kzuz_claims.model import Claim, MetricKind, Modality, Qualifier, Severity
from kzuz_claims.rules import RuleRegistry
from kzuz_claims.rules.stocks import count_shrinks

A, B, C = "a_july", "b_january", "c_march"
METRIC = "enterprises_kz_capital_in_uz"


def _count(doc: str, value: int, as_of: str, **kw: object) -> Claim:
    return stock(doc, METRIC, value, as_of=as_of, **kw)  # type: ignore[arg-type]


def test_count_shrinks_flags_a_fall_of_more_than_ten_percent() -> None:
    earlier = _count(A, 1131, "2024-07-01", quote="1,131 enterprises")
    later = _count(B, 870, "2025-01-20", quote="870 enterprises")
    (finding,) = run_group(count_shrinks, [earlier, later])
    assert finding.rule == "KZC011"
    assert finding.severity is Severity.WARNING
    assert finding.claims == (earlier.id, later.id)
    assert finding.message == (
        f"{METRIC}: 1,131 as of 2024-07-01 ({A}) falls to 870 as of 2025-01-20 ({B})"
        " \u2014 23.1% fewer, more than the 10% a cumulative stock may fall"
    )
    assert "1,131 - 870 = 261; 261 / 1,131 = 23.1% of the earlier count" in finding.explanation
    assert "203 day(s) apart" in finding.explanation
    assert finding.gap is not None and finding.gap.absolute == 261


def test_count_shrinks_ignores_a_small_fall_and_growth() -> None:
    earlier = _count(A, 1131, "2024-07-01")
    assert run_group(count_shrinks, [earlier, _count(B, 1050, "2025-01-20")]) == []
    assert run_group(count_shrinks, [earlier, _count(B, 1312, "2025-04-01")]) == []


def test_count_shrinks_threshold_is_configuration() -> None:
    earlier = _count(A, 1131, "2024-07-01")
    later = _count(B, 1050, "2025-01-20")
    strict = config_from_mapping({"stocks": {"shrink": "0.05"}})
    assert len(run_group(count_shrinks, [earlier, later], config=strict)) == 1
    with pytest.raises(ConfigError, match=r"stocks\.shrink"):
        config_from_mapping({"stocks": {"shrink": 2}})


def test_count_shrinks_leaves_falls_inside_the_as_of_window_to_count_conflict() -> None:
    earlier = _count(A, 1131, "2024-07-01")
    later = _count(B, 900, "2024-08-01")
    assert run_group(count_shrinks, [earlier, later]) == []
    docs = [document(A, "2024-07-10"), document(B, "2024-08-10")]
    report = check(docs, [earlier, later], registry=RuleRegistry.builtin())
    assert [(f.rule, f.cause) for f in report.findings] == [("KZC002", "outside-rounding")]


def test_count_shrinks_measures_between_asserted_bounds() -> None:
    about = hedged(3950, Qualifier.APPROX, low=3555, high=4345)
    earlier = claim(A, METRIC, about, period=point("2024-07-10"), kind=MetricKind.STOCK)
    assert run_group(count_shrinks, [earlier, _count(B, 3400, "2025-01-20")]) == []
    (finding,) = run_group(count_shrinks, [earlier, _count(B, 3000, "2025-01-20")])
    assert "the earlier count is at least 3,555 and the later at most 3,000" in finding.explanation
    over = hedged(1100, Qualifier.MORE_THAN, low=1100)
    unbounded = claim(B, METRIC, over, period=point("2025-01-20"), kind=MetricKind.STOCK)
    assert run_group(count_shrinks, [_count(A, 1500, "2024-07-01"), unbounded]) == []


def test_count_shrinks_reports_each_later_count_once_against_the_highest_earlier() -> None:
    jan = _count(B, 1000, "2024-01-01", at=1)
    jul = _count(A, 1131, "2024-07-01", at=2)
    mar = _count(C, 800, "2025-03-01", at=3)
    (finding,) = run_group(count_shrinks, [jan, jul, mar])
    assert finding.claims == (jul.id, mar.id)


def test_count_shrinks_ignores_different_scopes_flows_and_event_counts() -> None:
    portfolio = stock(A, "joint_projects_count", 75, as_of="2024-09-13", scope="portfolio")
    implemented = stock(B, "joint_projects_count", 21, as_of="2025-02-07", scope="implemented")
    assert run_group(count_shrinks, [portfolio, implemented]) == []
    launched_1 = stock(A, "joint_projects_count", 12, as_of="2024-05-22", scope="launched")
    launched_2 = stock(B, "joint_projects_count", 5, as_of="2025-02-07", scope="launched")
    assert run_group(count_shrinks, [launched_1, launched_2]) == []
    flow_1 = claim(A, "joint_ventures_created", exact(12), period=year(2023))
    flow_2 = claim(B, "joint_ventures_created", exact(5), period=year(2024))
    assert run_group(count_shrinks, [flow_1, flow_2]) == []
    signed_1 = stock(A, "agreements_count", 38, as_of="2023-11-03")
    signed_2 = stock(B, "agreements_count", 28, as_of="2024-08-09")
    assert run_group(count_shrinks, [signed_1, signed_2]) == []


def test_count_shrinks_ignores_parts_launches_and_registered_against_operating() -> None:
    portfolio = stock(A, "joint_projects_count", 42, as_of="2024-05-22", scope="portfolio")
    doc = article(
        B,
        "2024-11-19",
        "He welcomed the launch of seven joint projects worth a billion dollars.",
        "Twenty-one of them have been commissioned.",
    )
    launched = quoted(
        doc,
        "seven joint projects",
        "joint_projects_count",
        exact(7),
        period=point("2024-11-19"),
        kind=MetricKind.STOCK,
        scope="portfolio",
    )
    part = quoted(
        doc,
        "Twenty-one of them",
        "joint_projects_count",
        exact(21),
        period=point("2024-11-19"),
        kind=MetricKind.STOCK,
        scope="portfolio",
    )
    for later in (launched, part):
        assert run_group(count_shrinks, [portfolio, later], documents=[doc]) == []
    registered = _count(A, 3950, "2024-07-10", quote="about 3,950 registered firms")
    operating = _count(B, 2512, "2025-01-01", quote="2,512 operating legal entities")
    assert run_group(count_shrinks, [registered, operating]) == []
    unstated = _count(B, 2512, "2025-01-01", quote="2,512 firms")
    assert run_group(count_shrinks, [registered, unstated]) == []
    also_registered = _count(B, 2512, "2025-01-01", quote="2,512 registered firms")
    assert len(run_group(count_shrinks, [registered, also_registered])) == 1
    standing = stock(B, "joint_projects_count", 7, as_of="2024-11-19", scope="portfolio")
    assert len(run_group(count_shrinks, [portfolio, standing])) == 1


def test_count_shrinks_ignores_undated_stocks_and_forecasts() -> None:
    earlier = _count(A, 1131, "2024-07-01")
    undated = stock(B, METRIC, 500, as_of=None)
    assert run_group(count_shrinks, [earlier, undated]) == []
    forecast = _count(B, 500, "2025-12-31", modality=Modality.FORECAST)
    assert run_group(count_shrinks, [earlier, forecast]) == []


def test_stocks_configuration_has_documented_defaults() -> None:
    stocks = Config().stocks
    assert stocks.shrink == Decimal("0.10")
    assert stocks.is_cumulative("enterprises_uz_capital_in_kz", None)
    assert stocks.is_cumulative("joint_projects_count", "portfolio")
    assert not stocks.is_cumulative("joint_projects_count", "launched")
    assert not stocks.is_cumulative("agreements_count", None)
