"""KZC009 unit-mismatch: the same figure in two currencies, with no conversion given."""

from __future__ import annotations

from rule_factory import bn, claim, document, exact, point, run_pair, year
from text_factory import article, quoted, run_pair_among

from kzuz_claims.model import MetricKind, Severity
from kzuz_claims.rules.values import unit_mismatch

A, B = "000_a", "001_b"


def test_unit_mismatch_reports_dollars_against_tenge_at_info_level() -> None:
    rail = "Darbaza-Maktaaral railway"
    a = claim(
        A,
        "project_cost",
        bn("0.25", "0.01"),
        period=point("2024-03-17"),
        kind=MetricKind.STOCK,
        object=rail,
    )
    b = claim(
        B,
        "project_cost",
        exact(115_000_000_000, "KZT"),
        period=point("2024-04-02"),
        kind=MetricKind.STOCK,
        object=rail,
    )
    (finding,) = run_pair(unit_mismatch, a, b)
    assert finding.rule == "KZC009"
    assert finding.severity is Severity.INFO
    assert finding.cause == "unit-mismatch"
    assert finding.message == (
        f"project_cost for {rail}: $250 million (as of 2024-03-17, {A}) vs 115 billion KZT"
        f" (as of 2024-04-02, {B}) \u2014 unit mismatch: USD vs KZT, a conversion is needed"
    )
    assert "neither text gives a conversion or an exchange rate" in finding.explanation
    assert "rate" in finding.explanation and finding.gap is None


def test_unit_mismatch_ignores_a_pair_with_a_conversion_in_the_text() -> None:
    a_doc = article(
        A, "2024-03-17", "The agency approved cover of KZT 45bn (about $100mn) for exporters."
    )
    b_doc = article(B, "2024-04-02", "Export insurance cover reached 46 billion tenge this year.")
    kzt = quoted(a_doc, "KZT 45bn", "export_cover", exact(45_000_000_000, "KZT"), period=year(2024))
    usd = quoted(a_doc, "$100mn", "export_cover", bn("0.1", "0.01"), period=year(2024))
    other = quoted(
        b_doc, "46 billion tenge", "export_cover", exact(46_000_000_000, "KZT"), period=year(2024)
    )
    docs = [a_doc, b_doc]
    claims = [kzt, usd, other]
    assert run_pair_among(unit_mismatch, usd, other, claims, documents=docs) == []


def test_unit_mismatch_ignores_a_sentence_that_names_an_exchange_rate() -> None:
    a_doc = article(A, "2024-03-17", "Trade reached $4.5 billion in 2023.")
    b_doc = article(
        B,
        "2024-04-02",
        "At the average exchange rate, trade came to 2.05 trillion tenge in 2023.",
    )
    usd = quoted(a_doc, "$4.5 billion", "trade_turnover", bn("4.5"), period=year(2023))
    kzt = quoted(
        b_doc,
        "2.05 trillion tenge",
        "trade_turnover",
        exact(2_050_000_000_000, "KZT"),
        period=year(2023),
    )
    assert run_pair_among(unit_mismatch, usd, kzt, [usd, kzt], documents=[a_doc, b_doc]) == []


def test_unit_mismatch_ignores_linked_claims_and_figures_of_one_article() -> None:
    a = claim(A, "project_cost", bn("0.25", "0.01"), period=year(2024), at=0)
    b = claim(A, "project_cost", exact(115_000_000_000, "KZT"), period=year(2024), at=200)
    assert run_pair(unit_mismatch, a, b) == []
    c = claim(B, "project_cost", exact(115_000_000_000, "KZT"), period=year(2024), linked=(a.id,))
    assert run_pair(unit_mismatch, a, c) == []


def test_unit_mismatch_ignores_other_periods_scopes_and_physical_units() -> None:
    a = claim(A, "trade_turnover", bn("4.5"), period=year(2023))
    other_year = claim(B, "trade_turnover", exact(2_000_000_000_000, "KZT"), period=year(2022))
    assert run_pair(unit_mismatch, a, other_year) == []
    s1 = claim(A, "joint_projects_value", bn("2.6"), period=year(2023), scope="portfolio")
    s2 = claim(B, "joint_projects_value", exact(10**12, "KZT"), period=year(2023), scope="pipeline")
    assert run_pair(unit_mismatch, s1, s2) == []
    tonnes = claim(A, "project_capacity", exact(1_500_000, "t/yr"), period=year(2025))
    power = claim(B, "project_capacity", exact(250, "MW"), period=year(2025))
    volume = claim(B, "project_capacity", bn("0.25", "0.01"), period=year(2025))
    assert run_pair(unit_mismatch, tonnes, power) == []
    assert run_pair(unit_mismatch, tonnes, volume) == []


def test_unit_mismatch_needs_no_documents_to_run() -> None:
    a = claim(A, "trade_turnover", bn("4.5"), period=year(2023))
    b = claim(B, "trade_turnover", exact(2_000_000_000_000, "RUB"), period=year(2023))
    assert len(run_pair(unit_mismatch, a, b, documents=[document(A), document(B)])) == 1
