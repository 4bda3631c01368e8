"""The harder claim forms, one short text each: what the extractor must make of them.

Each text is written for this test; the assertions name value, metric, period and
modality, so a regression says which part of the claim went wrong.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kzuz_claims.extract import extract_claims
from kzuz_claims.model import Claim, Modality
from kzuz_claims.sources import load_string


def _claims(body: str, published: date = date(2024, 3, 1)) -> list[Claim]:
    return extract_claims(load_string(body, id="t", published=published))


def _one(claims: list[Claim], value: str) -> Claim:
    found = [c for c in claims if c.quantity.value == Decimal(value)]
    assert len(found) == 1, [(c.quote, c.quantity.value) for c in claims]
    return found[0]


def _span(c: Claim) -> tuple[str, str] | None:
    return None if c.period is None else (c.period.start.isoformat(), c.period.end.isoformat())


# -- "respectively" lists -------------------------------------------------------------


def test_respectively_pairs_each_country_with_its_figure() -> None:
    cs = _claims(
        "Last year Kazakhstan and Uzbekistan sold each other farm goods worth "
        "$610 million and $455 million respectively."
    )
    assert _one(cs, "610000000").direction == "KZ->UZ"
    assert _one(cs, "455000000").direction == "UZ->KZ"
    assert {c.metric for c in cs} == {"category_trade"}


def test_respectively_pairs_each_flow_word_with_its_figure() -> None:
    cs = _claims(
        "In 2023 Kazakhstan's exports to and imports from Uzbekistan amounted to "
        "$2.6 billion and $1.5 billion, respectively."
    )
    assert _one(cs, "2600000000").metric == "exports_kz_to_uz"
    assert _one(cs, "1500000000").metric == "exports_uz_to_kz"
    for c in cs:
        assert _span(c) == ("2023-01-01", "2023-12-31")


def test_respectively_pairs_each_period_with_its_figure() -> None:
    cs = _claims(
        "Bilateral trade turnover stood at $3.2 billion and $4.1 billion in 2021 and 2023, "
        "respectively."
    )
    assert _span(_one(cs, "3200000000")) == ("2021-01-01", "2021-12-31")
    assert _span(_one(cs, "4100000000")) == ("2023-01-01", "2023-12-31")


def test_quotes_of_a_respectively_list_are_the_original_text() -> None:
    body = (
        "Kazakhstan and Uzbekistan shipped each other flour worth $90 million and "
        "$30 million respectively."
    )
    for c in _claims(body):
        assert body[c.span.start : c.span.end] == c.quote


# -- periods stated once, or relative to another ---------------------------------------


def test_a_period_named_once_is_carried_to_the_next_sentences() -> None:
    cs = _claims(
        "In January-September 2024 trade between Kazakhstan and Uzbekistan reached "
        "$3.3 billion. Kazakh exports to Uzbekistan totalled $2.2 billion."
    )
    assert _span(_one(cs, "2200000000")) == ("2024-01-01", "2024-09-30")


def test_a_month_inside_the_period_is_an_aside() -> None:
    cs = _claims(
        "In 2023 bilateral trade reached $4.4 billion. In December 2023, mutual trade was "
        "$390 million. Kazakh exports to Uzbekistan came to $2.6 billion.",
        published=date(2024, 2, 10),
    )
    assert _span(_one(cs, "390000000")) == ("2023-12-01", "2023-12-31")
    assert _span(_one(cs, "2600000000")) == ("2023-01-01", "2023-12-31")


def test_a_year_earlier_is_the_same_period_one_year_back() -> None:
    cs = _claims(
        "Cargo on the line reached 2.1 million tonnes in Q1 2024, against 1.8 million "
        "tonnes a year earlier.",
        published=date(2024, 4, 20),
    )
    assert _span(_one(cs, "1800000")) == ("2023-01-01", "2023-03-31")


def test_on_the_same_date_repeats_the_as_of_date() -> None:
    cs = _claims(
        "As of July 1, 2024, 3,100 companies with Uzbek capital operated in Kazakhstan. "
        "On the same date, the number of companies with Kazakh capital in Uzbekistan stood "
        "at 1,150.",
        published=date(2024, 7, 20),
    )
    assert _span(_one(cs, "1150")) == ("2024-07-01", "2024-07-01")


def test_a_stock_stated_as_now_is_as_of_the_publication_date() -> None:
    cs = _claims(
        "After the 2022 upgrade the Yallama checkpoint can now clear 2,000 trucks a day.",
        published=date(2024, 5, 5),
    )
    c = cs[0]
    assert _span(c) == ("2024-05-05", "2024-05-05")


def test_a_stock_keeps_its_period_only_when_an_event_ties_it() -> None:
    cs = _claims(
        "Since the council met in 2022, the list of joint projects has grown to 51. "
        "Nine projects were completed last year.",
        published=date(2024, 5, 5),
    )
    assert _span(_one(cs, "51")) == ("2024-05-05", "2024-05-05")
    assert _span(_one(cs, "9")) == ("2023-01-01", "2023-12-31")


def test_forecast_of_an_addition_runs_from_the_publication_date() -> None:
    cs = _claims(
        "The ministry expects another 15 joint ventures to be registered before the end of "
        "the year.",
        published=date(2024, 9, 1),
    )
    c = _one(cs, "15")
    assert c.modality == Modality.FORECAST
    assert _span(c) == ("2024-09-01", "2024-12-31")


def test_forecast_of_an_annual_total_by_the_end_of_december_is_the_year() -> None:
    cs = _claims(
        "We are confident that turnover between Kazakhstan and Uzbekistan will surpass "
        "$5 billion by the end of December.",
        published=date(2024, 11, 20),
    )
    c = cs[0]
    assert c.modality == Modality.FORECAST
    assert _span(c) == ("2024-01-01", "2024-12-31")


def test_potential_with_a_condition_has_no_period() -> None:
    cs = _claims(
        "The new logistics hub could handle $2 billion of goods once it is fully operational."
    )
    assert cs[0].modality == Modality.POTENTIAL
    assert cs[0].period is None


# -- shares, multiples, comparisons -----------------------------------------------------


def test_make_up_a_fraction_is_a_share() -> None:
    cs = _claims("Processed goods now make up roughly a third of Kazakh exports to Uzbekistan.")
    assert cs[0].metric == "share"


def test_twice_as_much_is_a_comparison_not_a_growth() -> None:
    cs = _claims(
        "In 2023 Uzbekistan sold goods worth $1.4 billion to Kazakhstan and bought "
        "almost twice as much from it."
    )
    assert _one(cs, "2").metric.startswith("unclassified:")


def test_growth_against_a_year_is_compared_to_that_year() -> None:
    cs = _claims(
        "This year hauliers made 48,000 trips between the two countries, an increase by a "
        "quarter on 2022.",
        published=date(2023, 12, 20),
    )
    c = _one(cs, "25")
    assert c.metric == "growth_rate"
    assert c.compared_to is not None and c.compared_to.start.year == 2022
    assert _span(c) == ("2023-01-01", "2023-12-31")


def test_hyphenated_amount_in_words() -> None:
    cs = _claims("The leaders restated their five-billion-dollar trade target for 2026.")
    assert cs[0].quantity.value == Decimal(5_000_000_000)
    assert cs[0].quote.startswith("five-billion-dollar")


@pytest.mark.parametrize("verb", ["want to", "aim to", "plan to"])
def test_wanting_to_double_is_a_target(verb: str) -> None:
    cs = _claims(f'"We {verb} double our fruit supplies to Kazakhstan," the director said.')
    assert cs[0].modality == Modality.TARGET


def test_modality_does_not_cross_into_the_next_clause() -> None:
    cs = _claims(
        "The two governments list 40 joint projects. Eleven of them are in the pipeline, "
        "and four were completed in 2023.",
        published=date(2024, 5, 5),
    )
    assert _one(cs, "4").modality == Modality.ACTUAL
    assert _one(cs, "11").modality == Modality.PLAN
    assert _span(_one(cs, "11")) == ("2024-05-05", "2024-05-05")
    assert _span(_one(cs, "4")) == ("2023-01-01", "2023-12-31")


# -- one claim stated twice ---------------------------------------------------------------


def test_headline_and_body_give_one_claim_with_both_quotes() -> None:
    body = (
        "Kazakh-Uzbek trade tops $4bn\n\n"
        "Trade between Kazakhstan and Uzbekistan reached $4.2 billion in 2023, the "
        "statistics bureau said."
    )
    cs = _claims(body)
    assert len(cs) == 1
    c = cs[0]
    assert "4.2 billion" in c.quote
    assert any("$4bn" in q.text for q in c.also_quoted)
    for q in c.also_quoted:
        assert body[q.span.start : q.span.end] == q.text


# -- currencies -----------------------------------------------------------------------------


def test_other_currencies_are_kept_and_a_stated_conversion_is_its_own_claim() -> None:
    cs = _claims(
        "The regional budget will allocate 120 billion soums for the zone, and the bank "
        "granted KZT 30bn (about $63 million) in export credit."
    )
    units = sorted(c.quantity.unit for c in cs)
    assert units == ["KZT", "USD", "UZS"]
    usd = next(c for c in cs if c.quantity.unit == "USD")
    assert usd.quantity.qualifier is not None


# -- rates and comparison bases ---------------------------------------------------------


def test_gas_volume_for_one_year_is_counted_per_year() -> None:
    cs = _claims("Kazakhstan plans to pump 4.2 bcm of gas to its southern neighbour in 2024.")
    c = _one(cs, "4200000000")
    assert (c.metric, c.quantity.unit) == ("gas_volume", "m3/yr")


def test_a_past_base_of_a_forecast_is_actual() -> None:
    cs = _claims(
        "Gas transit through Kazakhstan should come to 6 bcm this year, against 4.1 bcm "
        "in 2023, the ministry said.",
        published=date(2024, 2, 10),
    )
    assert _one(cs, "6000000000").modality == Modality.FORECAST
    base = _one(cs, "4100000000")
    assert base.modality == Modality.ACTUAL
    assert _span(base) == ("2023-01-01", "2023-12-31")


def test_from_to_after_a_verb_of_amount_is_a_range() -> None:
    cs = _claims(
        "The grain union expects flour sales to Uzbekistan to range from 1.3 to 1.6 million "
        "tonnes in 2024."
    )
    c = _one(cs, "1300000")
    assert (c.quantity.high, c.quantity.unit) == (Decimal("1600000"), "t")


def test_from_to_after_a_verb_of_change_is_no_range() -> None:
    cs = _claims("Flour sales to Uzbekistan grew from 1.3 to 1.6 million tonnes in 2023.")
    assert [c.quantity.low for c in cs if c.quantity.value == Decimal("1600000")] == [
        Decimal("1600000")
    ]


# -- the pair's other country ---------------------------------------------------------------


def test_the_neighbouring_country_is_the_other_of_the_pair() -> None:
    cs = _claims(
        "In 2023 Kazakhstan sold goods worth $2.5 billion to Uzbekistan, while its purchases "
        "from the neighbouring republic came to $1.4 billion."
    )
    assert _one(cs, "2500000000").metric == "exports_kz_to_uz"
    assert _one(cs, "1400000000").metric == "exports_uz_to_kz"


def test_its_neighbour_reads_from_the_first_country_named() -> None:
    cs = _claims("Uzbek exports to its northern neighbour rose to $1.2 billion in 2023.")
    assert _one(cs, "1200000000").metric == "exports_uz_to_kz"


# -- seasons ---------------------------------------------------------------------------------


def test_a_season_named_by_its_months_dates_later_mentions_of_it() -> None:
    cs = _claims(
        "The two water agencies met on Tuesday to set limits for the May–August irrigation "
        "season. Over the season, 1.8 cubic kilometres will be released from the Toktogul "
        "reservoir. During last year's irrigation season the reservoir released only 1.2 "
        "cubic kilometres.",
        published=date(2024, 5, 8),
    )
    assert _span(_one(cs, "1800000000")) == ("2024-05-01", "2024-08-31")
    assert _span(_one(cs, "1200000000")) == ("2023-05-01", "2023-08-31")


def test_a_season_never_defined_keeps_its_year() -> None:
    cs = _claims(
        "During last year's growing season the canal delivered 610 million cubic metres.",
        published=date(2024, 5, 8),
    )
    assert _span(_one(cs, "610000000")) == ("2023-01-01", "2023-12-31")


# -- links to other articles ----------------------------------------------------------------


def test_link_lists_under_a_label_are_not_claims() -> None:
    cs = _claims(
        "Trade between Kazakhstan and Uzbekistan reached $4.4 billion in 2023.\n\n"
        "See also:\n"
        "• Uzbekistan to buy 2 million tonnes of Kazakh wheat\n\n"
        "- Almaty–Samarkand trains now run 4 times a week\n"
        "Related: Tashkent airport served 7 million passengers\n"
        "Exports to Uzbekistan made up $2.6 billion of the total, the agency said.\n"
    )
    assert sorted(c.quantity.value for c in cs) == [Decimal("2.6E+9"), Decimal("4.4E+9")]


def test_a_period_in_a_later_clause_dates_that_clause_only() -> None:
    cs = _claims(
        "Around 450 workers will be hired for the build, and the plant is due to open in "
        "the first half of 2026.",
        published=date(2024, 9, 2),
    )
    assert _span(_one(cs, "450")) == ("2024-09-02", "2024-09-02")


def test_a_plan_the_clause_calls_promising_is_a_potential() -> None:
    cs = _claims(
        "A further 9 projects, put at roughly $700 million, are considered promising by "
        "the council."
    )
    assert _one(cs, "9").modality == Modality.POTENTIAL
    assert _one(cs, "700000000").modality == Modality.POTENTIAL


def test_a_stated_design_capacity_is_no_plan() -> None:
    cs = _claims(
        "The Chardara reservoir holds 3.9 billion cubic metres, against a design capacity of "
        "5.2 bcm.",
        published=date(2024, 5, 8),
    )
    assert _one(cs, "5200000000").modality == Modality.ACTUAL


# -- counts without their noun, and regional parts ---------------------------------------------


def test_the_second_count_of_a_from_to_pair_counts_what_the_sentence_names() -> None:
    cs = _claims(
        "The number of enterprises with Uzbek capital in Kazakhstan went from 610 at the end "
        "of 2022 to 745 by June, the ministry said.\n"
    )
    assert {c.metric for c in cs if c.quantity.value in (610, 745)} == {
        "enterprises_uz_capital_in_kz"
    }
    assert len([c for c in cs if c.quantity.value in (610, 745)]) == 2


def test_a_number_before_mark_counts_nothing() -> None:
    assert _claims("Uzbek-owned firms in Kazakhstan cross 4,000 mark") == []


def test_a_regional_part_of_a_national_figure_is_its_own_metric() -> None:
    cs = _claims(
        "Kazakhstan now hosts 2,900 enterprises with Uzbek capital. Shymkent alone accounts "
        "for 640 of them, and 150 of them are in the Kostanay region.\n"
        "Five new joint ventures were registered in March, two of them in border regions."
    )
    assert _one(cs, "2900").metric == "enterprises_uz_capital_in_kz"
    assert _one(cs, "640").metric == "regional:enterprises_uz_capital_in_kz"
    assert _one(cs, "150").of == "Kostanay region"
    assert _one(cs, "5").metric == "joint_ventures_created"
    assert _one(cs, "2").metric == "regional:joint_ventures_created"


def test_projects_located_in_a_region_keep_their_metric() -> None:
    cs = _claims("Kazakh firms will carry out 12 joint projects in the Samarkand region.")
    assert _one(cs, "12").metric == "joint_projects_count"


def test_installed_power_is_a_project_capacity_in_megawatts() -> None:
    cs = _claims("An Almaty developer will build a 120 MW solar plant near Navoi.")
    c = _one(cs, "120")
    assert (c.metric, c.quantity.unit, c.modality) == ("project_capacity", "MW", Modality.PLAN)


def test_the_final_bill_is_a_project_cost() -> None:
    cs = _claims("The final bill for the bridge came to 38 billion tenge, the akimat said.")
    assert _one(cs, "38000000000").metric == "project_cost"


def test_a_product_after_a_country_adjective_makes_category_trade() -> None:
    cs = _claims("Deliveries of Kazakh rolled steel to Uzbekistan reached $310 million in 2023.")
    c = _one(cs, "310000000")
    assert (c.metric, c.of, c.direction) == ("category_trade", "rolled steel", "KZ->UZ")


def test_a_headline_that_tops_a_body_figure_is_the_same_claim() -> None:
    cs = _claims(
        "Kazakh-Uzbek trade tops $2 billion in half a year\n\n"
        "Trade between Kazakhstan and Uzbekistan amounted to $2.06 billion in January–June "
        "2024, the statistics bureau said.\n"
    )
    assert len(cs) == 1
    assert [q.text for q in cs[0].also_quoted] == ["trade tops $2 billion"]


def test_a_change_of_a_regional_part_is_of_the_regional_metric() -> None:
    cs = _claims("Trade through the Dostyk checkpoint rose by 8 percent in 2023.")
    c = _one(cs, "8")
    assert (c.metric, c.of) == ("growth_rate", "regional:trade_turnover")


def test_it_after_a_preposition_is_the_last_country_named() -> None:
    cs = _claims(
        "Kazakhstan values its trade with Uzbekistan: in 2023 imports from it reached $1.2 billion."
    )
    assert _one(cs, "1200000000").metric == "exports_uz_to_kz"


def test_respectively_pairs_flow_words_that_carry_their_own_partners() -> None:
    cs = _claims(
        "China led the list with $21 billion. In 2022 Kazakh exports to Uzbekistan and "
        "imports from it came to $3.1bn and $1.6bn respectively."
    )
    assert _one(cs, "3100000000").metric == "exports_kz_to_uz"
    assert _one(cs, "1600000000").metric == "exports_uz_to_kz"


def test_respectively_pairs_a_shared_adjective_with_each_flow_word() -> None:
    cs = _claims(
        "Trade reached $4.4 billion in 2024, with Uzbek exports and imports at "
        "$1.5 billion and $2.9 billion, respectively."
    )
    assert _one(cs, "1500000000").metric == "exports_uz_to_kz"
    assert _one(cs, "2900000000").metric == "exports_kz_to_uz"


def test_jobs_take_their_own_scopes_permanent_and_construction() -> None:
    cs = _claims(
        "The cement plant will create 450 permanent jobs, and about 1,200 people will work "
        "on the site during construction."
    )
    assert _one(cs, "450").scope == "permanent"
    assert _one(cs, "1200").scope == "temporary_construction"
    projects = _claims("Another 9 joint projects worth $300 million are being prepared.")
    assert _one(projects, "9").scope == "pipeline"


def test_status_words_of_a_portfolio_stay_in_their_clause() -> None:
    cs = _claims(
        "The portfolio holds 60 joint projects. Ten of them have been commissioned, 30 are "
        "being implemented, and the remaining 20 projects are at the preparatory stage."
    )
    assert _one(cs, "30").scope == "under_implementation"
    assert _one(cs, "20").scope == "pipeline"


def test_numbered_counts_the_subject_and_the_base_after_down_from() -> None:
    cs = _claims(
        "Joint ventures with Kazakh partners in Uzbekistan numbered 318 as of July 1, 2024, "
        "up from 290 a year earlier.",
        published=date(2024, 8, 5),
    )
    now, then = _one(cs, "318"), _one(cs, "290")
    assert now.metric == then.metric == "joint_ventures_count"
    assert _span(now) == ("2024-07-01", "2024-07-01")
    assert _span(then) == ("2023-07-01", "2023-07-01")


def test_registered_joint_ventures_that_exist_now_are_a_standing_count() -> None:
    now = _claims("There are currently 412 joint ventures registered in the two countries.")
    assert _one(now, "412").metric == "joint_ventures_count"
    new = _claims("In 2023, 57 new joint ventures were registered in the two countries.")
    assert _one(new, "57").metric == "joint_ventures_created"


def test_a_third_countrys_trade_with_one_of_the_pair_is_third_country_trade() -> None:
    cs = _claims(
        "Russian customs, which count in roubles, put their trade with Uzbekistan at "
        "1.1 trillion roubles for the year."
    )
    assert _one(cs, "1100000000000").metric == "third_country_trade_turnover"
    plain = _claims("Trade with Uzbekistan rose to $4.4 billion in 2023, the ministry said.")
    assert _one(plain, "4400000000").metric == "trade_turnover"


def test_a_road_is_no_railway() -> None:
    road = _claims("A new 22-kilometre bypass road will link the terminal with the highway.")
    assert _one(road, "22").metric != "railway_length"
    rail = _claims("The 152-kilometre railway will run to the Uzbek border.")
    assert _one(rail, "152").metric == "railway_length"


def test_agreements_with_a_third_country_are_out_of_scope() -> None:
    cs = _claims(
        "The Bukhara region signed a memorandum worth $30 million with a Chinese province."
    )
    c = _one(cs, "30000000")
    assert (c.metric, c.in_scope) == ("third_country_agreements_value", False)


def test_a_converted_amount_in_brackets_is_stated_as_the_first_one() -> None:
    cs = _claims(
        "An Almaty investor is building a logistics hub worth 30 billion tenge (about "
        "$60 million) near Shymkent."
    )
    assert _one(cs, "30000000000").modality == Modality.PLAN
    assert _one(cs, "60000000").modality == Modality.PLAN


def test_a_partitive_count_counts_the_noun_after_of_the() -> None:
    cs = _claims("Thirty of the enterprises with Kazakh capital operate in Tashkent region.")
    c = _one(cs, "30")
    assert c.noun is not None and c.noun.endswith("enterprises")
    assert _claims("One of the largest plants opened in May.") == []


def test_this_figure_refers_to_the_main_clause_of_the_sentence_before() -> None:
    cs = _claims(
        "Mutual trade reached $4.1 billion in 2023, with Uzbek exports at $1.3 billion. "
        "The presidents want to raise this figure to $10 billion by 2030."
    )
    assert _one(cs, "10000000000").metric == "trade_target"


def test_a_horizon_after_a_target_belongs_to_it() -> None:
    cs = _claims(
        "The leaders agreed to bring trade to $12 billion by 2030 and to triple mutual "
        "investment in the next four years.",
        published=date(2024, 6, 3),
    )
    assert _one(cs, "12000000000").horizon == "by 2030"
    tripled = _one(cs, "3")
    assert tripled.period is not None and tripled.period.end == date(2028, 12, 31)


def test_a_price_per_unit_is_no_trade_amount() -> None:
    per = _claims("Kazakh flour sold at $290 per tonne on the Tashkent exchange in March 2024.")
    assert _one(per, "290").metric == "unclassified:price"
    of = _claims("A kilogram of Uzbek apricots cost 2,100 tenge in Almaty in July 2024.")
    assert _one(of, "2100").metric == "unclassified:price"


def test_money_lent_or_granted_is_no_project_cost() -> None:
    cs = _claims(
        "The new power plant is estimated at $90 million; the Asian Development Bank has "
        "offered a loan of up to $60 million."
    )
    assert _one(cs, "90000000").metric == "project_cost"
    assert _one(cs, "60000000").metric == "unclassified:loan"
