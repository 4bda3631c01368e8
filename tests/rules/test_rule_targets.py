"""KZC005 target-mismatch: the same goal with another value or deadline."""

from __future__ import annotations

from rule_factory import bn, by_year, claim, run_pair, year

from kzuz_claims.model import Modality, Period, PeriodBasis, PeriodKind, Severity
from kzuz_claims.rules.targets import target_mismatch

A, B = "001_8c5d2d7de5debb63", "002_e982cd87925f1738"


def target(doc: str, value: str, period: Period | None = None, horizon: str | None = None):  # type: ignore[no-untyped-def]
    return claim(
        doc,
        "trade_target",
        bn(value, "1"),
        period=period,
        modality=Modality.TARGET,
        horizon=horizon,
    )


def test_target_mismatch_ignores_seed_two_10bn_targets_without_periods() -> None:
    assert run_pair(target_mismatch, target(A, "10", horizon="unspecified"), target(B, "10")) == []


def test_target_mismatch_ignores_vague_horizons_with_equal_values() -> None:
    a = target(A, "10", horizon="in the coming years")
    b = target(B, "10", by_year(2029), horizon="in the next five years")
    assert run_pair(target_mismatch, a, b) == []


def test_target_mismatch_flags_different_values() -> None:
    a = target(A, "10", horizon="in the medium term")
    b = target(B, "15")
    (finding,) = run_pair(target_mismatch, a, b)
    assert finding.rule == "KZC005"
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        f'trade_target: $10 billion "in the medium term" ({A}) vs $15 billion ({B})'
        " \u2014 different value"
    )
    assert finding.gap is not None and finding.gap.absolute == 5_000_000_000


def test_target_mismatch_flags_deadlines_more_than_a_year_apart() -> None:
    a = target(A, "10", by_year(2030))
    b = target(B, "10", by_year(2027))
    (finding,) = run_pair(target_mismatch, a, b)
    assert finding.message.endswith("\u2014 different deadline")
    assert "$10 billion by 2030" in finding.message
    assert "2030-12-31 and 2027-12-31 are more than a year apart" in finding.explanation
    assert finding.gap is None


def test_target_mismatch_flags_value_and_deadline_together() -> None:
    (finding,) = run_pair(
        target_mismatch, target(A, "10", by_year(2030)), target(B, "5", by_year(2025))
    )
    assert finding.message.endswith("different value and deadline")


def test_target_mismatch_allows_deadlines_a_year_apart() -> None:
    assert (
        run_pair(target_mismatch, target(A, "10", by_year(2030)), target(B, "10", by_year(2029)))
        == []
    )


def test_target_mismatch_ignores_unresolved_deadlines() -> None:
    vague = Period(
        start=year(2030).start,
        end=year(2030).end,
        kind=PeriodKind.OPEN_TARGET,
        basis=PeriodBasis.UNKNOWN,
    )
    assert run_pair(target_mismatch, target(A, "10", vague), target(B, "10", by_year(2025))) == []


def test_target_mismatch_ignores_non_targets() -> None:
    a = claim(A, "trade_turnover", bn("4"), modality=Modality.FORECAST)
    b = claim(B, "trade_turnover", bn("5"), modality=Modality.FORECAST)
    assert run_pair(target_mismatch, a, b) == []
