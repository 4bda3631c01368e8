"""Valid model objects for rule and engine tests, built in one line each.

Kept as a plain module (not only fixtures) so that tests/test_engine.py can use the
same factory; tests/rules/conftest.py exposes it as fixtures too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from kzuz_claims.config import Config
from kzuz_claims.model import (
    Claim,
    Document,
    Finding,
    MetricKind,
    Modality,
    Period,
    PeriodBasis,
    PeriodKind,
    PersonMention,
    Qualifier,
    Quantity,
    Span,
    claim_id,
)
from kzuz_claims.rules import RuleContext, RuleFunc, spec_of

BILLION = Decimal(10) ** 9
MILLION = Decimal(10) ** 6


def rounded(
    value: Decimal | int | str, precision: Decimal | int | str, unit: str = "USD"
) -> Quantity:
    """A figure read as rounded: [value - step/2, value + step/2)."""
    v, p = Decimal(value), Decimal(precision)
    return Quantity(
        value=v,
        unit=unit,
        low=v - p / 2,
        high=v + p / 2,
        low_closed=True,
        high_closed=False,
        precision=p,
    )


def bn(value: str, precision: str = "0.1") -> Quantity:
    """ "$4.4 billion" as the extractor reads it: rounded at its last digit."""
    return rounded(Decimal(value) * BILLION, Decimal(precision) * BILLION)


def exact(value: Decimal | int | str, unit: str = "count") -> Quantity:
    return Quantity.exact(Decimal(value), unit)


def hedged(
    value: Decimal | int | str,
    qualifier: Qualifier,
    *,
    low: Decimal | int | str | None = None,
    high: Decimal | int | str | None = None,
    unit: str = "count",
) -> Quantity:
    """A hedged figure with explicit bounds ("more than 1,000" is (1000, inf))."""
    return Quantity(
        value=Decimal(value),
        unit=unit,
        low=None if low is None else Decimal(low),
        high=None if high is None else Decimal(high),
        low_closed=qualifier is not Qualifier.MORE_THAN,
        high_closed=qualifier is not Qualifier.LESS_THAN,
        qualifier=qualifier,
    )


def year(y: int, basis: PeriodBasis = PeriodBasis.EXPLICIT) -> Period:
    return Period(start=date(y, 1, 1), end=date(y, 12, 31), kind=PeriodKind.YEAR, basis=basis)


def months(y: int, first: int, last: int) -> Period:
    """Months `first`..`last` of year `y` (a year-to-date range when first is 1)."""
    end = date(y + 1, 1, 1) if last == 12 else date(y, last + 1, 1)
    end = date.fromordinal(end.toordinal() - 1)
    kind = PeriodKind.YEAR_TO_DATE if first == 1 else PeriodKind.RANGE
    return Period(start=date(y, first, 1), end=end, kind=kind)


def point(iso: str) -> Period:
    d = date.fromisoformat(iso)
    return Period(start=d, end=d, kind=PeriodKind.POINT)


def by_year(y: int) -> Period:
    """A target deadline: up to the end of year `y`."""
    return Period(start=date(y, 1, 1), end=date(y, 12, 31), kind=PeriodKind.OPEN_TARGET)


def claim(
    doc: str,
    metric: str,
    quantity: Quantity,
    *,
    period: Period | None = None,
    kind: MetricKind = MetricKind.FLOW,
    scope: str | None = None,
    modality: Modality = Modality.ACTUAL,
    at: int = 0,
    quote: str | None = None,
    entities: tuple[str, ...] = ("KZ", "UZ"),
    **extra: Any,
) -> Claim:
    """A valid claim at offset `at` of `doc`; the id is the real stable claim id."""
    text = quote if quote is not None else f"{metric} {quantity.value}"
    end = at + len(text)
    return Claim(
        id=claim_id(doc, at, end, metric),
        doc=doc,
        span=Span(doc=doc, start=at, end=end, sentence_start=at, sentence_end=end),
        quote=text,
        metric=metric,
        kind=kind,
        entities=entities,
        quantity=quantity,
        period=period,
        modality=modality,
        scope=scope,
        **extra,
    )


def stock(doc: str, metric: str, value: int, *, as_of: str | None, **kw: Any) -> Claim:
    """An exact count on a date (`as_of` None for an undated document)."""
    return claim(
        doc,
        metric,
        exact(value),
        period=point(as_of) if as_of else None,
        kind=MetricKind.STOCK,
        **kw,
    )


def document(doc: str, published: str | None = None, text: str = "") -> Document:
    return Document(
        id=doc,
        text=text or f"Text of {doc}.",
        published=date.fromisoformat(published) if published else None,
    )


def person(doc: str, name: str, at: int = 0, office: str | None = None) -> PersonMention:
    end = at + len(name)
    span = Span(doc=doc, start=at, end=end, sentence_start=at, sentence_end=end)
    return PersonMention(doc=doc, span=span, name=name, office=office)


def context(
    func: RuleFunc,
    *,
    claims: Sequence[Claim] = (),
    documents: Iterable[Document] = (),
    persons: Sequence[PersonMention] = (),
    config: Config | None = None,
) -> RuleContext:
    """A context bound to the rule `func`, as the engine would pass it."""
    spec = spec_of(func)
    assert spec is not None, f"{func} is not a @rule"
    base = RuleContext.build(config=config, documents=documents, claims=claims, persons=persons)
    return base.for_rule(spec)


def run_pair(func: RuleFunc, a: Claim, b: Claim, **kw: Any) -> list[Finding]:
    """Findings of pair rule `func` on (a, b) and on (b, a), which must agree."""
    forward = list(func(a, b, context(func, claims=(a, b), **kw)))
    backward = list(func(b, a, context(func, claims=(b, a), **kw)))
    assert {f.identity for f in forward} == {f.identity for f in backward}
    return forward


def run_corpus(func: RuleFunc, **kw: Any) -> list[Finding]:
    return list(func(context(func, **kw)))
