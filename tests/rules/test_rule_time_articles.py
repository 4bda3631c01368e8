"""Targets, temporal and entity rules end to end: articles -> extraction -> findings.

The articles in `articles_time/` plant two inconsistencies for each rule of the
family (KZC005, KZC006, KZC007, KZC018, KZC019, KZC020) beside look-alikes that are
consistent: a target restated in other words, a third-country target, correct
weekdays (one across the new year), past and forecast figures, a stock as of the
publication date, dated "last year", relatives sharing a surname, Murat and Marat,
deputies, a former prime minister and the other country's prime minister. Every
planted finding must be found, and no other finding of these rules may reach
warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kzuz_claims.config import Config
from kzuz_claims.engine import check
from kzuz_claims.extract import extract
from kzuz_claims.model import Finding, Report, Severity
from kzuz_claims.sources import load

ARTICLES = Path(__file__).parent / "articles_time"
RULES = ("KZC005", "KZC006", "KZC007", "KZC018", "KZC019", "KZC020")

PLANTED = [
    (
        "KZC005",
        '"in the next five years" (= by 2026) (t01_target_five_years_2021) vs $10 billion by 2030',
    ),
    ("KZC005", "$10 billion by 2030 (t02_target_by_2030_2024) vs $15 billion by 2030"),
    ("KZC006", "one person spelled 2 ways: Olzhas Bektenov, Oljas Bektenov"),
    ("KZC006", "one person spelled 2 ways: Abdulla Oripov, Abdulla Aripov"),
    ("KZC007", "t09_undated_last_year: 1 relative period cannot be dated"),
    ("KZC007", "t10_undated_this_year: 1 relative period cannot be dated"),
    ("KZC018", '"Wednesday, February 6": 6 February 2025 is a Thursday, not a Wednesday'),
    ("KZC018", '"Friday, 14 June 2023": 14 June 2023 is a Wednesday, not a Friday'),
    ("KZC019", "trade_turnover 2025: actual $5 billion in t07_future_year_2024"),
    ("KZC019", "exports_kz_to_uz (KZ->UZ) H1 2024: actual $1.2 billion in t08_future_half_2023"),
    ("KZC020", "President of Uzbekistan: Shavkat Mirziyoyev (t02_target_by_2030_2024, 2024-03-17)"),
    ("KZC020", "Prime Minister of Kazakhstan: Oljas Bektenov (t11_name_variants_2024, 2024-03-20)"),
]
"""(rule, part of the message) of every planted inconsistency."""

REPEATS = [
    (
        "KZC005",
        '"in the next five years" (= by 2026) (t01_target_five_years_2021) vs $10 billion'
        ' "in the next five years" (= by 2030)',
    ),
    ("KZC005", "(= by 2030) (t03_target_restated_2025) vs $15 billion by 2030"),
    (
        "KZC020",
        "Prime Minister of Kazakhstan: Olzhas Bektenov (t02_target_by_2030_2024, 2024-03-17)"
        " vs Alikhan Smailov (t13_two_prime_ministers_2024",
    ),
]
"""The planted targets met again in the restating article t03 (t01 and t04 are the odd
ones), and the two prime ministers met again between t02 and t13 (one finding per pair
of articles)."""


@pytest.fixture(scope="module")
def report() -> Report:
    loaded = load([ARTICLES])
    extraction = extract(loaded.documents)
    return check(
        loaded.documents, extraction.claims, extraction.persons, config=Config(select=RULES)
    )


def _matches(finding: Finding, planted: list[tuple[str, str]]) -> bool:
    return any(finding.rule == rule and part in finding.message for rule, part in planted)


@pytest.mark.parametrize(
    ("rule", "part"), PLANTED, ids=[f"{r}-{i}" for i, (r, _) in enumerate(PLANTED)]
)
def test_time_articles_planted_inconsistency_is_found(report: Report, rule: str, part: str) -> None:
    found = [f for f in report.findings if f.rule == rule and part in f.message]
    assert found, f"{rule} did not report: {part}\n" + "\n".join(
        f.message for f in report.findings if f.rule == rule
    )


def test_time_articles_look_alikes_stay_below_warning(report: Report) -> None:
    unexpected = [
        f.message
        for f in report.findings
        if f.severity.rank >= Severity.WARNING.rank and not _matches(f, PLANTED + REPEATS)
    ]
    assert unexpected == []


def test_time_articles_staged_target_is_only_info(report: Report) -> None:
    staged = [f for f in report.findings if f.message.endswith("(staged)")]
    assert staged and all(f.severity is Severity.INFO for f in staged)
