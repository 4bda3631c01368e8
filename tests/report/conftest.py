"""A small hand-built Report with claims, a finding and a skipped file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kzuz_claims.model import (
    Claim,
    Document,
    Evidence,
    Finding,
    Gap,
    Modality,
    Period,
    PeriodBasis,
    PeriodKind,
    PublishedBasis,
    Qualifier,
    Quantity,
    Report,
    Severity,
    Skipped,
    Span,
    claim_id,
)

TEXT_A = " date 2024-03-17 In 2023, bilateral trade turnover amounted to $4.5 billion."
TEXT_B = (
    "Today, October 22, the forum met. Trade reached about $4.4 billion last year. "
    "In 2023 exports fell by 32% compared to 2013. They implement 60 projects."
)


def _claim(
    doc: Document,
    quote: str,
    metric: str,
    quantity: Quantity,
    period: Period | None,
    **extra: object,
) -> Claim:
    start = doc.text.index(quote)
    end = start + len(quote)
    span = Span(doc=doc.id, start=start, end=end, sentence_start=start, sentence_end=end)
    return Claim.model_validate(
        {
            "id": claim_id(doc.id, start, end, metric),
            "doc": doc.id,
            "span": span,
            "quote": quote,
            "metric": metric,
            "quantity": quantity,
            "period": period,
            **extra,
        }
    )


def build_report() -> Report:
    doc_a = Document(
        id="000_a",
        text=TEXT_A,
        body_start=17,
        published=date(2024, 3, 17),
        published_basis=PublishedBasis.HEADER,
        publisher="Kazinform",
        path="seeds/000_a.txt",
    )
    doc_b = Document(
        id="003_b",
        text=TEXT_B,
        published=date(2024, 10, 22),
        published_basis=PublishedBasis.INFERRED,
        published_evidence='"Today, October 22"; year from "In 2023" and "last year" (2023 + 1)',
    )
    year_2023 = Period(start=date(2023, 1, 1), end=date(2023, 12, 31), kind=PeriodKind.YEAR)
    relative_2023 = year_2023.model_copy(update={"basis": PeriodBasis.RELATIVE})
    c1 = _claim(
        doc_a,
        "bilateral trade turnover amounted to $4.5 billion",
        "trade_turnover",
        Quantity(
            value=Decimal(4_500_000_000),
            unit="USD",
            low=Decimal(4_450_000_000),
            high=Decimal(4_550_000_000),
            high_closed=False,
            precision=Decimal(100_000_000),
        ),
        year_2023,
        entities=("KZ", "UZ"),
        attribution="primeminister.kz",
    )
    c2 = _claim(
        doc_b,
        "Trade reached about $4.4 billion last year",
        "trade_turnover",
        Quantity(
            value=Decimal(4_400_000_000),
            unit="USD",
            low=Decimal(3_960_000_000),
            high=Decimal(4_840_000_000),
            qualifier=Qualifier.APPROX,
        ),
        relative_2023,
        entities=("KZ", "UZ"),
    )
    c3 = _claim(
        doc_b,
        "exports fell by 32%",
        "growth_rate",
        Quantity.exact(32, "percent"),
        year_2023,
        change="down",
        of="exports_uz_to_kz",
    )
    c4 = _claim(
        doc_b,
        "60 projects",
        "joint_projects_count",
        Quantity.exact(60, "count"),
        None,
        noun="projects",
        modality=Modality.ACTUAL,
        scope="portfolio",
    )
    conflict = Finding(
        rule="KZC001",
        name="value-conflict",
        severity=Severity.WARNING,
        message="trade_turnover 2023: $4.5 billion vs about $4.4 billion",
        explanation=(
            "000_a asserts [4.45, 4.55) billion; 003_b asserts [3.96, 4.84] billion.\n"
            "The intervals overlap, but the stated values differ: 4.5 - 4.4 = 0.1 billion "
            "(2.2% of 4.5)."
        ),
        claims=(c1.id, c2.id),
        gap=Gap(absolute=Decimal(100_000_000), relative=Decimal("0.0222"), unit="USD"),
    )
    undated = Finding(
        rule="KZC040",
        name="relative-date-inferred",
        severity=Severity.INFO,
        message="a relative period in a document dated by inference",
        claims=(c2.id,),
        evidence=(Evidence(doc="003_b", start=0, end=17, quote="Today, October 22"),),
    )
    return Report(
        version="0.1.0",
        config={"thresholds": {"warning": 0.01, "error": 0.1}},
        documents=(doc_a, doc_b),
        claims=(c1, c2, c3, c4),
        findings=(undated, conflict),
        skipped=(
            Skipped(path="in/bad.txt", reason="file is binary (it contains NUL bytes), not text"),
        ),
    )


@pytest.fixture
def report() -> Report:
    return build_report()
