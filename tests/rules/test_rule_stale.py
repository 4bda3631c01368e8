"""KZC010 stale-figure: an older figure presented as current after a newer one was out."""

from __future__ import annotations

from datetime import timedelta

from rule_factory import bn, claim, context, document, exact, months, point, stock, year
from text_factory import article, quoted, run_group

from kzuz_claims.engine import check
from kzuz_claims.model import Claim, Document, Modality, Period, PeriodBasis, Severity
from kzuz_claims.rules import RuleRegistry
from kzuz_claims.rules.stale import stale_figure

NEW, OLD = "a_newer", "b_older"
NEW_DOC = article(NEW, "2024-03-17", "In 2023, trade turnover amounted to $4.5 billion.")
NEW_2023 = quoted(
    NEW_DOC,
    "trade turnover amounted to $4.5 billion",
    "trade_turnover",
    bn("4.5"),
    period=year(2023),
)


def _worded(period: Period, text: str) -> Period:
    return period.model_copy(update={"basis": PeriodBasis.RELATIVE, "text": text})


def _old(published: str, sentence: str, quote: str, **kw: object) -> tuple[Document, Claim]:
    doc = article(OLD, published, sentence)
    return doc, quoted(doc, quote, "trade_turnover", bn("5", "1"), period=year(2022), **kw)  # type: ignore[arg-type]


def test_stale_figure_flags_2022_called_latest_after_2023_was_published() -> None:
    old_doc, old = _old(
        "2024-06-02",
        "According to the latest data, trade turnover reached $5 billion in 2022.",
        "trade turnover reached $5 billion",
    )
    (finding,) = run_group(stale_figure, [NEW_2023, old], documents=[NEW_DOC, old_doc])
    assert finding.rule == "KZC010"
    assert finding.cause == "stale-figure"
    assert finding.severity is Severity.WARNING
    assert finding.claims == (old.id, NEW_2023.id)
    assert finding.message == (
        f"trade_turnover: 2022 figure $5 billion ({OLD}, published 2024-06-02) presented as"
        f" current after 2023 figure $4.5 billion ({NEW}, published 2024-03-17)"
        " \u2014 stale figure"
    )
    assert 'its sentence says "latest"' in finding.explanation
    (evidence,) = finding.evidence
    assert evidence.quote == "latest"
    assert old_doc.text[evidence.start : evidence.end] == "latest"


def test_stale_figure_flags_a_reprint_whose_last_year_is_two_years_old() -> None:
    # A speech of December 2023 reprinted in April 2024: "last year" was resolved
    # against the speech, so it is 2022, and the article presents it as current.
    old = claim(OLD, "trade_turnover", bn("5", "1"), period=_worded(year(2022), "Last year"), at=40)
    docs = [NEW_DOC, document(OLD, "2024-04-02")]
    (finding,) = run_group(stale_figure, [NEW_2023, old], documents=docs)
    assert 'its period is worded "Last year"' in finding.explanation


def test_stale_figure_flags_a_shorter_year_to_date_repeated_after_a_longer_one() -> None:
    sep = claim(NEW, "trade_turnover", bn("3.2"), period=months(2024, 1, 9), at=5)
    jun = claim(
        OLD,
        "trade_turnover",
        bn("2.1"),
        period=_worded(months(2024, 1, 6), "so far this year"),
        at=9,
    )
    docs = [document(NEW, "2024-10-25"), document(OLD, "2024-11-20")]
    (finding,) = run_group(stale_figure, [sep, jun], documents=docs)
    assert "H1 2024 figure $2.1 billion" in finding.message
    assert "after Jan\u2013Sep 2024 figure $3.2 billion" in finding.message


def test_stale_figure_reports_each_stale_claim_once_against_the_newest_figure() -> None:
    old_doc, old = _old(
        "2024-06-02",
        "According to the latest data, trade turnover reached $5 billion in 2022.",
        "trade turnover reached $5 billion",
    )
    again = claim("c_again", "trade_turnover", bn("4.5"), period=year(2023), at=3)
    docs = [NEW_DOC, old_doc, document("c_again", "2024-03-20")]
    (finding,) = run_group(stale_figure, [NEW_2023, again, old], documents=docs)
    assert finding.claims == (old.id, NEW_2023.id)  # the earliest published 2023 figure


def test_stale_figure_reports_an_undated_by_word_older_figure_only_as_info() -> None:
    old_doc, old = _old(
        "2024-06-02",
        "In 2022, trade turnover reached $5 billion.",
        "trade turnover reached $5 billion",
    )
    (finding,) = run_group(stale_figure, [NEW_2023, old], documents=[NEW_DOC, old_doc])
    assert finding.severity is Severity.INFO
    assert "latest figure of the series its article gives" in finding.explanation


def test_stale_figure_ignores_an_older_figure_published_soon_after_the_newer() -> None:
    published = NEW_DOC.published
    assert published is not None
    soon = (published + timedelta(days=10)).isoformat()
    old_doc, old = _old(soon, "In 2022, trade turnover reached $5 billion.", "reached $5 billion")
    assert run_group(stale_figure, [NEW_2023, old], documents=[NEW_DOC, old_doc]) == []


def test_stale_figure_ignores_an_article_that_also_gives_the_newer_figure() -> None:
    doc = article(
        OLD,
        "2024-06-02",
        "According to the latest data, trade turnover reached $5 billion in 2022.",
        "In 2023 trade turnover came to $4.5 billion.",
    )
    old = quoted(
        doc, "trade turnover reached $5 billion", "trade_turnover", bn("5", "1"), period=year(2022)
    )
    own_2023 = quoted(
        doc, "trade turnover came to $4.5 billion", "trade_turnover", bn("4.5"), period=year(2023)
    )
    assert run_group(stale_figure, [NEW_2023, old, own_2023], documents=[NEW_DOC, doc]) == []


def test_stale_figure_ignores_a_current_word_that_belongs_to_another_figure() -> None:
    doc = article(
        OLD,
        "2024-06-02",
        "Exports now stand at $3.1 billion, while trade turnover reached $5 billion in 2022.",
    )
    old = quoted(
        doc, "trade turnover reached $5 billion", "trade_turnover", bn("5", "1"), period=year(2022)
    )
    exports = quoted(
        doc, "Exports now stand at $3.1 billion", "exports_kz_to_uz", bn("3.1"), period=year(2024)
    )
    docs = [NEW_DOC, doc]
    ctx = context(stale_figure, claims=[NEW_2023, old, exports], documents=docs)
    assert [f.severity for f in stale_figure([NEW_2023, old], ctx)] == [Severity.INFO]
    alone = context(stale_figure, claims=[NEW_2023, old], documents=docs)
    (finding,) = stale_figure([NEW_2023, old], alone)  # "now" is then old's
    assert finding.severity is Severity.WARNING


def test_stale_figure_ignores_order_of_publication_and_undated_articles() -> None:
    old_doc, old = _old(
        "2024-02-01",
        "According to the latest data, trade turnover reached $5 billion in 2022.",
        "trade turnover reached $5 billion",
    )
    assert run_group(stale_figure, [NEW_2023, old], documents=[NEW_DOC, old_doc]) == []
    undated = old_doc.model_copy(update={"published": None})
    assert run_group(stale_figure, [NEW_2023, old], documents=[NEW_DOC, undated]) == []


def test_stale_figure_ignores_periods_of_another_length_scope_or_modality() -> None:
    docs = [NEW_DOC, document(OLD, "2024-06-02")]
    half = claim(OLD, "trade_turnover", bn("2.1"), period=_worded(months(2022, 1, 6), "last year"))
    assert run_group(stale_figure, [NEW_2023, half], documents=docs) == []
    wording = _worded(year(2022), "last year")
    scoped = claim(OLD, "trade_turnover", bn("5", "1"), period=wording, scope="pipeline")
    assert run_group(stale_figure, [NEW_2023, scoped], documents=docs) == []
    forecast_new = NEW_2023.model_copy(update={"modality": Modality.FORECAST})
    forecast_old = claim(
        OLD, "trade_turnover", bn("5", "1"), period=wording, modality=Modality.FORECAST
    )
    assert run_group(stale_figure, [forecast_new, forecast_old], documents=docs) == []


STOCK_NEW = "n_july"
STOCK_OLD = "o_january"


def _enterprises(doc: str, value: int, as_of: str | None, **kw: object) -> Claim:
    return stock(doc, "enterprises_kz_capital_in_uz", value, as_of=as_of, **kw)  # type: ignore[arg-type]


def test_stale_figure_flags_an_old_as_of_value_called_current() -> None:
    new = _enterprises(STOCK_NEW, 1131, "2024-07-01")
    doc = article(
        "p_later",
        "2024-10-15",
        "According to the latest figures, 1,000 enterprises with Kazakh capital"
        " operate in Uzbekistan.",
    )
    old = quoted(
        doc,
        "1,000 enterprises",
        "enterprises_kz_capital_in_uz",
        exact(1000),
        period=point("2024-01-01"),
    )
    old = old.model_copy(update={"kind": new.kind})
    docs = [document(STOCK_NEW, "2024-07-15"), doc]
    (finding,) = run_group(stale_figure, [new, old], documents=docs)
    assert finding.message.startswith(
        "enterprises_kz_capital_in_uz: 1,000 as of 2024-01-01 (p_later, published 2024-10-15)"
        " presented as current after 1,131 as of 2024-07-01"
    )


def _repeat_scenario() -> tuple[list[Document], list[Claim]]:
    source = _enterprises(STOCK_OLD, 1000, "2024-01-01", at=1)
    new = _enterprises(STOCK_NEW, 1131, "2024-07-01", at=2)
    repeat = _enterprises("s_repeat", 1000, "2024-11-05", at=3)
    repeat = repeat.model_copy(update={"period": _worded(point("2024-11-05"), "publication date")})
    docs = [
        document(STOCK_OLD, "2024-01-20"),
        document(STOCK_NEW, "2024-07-15"),
        document("s_repeat", "2024-11-05"),
    ]
    return docs, [source, new, repeat]


def test_stale_figure_flags_an_undated_stock_that_repeats_an_older_figure() -> None:
    docs, (source, new, repeat) = _repeat_scenario()
    (finding,) = run_group(stale_figure, [source, new, repeat], documents=docs)
    assert finding.claims == (repeat.id, new.id, source.id)
    assert "it has no as-of date of its own" in finding.explanation
    assert "equals 1,000 as of 2024-01-01 in o_january" in finding.explanation


def test_repeated_stock_is_stale_not_a_shrink_and_not_a_conflict() -> None:
    docs, claims = _repeat_scenario()
    report = check(docs, claims, registry=RuleRegistry.builtin())
    assert [(f.rule, f.cause) for f in report.findings] == [("KZC010", "stale-figure")]


def test_stale_figure_ignores_stocks_within_the_window_and_other_stock_kinds() -> None:
    docs, (source, new, repeat) = _repeat_scenario()
    near = new.model_copy(update={"period": point("2024-10-01")})
    assert run_group(stale_figure, [source, near, repeat], documents=docs) == []
    agreements = [
        c.model_copy(update={"metric": "agreements_count"}) for c in (source, new, repeat)
    ]
    assert run_group(stale_figure, agreements, documents=docs) == []
    registered = repeat.model_copy(update={"quote": "1,000 registered enterprises"})
    assert run_group(stale_figure, [source, new, registered], documents=docs) == []
