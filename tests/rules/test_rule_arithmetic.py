"""KZC015 change-arithmetic, KZC016 share-arithmetic, KZC017 multiple-arithmetic."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arith_factory import Article
from rule_factory import (
    MILLION,
    bn,
    claim,
    exact,
    hedged,
    months,
    rounded,
    run_corpus,
    year,
)

from kzuz_claims.model import Claim, Finding, Modality, Period, PeriodKind, Qualifier, Severity
from kzuz_claims.rules import RuleFunc
from kzuz_claims.rules.arithmetic import change_arithmetic, multiple_arithmetic, share_arithmetic


def _run(func: RuleFunc, *articles: Article, extra: tuple[Claim, ...] = ()) -> list[Finding]:
    claims = [c for a in articles for c in a.claims] + list(extra)
    docs = [a.document for a in articles]
    forward = run_corpus(func, claims=claims, documents=docs)
    backward = run_corpus(func, claims=list(reversed(claims)), documents=list(reversed(docs)))
    assert forward == backward
    return forward


def percent(value: str, step: str = "0.1") -> object:
    return rounded(value, step, "percent")


def mn(value: str, precision: str = "0.1") -> object:
    return rounded(Decimal(value) * MILLION, Decimal(precision) * MILLION)


def quarter1(y: int) -> Period:
    return months(y, 1, 3)


def span(first: int, last: int) -> Period:
    return Period(start=date(first, 1, 1), end=date(last, 12, 31), kind=PeriodKind.RANGE)


# --- KZC015 change-arithmetic -------------------------------------------------------

QUARTER = (
    "Trade with Kazakhstan over the quarter rose by {rate} percent to $1.21 billion"
    " from $1,078.4 million in January-March 2024."
)


def _quarter_article(rate: str, change: str = "up") -> tuple[Article, Claim, Claim, Claim]:
    a = Article("a32_stat_q1_2025", QUARTER.format(rate=rate), "2025-04-18")
    signed = rate if change == "up" else f"-{rate}"
    g = a.claim(
        f"{rate} percent",
        "growth_rate",
        rounded(signed, "0.1", "percent"),
        period=quarter1(2025),
        compared_to=quarter1(2024),
        of="trade_turnover",
        change=change,
    )
    cur = a.claim("$1.21 billion", "trade_turnover", bn("1.21", "0.01"), period=quarter1(2025))
    old = a.claim("$1,078.4 million", "trade_turnover", mn("1078.4"), period=quarter1(2024))
    return a, g, cur, old


def test_change_arithmetic_accepts_a_rate_that_fits_both_ends() -> None:
    a, *_ = _quarter_article("12.2")
    assert _run(change_arithmetic, a) == []


def test_change_arithmetic_accepts_the_brief_example_up_16_4_percent() -> None:
    a = Article("x", "Exports went up 16.4% to $426.8 million from $366.5 million.", "2024-02-01")
    a.claim(
        "16.4%",
        "growth_rate",
        rounded("16.4", "0.1", "percent"),
        period=year(2023),
        compared_to=year(2022),
        of="exports_kz_to_uz",
        change="up",
    )
    a.claim("$426.8 million", "exports_kz_to_uz", mn("426.8"), period=year(2023))
    a.claim("$366.5 million", "exports_kz_to_uz", mn("366.5"), period=year(2022))
    assert _run(change_arithmetic, a) == []


def test_change_arithmetic_fits_a_rate_either_way_when_the_sentence_names_no_base() -> None:
    text = "Exports went up {rate}% to $426.8 million from $366.5 million."
    for rate, flagged in (("16.4", False), ("18.4", True)):
        a = Article("x", text.format(rate=rate), "2025-04-18")
        a.claim(
            f"{rate}%",
            "growth_rate",
            rounded(rate, "0.1", "percent"),
            period=quarter1(2025),
            of="exports_uz_to_kz",
            change="up",
        )
        a.claim("$426.8 million", "exports_uz_to_kz", mn("426.8"), period=quarter1(2025))
        a.claim("$366.5 million", "exports_uz_to_kz", mn("366.5"), period=quarter1(2025))
        found = _run(change_arithmetic, a)
        assert bool(found) is flagged
        if found:
            assert "$426.8 million / $366.5 million - 1 = 16.45%" in found[0].message
            assert "fits neither way round" in found[0].explanation


def test_change_arithmetic_flags_a_rate_that_its_two_levels_contradict() -> None:
    a, g, cur, old = _quarter_article("14.2")
    (finding,) = _run(change_arithmetic, a)
    assert finding.rule == "KZC015"
    assert finding.severity is Severity.WARNING
    assert finding.claims == (g.id, cur.id, old.id)
    assert finding.message == (
        "trade_turnover Q1 2025: up 14.2%, but $1.21 billion / $1.0784 billion - 1 = 12.2%"
        " (a32_stat_q1_2025)"
    )
    assert "[11.73%, 12.67%]" in finding.explanation
    assert finding.gap is not None and finding.gap.unit == "percentage_point"


def test_change_arithmetic_flags_a_change_in_the_wrong_direction_as_an_error() -> None:
    a, *_ = _quarter_article("12.2", change="down")
    (finding,) = _run(change_arithmetic, a)
    assert finding.severity is Severity.ERROR
    assert "goes the other way" in finding.explanation
    assert "down 12.2%" in finding.message


def test_change_arithmetic_reads_an_unsigned_fall_as_negative() -> None:
    a, g, *_ = _quarter_article("12.2", change="down")
    unsigned = g.model_copy(update={"quantity": rounded("12.2", "0.1", "percent")})
    a.claims[0] = unsigned
    (finding,) = _run(change_arithmetic, a)
    assert finding.severity is Severity.ERROR


SEED_003 = (
    "In 2023, the volume of exports from Uzbekistan to Kazakhstan fell by 32% compared"
    " to 2013, amounting to only $1.4 billion."
)


def _fall_by_32() -> tuple[Article, Claim, Claim]:
    a = Article("003_396664d259ee8936", SEED_003)
    g = a.claim(
        "32%",
        "growth_rate",
        rounded("-32", "1", "percent"),
        period=year(2023),
        compared_to=year(2013),
        of="exports_uz_to_kz",
        change="down",
    )
    level = a.claim(
        "$1.4 billion", "exports_uz_to_kz", bn("1.4"), period=year(2023), direction="UZ->KZ"
    )
    return a, g, level


def _base_2013(doc: str, value: str, metric: str = "exports_uz_to_kz", **kw: object) -> Article:
    text = f"In 2013 Uzbek exports to Kazakhstan reached ${value} billion."
    b = Article(doc, text, "2014-02-01")
    kw.setdefault("direction", "UZ->KZ")
    b.claim(f"${value} billion", metric, bn(value), period=kw.pop("period", year(2013)), **kw)  # type: ignore[arg-type]
    return b


def test_change_arithmetic_accepts_a_base_figure_inside_the_implied_interval() -> None:
    a, *_ = _fall_by_32()
    assert _run(change_arithmetic, a, _base_2013("b14", "2.1")) == []


def test_change_arithmetic_flags_a_base_figure_outside_the_implied_interval() -> None:
    a, g, level = _fall_by_32()
    b = _base_2013("b14", "2.5")
    (finding,) = _run(change_arithmetic, a, b)
    assert finding.claims == (g.id, level.id, b.claims[0].id)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "exports_uz_to_kz (UZ->KZ) 2013: $2.5 billion (b14) vs [$1.971 billion, $2.148 billion]"
        " implied by down 32% to $1.4 billion in 2023 (003_396664d259ee8936)"
    )
    assert "different articles" in finding.explanation


def test_change_arithmetic_grades_a_base_just_outside_the_interval_as_info() -> None:
    a, *_ = _fall_by_32()
    (finding,) = _run(change_arithmetic, a, _base_2013("b14", "2.2"))
    assert finding.severity is Severity.INFO


def test_change_arithmetic_ignores_base_figures_of_other_flows_periods_or_sources() -> None:
    a, *_ = _fall_by_32()
    other_direction = _base_2013("b1", "3.5", metric="exports_kz_to_uz", direction="KZ->UZ")
    other_year = _base_2013("b2", "3.5", period=year(2014))
    forecast = _base_2013("b3", "3.5", modality=Modality.FORECAST)
    assert _run(change_arithmetic, a, other_direction, other_year, forecast) == []


def test_change_arithmetic_checks_the_implied_current_level_within_the_article() -> None:
    text = (
        "Uzbekistan - $4.3bn - ranked fifth. Bilateral trade was down 13.9% from $5.0bn a"
        " year earlier."
    )
    a = Article("a24", text, "2024-02-16")
    current = a.claim("$4.3bn", "trade_turnover", bn("4.3"), period=year(2023))
    a.claim(
        "13.9%",
        "growth_rate",
        rounded("-13.9", "0.1", "percent"),
        period=year(2023),
        compared_to=year(2022),
        of="trade_turnover",
        change="down",
    )
    a.claim("$5.0bn", "trade_turnover", bn("5.0"), period=year(2022))
    assert _run(change_arithmetic, a) == []
    elsewhere = claim("b", "trade_turnover", bn("3.9"), period=year(2023))
    assert _run(change_arithmetic, a, extra=(elsewhere,)) == []
    a.claims[0] = current.model_copy(update={"quantity": bn("4.0")})
    (finding,) = _run(change_arithmetic, a)
    assert "implied by down 13.9% from $5 billion in 2022" in finding.message


def test_change_arithmetic_needs_a_base_period_before_the_change() -> None:
    a, g, _ = _fall_by_32()
    b = _base_2013("b14", "2.5")
    a.claims[0] = g.model_copy(update={"compared_to": None})
    assert _run(change_arithmetic, a, b) == []
    a.claims[0] = g.model_copy(update={"compared_to": year(2023)})
    assert _run(change_arithmetic, a, b) == []


def test_change_arithmetic_ignores_percentage_point_changes_and_rates_without_of() -> None:
    a, g, *_ = _quarter_article("14.2")
    a.claims[0] = g.model_copy(update={"quantity": rounded("14.2", "0.1", "percentage_point")})
    assert _run(change_arithmetic, a) == []
    a.claims[0] = g.model_copy(update={"of": None})
    assert _run(change_arithmetic, a) == []


# --- KZC016 share-arithmetic --------------------------------------------------------

PARTNERS = (
    "Kazakhstan's foreign trade turnover amounted to $139.8 billion in 2023. China"
    " remained the top partner with $31.5bn (22.5%), while Uzbekistan - $4.3bn ({share}) -"
    " ranked fifth."
)


def _partners(share: str) -> tuple[Article, Claim, Claim, Claim]:
    a = Article("a24", PARTNERS.format(share=share), "2024-02-16")
    whole = a.claim(
        "Kazakhstan's foreign trade turnover amounted to $139.8 billion",
        "kz_foreign_trade_turnover",
        bn("139.8"),
        period=year(2023),
        entities=("KZ",),
    )
    a.claim(
        "$31.5bn",
        "third_country_trade_turnover",
        bn("31.5"),
        period=year(2023),
        entities=("CN", "KZ"),
    )
    a.claim("22.5%", "share", percent("22.5"), period=year(2023), of="kz_foreign_trade_turnover")
    part = a.claim("$4.3bn", "trade_turnover", bn("4.3"), period=year(2023))
    share = a.claim(
        share,
        "share",
        percent(share.rstrip("%")),
        period=year(2023),
        of="third_country_trade_turnover",
    )
    return a, share, part, whole


def test_share_arithmetic_accepts_bracketed_shares_of_a_stated_total() -> None:
    a, *_ = _partners("3.1%")
    assert _run(share_arithmetic, a) == []


def test_share_arithmetic_flags_a_bracketed_share_its_part_and_whole_contradict() -> None:
    a, share, part, whole = _partners("4.1%")
    (finding,) = _run(share_arithmetic, a)
    assert finding.rule == "KZC016"
    assert finding.severity is Severity.WARNING
    assert finding.claims == (share.id, part.id, whole.id)
    assert finding.message == (
        "kz_foreign_trade_turnover 2023: share 4.1%, but $4.3 billion / $139.8 billion"
        " = 3.08% (a24)"
    )
    assert "[3.04%, 3.11%]" in finding.explanation


NINE_MONTHS = (
    "Trade between Uzbekistan and Kazakhstan amounted to $3.28 billion in January-September"
    " 2024. Kazakhstan accounted for {share} of Uzbekistan's total foreign trade, which"
    " reached $43.3 billion in the nine months."
)


def _nine_months(share: str, with_bilateral: bool = True) -> Article:
    ytd = months(2024, 1, 9)
    a = Article("a21", NINE_MONTHS.format(share=share), "2024-10-18")
    if with_bilateral:
        a.claim(
            "Trade between Uzbekistan and Kazakhstan amounted to $3.28 billion",
            "trade_turnover",
            bn("3.28", "0.01"),
            period=ytd,
        )
    a.claim(share, "share", percent(share.rstrip("%")), period=ytd, of="uzbekistan's_total")
    a.claim(
        "Uzbekistan's total foreign trade, which reached $43.3 billion",
        "uz_foreign_trade_turnover",
        bn("43.3"),
        period=ytd,
        entities=("UZ",),
    )
    return a


def test_share_arithmetic_accepts_a_share_of_the_whole_named_after_of() -> None:
    assert _run(share_arithmetic, _nine_months("7.6%")) == []


def test_share_arithmetic_flags_a_share_of_a_national_total_against_the_bilateral_figure() -> None:
    (finding,) = _run(share_arithmetic, _nine_months("9.6%"))
    assert finding.message == (
        "uz_foreign_trade_turnover Jan\u2013Sep 2024: share 9.6%, but $3.28 billion"
        " / $43.3 billion = 7.58% (a21)"
    )


def test_share_arithmetic_takes_the_bilateral_figure_from_another_article_if_needed() -> None:
    other = claim("a22", "trade_turnover", bn("3.28", "0.01"), period=months(2024, 1, 9))
    assert _run(share_arithmetic, _nine_months("7.6%", False), extra=(other,)) == []
    (finding,) = _run(share_arithmetic, _nine_months("9.6%", False), extra=(other,))
    assert "comes from a22" in finding.explanation
    other_period = claim("a22", "trade_turnover", bn("3.28", "0.01"), period=months(2024, 1, 6))
    assert _run(share_arithmetic, _nine_months("9.6%", False), extra=(other_period,)) == []


def test_share_arithmetic_never_divides_a_third_country_by_the_bilateral_figure() -> None:
    text = (
        "Trade with Kazakhstan over the quarter rose to $1.21 billion. China - $3.2 billion"
        " (20.5%), Russia - $2.9 billion (18.6%)."
    )
    a = Article("a32", text, "2025-04-18")
    q1 = quarter1(2025)
    a.claim("$1.21 billion", "trade_turnover", bn("1.21", "0.01"), period=q1)
    a.claim(
        "$3.2 billion", "third_country_trade_turnover", bn("3.2"), period=q1, entities=("CN", "UZ")
    )
    a.claim("20.5%", "share", percent("20.5"), period=q1, of="trade_turnover")
    a.claim(
        "$2.9 billion", "third_country_trade_turnover", bn("2.9"), period=q1, entities=("RU", "UZ")
    )
    a.claim("18.6%", "share", percent("18.6"), period=q1, of="trade_turnover")
    assert _run(share_arithmetic, a) == []


def test_share_arithmetic_ignores_shares_without_a_stated_whole_or_of_another_period() -> None:
    text = "Kazakhstan was the third partner, with an 8.9% share of foreign trade turnover."
    a = Article("a07", text, "2021-12-29")
    a.claim("8.9%", "share", percent("8.9"), period=months(2021, 1, 10), of="foreign_trade")
    b = _nine_months("9.6%")
    b.claims[-1] = b.claims[-1].model_copy(update={"period": year(2024)})
    assert _run(share_arithmetic, a, b) == []


def test_share_arithmetic_reads_a_third_as_rounded_at_its_last_digit() -> None:
    text = "Trade came to $3,600,000,000. Kazakh exports were $1,200,000,000 (a third)."
    a = Article("x", text, "2024-01-10")
    a.claim("$3,600,000,000", "trade_turnover", exact(3_600_000_000, "USD"), period=year(2023))
    a.claim("$1,200,000,000", "exports_kz_to_uz", exact(1_200_000_000, "USD"), period=year(2023))
    a.claim("a third", "share", exact("33.33", "percent"), period=year(2023), of="trade_turnover")
    assert _run(share_arithmetic, a) == []
    a.claims[-1] = a.claims[-1].model_copy(update={"quantity": exact("33.4", "percent")})
    assert len(_run(share_arithmetic, a)) == 1


def test_share_arithmetic_checks_a_bracketed_export_share_of_the_turnover() -> None:
    text = "Trade reached $3.6 billion in 2023. Kazakh exports were $1.2 billion (46%)."
    a = Article("x", text, "2024-01-10")
    a.claim("$3.6 billion", "trade_turnover", bn("3.6"), period=year(2023))
    a.claim("$1.2 billion", "exports_kz_to_uz", bn("1.2"), period=year(2023))
    a.claim("46%", "share", percent("46", "1"), period=year(2023), of="trade_turnover")
    (finding,) = _run(share_arithmetic, a)
    assert "$1.2 billion / $3.6 billion = 33.33%" in finding.message


# --- KZC017 multiple-arithmetic -----------------------------------------------------

SEVEN_YEARS = (
    "Over the past seven years, trade turnover between Uzbekistan and Kazakhstan has"
    " {verb}, reaching $4.4 billion last year."
)


def _seven_years(verb: str, multiple: object) -> tuple[Article, Claim, Claim]:
    a = Article("003", SEVEN_YEARS.format(verb=verb), "2024-10-22")
    m = a.claim(
        verb, "growth_multiple", multiple, period=span(2016, 2023), of="trade_turnover", change="up"
    )
    end = a.claim("$4.4 billion", "trade_turnover", bn("4.4"), period=year(2023))
    return a, m, end


def _nearly_doubled() -> object:
    return hedged(2, Qualifier.ALMOST, low="1.8", high="2", unit="times")


def _year_figure(doc: str, y: int, value: str) -> Article:
    b = Article(doc, f"In {y} mutual trade amounted to ${value} billion.", f"{y + 1}-02-01")
    b.claim(f"${value} billion", "trade_turnover", bn(value), period=year(y))
    return b


def test_multiple_arithmetic_flags_nearly_doubled_when_the_series_more_than_doubled() -> None:
    a, m, end = _seven_years("nearly doubled", _nearly_doubled())
    c = _year_figure("c19", 2016, "2.0")
    (finding,) = _run(multiple_arithmetic, a, c)
    assert finding.rule == "KZC017"
    assert finding.severity is Severity.WARNING
    assert finding.claims == (m.id, end.id, c.claims[0].id)
    assert finding.message == (
        "trade_turnover 2016 to 2023: almost 2 times, but $4.4 billion / $2 billion (c19)"
        " = 2.2 times (003)"
    )
    assert "[2.12, 2.28] times" in finding.explanation


def test_multiple_arithmetic_accepts_nearly_doubled_when_the_base_allows_it() -> None:
    a, *_ = _seven_years("nearly doubled", _nearly_doubled())
    assert _run(multiple_arithmetic, a, _year_figure("c19", 2016, "2.3")) == []


def test_multiple_arithmetic_ignores_base_figures_of_other_years() -> None:
    a, *_ = _seven_years("nearly doubled", _nearly_doubled())
    assert _run(multiple_arithmetic, a, _year_figure("c18", 2017, "1.0")) == []


def test_multiple_arithmetic_checks_both_ends_stated_in_the_sentence() -> None:
    text = "Our trade rose from $2.1 billion in 2017 to $4.4 billion in 2023, {verb}."
    for verb, multiple, flagged in (
        ("more than double", hedged(2, Qualifier.MORE_THAN, low=2, unit="times"), False),
        ("nearly double", _nearly_doubled(), True),
    ):
        a = Article("a15", text.format(verb=verb), "2024-11-19")
        a.claim("$2.1 billion", "trade_turnover", bn("2.1"), period=year(2017))
        a.claim("$4.4 billion", "trade_turnover", bn("4.4"), period=year(2023))
        a.claim(
            verb,
            "growth_multiple",
            multiple,
            period=year(2023),
            compared_to=year(2017),
            of="trade_turnover",
            change="up",
        )
        found = _run(multiple_arithmetic, a)
        assert bool(found) is flagged, verb
        if found:
            assert found[0].message == (
                "trade_turnover 2017 to 2023: almost 2 times, but $4.4 billion / $2.1 billion"
                " = 2.1 times (a15)"
            )


def test_multiple_arithmetic_reads_tripled_as_about_three() -> None:
    text = "Exports of wheat tripled compared with 2021, to 2.9 million tonnes in 2024."
    a = Article("a25", text, "2024-12-03")

    def tonnes(value: str) -> object:
        return rounded(Decimal(value) * MILLION, Decimal("0.1") * MILLION, "t")

    a.claim(
        "tripled",
        "growth_multiple",
        exact(3, "times"),
        period=year(2024),
        compared_to=year(2021),
        of="category_trade",
        change="up",
    )
    a.claim("2.9 million tonnes", "category_trade", tonnes("2.9"), period=year(2024), of="wheat")
    base = claim("b", "category_trade", tonnes("1.0"), period=year(2021), of="wheat")
    assert _run(multiple_arithmetic, a, extra=(base,)) == []
    low_base = base.model_copy(update={"quantity": tonnes("1.5")})
    assert len(_run(multiple_arithmetic, a, extra=(low_base,))) == 1
    barley = base.model_copy(update={"quantity": tonnes("1.5"), "of": "barley"})
    assert _run(multiple_arithmetic, a, extra=(barley,)) == []


def test_multiple_arithmetic_takes_the_end_figure_from_the_corpus_when_the_text_has_none() -> None:
    text = "Since 2017 our mutual trade has nearly doubled, the president said."
    a = Article("a17", text, "2022-12-22")
    a.claim(
        "nearly doubled",
        "growth_multiple",
        _nearly_doubled(),
        period=span(2017, 2021),
        of="trade_turnover",
        change="up",
    )
    base = _year_figure("a15", 2017, "2.1")
    end = _year_figure("x21", 2021, "3.9")
    assert _run(multiple_arithmetic, a, base, end) == []
    much_higher = _year_figure("x21", 2021, "5.0")
    (finding,) = _run(multiple_arithmetic, a, base, much_higher)
    assert finding.claims[0] == a.claims[0].id


def test_multiple_arithmetic_handles_times_fewer() -> None:
    text = "Shipments fell six times, to $50 million in 2023."
    a = Article("x", text, "2024-01-01")
    a.claim(
        "six times",
        "growth_multiple",
        exact(6, "times"),
        period=year(2023),
        compared_to=year(2022),
        of="exports_kz_to_uz",
        change="down",
    )
    a.claim("$50 million", "exports_kz_to_uz", mn("50", "1"), period=year(2023))
    fits = claim("b", "exports_kz_to_uz", mn("300", "1"), period=year(2022))
    off = claim("b", "exports_kz_to_uz", mn("100", "1"), period=year(2022))
    assert _run(multiple_arithmetic, a, extra=(fits,)) == []
    (finding,) = _run(multiple_arithmetic, a, extra=(off,))
    assert "$100 million (b) / $50 million = 2 times" in finding.message


def test_multiple_arithmetic_ignores_targets_and_multiples_without_a_base() -> None:
    text = "The leaders agreed to double mutual trade by 2030; it grew 2.3 times year on year."
    a = Article("x", text, "2024-08-09")
    a.claim(
        "double",
        "growth_multiple",
        exact(2, "times"),
        period=span(2024, 2030),
        of="trade_turnover",
        modality=Modality.TARGET,
        change="up",
    )
    a.claim(
        "2.3 times",
        "growth_multiple",
        rounded("2.3", "0.1", "times"),
        period=year(2024),
        of="trade_turnover",
        change="up",
    )
    figures = (_year_figure("b", 2024, "9"), _year_figure("c", 2023, "1"))
    assert _run(multiple_arithmetic, a, *figures) == []


def test_multiple_arithmetic_uses_the_in_sentence_end_figure_before_the_corpus() -> None:
    a, *_ = _seven_years("nearly doubled", _nearly_doubled())
    base = _year_figure("c19", 2016, "2.3")
    higher_end = _year_figure("d", 2023, "5.0")
    assert _run(multiple_arithmetic, a, base, higher_end) == []


def test_change_arithmetic_reads_a_rate_without_a_base_as_year_on_year() -> None:
    text = "Kazakh exports to Uzbekistan grew by 25% in 2024 to $3.1 billion."
    a = Article("g24", text, "2025-02-03")
    a.claim(
        "25%",
        "growth_rate",
        rounded("25", "1", "percent"),
        period=year(2024),
        of="exports_kz_to_uz",
        change="up",
    )
    a.claim("$3.1 billion", "exports_kz_to_uz", bn("3.1"), period=year(2024), direction="KZ->UZ")

    def base(value: str) -> Article:
        b = Article("b23", f"Kazakh exports to Uzbekistan were ${value} billion.", "2024-02-01")
        b.claim(
            f"${value} billion",
            "exports_kz_to_uz",
            bn(value),
            period=year(2023),
            direction="KZ->UZ",
        )
        return b

    assert _run(change_arithmetic, a, base("2.5")) == []
    (finding,) = _run(change_arithmetic, a, base("2.9"))
    assert finding.rule == "KZC015"


def test_multiple_arithmetic_prefers_a_bounded_end_figure_to_an_open_one() -> None:
    text = "Mutual trade has tripled since 2017, analysts said."
    a = Article("t24", text, "2025-01-20")
    a.claim(
        "tripled",
        "growth_multiple",
        hedged(3, Qualifier.APPROX, low="2.7", high="3.3", unit="times"),
        period=span(2017, 2024),
        of="trade_turnover",
        change="up",
    )
    base = _year_figure("b17", 2017, "2.0")
    bounded = _year_figure("e24", 2024, "4.8")
    topped = Article("o24", "Trade topped $4.7 billion in 2024.", "2025-01-10")
    topped.claim(
        "topped $4.7 billion",
        "trade_turnover",
        hedged("4700000000", Qualifier.MORE_THAN, low="4700000000", unit="USD"),
        period=year(2024),
    )
    (finding,) = _run(multiple_arithmetic, a, base, bounded, topped)
    assert bounded.claims[0].id in finding.claims
    assert _run(multiple_arithmetic, a, base, topped) == []
