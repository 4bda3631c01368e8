"""Period expressions resolved against the document date."""

from __future__ import annotations

from datetime import date

import pytest

from kzuz_claims.extract import periods
from kzuz_claims.extract.periods import PeriodMention, find

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
