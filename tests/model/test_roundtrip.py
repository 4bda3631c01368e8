"""The model's JSON round trip is exact."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given

from kzuz_claims.model import Claim, Document, Period, Quantity, Report
from kzuz_claims.testing.strategies import claims, documents, periods, quantities


@given(claims())
def test_claim_json_round_trip_is_exact(claim: Claim) -> None:
    again = Claim.model_validate_json(claim.model_dump_json())
    assert again == claim
    assert again.model_dump_json() == claim.model_dump_json()


@given(quantities())
def test_quantity_json_round_trip_is_exact(q: Quantity) -> None:
    assert Quantity.model_validate_json(q.model_dump_json()) == q


@given(periods())
def test_period_json_round_trip_is_exact(p: Period) -> None:
    assert Period.model_validate_json(p.model_dump_json()) == p


@given(documents(), claims())
def test_report_json_round_trip_is_exact(doc: Document, claim: Claim) -> None:
    report = Report(version="0", documents=(doc,), claims=(claim,))
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_money_serialises_as_json_number_not_string() -> None:
    q = Quantity.exact(4_500_000_000, "USD")
    assert '"value":4500000000' in q.model_dump_json()


def test_quantity_overlap_respects_open_ends() -> None:
    a = Quantity(
        value=Decimal("4.5e9"),
        unit="USD",
        low=Decimal("4.45e9"),
        high=Decimal("4.55e9"),
        high_closed=False,
    )
    b = Quantity(
        value=Decimal("4.4e9"),
        unit="USD",
        low=Decimal("4.35e9"),
        high=Decimal("4.45e9"),
        high_closed=False,
    )
    assert not a.overlaps(b)
    c = Quantity(value=Decimal("4.4e9"), unit="USD", low=Decimal("4.35e9"), high=Decimal("4.45e9"))
    assert a.overlaps(c)
