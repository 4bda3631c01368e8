"""Hypothesis strategies that build valid model objects (hypothesis is a test extra)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from kzuz_claims.model import (
    Claim,
    Document,
    MetricKind,
    Modality,
    Period,
    PeriodBasis,
    PeriodKind,
    Qualifier,
    Quantity,
    Span,
    claim_id,
)

__all__ = ["claims", "decimals", "documents", "periods", "quantities"]


def decimals() -> st.SearchStrategy[Decimal]:
    """Magnitudes as news states them: up to 15 significant digits, up to 4 decimals."""
    return st.decimals(
        min_value=Decimal("-1e13"),
        max_value=Decimal("1e13"),
        places=4,
        allow_nan=False,
        allow_infinity=False,
    ).map(lambda d: d.normalize() if d == d.to_integral_value() else d)


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    value = draw(decimals())
    spread = abs(draw(decimals()))
    bounded_low = draw(st.booleans())
    bounded_high = draw(st.booleans())
    return Quantity(
        value=value,
        unit=draw(st.sampled_from(["USD", "KZT", "count", "percent", "times", "t", "km"])),
        low=value - spread if bounded_low else None,
        high=value + spread if bounded_high else None,
        low_closed=draw(st.booleans()),
        high_closed=draw(st.booleans()),
        qualifier=draw(st.none() | st.sampled_from(list(Qualifier))),
        precision=draw(st.none() | st.sampled_from([Decimal(1), Decimal("0.1"), Decimal("1E+8")])),
    )


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
    length = draw(st.integers(min_value=0, max_value=3650))
    return Period(
        start=start,
        end=start + timedelta(days=length),
        kind=draw(st.sampled_from(list(PeriodKind))),
        basis=draw(st.sampled_from(list(PeriodBasis))),
        text=draw(st.none() | st.text(max_size=20)),
    )


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(max_size=200))
    return Document(
        id=draw(st.from_regex(r"[a-z0-9_]{1,12}", fullmatch=True)),
        text=text,
        body_start=draw(st.integers(min_value=0, max_value=len(text))),
        published=draw(st.none() | st.dates()),
        title=draw(st.none() | st.text(max_size=30)),
    )


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    doc = draw(st.from_regex(r"[a-z0-9_]{1,12}", fullmatch=True))
    quote = draw(st.text(min_size=1, max_size=40))
    start = draw(st.integers(min_value=0, max_value=500))
    end = start + len(quote)
    metric = draw(st.sampled_from(["trade_turnover", "joint_projects_count", "unclassified:x"]))
    return Claim(
        id=claim_id(doc, start, end, metric),
        doc=doc,
        span=Span(
            doc=doc, start=start, end=end, sentence_start=max(0, start - 3), sentence_end=end + 5
        ),
        quote=quote,
        metric=metric,
        kind=draw(st.sampled_from(list(MetricKind))),
        scope=draw(st.none() | st.sampled_from(["portfolio", "pipeline"])),
        entities=tuple(sorted(draw(st.sets(st.sampled_from(["KZ", "UZ", "RU"]), max_size=3)))),
        quantity=draw(quantities()),
        period=draw(st.none() | periods()),
        compared_to=draw(st.none() | periods()),
        modality=draw(st.sampled_from(list(Modality))),
        change=draw(st.none() | st.sampled_from(["up", "down"])),
        attribution=draw(st.none() | st.text(max_size=20)),
        confidence=draw(st.floats(min_value=0, max_value=1)),
    )
