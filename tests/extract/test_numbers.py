"""Reading figures: money, counts, percents, multiples, ranks, units, hedges."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kzuz_claims.extract import _memo, numbers
from kzuz_claims.extract.numbers import Figure, scan
from kzuz_claims.model import Qualifier


def figures(text: str) -> list[Figure]:
    return scan(text, 0, len(text))


def one(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("exports hit $5bn", Decimal("5e9"), "USD"),
        ("worth $ 2.19 billion", Decimal("2.19e9"), "USD"),
        ("a deal of $1,080mln", Decimal("1.08e9"), "USD"),
        ("US$833 million in loans", Decimal("8.33e8"), "USD"),
        ("USD 200 million for roads", Decimal("2e8"), "USD"),
        ("200 million US dollars were spent", Decimal("2e8"), "USD"),
        ("1.2 trillion tenge was set aside", Decimal("1.2e12"), "KZT"),
        ("loans of 5 bln soums", Decimal("5e9"), "UZS"),
        ("300 mln rubles", Decimal("3e8"), "RUB"),
        ("a grant of €40 million", Decimal("4e7"), "EUR"),
        ("80 million yuan", Decimal("8e7"), "CNY"),
        ("₸12bn of credit", Decimal("1.2e10"), "KZT"),
        ("ten billion dollars", Decimal("1e10"), "USD"),
        ("half a billion dollars", Decimal("5e8"), "USD"),
        ("one and a half billion dollars", Decimal("1.5e9"), "USD"),
        ("a billion dollars", Decimal("1e9"), "USD"),
        ("1,1 billion dollars", Decimal("1.1e9"), "USD"),
        ("1,496.2 million dollars", Decimal("1.4962e9"), "USD"),
    ],
)
def test_money_reads_scale_and_currency(text: str, value: Decimal, unit: str) -> None:
    f = one(text)
    assert (f.value, f.unit) == (value, unit)


def test_money_records_stated_precision() -> None:
    assert one("$4.4 billion").precision == Decimal("1e8")
    assert one("$156 million").precision == Decimal("1e6")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("about $4 billion", Qualifier.APPROX),
        ("roughly $4 billion", Qualifier.APPROX),
        ("almost $500 million", Qualifier.ALMOST),
        ("just under $500 million", Qualifier.ALMOST),
        ("more than 1,000 firms", Qualifier.MORE_THAN),
        ("over 3,600 enterprises", Qualifier.MORE_THAN),
        ("at least 40 projects", Qualifier.AT_LEAST),
        ("up to 300 trucks", Qualifier.AT_MOST),
        ("less than 5 percent", Qualifier.LESS_THAN),
    ],
)
def test_hedge_words_set_the_qualifier(text: str, qualifier: Qualifier) -> None:
    assert one(text).qualifier == qualifier


def test_up_to_after_a_raise_verb_is_a_target_not_a_bound() -> None:
    assert one("to bring trade up to $10 billion").qualifier is None


def test_count_reads_the_counted_noun_past_modifiers() -> None:
    f = one("implementing 60 industrial projects worth")
    assert (f.value, f.noun) == (60, "industrial projects")
    g = one("43 more projects seem promising")
    assert (g.noun, g.modifiers) == ("projects", ("more",))


def test_thousands_separators_plain_and_thin_space() -> None:
    assert one("13,300 jobs").value == 13300
    assert one("5 700 jobs").value == 5700
    assert one("5\u2009700 jobs").value == 5700


def test_ranges_keep_both_ends() -> None:
    f = one("$3–4 billion in new deals")
    assert (f.value, f.high) == (Decimal("3e9"), Decimal("4e9"))
    g = one("between $300 and $500 million")
    assert (g.value, g.high) == (Decimal("3e8"), Decimal("5e8"))


def test_respectively_lists_give_one_figure_each() -> None:
    found = figures("$1.5bn and $2.3bn respectively")
    assert [f.value for f in found] == [Decimal("1.5e9"), Decimal("2.3e9")]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("7 percent", 7, "percent"),
        ("16.4 per cent", Decimal("16.4"), "percent"),
        ("(7.7%)", Decimal("7.7"), "percent"),
        ("0.5 percentage points", Decimal("0.5"), "percentage_point"),
        ("grew 1.5 times", Decimal("1.5"), "times"),
        ("rose 2.5-fold", Decimal("2.5"), "times"),
        ("has tripled", 3, "times"),
        ("more than doubled", 2, "times"),
        ("the third largest trade partner", 3, "rank"),
        ("255 km of track", 255, "km"),
        ("3 million tonnes of grain", Decimal("3e6"), "t"),
        ("a 500 ha site", 500, "ha"),
    ],
)
def test_percents_multiples_ranks_and_units(text: str, value: Decimal | int, unit: str) -> None:
    f = one(text)
    assert (f.value, f.unit) == (Decimal(value), unit)


def test_nearly_doubled_is_two_times_almost() -> None:
    f = one("trade has nearly doubled")
    assert (f.value, f.unit, f.qualifier) == (2, "times", Qualifier.ALMOST)


@pytest.mark.parametrize(
    "text",
    [
        "the two countries agreed",
        "both sides signed",
        "the fourth forum took place",
        "over the past seven years",
        "one of the largest partners",
        "in 2023 the sides met",
    ],
)
def test_non_quantities_are_not_figures(text: str) -> None:
    found = [f for f in figures(text) if f.unit != "times"]
    assert found == [] or all(f.kind == "count" and f.noun is None for f in found)


def test_dozens_of_is_a_lower_bound_count() -> None:
    f = one("dozens of agreements were signed")
    assert (f.value, f.qualifier, f.noun) == (24, Qualifier.AT_LEAST, "agreements")


def test_no_ordinal_begins_another() -> None:
    # the forms of a rank try them as a trie, longest first: the same as in any order only if so
    words = list(numbers._ORDINALS)
    assert not [(a, b) for a in words for b in words if a != b and b.startswith(a)]


def test_number_words_pass_other_words_at_once_and_find_the_same() -> None:
    # the lookahead for a number word's first letter only skips what cannot match
    pattern = numbers._tables().number_words
    plain = re.compile(re.sub(r"\(\?=\[[a-z]+\]\)", "", pattern.pattern, count=1), re.I)
    assert plain.pattern != pattern.pattern
    text = "Twenty-five, a billion, dozens of firms, one and a half, Sixty ſeven, an alpha"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


_NUMBER_TEXT = st.lists(
    st.sampled_from(
        [
            *"0123456789,.  \u00a0\t-−+/:x_(—",
            *("Twenty", "-five", " one", "ONE", " a", " An", "a", " million", " M", " bn", "ſix"),
            *(" of", "dozens", " hundreds", "A dozen", "half a", "money", "\u0130", "\u212a", "٣"),
            *("123,456", "12,500.5", "1,5", "250,75", "5 700", "4\u00a0438.6", "1.25", " %", "BN"),
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_NUMBER_TEXT, st.integers(0, 4), st.integers(0, 4), st.booleans())
@example("x 250,75 bn, 123,456.7, -5 700 and 4\u00a0438.6 %; +1,5 billion", 0, 0, False)
@example("A million, twenty-five and a half, (−3.5) and Dozens of", 0, 0, True)
def test_numbers_are_what_both_patterns_find(
    text: str, cut: int, cut_end: int, scoped: bool
) -> None:
    # the places where a number may begin are found in folded text; the patterns, run
    # only there, find what their own searches of the whole stretch find
    t = numbers._tables()
    lo = min(cut, len(text))
    hi = max(lo, len(text) - cut_end)
    plain = re.compile(
        r"(?<![\w.,/:-])([+\-−]?)"
        + numbers._DIGITS.replace("{scales}", numbers._alt(list(t.scales)))
    )
    want = sorted(
        [
            (
                m.start() + len(m.group(1)),
                m.end(),
                m.group()[len(m.group(1)) :],
                False,
                -1 if m.group(1) in ("-", "−") else 1,
            )
            for m in plain.finditer(text, lo, hi)
        ]
        + [
            (m.start(1), m.end(1), m.group(1), True, 1)
            for m in t.number_words.finditer(text, lo, hi)
        ]
    )
    if scoped:
        with _memo.scope():
            got = numbers._numbers(text, lo, hi, t, set(t.sentence.candidates(text, lo, hi)))
    else:
        got = numbers._numbers(text, lo, hi, t, set(t.sentence.candidates(text, lo, hi)))
    assert got == want


_BEFORE_WORDS = [
    *(" ", "\t", "\u00a0", "-", ".", ",", "x", "5", "12,500", "up", "by", "a", "further"),
    *("from", "to", "compared", "with", "against", "Versus", "number", "numbered", "of"),
    *("firms", "stood", "at", "rose", "TOTALLED", "was", "turnover", "than", "over"),
]
_BEFORE_TEXT = st.tuples(
    st.lists(st.sampled_from(_BEFORE_WORDS), max_size=10).map(" ".join),
    st.sampled_from(["", " ", "  ", "\t"]),
    st.sampled_from(_BEFORE_WORDS),
    st.sampled_from(["", " just under", " about", " More than", " over", " nearly", " x"]),
    st.sampled_from(["", " ", "  ", "\t"]),
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_BEFORE_TEXT)
def test_words_before_a_number_are_looked_for_only_where_they_can_end(text: str) -> None:
    # the reversed tests of how a stretch ends pass wherever the patterns match there
    backwards = text[::-1]
    if numbers._BACK_BEFORE.search(text):
        assert numbers._BACK_BEFORE_END.match(backwards)
    if numbers._PAIR_END.search(text):
        assert numbers._PAIR_END_END.match(backwards)


@settings(max_examples=300, deadline=None)
@given(
    st.tuples(
        st.sampled_from(["", "rose ", "x"]),
        st.just("from "),
        st.sampled_from(["5", "12,500", "about 3", "7%"]),
        st.lists(st.sampled_from([" at", " the", " start", ";", " x"]), max_size=4).map("".join),
        st.sampled_from([" to", " TO", "to", " into"]),
        st.sampled_from(["", " about", " around", " nearly", " almost", " over", " x"]),
        st.sampled_from(["", " ", "\t "]),
    ).map("".join)
)
def test_a_pair_of_counts_is_looked_for_only_where_it_can_end(text: str) -> None:
    if numbers._PAIR_END.search(text):
        assert numbers._PAIR_END_END.match(text[::-1])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("the", "largest", "Second", "3rd", "top", "five", "trade", "partner", "among"),
                *("ranks", "held", "first", "place", "main", "market", "of", "China's", "x"),
            ]
        ),
        max_size=10,
    ).map(" ".join)
)
def test_a_rank_is_read_with_the_forms_that_can_match_as_with_all(text: str) -> None:
    found = numbers._tables().sentence.candidates(text, 0, len(text))
    forms = tuple(i - numbers._RANKS_FROM for i in found if i >= numbers._RANKS_FROM)
    assert numbers._ranks(text, 0, len(text), [], forms) == numbers._ranks(text, 0, len(text), [])


_AFTER_TEXT = st.lists(
    st.sampled_from(
        [
            *(" ", "  ", "\t", "-", "–", ",", ".", "x", "5", "°", "ſ", "\u212a", "İ"),
            *("bn", "Billion", "m", "K", "dollars", "USD", "tenge", "€", "%", "per cent"),
            *("Pct", "times", "fold", "to", "km", "Kilometre", "ha", "t", "°C", "m²", "years"),
            *(" of the firms", "of", " A year", "per annum", "Annually", "Of", "daily"),
        ]
    ),
    max_size=6,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_AFTER_TEXT)
@example(" to 5")
@example(" of the firms")
@example(" of annual capacity")
@example("-fold")
@example(" per cent")
def test_what_follows_a_number_is_read_only_where_it_can_begin(text: str) -> None:
    # a pattern read after a number is skipped unless the character its words begin
    # with (after at most one whitespace, or a hyphen for units) is one they can begin
    # with, or is not ASCII; wherever the pattern matches, that check lets it through
    t = numbers._tables()

    def let_through(c: str, starts: frozenset[str]) -> bool:
        return c in starts or not c.isascii()

    at = text[:1]
    c = text[1:2] if at.isspace() else at
    if t.scale_after.match(text):
        assert let_through(c, t.scale_starts)
    if t.currency_after.match(text):
        assert let_through(c, t.currency_starts)
    if t.percent_after.match(text):
        assert let_through(c, numbers._PERCENT_STARTS)
    if numbers._RANGE_TO.match(text):
        assert let_through(c, numbers._RANGE_STARTS)
    if t.times_after.match(text):
        assert at in numbers._FOLD_STARTS or let_through(c, numbers._TIMES_STARTS)
    if t.unit_after.match(text):
        assert let_through(c if at != "-" else text[1:2], t.unit_starts)
    if numbers._PARTITIVE.match(text):
        assert at.isspace() and (c == "o" or c.isspace())
    if t.rate_after.match(text):
        gap = text[:2]
        assert gap[:1].isspace()
        assert gap[1:] in t.rate_starts or gap[1:].isspace() or not gap.isascii()
