"""One cause per disagreeing pair, reported by exactly one rule of the value family.

`_compare.classify` names the cause; KZC001/KZC002 (outside-rounding,
hedge-incompatible), KZC003 (scope-difference), KZC008 (scale-slip), KZC009
(unit-mismatch) and KZC010 (stale-figure) each report only their own.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from rule_factory import BILLION, bn, claim, context, document, exact, point, stock, year
from text_factory import article, quoted

from kzuz_claims.engine import check
from kzuz_claims.model import Claim, Document, MetricKind, Qualifier, Quantity
from kzuz_claims.rules import RuleContext, RuleRegistry
from kzuz_claims.rules._compare import Cause, classify
from kzuz_claims.rules.values import value_conflict

VALUE_FAMILY = ("KZC001", "KZC002", "KZC003", "KZC008", "KZC009", "KZC010")
A, B = "000_a", "001_b"
DOCS = [document(A, "2024-03-17"), document(B, "2024-04-02")]


def _over_5bn() -> Quantity:
    return Quantity(
        value=5 * BILLION,
        unit="USD",
        low=5 * BILLION,
        low_closed=False,
        qualifier=Qualifier.MORE_THAN,
        precision=BILLION,
    )


def _stale_pair() -> tuple[list[Document], list[Claim]]:
    new_doc = article(A, "2024-03-17", "In 2023, trade turnover amounted to $4.5 billion.")
    old_doc = article(
        B, "2024-06-02", "According to the latest data, trade turnover reached $5 billion in 2022."
    )
    return [new_doc, old_doc], [
        quoted(
            new_doc,
            "trade turnover amounted to $4.5 billion",
            "trade_turnover",
            bn("4.5"),
            period=year(2023),
        ),
        quoted(
            old_doc,
            "trade turnover reached $5 billion",
            "trade_turnover",
            bn("5", "1"),
            period=year(2022),
        ),
    ]


CASES = {
    Cause.OUTSIDE_ROUNDING: (
        "KZC001",
        [
            claim(A, "trade_turnover", bn("4.5"), period=year(2023)),
            claim(B, "trade_turnover", bn("4.4"), period=year(2023)),
        ],
    ),
    Cause.HEDGE_INCOMPATIBLE: (
        "KZC001",
        [
            claim(A, "trade_turnover", _over_5bn(), period=year(2023)),
            claim(B, "trade_turnover", bn("4.9"), period=year(2023)),
        ],
    ),
    Cause.SCALE_SLIP: (
        "KZC008",
        [
            claim(A, "trade_turnover", bn("4.4"), period=year(2023)),
            claim(B, "trade_turnover", bn("0.0044", "0.0001"), period=year(2023)),
        ],
    ),
    Cause.UNIT_MISMATCH: (
        "KZC009",
        [
            claim(A, "trade_turnover", bn("4.4"), period=year(2023)),
            claim(B, "trade_turnover", exact(2_000_000_000_000, "KZT"), period=year(2023)),
        ],
    ),
    Cause.SCOPE_DIFFERENCE: (
        "KZC003",
        [
            stock(A, "joint_projects_count", 60, as_of="2024-03-15", scope="portfolio"),
            stock(B, "joint_projects_count", 12, as_of="2024-03-20", scope="under_implementation"),
        ],
    ),
}


@pytest.mark.parametrize("cause", list(CASES), ids=[c.value for c in CASES])
def test_each_cause_is_reported_once_by_its_own_rule(cause: Cause) -> None:
    rule_id, claims = CASES[cause]
    a, b = claims
    assert classify(a, b, _ctx(claims, DOCS)) is cause
    report = check(DOCS, claims, registry=RuleRegistry.builtin())
    found = [f for f in report.findings if f.rule in VALUE_FAMILY]
    assert [(f.rule, f.cause) for f in found] == [(rule_id, cause.value)]
    visible = "differ in scope" if cause is Cause.SCOPE_DIFFERENCE else cause.words
    assert visible in found[0].message.replace("-", " ")


def test_stale_figure_is_reported_once_by_its_own_rule() -> None:
    docs, claims = _stale_pair()
    report = check(docs, claims, registry=RuleRegistry.builtin())
    found = [f for f in report.findings if f.rule in VALUE_FAMILY]
    assert [(f.rule, f.cause) for f in found] == [("KZC010", "stale-figure")]


def test_count_conflict_reports_the_count_causes() -> None:
    over = Quantity(
        value=Decimal(1000),
        unit="count",
        low=Decimal(1000),
        low_closed=False,
        qualifier=Qualifier.MORE_THAN,
    )
    claims = [
        claim(
            A,
            "enterprises_kz_capital_in_uz",
            over,
            period=point("2024-10-22"),
            kind=MetricKind.STOCK,
        ),
        stock(B, "enterprises_kz_capital_in_uz", 1000, as_of="2024-10-01"),
    ]
    report = check(DOCS, claims, registry=RuleRegistry.builtin())
    found = [(f.rule, f.cause) for f in report.findings if f.rule in VALUE_FAMILY]
    assert found == [("KZC002", "hedge-incompatible")]


def test_classify_is_symmetric_and_none_for_agreeing_or_unrelated_pairs() -> None:
    for _, (_, (a, b)) in CASES.items():
        ctx = _ctx([a, b], DOCS)
        assert classify(a, b, ctx) is classify(b, a, ctx)
    agree = (
        claim(A, "trade_turnover", bn("4.4"), period=year(2023)),
        claim(B, "trade_turnover", bn("4.42", "0.01"), period=year(2023)),
    )
    other_year = (
        claim(A, "trade_turnover", bn("4.4"), period=year(2023)),
        claim(B, "trade_turnover", bn("5"), period=year(2022)),
    )
    for a, b in (agree, other_year):
        assert classify(a, b, _ctx([a, b], DOCS)) is None


def _ctx(claims: list[Claim], docs: list[Document]) -> RuleContext:
    return context(value_conflict, claims=claims, documents=docs)
