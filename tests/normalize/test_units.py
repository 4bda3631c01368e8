"""Every unit and currency the phrase tables can produce is known to the pint registry."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kzuz_claims.extract.lexicon import load_lexicon
from kzuz_claims.model import Quantity
from kzuz_claims.normalize.units import CURRENCIES, registry, same_dimension, to_pint

_PHRASES = load_lexicon().phrases
_UNIT_NAMES = sorted({u.canonical or name for name, u in _PHRASES.units.items()})


@pytest.mark.parametrize("name", _UNIT_NAMES)
def test_every_lexicon_unit_parses_in_the_registry(name: str) -> None:
    assert to_pint(Quantity.exact(Decimal(1), name)) is not None


@pytest.mark.parametrize("code", sorted(_PHRASES.currencies))
def test_every_lexicon_currency_is_a_registry_dimension(code: str) -> None:
    assert code in CURRENCIES
    assert not same_dimension(code, "USD" if code != "USD" else "EUR")


def test_rates_of_physical_units_parse() -> None:
    for unit in ("t/yr", "m3/yr", "oil_barrel/day", "count/day"):
        assert registry().Unit(unit) is not None


def test_basis_points_are_hundredths_of_a_percentage_point() -> None:
    q = to_pint(Quantity.exact(Decimal(25), "basis_point"))
    assert q.to("percentage_point").magnitude == pytest.approx(0.25)
