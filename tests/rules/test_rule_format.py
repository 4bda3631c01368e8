"""Readable figures in messages: money, counts, percent, intervals, periods.

The figures themselves come from `kzuz_claims.model.display` (shared with the
renderers); `arithmetic` is the rules' own.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rule_factory import BILLION, bn, exact, months, point, year

from kzuz_claims.model import Period, PeriodKind, Qualifier, Quantity, display
from kzuz_claims.rules import _format as fmt


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        ("4500000000", "USD", "$4.5 billion"),
        ("156000000", "USD", "$156 million"),
        ("100000000", "USD", "$100 million"),
        ("1200000000000", "KZT", "1.2 trillion KZT"),
        ("2500", "EUR", "\u20ac2,500"),
        ("13300", "count", "13,300"),
        ("7.7", "percent", "7.7%"),
        ("-32", "percent", "-32%"),
        ("0.5", "percentage_point", "0.5 pp"),
        ("2", "times", "2 times"),
        ("3", "rank", "#3"),
        ("450", "t", "450 t"),
        ("1500000000", "m3", "1.5 billion m3"),
        ("19800000", "count", "19.8 million"),
        ("1234567891", "USD", "$1,234,567,891"),
    ],
)
def test_amount_reads_like_a_newsroom(value: str, unit: str, text: str) -> None:
    assert display.format_amount(Decimal(value), unit) == text


def test_quantity_keeps_the_hedge_word() -> None:
    q = Quantity(value=Decimal(500_000_000), unit="USD", qualifier=Qualifier.ALMOST)
    assert display.format_quantity(q) == "almost $500 million"
    bound = Quantity(value=Decimal(5), unit="rank", qualifier=Qualifier.AT_MOST)
    assert display.format_quantity(bound) == "up to #5"


def test_quantity_names_what_a_count_counts() -> None:
    q = Quantity(value=Decimal(60), unit="count", qualifier=Qualifier.APPROX)
    assert display.format_quantity(q, "projects") == "about 60 projects"
    assert display.format_quantity(q, "projects", with_qualifier=False) == "60 projects"
    assert display.format_quantity(bn("4.4"), "projects") == "$4.4 billion"


def test_interval_shows_open_and_closed_ends() -> None:
    assert display.format_interval(bn("4.4")) == "[$4.35 billion, $4.45 billion)"
    assert display.format_interval(exact(60)) == "exactly 60"
    assert (
        display.format_interval(
            Quantity(value=Decimal(1000), unit="count", low=Decimal(1000), low_closed=False)
        )
        == "(1,000, \u221e)"
    )
    assert display.format_interval(Quantity(value=Decimal(5), unit="count")) == (
        "(-\u221e, \u221e)"
    )


def test_interval_bounds_are_never_rounded_together() -> None:
    # "$2.444 billion" read as rounded: both ends must stay apart on the page
    assert display.format_interval(bn("2.444", "0.001")) == "[$2.4435 billion, $2.4445 billion)"
    point_open = Quantity(value=Decimal(3), unit="count", low=Decimal(3), high=Decimal(3))
    assert display.format_interval(point_open.model_copy(update={"high_closed": False})) == (
        "[3, 3)"
    )


def test_ratio_keeps_small_gaps_visible() -> None:
    assert display.format_ratio(Decimal("0.022222")) == "2.2%"
    assert display.format_ratio(Decimal("0.002227")) == "0.22%"
    assert display.format_ratio(Decimal("0.10")) == "10%"
    assert display.format_ratio(Decimal(0)) == "0%"
    assert display.format_ratio(Decimal("0.000523")) == "0.052%"
    assert display.format_ratio(Decimal("0.0000754")) == "0.0075%"


@pytest.mark.parametrize(
    ("period", "text"),
    [
        (year(2023), "2023"),
        (months(2023, 1, 11), "Jan\u2013Nov 2023"),
        (months(2024, 4, 6), "Q2 2024"),
        (months(2024, 7, 12), "H2 2024"),
        (months(2024, 3, 3), "Mar 2024"),
        (point("2024-03-15"), "2024-03-15"),
        (
            Period(start=year(2016).start, end=year(2023).end, kind=PeriodKind.RANGE),
            "2016\u20132023",
        ),
        (
            Period(
                start=months(2023, 11, 12).start, end=months(2024, 1, 2).end, kind=PeriodKind.RANGE
            ),
            "Nov 2023\u2013Feb 2024",
        ),
        (
            Period(
                start=point("2024-01-05").start, end=point("2024-02-10").end, kind=PeriodKind.RANGE
            ),
            "2024-01-05..2024-02-10",
        ),
        (None, "undated"),
    ],
)
def test_period_labels(period: Period | None, text: str) -> None:
    assert display.format_period(period) == text


@given(st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, places=2))
def test_amount_never_fails_on_money(value: Decimal) -> None:
    assert display.format_amount(value, "USD").lstrip("-").startswith("$")


def test_arithmetic_shows_the_worked_gap() -> None:
    from kzuz_claims.model import Gap

    gap = Gap(absolute=Decimal("0.1") * BILLION, relative=Decimal("0.022222"), unit="USD")
    assert fmt.arithmetic(bn("4.4"), bn("4.5"), gap) == (
        "$4.5 billion - $4.4 billion = $100 million;"
        " $100 million / $4.5 billion = 2.2% of the larger figure"
    )
