"""The one pint registry: currencies as dimensions of their own, counts, percents.

pint is imported lazily, on the first call, so `import kzuz_claims` stays fast.
Claims store unit names as strings; a pint quantity is made on demand.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from kzuz_claims.model import Quantity

CURRENCIES = (
    "USD",
    "KZT",
    "UZS",
    "RUB",
    "EUR",
    "CNY",
    "GBP",
    "JPY",
    "INR",
    "CHF",
    "AUD",
    "CAD",
    "HKD",
    "KRW",
    "TRY",
)
"""ISO 4217 codes the registry knows; no exchange rates, so each is its own dimension."""


@cache
def registry() -> Any:
    """The shared pint UnitRegistry, built once."""
    import pint

    ureg: Any = pint.UnitRegistry()
    for code in CURRENCIES:
        ureg.define(f"{code} = [currency_{code.lower()}]")
    ureg.define("count = [count]")
    ureg.define("times = [multiple]")
    ureg.define("rank = [rank]")
    ureg.define("percentage_point = [percentage_point] = pp")
    ureg.define("m3 = meter ** 3")
    ureg.define("basis_point = 0.01 * percentage_point")
    return ureg


def to_pint(quantity: Quantity) -> Any:
    """The pint Quantity for a claim's value (percent maps to pint's `percent`)."""
    ureg = registry()
    try:
        return ureg.Quantity(quantity.value, quantity.unit)
    except Exception as exc:  # pint raises several unrelated error types
        raise ValueError(f"unit {quantity.unit!r} is not known to the unit registry") from exc


def same_dimension(a: str, b: str) -> bool:
    """Whether two unit names measure the same kind of thing (USD vs KZT: no)."""
    if a == b:
        return True
    ureg = registry()
    try:
        return bool(ureg.Unit(a).dimensionality == ureg.Unit(b).dimensionality)
    except Exception:
        return False
