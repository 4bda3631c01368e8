"""KZC012 record-contradicted: a "record" below an earlier figure of its series."""

from __future__ import annotations

from rule_factory import bn, claim, document, exact, months, point, run_corpus, stock, year
from text_factory import article, quoted

from kzuz_claims.model import Claim, Document, Finding, MetricKind, Modality, Severity
from kzuz_claims.rules.records import record_contradicted

OLD, NEW = "a_2023", "b_2024"
OLD_DOC = article(OLD, "2024-03-17", "In 2023, trade turnover amounted to $4.5 billion.")
Y2023 = quoted(
    OLD_DOC,
    "trade turnover amounted to $4.5 billion",
    "trade_turnover",
    bn("4.5"),
    period=year(2023),
)


def _record(sentence: str, quote: str, value: str = "4.3", **kw: object) -> tuple[Document, Claim]:
    doc = article(NEW, "2025-01-25", sentence)
    period = kw.pop("period", year(2024))
    return doc, quoted(doc, quote, "trade_turnover", bn(value), period=period, **kw)  # type: ignore[arg-type]


def _run(*claims: Claim, docs: tuple[Document, ...] = ()) -> list[Finding]:
    return run_corpus(record_contradicted, claims=list(claims), documents=[OLD_DOC, *docs])


def test_record_contradicted_flags_a_record_below_an_earlier_year() -> None:
    doc, record = _record(
        "Trade turnover reached a record $4.3 billion in 2024.", "reached a record $4.3 billion"
    )
    (finding,) = run_corpus(record_contradicted, claims=[Y2023, record], documents=[OLD_DOC, doc])
    assert finding.rule == "KZC012"
    assert finding.severity is Severity.WARNING
    assert finding.claims == (record.id, Y2023.id)
    assert finding.message == (
        f'trade_turnover: "record" 2024 figure $4.3 billion ({NEW}) is below the'
        f" 2023 figure $4.5 billion ({OLD}) \u2014 record contradicted"
    )
    assert "$4.5 billion - $4.3 billion = $200 million" in finding.explanation
    (evidence,) = finding.evidence
    assert doc.text[evidence.start : evidence.end] == "record" == evidence.quote


def test_record_contradicted_reads_other_record_phrases_and_forecasts() -> None:
    for sentence, quote in (
        ("Turnover hit an all-time high of $4.3 billion in 2024.", "all-time high of $4.3 billion"),
        ("At $4.3 billion, 2024 trade was the highest ever.", "$4.3 billion"),
        ("Trade reached $4.3 billion, a record-breaking result.", "$4.3 billion"),
    ):
        doc, record = _record(sentence, quote)
        assert len(_run(Y2023, record, docs=(doc,))) == 1, sentence
    doc, forecast = _record(
        "Trade is expected to reach a record $4.3 billion this year.",
        "a record $4.3 billion",
        modality=Modality.FORECAST,
    )
    (finding,) = _run(Y2023, forecast, docs=(doc,))
    assert "(a forecast)" in finding.explanation


def test_record_contradicted_picks_the_highest_earlier_figure() -> None:
    y2022 = claim("c_2022", "trade_turnover", bn("5", "1"), period=year(2022))
    doc, record = _record("Trade reached a record $4.3 billion in 2024.", "a record $4.3 billion")
    (finding,) = _run(Y2023, y2022, record, docs=(doc, document("c_2022", "2023-02-01")))
    assert finding.claims == (record.id, y2022.id)


def test_record_contradicted_flags_a_record_low_above_an_earlier_figure() -> None:
    doc, low = _record(
        "Trade fell to a record low of $4.7 billion in 2024.", "a record low of $4.7 billion", "4.7"
    )
    (finding,) = _run(Y2023, low, docs=(doc,))
    assert "is above the 2023 figure" in finding.message
    doc, high = _record(
        "Trade reached a record $4.7 billion in 2024.", "a record $4.7 billion", "4.7"
    )
    assert _run(Y2023, high, docs=(doc,)) == []


def test_record_contradicted_ignores_a_true_record_and_overlapping_rounding() -> None:
    doc, record = _record(
        "Trade reached a record $4.6 billion in 2024.", "a record $4.6 billion", "4.6"
    )
    assert _run(Y2023, record, docs=(doc,)) == []
    doc, same = _record("Trade matched its record of $4.5 billion in 2024.", "$4.5 billion", "4.5")
    assert _run(Y2023, same, docs=(doc,)) == []


def test_record_contradicted_ignores_negated_and_borrowed_records() -> None:
    for sentence, quote in (
        ("Trade of $4.3 billion in 2024 was below the record of 2023.", "$4.3 billion"),
        ("Trade of $4.3 billion in 2024 fell short of the record.", "$4.3 billion"),
        ("Trade reached a near-record $4.3 billion in 2024.", "$4.3 billion"),
        ("Trade of $4.3 billion in 2024 was not a record.", "$4.3 billion"),
        ("Turnover of $4.3 billion was recorded in 2024.", "$4.3 billion"),
    ):
        doc, record = _record(sentence, quote)
        assert _run(Y2023, record, docs=(doc,)) == [], sentence


def test_record_contradicted_gives_the_record_to_the_nearest_figure_only() -> None:
    doc = article(
        NEW,
        "2025-01-25",
        "Exports rose to a record $1.32 billion ($1.09 billion in the same period of 2023).",
    )
    record = quoted(
        doc,
        "a record $1.32 billion",
        "exports_kz_to_uz",
        bn("1.32", "0.01"),
        period=months(2024, 1, 6),
    )
    base = quoted(
        doc, "$1.09 billion", "exports_kz_to_uz", bn("1.09", "0.01"), period=months(2023, 1, 6)
    )
    earlier = claim(OLD, "exports_kz_to_uz", bn("1.2"), period=months(2022, 1, 6))
    assert _run(record, base, earlier, docs=(doc,)) == []


def test_record_contradicted_ignores_other_periods_series_and_undated_records() -> None:
    doc, half = _record(
        "Trade reached a record $4.3 billion in January-June 2024.",
        "a record $4.3 billion",
        period=months(2024, 1, 6),
    )
    assert _run(Y2023, half, docs=(doc,)) == []  # a half-year against a full year
    doc, later = _record(
        "Trade reached a record $4.3 billion in 2022.", "a record $4.3 billion", period=year(2022)
    )
    assert _run(Y2023, later, docs=(doc,)) == []  # 2023 is later, not earlier
    doc, third = _record(
        "Uzbekistan's trade with Russia reached a record $4.3 billion in 2024.",
        "a record $4.3 billion",
        entities=("RU", "UZ"),
    )
    assert _run(Y2023, third, docs=(doc,)) == []
    doc, undated = _record(
        "Trade reached a record $4.3 billion.", "a record $4.3 billion", period=None
    )
    assert _run(Y2023, undated, docs=(doc,)) == []
    forecast_2023 = Y2023.model_copy(update={"modality": Modality.FORECAST})
    doc, record = _record("Trade reached a record $4.3 billion in 2024.", "a record $4.3 billion")
    assert _run(forecast_2023, record, docs=(doc,)) == []  # only actual figures beat a record


def test_record_contradicted_compares_stocks_with_earlier_as_of_dates() -> None:
    earlier = stock(OLD, "enterprises_kz_capital_in_uz", 1131, as_of="2024-07-01")
    doc = article(NEW, "2025-01-25", "A record 1,050 enterprises with Kazakh capital now operate.")
    record = quoted(
        doc,
        "1,050 enterprises",
        "enterprises_kz_capital_in_uz",
        exact(1050),
        period=point("2025-01-25"),
        kind=MetricKind.STOCK,
    )
    (finding,) = _run(earlier, record, docs=(doc,))
    assert "is below the 1,131 as of 2024-07-01" in finding.message


def test_record_contradicted_compares_a_quarter_with_the_same_quarter_only() -> None:
    q2 = article("q2_2022", "2022-08-01", "In the second quarter trade came to $2.4 billion.")
    q2_claim = quoted(
        q2, "trade came to $2.4 billion", "trade_turnover", bn("2.4"), period=months(2022, 4, 6)
    )
    q1 = article("q1_2023", "2023-04-20", "In the first quarter trade came to $1.3 billion.")
    q1_claim = quoted(
        q1, "trade came to $1.3 billion", "trade_turnover", bn("1.3"), period=months(2023, 1, 3)
    )
    doc, record = _record(
        "Trade reached $1.2 billion in the first quarter of 2025, a record for a first quarter.",
        "Trade reached $1.2 billion",
        value="1.2",
        period=months(2025, 1, 3),
    )
    docs = (q2, q1, doc)
    (finding,) = _run(q2_claim, q1_claim, record, docs=docs)
    assert finding.claims == (record.id, q1_claim.id)
    assert _run(q2_claim, record, docs=docs) == []
