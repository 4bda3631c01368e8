"""Date strings and publication dates inferred from an article's own text."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzuz_claims.normalize.dates import coerce_date, infer_published, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-17", date(2024, 3, 17)),
        ("2024-03-17T10:00:00Z", date(2024, 3, 17)),
        ("29.12.2021", date(2021, 12, 29)),
        ("29.12.2021, 17:07", date(2021, 12, 29)),
        ("22 May 2023, 13:13", date(2023, 5, 22)),
        ("March 15, 2024", date(2024, 3, 15)),
        ("Friday, March 15, 2024", date(2024, 3, 15)),
        ("15 Sept 2024", date(2024, 9, 15)),
        ("15 марта 2024", date(2024, 3, 15)),
        ("Fri, 15 Mar 2024 10:00:00 +0000", date(2024, 3, 15)),
    ],
)
def test_parse_date_reads_full_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "March 2024", "2024", "soon", "met on 2024-03-17 in Tashkent", "31.02.2024"]
)
def test_parse_date_refuses_what_is_not_a_whole_date(text: str) -> None:
    assert parse_date(text) is None


def test_coerce_date_takes_yaml_and_toml_values() -> None:
    assert coerce_date(date(2024, 1, 2)) == date(2024, 1, 2)
    assert coerce_date(datetime(2024, 1, 2, 10, 30)) == date(2024, 1, 2)
    assert coerce_date("2 January 2024") == date(2024, 1, 2)
    assert coerce_date(20240102) is None


@pytest.mark.parametrize(
    ("text", "expected", "quoted"),
    [
        ("Title\n22 May 2023, 13:13\nTrade grew in 2020.", date(2023, 5, 22), "22 May 2023, 13:13"),
        ("News | 29.12.2021, 17:07 | Tashkent\nText.", date(2021, 12, 29), "29.12.2021, 17:07"),
        ("Published: 15 March 2024\nText.", date(2024, 3, 15), "15 March 2024"),
        (
            "The forum opened today (May 3). In 2023 trade grew; last year's total was high.",
            date(2024, 5, 3),
            "today (May 3)",
        ),
        ("Today, 22 October 2024, the forum opened in a long sentence.", date(2024, 10, 22), ""),
        (
            "The PM arrived on Friday, March 15. In 2023, trade was $4.5 billion. "
            "Last year it grew.",
            date(2024, 3, 15),
            "Friday, March 15",
        ),
    ],
)
def test_infer_published_finds_evidence(text: str, expected: date, quoted: str) -> None:
    found = infer_published(text)
    assert found is not None
    assert found.published == expected
    assert quoted in found.evidence


@pytest.mark.parametrize(
    "text",
    [
        # navigation text is not anchored to the article's present
        "Tourism December 8 - Constitution Day of the Republic of Uzbekistan\nTrade grew.",
        # a day and month with no year anchor
        "Today, October 22, the forum took place. Trade grew last year.",
        # a weekday phrase needs the year anchor, not a year written elsewhere
        "On Friday, March 15, 2019 the treaty was signed, deep in the article's history.",
        # the weekday contradicts the date the year anchor gives
        "On Thursday, March 15 we met. In 2023 trade grew. Last year it was $4 billion.",
        # the only explicit year is a target, not a completed period
        "Today, May 3, they agreed. Trade should reach $10 billion in 2030. Last year: $4bn.",
        "Trade grew this year, and will keep growing.",
    ],
)
def test_infer_published_refuses_without_evidence(text: str) -> None:
    assert infer_published(text) is None


def test_latest_completed_year_is_the_anchor() -> None:
    text = (
        "Today, October 22, the forum met. Exports in 2023 fell by 32% compared to 2013. "
        "Trade reached $4.4 billion last year."
    )
    found = infer_published(text)
    assert found is not None and found.published == date(2024, 10, 22)


@given(st.text(max_size=300))
def test_infer_published_never_raises(text: str) -> None:
    found = infer_published(text)
    assert found is None or isinstance(found.published, date)


@given(st.text(max_size=60))
def test_parse_date_never_raises(text: str) -> None:
    assert parse_date(text) is None or isinstance(parse_date(text), date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TASHKENT, 15 March 2024\nThe talks began.", date(2024, 3, 15)),
        ("15.03.2024 | UzA\nThe talks began.", date(2024, 3, 15)),
        ("Updated: March 15, 2024\nThe talks began.", date(2024, 3, 15)),
        ("Agreement of 15 March 2019 ratified\nThe parliament voted.", None),
        ("The treaty signed on 15 March 2019 was discussed.", None),
    ],
)
def test_a_date_alone_on_a_top_line_is_a_dateline_but_prose_is_not(
    text: str, expected: date | None
) -> None:
    found = infer_published(text)
    assert (found.published if found else None) == expected
