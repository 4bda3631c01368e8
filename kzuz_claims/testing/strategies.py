"""Hypothesis strategies that build valid model objects (hypothesis is a test extra).

`corpora()` builds whole corpora for rule tests: documents whose text holds every
claim's quote and person's name at its offsets, claims that share metrics, periods
and as-of dates often enough for rules to compare them. Pair it with `check_rule`:

    @given(corpora())
    def test_my_rule_keeps_the_contract(corpus):
        check_rule(my_rule, claims=corpus.claims, documents=corpus.documents,
                   persons=corpus.persons, shuffles=2)
"""

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
    PersonMention,
    Qualifier,
    Quantity,
    Span,
    claim_id,
)
from kzuz_claims.testing.corpus import Corpus

__all__ = ["claims", "corpora", "decimals", "documents", "periods", "quantities"]


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


_CORPUS_METRICS = (
    ("trade_turnover", MetricKind.FLOW, "USD"),
    ("exports_kz_to_uz", MetricKind.FLOW, "USD"),
    ("trade_target", MetricKind.FLOW, "USD"),
    ("growth_rate", MetricKind.FLOW, "percent"),
    ("joint_projects_count", MetricKind.STOCK, "count"),
    ("enterprises_kz_capital_in_uz", MetricKind.STOCK, "count"),
)
_YEARS = (2019, 2021, 2022, 2023, 2024, 2030)
_AS_OF = (date(2023, 6, 30), date(2024, 2, 1), date(2024, 3, 15), date(2024, 10, 22))
_NAMES = ("Olzhas Bektenov", "Oljas Bektenov", "Alikhan Smailov", "Abdulla Aripov")


def _flow_period(draw: st.DrawFn) -> Period | None:
    shape = draw(st.sampled_from(["none", "year", "ytd", "target"]))
    y = draw(st.sampled_from(_YEARS))
    if shape == "none":
        return None
    if shape == "year":
        return Period(start=date(y, 1, 1), end=date(y, 12, 31), kind=PeriodKind.YEAR)
    if shape == "target":
        return Period(start=date(y, 1, 1), end=date(y, 12, 31), kind=PeriodKind.OPEN_TARGET)
    month = draw(st.integers(min_value=1, max_value=11))
    end = date(y, month + 1, 1) - timedelta(days=1)
    return Period(start=date(y, 1, 1), end=end, kind=PeriodKind.YEAR_TO_DATE)


@st.composite
def corpora(draw: st.DrawFn, max_documents: int = 4, max_claims: int = 12) -> Corpus:
    """A valid corpus: 1..max_documents documents, up to max_claims claims, some persons."""
    n_docs = draw(st.integers(min_value=1, max_value=max_documents))
    doc_ids = [f"{i:03d}_doc" for i in range(n_docs)]
    parts: dict[str, list[str]] = {d: [] for d in doc_ids}
    claims: list[Claim] = []
    persons: list[PersonMention] = []

    def place(doc: str, text: str) -> tuple[int, int]:
        start = sum(len(p) + 1 for p in parts[doc])
        parts[doc].append(text)
        return start, start + len(text)

    for _ in range(draw(st.integers(min_value=0, max_value=max_claims))):
        doc = draw(st.sampled_from(doc_ids))
        metric, kind, unit = draw(st.sampled_from(_CORPUS_METRICS))
        value = Decimal(draw(st.integers(min_value=1, max_value=60)))
        if unit == "USD":
            value *= Decimal(10) ** 8
        elif unit == "percent":
            value -= 30
        quantity = Quantity.exact(value, unit)
        if draw(st.booleans()) and unit != "count":
            step = Decimal(10) ** 8 if unit == "USD" else Decimal(1)
            quantity = Quantity(
                value=value,
                unit=unit,
                low=value - step / 2,
                high=value + step / 2,
                high_closed=False,
                precision=step,
            )
        modality = Modality.TARGET if metric == "trade_target" else Modality.ACTUAL
        if kind is MetricKind.STOCK:
            day = draw(st.none() | st.sampled_from(_AS_OF))
            period = None if day is None else Period(start=day, end=day, kind=PeriodKind.POINT)
        else:
            period = _flow_period(draw)
        quote = f"{metric.replace('_', ' ')} {value}"
        start, end = place(doc, quote + ".")
        end -= 1
        claims.append(
            Claim(
                id=claim_id(doc, start, end, metric),
                doc=doc,
                span=Span(
                    doc=doc, start=start, end=end, sentence_start=start, sentence_end=end + 1
                ),
                quote=quote,
                metric=metric,
                kind=kind,
                entities=("KZ", "UZ"),
                quantity=quantity,
                period=period,
                period_as_written=draw(st.none() | st.just("last year"))
                if period is None
                else None,
                modality=modality,
                scope=draw(st.none() | st.sampled_from(["portfolio", "under_implementation"]))
                if kind is MetricKind.STOCK
                else None,
                of="trade_turnover" if metric == "growth_rate" else None,
                change=("up" if value > 0 else "down") if metric == "growth_rate" else None,
                compared_to=None,
            )
        )
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        doc = draw(st.sampled_from(doc_ids))
        name = draw(st.sampled_from(_NAMES))
        start, end = place(doc, name)
        span = Span(doc=doc, start=start, end=end, sentence_start=start, sentence_end=end)
        office = draw(st.none() | st.just("Prime Minister"))
        persons.append(PersonMention(doc=doc, span=span, name=name, office=office))
    documents = tuple(
        Document(
            id=d,
            text="\n".join(parts[d]) or "Nothing here.",
            published=draw(st.none() | st.sampled_from(_AS_OF)),
        )
        for d in doc_ids
    )
    unique = {c.id: c for c in claims}
    return Corpus(documents=documents, claims=tuple(unique.values()), persons=tuple(persons))
