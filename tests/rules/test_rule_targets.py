"""KZC005 target-mismatch: the same goal with another value or deadline."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rule_factory import bn, by_year, claim, document, hedged, run_pair, year

from kzuz_claims.config import Config
from kzuz_claims.engine import check
from kzuz_claims.model import Claim, Modality, Period, PeriodBasis, PeriodKind, Qualifier, Severity
from kzuz_claims.rules._horizons import read_horizon
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


def test_target_mismatch_notes_a_staged_target_as_info() -> None:
    (finding,) = run_pair(
        target_mismatch, target(A, "10", by_year(2030)), target(B, "5", by_year(2025))
    )
    assert finding.message.endswith("different value and deadline (staged)")
    assert finding.severity is Severity.INFO
    assert "as in a staged target" in finding.explanation


def test_target_mismatch_flags_a_larger_target_with_the_earlier_deadline() -> None:
    (finding,) = run_pair(
        target_mismatch, target(A, "5", by_year(2030)), target(B, "10", by_year(2025))
    )
    assert finding.message.endswith("different value and deadline")
    assert finding.severity is Severity.WARNING


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


# --- deadlines read from words and resolved against the publication date -----------


def in_sentence(doc: str, sentence: str, figure: str, **kw: Any) -> Claim:
    """A $10 billion trade target quoted at `figure` inside `sentence` (the whole text)."""
    at = sentence.index(figure)
    c = claim(
        doc, "trade_target", bn("10", "1"), modality=Modality.TARGET, at=at, quote=figure, **kw
    )
    span = c.span.model_copy(update={"sentence_start": 0, "sentence_end": len(sentence)})
    return c.model_copy(update={"span": span})


def relative(start: str, end_year: int, text: str) -> Period:
    """A horizon the extractor resolved against the publication date."""
    return Period(
        start=date.fromisoformat(start),
        end=date(end_year, 12, 31),
        kind=PeriodKind.OPEN_TARGET,
        basis=PeriodBasis.RELATIVE,
        text=text,
    )


@pytest.mark.parametrize(
    ("words", "year_"),
    [
        ("in the next five years", 2026),
        ("over the next 5 years", 2026),
        ("within five years", 2026),
        ("in five years' time", 2026),
        ("within a year", 2022),
        ("by next year", 2022),
        ("by the end of this year", 2021),
        ("by the end of the decade", 2029),
        ("by 2030", 2030),
        ("by the end of 2027", 2027),
        ("until 2030", 2030),
    ],
)
def test_read_horizon_counts_from_the_publication_date(words: str, year_: int) -> None:
    horizon = read_horizon(words, date(2021, 5, 10))
    assert horizon is not None and horizon.year == year_


@pytest.mark.parametrize("words", ["in the medium term", "in the coming years", "soon", ""])
def test_read_horizon_leaves_vague_horizons_unresolved(words: str) -> None:
    assert read_horizon(words, date(2021, 5, 10)) is None


def test_read_horizon_needs_a_date_for_relative_words() -> None:
    assert read_horizon("in the next five years", None) is None
    horizon = read_horizon("by 2030", None)
    assert horizon is not None and horizon.year == 2030


def test_target_mismatch_flags_next_five_years_of_2021_against_by_2030() -> None:
    docs = [document(A, "2021-05-10"), document(B, "2024-03-17")]
    a = target(A, "10", relative("2021-05-10", 2026, "in the next five years"))
    b = target(B, "10", by_year(2030), horizon="by 2030")
    (finding,) = run_pair(target_mismatch, a, b, documents=docs)
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        f'trade_target: $10 billion "in the next five years" (= by 2026) ({A})'
        f" vs $10 billion by 2030 ({B}) \u2014 different deadline"
    )
    assert (
        'Deadline: 2026-12-31, "in the next five years" counted from the date of an article'
        f" of 2021-05-10 ({A})." in finding.explanation
    )


def test_target_mismatch_resolves_a_horizon_the_extractor_left_as_words() -> None:
    docs = [document(A, "2022-12-22"), document(B, "2024-03-17")]
    a = target(A, "10", horizon="within five years")
    b = target(B, "10", by_year(2030))
    (finding,) = run_pair(target_mismatch, a, b, documents=docs)
    assert '"within five years" (= by 2027)' in finding.message


def test_target_mismatch_reads_the_horizon_beside_the_figure_in_its_sentence() -> None:
    sentence = "The sides agreed to bring trade to $10 billion within five years, he said."
    docs = [document(A, "2022-12-22", text=sentence), document(B, "2024-03-17")]
    a = in_sentence(A, sentence, "trade to $10 billion")
    b = target(B, "10", by_year(2030))
    (finding,) = run_pair(target_mismatch, a, b, documents=docs)
    assert '"within five years" (= by 2027)' in finding.message


def test_target_mismatch_takes_no_horizon_that_belongs_to_another_figure() -> None:
    sentence = "Trade should reach $10 billion, and investment $5 billion by the end of the decade."
    docs = [document(A, "2022-12-22", text=sentence), document(B, "2024-03-17")]
    a = in_sentence(A, sentence, "reach $10 billion")
    b = target(B, "10", by_year(2030))
    assert run_pair(target_mismatch, a, b, documents=docs) == []


def test_target_mismatch_ignores_the_same_target_restated_in_other_words() -> None:
    docs = [document(A, "2025-06-01"), document(B, "2024-03-17"), document("003_c", "2024-01-05")]
    a = target(A, "10", relative("2025-06-01", 2030, "in the next five years"))
    b = target(B, "10", by_year(2030))
    c = target("003_c", "10", horizon="by the end of the decade")
    assert run_pair(target_mismatch, a, b, documents=docs) == []
    assert run_pair(target_mismatch, b, c, documents=docs) == []
    assert run_pair(target_mismatch, a, c, documents=docs) == []


def test_target_mismatch_ignores_relative_words_in_an_undated_document() -> None:
    a = target(A, "10", horizon="in the next five years")
    b = target(B, "10", by_year(2030))
    assert run_pair(target_mismatch, a, b, documents=[document(A), document(B, "2024-03-17")]) == []


def test_target_mismatch_compares_values_with_their_hedges() -> None:
    over = claim(
        A,
        "trade_target",
        hedged("10000000000", Qualifier.MORE_THAN, low="10000000000", unit="USD"),
        modality=Modality.TARGET,
    )
    assert run_pair(target_mismatch, over, target(B, "12")) == []
    assert (
        run_pair(
            target_mismatch,
            target(A, "10"),
            target(
                B,
                "10.4",
            ),
        )
        == []
    )


def test_target_mismatch_never_pairs_other_metrics_or_countries() -> None:
    docs = [document(A, "2024-03-17"), document(B, "2024-03-17")]
    claims = [
        target(A, "10", by_year(2030)),
        claim(B, "investment_target", bn("5", "1"), modality=Modality.TARGET, period=by_year(2025)),
        claim(
            B,
            "trade_target",
            bn("30", "1"),
            modality=Modality.TARGET,
            period=by_year(2026),
            entities=("RU", "UZ"),
        ),
    ]
    report = check(docs, claims, config=Config(select=("KZC005",)))
    assert report.findings == ()
