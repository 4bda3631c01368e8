"""Readable figures in messages: money, counts, percent, intervals, periods."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rule_factory import BILLION, bn, exact, months, point, year

from kzuz_claims.model import Period, PeriodKind, Qualifier, Quantity
from kzuz_claims.rules import _format as fmt


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        ("4500000000", "USD", "$4.5 billion"),
        ("156000000", "USD", "$156 million"),
        ("100000000", "USD", "$100 million"),
        ("1200000000000", "KZT", "KZT 1.2 trillion"),
        ("2500", "EUR", "\u20ac2,500"),
        ("13300", "count", "13,300"),
        ("7.7", "percent", "7.7%"),
        ("-32", "percent", "-32%"),
        ("0.5", "percentage_point", "0.5 pp"),
        ("2", "times", "2 times"),
        ("3", "rank", "#3"),
        ("450", "t", "450 t"),
        ("1500000000", "m3", "1.5 billion m3"),
    ],
)
def test_amount_reads_like_a_newsroom(value: str, unit: str, text: str) -> None:
    assert fmt.amount(Decimal(value), unit) == text


def test_quantity_keeps_the_hedge_word() -> None:
    q = Quantity(value=Decimal(500_000_000), unit="USD", qualifier=Qualifier.ALMOST)
    assert fmt.quantity(q) == "almost $500 million"


def test_interval_shows_open_and_closed_ends() -> None:
    assert fmt.interval(bn("4.4")) == "[$4.35 billion, $4.45 billion)"
    assert fmt.interval(exact(60)) == "exactly 60"
    assert (
        fmt.interval(
            Quantity(value=Decimal(1000), unit="count", low=Decimal(1000), low_closed=False)
        )
        == "(1,000, \u221e)"
    )


def test_ratio_keeps_small_gaps_visible() -> None:
    assert fmt.ratio(Decimal("0.022222")) == "2.2%"
    assert fmt.ratio(Decimal("0.002227")) == "0.22%"
    assert fmt.ratio(Decimal("0.10")) == "10%"
    assert fmt.ratio(Decimal(0)) == "0%"


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
        (None, "undated"),
    ],
)
def test_period_labels(period: Period | None, text: str) -> None:
    assert fmt.period(period) == text


@given(st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, places=2))
def test_amount_never_fails_on_money(value: Decimal) -> None:
    assert fmt.amount(value, "USD").lstrip("-").startswith("$")


def test_arithmetic_shows_the_worked_gap() -> None:
    from kzuz_claims.model import Gap

    gap = Gap(absolute=Decimal("0.1") * BILLION, relative=Decimal("0.022222"), unit="USD")
    assert fmt.arithmetic(bn("4.4"), bn("4.5"), gap) == (
        "$4.5 billion - $4.4 billion = $100 million;"
        " $100 million / $4.5 billion = 2.2% of the larger figure"
    )
