"""Period expressions resolved against the document date."""

from __future__ import annotations

import contextlib
import re
import re._parser as sre_parse
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kzuz_claims.extract import _memo, periods
from kzuz_claims.extract._literals import fold
from kzuz_claims.extract.periods import PeriodMention, find
from kzuz_claims.model import Period, PeriodBasis, PeriodKind

PUB = date(2024, 2, 4)


def first(text: str, pub: date | None = PUB) -> PeriodMention:
    found = find(text, 0, len(text), pub)
    assert found, text
    return found[0]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in 2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("as per the 2023 results", date(2023, 1, 1), date(2023, 12, 31)),
        ("in January-April 2023", date(2023, 1, 1), date(2023, 4, 30)),
        ("from January through April 2023", date(2023, 1, 1), date(2023, 4, 30)),
        ("in the first half of 2024", date(2024, 1, 1), date(2024, 6, 30)),
        ("in Q3 2022", date(2022, 7, 1), date(2022, 9, 30)),
        ("over 10 months of 2021", date(2021, 1, 1), date(2021, 10, 31)),
        ("as of October 1, 2023", date(2023, 10, 1), date(2023, 10, 1)),
        ("in March 2022", date(2022, 3, 1), date(2022, 3, 31)),
    ],
)
def test_explicit_periods(text: str, start: date, end: date) -> None:
    p = first(text).period
    assert p is not None and (p.start, p.end) == (start, end)
    assert p.basis.value == "explicit"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in the first 11 months of last year", date(2023, 1, 1), date(2023, 11, 30)),
        ("last year", date(2023, 1, 1), date(2023, 12, 31)),
        ("this year", date(2024, 1, 1), date(2024, 12, 31)),
        ("since the beginning of the year", date(2024, 1, 1), PUB),
        ("as of October 1", date(2023, 10, 1), date(2023, 10, 1)),
    ],
)
def test_relative_periods_resolve_against_publication(text: str, start: date, end: date) -> None:
    p = first(text).period
    assert p is not None and (p.start, p.end) == (start, end)
    assert p.basis.value == "relative"


def test_relative_period_in_undated_document_stays_unresolved() -> None:
    m = first("last year", pub=None)
    assert m.period is None and m.relative and m.text == "last year"


def test_since_a_year_after_publication_is_no_period() -> None:
    # "since 2030" in a text of 2024 runs to no date after its start: not a period
    m = first("trade has grown since 2030", pub=date(2024, 1, 1))
    assert m.period is None and m.role == "duration"


_PERIOD_WORDS = (
    *("since", "by", "in", "from", "to", "until", "through", "between", "and", "over"),
    *("the", "past", "next", "last", "first", "second", "half", "quarter", "Q1", "H2"),
    *("months", "of", "January", "December", "end", "beginning", "year", "this", "–"),
    *("early", "mid", "2030", "2019", "2024", "1990", "2100", "five", "years", "ago"),
    *("FY2024", "2023-24", "2024/25", "2020s", "31", "same", "period", "as", "on"),
    # whole expressions whose years may lie after the publication date
    *("since 2030", "since 2019", "since 2024/25", "from 2025 to 2023", "since March 2031"),
    *("between 2030 and 2019", "since the beginning of 2030", "in the first half of 2031"),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PERIOD_WORDS), min_size=1, max_size=7),
    st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))),
)
def test_find_never_raises_whatever_the_publication_date(
    words: list[str], pub: date | None
) -> None:
    text = " ".join(words)
    for p in find(text, 0, len(text), pub):
        assert p.period is None or p.period.start <= p.period.end


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("compared to 2013", "compared"),
        ("over the same period of 2022", "same_period"),
        ("by 2030", "horizon"),
        ("in the next five years", "horizon"),
        ("in the medium term", "horizon"),
        ("over the past seven years", "duration"),
        ("on Friday, March 15", "date"),
        ("Today, October 22", "date"),
        ("29.12.2021, 17:07", "date"),
        ("22 May 2023, 13:13", "date"),
    ],
)
def test_roles(text: str, role: str) -> None:
    assert first(text).role == role


def test_next_five_years_ends_five_years_after_publication() -> None:
    p = first("in the next five years").period
    assert p is not None and (p.start, p.end) == (PUB, date(2029, 12, 31))


def test_no_preposition_before_a_period_begins_another() -> None:
    # _PRE tries them as a trie, longest first: the same as in any order only if so
    words = periods._PREPOSITIONS
    assert not [(a, b) for a in words for b in words if a != b and b.startswith(a)]


_LEADS = [
    *("in", "For", "during", "over", "throughout", "from", "as per", "of", "at", "by", "on"),
    *("the", "The", "period", "last", "this", "current", "previous", "same", "Monday,", "5th"),
    *("first", "2nd", "a couple of", "twelve", "until", "before", "the end of", "next"),
    *("compared to", "than", "vs.", "against", "the level of", "whole", "as of", "As  at"),
]
_WORDS = [
    *("year", "years", "within", "January", "jan", "Jan.", "March", "market", "may", "Sept"),
    *("dec", "decrease", "22", "3", "to", "through", "until", "and", "–", "-", "2023", "1999"),
    *("2019-20", "12019", "results", "ago", "12.05.2023", "1/2/23", "10:30", "2023-01-05"),
    *("5.5", "é", "İn", "ſince", "K", "q1", "H2", "1H", "than", "vſ", "compared with"),
    *("January to March", "Jan–Apr.", "May 5", "5 of May", "May 2023", "2019-2021", "2020 to 22"),
    *("last year", "the same year", "the current year", "in May", "Friday, May 5, 2023"),
    *("quarter", "Q3 2023", "half of 2023", "months", "months of 2022", "period", "season"),
    *("coming years", "long-term", "past five years", "the year", "yearly", "20234"),
    *("year-on-year", "Y/Y", "so far this year", "a year ago", "on that date", "this month"),
]
_SPACES = st.sampled_from([" ", " ", "  ", "\n", "\u00a0", ",", ", ", ".", "", "(", "_"])
_TEXT = st.lists(
    st.tuples(
        st.lists(st.tuples(st.sampled_from(_LEADS), _SPACES), max_size=4),
        st.sampled_from(_WORDS),
        _SPACES,
    ),
    max_size=6,
).map(
    lambda parts: "".join(
        "".join(w + sep for w, sep in lead) + word + sep for lead, word, sep in parts
    )
)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(0, 4), st.integers(0, 4), st.booleans())
# the longest leads each anchored pattern takes
@example("x as per the period from January to March 2023", 0, 0, False)
@example("x on Monday, 5th of May", 0, 0, True)
@example("x as per the May 2023, as per the 2019 to 2021", 0, 0, False)
@example("x as per the the same year, throughout May", 0, 0, True)
@example("x as per the first a couple of months, as per the second half", 0, 0, False)
@example("x as per the first quarter, by the end of the year", 0, 0, True)
@example("x compared to the level of the same year, over the whole year", 0, 0, False)
@example("x as  at the end of 2023, over the past 5 years", 0, 0, True)
@example("x within the past 5 years, throughout the year, for the period", 0, 0, False)
@example("x during the whole year, over the coming years, in the long term", 0, 0, True)
def test_patterns_find_where_they_can_start_what_they_find_everywhere(
    text: str, cut_lo: int, cut_hi: int, scoped: bool
) -> None:
    # anchored patterns, and those tried where their finder reads what begins them
    lo, hi = min(cut_lo, len(text)), max(min(cut_lo, len(text)), len(text) - cut_hi)
    with _memo.scope() if scoped else contextlib.nullcontext():
        sentence = periods._Sentence(text, lo, hi)
        for name, pattern, anchor, by_finder in periods._ENTRIES:
            got = [m.span() for m in sentence.matches(pattern, anchor, by_finder)]
            assert got == [m.span() for m in pattern.finditer(text, lo, hi)], name
        maybe = re.compile(r"\d|Q[1-4]|H[12]|" + "|".join(periods._MAYBE_WORDS), re.I)
        assert sentence.maybe_period() == bool(maybe.search(text, lo, hi))


@given(_TEXT)
def test_numeric_date_finds_what_its_plain_form_finds(text: str) -> None:
    plain = re.compile(
        r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b(?:,?\s+\d{1,2}:\d{2})?"
        r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b",
        re.I,
    )
    numeric = dict(periods._PATTERNS)["numeric_date"]
    assert [m.span() for m in numeric.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(_TEXT)
@example("up from the level of\n")
@example("x Vſ. ")
def test_the_comparison_regex_is_skipped_only_where_it_cannot_match(text: str) -> None:
    if periods._COMPARED_BEFORE.search(text):
        assert fold(text).rstrip(" ").endswith(periods._COMPARED_LAST)


def test_no_anchored_pattern_matches_an_empty_string() -> None:
    # an empty match would change where finditer looks next
    for name, pattern in periods._PATTERNS:
        if name in periods._ANCHORS:
            assert sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[0] > 0, name


@given(
    st.dates(),
    st.dates(),
    st.sampled_from(PeriodKind),
    st.booleans(),
    st.text(max_size=12),
)
@example(date(2024, 1, 1), date(2023, 12, 31), PeriodKind.YEAR, False, "since 2024")
def test_periods_built_without_validation_are_the_validated_ones(
    start: date, end: date, kind: PeriodKind, relative: bool, text: str
) -> None:
    basis = PeriodBasis.RELATIVE if relative else PeriodBasis.EXPLICIT
    try:
        validated = Period(start=start, end=end, kind=kind, basis=basis, text=text)
    except ValidationError:
        with pytest.raises(ValidationError):  # start after end: refused alike
            periods._mk(start, end, kind, relative, text)
        return
    built = periods._mk(start, end, kind, relative, text)
    assert type(built) is Period and built == validated and hash(built) == hash(validated)
    assert [(k, type(v), v) for k, v in built.__dict__.items()] == [
        (k, type(v), v) for k, v in validated.__dict__.items()
    ]
    for attr in ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"):
        assert getattr(built, attr) == getattr(validated, attr), attr
    assert built.model_dump_json() == validated.model_dump_json()
    inherited = {"basis": PeriodBasis.INHERITED}
    assert built.model_copy(update=inherited) == validated.model_copy(update=inherited)
    with pytest.raises(ValidationError):  # frozen alike
        built.text = "changed"
