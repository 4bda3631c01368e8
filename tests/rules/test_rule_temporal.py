"""KZC007 undated-relative-period, KZC018 weekday-mismatch, KZC019 future-actual."""

from __future__ import annotations

import pytest
from rule_factory import (
    bn,
    by_year,
    claim,
    context,
    document,
    exact,
    months,
    run_corpus,
    stock,
    year,
)

from kzuz_claims.model import (
    Claim,
    Evidence,
    Finding,
    Modality,
    PeriodBasis,
    PeriodKind,
    PublishedBasis,
    Severity,
)
from kzuz_claims.rules.temporal import future_actual, undated_relative_period, weekday_mismatch


def test_undated_relative_period_lists_expressions_per_document() -> None:
    docs = [document("002_x"), document("004_y")]
    claims = [
        claim("002_x", "trade_turnover", bn("4.4"), at=50, period_as_written="last year"),
        claim("002_x", "exports_uz_to_kz", bn("1.4"), at=10, period_as_written="this year"),
        claim("002_x", "exports_kz_to_uz", bn("3"), at=90, period_as_written="last year"),
        claim("004_y", "trade_turnover", bn("4"), at=5, period_as_written="in 2021"),
    ]
    found = run_corpus(undated_relative_period, documents=docs, claims=claims)
    assert [f.message for f in found] == [
        "002_x: 2 relative periods cannot be dated, the document has no date:"
        ' "this year", "last year"',
        '004_y: 1 relative period cannot be dated, the document has no date: "in 2021"',
    ]
    assert found[0].severity is Severity.INFO
    assert found[0].claims == (claims[1].id, claims[0].id, claims[2].id)


def test_undated_relative_period_ignores_dated_documents_and_resolved_periods() -> None:
    docs = [document("000_a", published="2024-03-17"), document("002_x")]
    claims = [
        claim("000_a", "trade_turnover", bn("4.5"), period_as_written="last year"),
        claim("002_x", "trade_turnover", bn("4.4"), period=year(2023), period_as_written="in 2023"),
        claim("002_x", "trade_turnover", bn("4.4"), at=9),
        claim("999_missing", "trade_turnover", bn("4.4"), period_as_written="last year"),
    ]
    assert run_corpus(undated_relative_period, documents=docs, claims=claims) == []


def test_undated_relative_period_lists_an_unresolved_target_horizon() -> None:
    target = claim(
        "004_y",
        "trade_target",
        bn("10", "1"),
        modality=Modality.TARGET,
        horizon="in the next five years",
        period_as_written="in the next five years",
    )
    (finding,) = run_corpus(undated_relative_period, documents=[document("004_y")], claims=[target])
    assert finding.message.endswith('"in the next five years"')
    assert finding.claims == (target.id,)


def test_undated_relative_period_ignores_documents_with_an_inferred_date() -> None:
    inferred = document("003_z", "2024-10-22").model_copy(
        update={"published_basis": PublishedBasis.INFERRED, "published_evidence": '"Today"'}
    )
    c = claim("003_z", "trade_turnover", bn("4.4"), period_as_written="last year")
    assert run_corpus(undated_relative_period, documents=[inferred], claims=[c]) == []


# --- KZC018 weekday-mismatch -------------------------------------------------------


def weekday_findings(text: str, published: str | None = "2025-02-07") -> list[Finding]:
    doc = document("005_w", published, text=text)
    return run_corpus(weekday_mismatch, documents=[doc])


@pytest.mark.parametrize(
    "text",
    [
        "The agreement was signed on Thursday, February 6.",
        "The forum opened on Thursday (February 6).",
        "Talks continue on Friday, 7 February 2025.",
        "A visit is planned for Monday, February 10, 2025.",
        "The sides met on Monday, December 30.",
        "A summit took place on Tuesday, 06.02.2024.",
        "Signed on February 6 (Thursday), ratified on 7 February 2025 (Friday).",
        "It was held on Friday the 7th of February.",
        "Talks on Thu, Feb. 6, 2025 went well.",
        "The Kazakh side sat, May 5 was a rest day.",
        "He arrived on Friday, after the March 15 vote.",
        "It closes on Saturday, February 30.",
    ],
)
def test_weekday_mismatch_accepts_correct_and_unreadable_weekdays(text: str) -> None:
    assert weekday_findings(text) == []


def test_weekday_mismatch_flags_a_weekday_that_does_not_fit_the_publication_year() -> None:
    text = "Text. The agreement was signed on Wednesday, February 6, in Astana."
    (finding,) = weekday_findings(text)
    assert finding.rule == "KZC018"
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        '005_w: "Wednesday, February 6": 6 February 2025 is a Thursday, not a Wednesday'
    )
    (evidence,) = finding.evidence
    assert evidence == Evidence(doc="005_w", start=34, end=55, quote="Wednesday, February 6")
    assert text[evidence.start : evidence.end] == evidence.quote
    assert "2025 puts the date nearest the publication date of 005_w" in finding.explanation
    assert "February 6 is a Wednesday in 2019 and 2030" in finding.explanation
    assert finding.claims == ()


def test_weekday_mismatch_reads_the_written_year_and_names_the_year_that_fits() -> None:
    (finding,) = weekday_findings("The talks were held on Friday, 14 June 2023.")
    assert finding.message.endswith("14 June 2023 is a Wednesday, not a Friday")
    assert "The year 2023 is written with the date." in finding.explanation
    assert "June 14 is a Friday in 2019 and 2024" in finding.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Signed on Monday (March 4), the deal took effect.",
        "Signed on March 4 (Monday), the deal took effect.",
        "Signed on Monday, 4 March, the deal took effect.",
        "Signed on Monday, 04.03.2025, the deal took effect.",
    ],
)
def test_weekday_mismatch_reads_every_written_form(text: str) -> None:
    (finding,) = weekday_findings(text)
    assert "4 March 2025 is a Tuesday, not a Monday" in finding.message


def test_weekday_mismatch_resolves_a_date_across_the_new_year() -> None:
    assert weekday_findings("They met on Monday, December 30.", "2025-01-02") == []
    (finding,) = weekday_findings("They met on Tuesday, December 30.", "2025-01-02")
    assert "30 December 2024 is a Monday" in finding.message


def test_weekday_mismatch_skips_a_date_without_a_year_in_an_undated_document() -> None:
    assert weekday_findings("Signed on Wednesday, February 6.", None) == []
    (finding,) = weekday_findings("Signed on Wednesday, February 6, 2025.", None)
    assert "6 February 2025 is a Thursday" in finding.message


def test_weekday_mismatch_reads_only_the_article_body() -> None:
    header = " date 2025-02-07 Wednesday, February 6"
    doc = document("005_w", "2025-02-07", text=header + "\nBody text.").model_copy(
        update={"body_start": len(header)}
    )
    assert run_corpus(weekday_mismatch, documents=[doc]) == []


def test_weekday_mismatch_accepts_the_seed_friday_march_15() -> None:
    text = (
        " date 2024-03-17 Prime Minister Olzhas Bektenov paid a working visit to the"
        " Republic of Uzbekistanon Friday, March 15."
    )
    assert weekday_findings(text, "2024-03-17") == []


# --- KZC019 future-actual ----------------------------------------------------------

PUBLISHED = [document("006_f", "2024-03-17"), document("007_u")]


def future(c: Claim) -> list[Finding]:
    return list(future_actual([c], context(future_actual, claims=[c], documents=PUBLISHED)))


def test_future_actual_flags_a_period_that_begins_after_publication() -> None:
    c = claim("006_f", "trade_turnover", bn("5"), period=year(2025))
    (finding,) = future(c)
    assert finding.rule == "KZC019"
    assert finding.severity is Severity.WARNING
    assert finding.claims == (c.id,)
    assert finding.message == (
        "trade_turnover 2025: actual $5 billion in 006_f, published 2024-03-17,"
        " before the period began"
    )
    assert "starts on 2025-01-01, after 006_f was published on 2024-03-17" in finding.explanation


def test_future_actual_flags_a_stock_dated_after_publication() -> None:
    c = stock("006_f", "joint_projects_count", 60, as_of="2024-07-01", scope="portfolio")
    (finding,) = future(c)
    assert "joint_projects_count as of 2024-07-01" in finding.message


def test_future_actual_warns_of_a_named_period_still_under_way() -> None:
    c = claim("006_f", "trade_turnover", bn("4.9"), period=year(2024))
    (finding,) = future(c)
    assert finding.severity is Severity.WARNING
    assert finding.message.endswith("before the period ended")
    assert "the figure can only be a partial one" in finding.explanation


@pytest.mark.parametrize(
    "c",
    [
        claim("006_f", "trade_turnover", bn("4.5"), period=year(2023)),
        claim("006_f", "trade_turnover", bn("1.1"), period=year(2024, PeriodBasis.RELATIVE)),
        claim("006_f", "trade_turnover", bn("1.1"), period=year(2024, PeriodBasis.INHERITED)),
        claim(
            "006_f",
            "trade_turnover",
            bn("1.1"),
            period=months(2024, 1, 12).model_copy(update={"kind": PeriodKind.YEAR_TO_DATE}),
        ),
        claim("006_f", "trade_turnover", bn("5"), period=year(2025), modality=Modality.FORECAST),
        claim(
            "006_f", "trade_target", bn("10", "1"), period=by_year(2030), modality=Modality.TARGET
        ),
        claim("006_f", "jobs_created", exact(300), period=year(2026), modality=Modality.PLAN),
        claim("006_f", "trade_turnover", bn("5"), period=year(2025, PeriodBasis.UNKNOWN)),
        stock("006_f", "joint_projects_count", 60, as_of="2024-03-17", scope="portfolio"),
        claim("006_f", "trade_turnover", bn("5")),
        claim("007_u", "trade_turnover", bn("5"), period=year(2030)),
        claim("999_missing", "trade_turnover", bn("5"), period=year(2030)),
    ],
    ids=[
        "past-year",
        "this-year-relative",
        "inherited",
        "year-to-date",
        "forecast",
        "target",
        "plan",
        "unknown-basis",
        "stock-as-of-publication",
        "no-period",
        "undated-document",
        "unknown-document",
    ],
)
def test_future_actual_ignores_look_alikes(c: Claim) -> None:
    assert future(c) == []
