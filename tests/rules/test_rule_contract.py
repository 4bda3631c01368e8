"""Every registered rule keeps the rule contract on a mixed corpus.

Deterministic, independent of the order of its inputs, never raising on valid claims,
citing only claims it was given, fully documented.
"""

from __future__ import annotations

import random
from itertools import combinations

import pytest
from rule_factory import (
    bn,
    by_year,
    claim,
    context,
    document,
    exact,
    months,
    person,
    point,
    stock,
    year,
)

from kzuz_claims.engine import blocks
from kzuz_claims.model import Claim, Finding, MetricKind, Modality, PersonMention
from kzuz_claims.rules import HEADINGS, Rule, RuleRegistry

DOCS = [
    document("000_a", "2024-03-17"),
    document("001_b", "2024-02-04"),
    document("002_c"),
]
CLAIMS = [
    claim("000_a", "trade_turnover", bn("4.5"), period=year(2023), at=1),
    claim("001_b", "trade_turnover", bn("4.6"), period=months(2023, 1, 11), at=2),
    claim("002_c", "trade_turnover", bn("4.4"), period=year(2023), at=3),
    claim("002_c", "trade_turnover", bn("4"), at=4, period_as_written="last year"),
    stock("000_a", "joint_projects_count", 60, as_of="2024-03-15", scope="portfolio", at=5),
    stock("002_c", "joint_projects_count", 12, as_of=None, scope="under_implementation", at=6),
    stock("001_b", "joint_projects_count", 55, as_of="2024-02-01", scope="portfolio", at=7),
    claim(
        "000_a",
        "joint_projects_value",
        bn("2.6"),
        period=point("2024-03-15"),
        kind=MetricKind.STOCK,
        at=8,
    ),
    claim(
        "001_b", "trade_target", bn("10", "1"), modality=Modality.TARGET, period=by_year(2030), at=9
    ),
    claim(
        "002_c", "trade_target", bn("5", "1"), modality=Modality.TARGET, period=by_year(2025), at=10
    ),
    claim(
        "002_c",
        "growth_rate",
        exact(-32, "percent"),
        period=year(2023),
        of="exports_uz_to_kz",
        at=11,
    ),
    claim(
        "001_b",
        "joint_projects_value",
        bn("0.0026", "0.0001"),
        period=point("2024-02-01"),
        kind=MetricKind.STOCK,
        at=12,
    ),
    claim("001_b", "trade_turnover", exact(2_100_000_000_000, "KZT"), period=year(2023), at=13),
    claim("001_b", "exports_kz_to_uz", bn("3.1"), period=year(2023), at=14),
    claim(
        "000_a",
        "exports_kz_to_uz",
        bn("2.9"),
        period=year(2022),
        period_as_written="last year",
        at=15,
    ),
    stock("000_a", "enterprises_kz_capital_in_uz", 1131, as_of="2023-07-01", at=16),
    stock("001_b", "enterprises_kz_capital_in_uz", 900, as_of="2024-01-15", at=17),
    claim("000_a", "exports_uz_to_kz", bn("1.5"), period=year(2022), at=18),
    claim(
        "002_c",
        "exports_uz_to_kz",
        bn("1.2"),
        period=year(2023),
        quote="exports reached a record $1.2 billion",
        at=19,
    ),
]
PERSONS = [person("000_a", "Olzhas Bektenov", 0), person("001_b", "Oljas Bektenov", 0)]


def _run(rule: Rule, claims: list[Claim], persons: list[PersonMention] = PERSONS) -> list[Finding]:
    ctx = context(rule.func, claims=claims, documents=DOCS, persons=persons)
    out: list[Finding] = []
    if rule.kind == "corpus":
        out.extend(rule.func(ctx))
    for _, block in blocks(claims):
        if rule.kind == "group":
            out.extend(rule.func(block, ctx))
        elif rule.kind == "pair":
            for a, b in combinations(block, 2):
                out.extend(rule.func(a, b, ctx))
    return sorted(out, key=lambda f: f.model_dump_json())


RULES = list(RuleRegistry.builtin())


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_deterministic_and_order_independent(rule: Rule) -> None:
    first = _run(rule, CLAIMS)
    assert _run(rule, CLAIMS) == first
    rng = random.Random(7)
    for _ in range(5):
        claims, persons = CLAIMS[:], PERSONS[:]
        rng.shuffle(claims)
        rng.shuffle(persons)
        assert _run(rule, claims, persons) == first


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_findings_carry_its_identity_and_cite_only_given_claims(rule: Rule) -> None:
    given = {c.id for c in CLAIMS}
    found = _run(rule, CLAIMS)
    assert found, f"{rule.id} found nothing on the contract corpus; extend the corpus"
    for finding in found:
        assert (finding.rule, finding.name) == (rule.id, rule.name)
        assert set(finding.claims) <= given
        assert finding.message and finding.explanation


PAIR_RULES = [r for r in RULES if r.kind == "pair"]


@pytest.mark.parametrize("rule", PAIR_RULES, ids=[r.id for r in PAIR_RULES])
def test_rule_pair_findings_do_not_depend_on_argument_order(rule: Rule) -> None:
    ctx = context(rule.func, claims=CLAIMS, documents=DOCS)
    for _, block in blocks(CLAIMS):
        for a, b in combinations(block, 2):
            forward = {f.fingerprint for f in rule.func(a, b, ctx)}
            backward = {f.fingerprint for f in rule.func(b, a, ctx)}
            assert forward == backward


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_fully_documented(rule: Rule) -> None:
    assert rule.summary
    for heading in HEADINGS:
        assert rule.sections[heading].strip()
