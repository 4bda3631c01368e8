"""Every registered rule keeps the rule contract (`kzuz_claims.testing.check_rule`).

Deterministic, independent of the order of its inputs, never raising on valid claims,
citing only claims it was given, fully documented. Parametrised by rule id over the
default registry (built-ins and installed plugins), so a new rule is checked as soon
as it is registered; it must also find something on the default corpus
(`kzuz_claims.testing.corpus`), or the other checks would be vacuous: add a planted
case there when a new rule finds nothing.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from kzuz_claims.rules import HEADINGS, Rule, RuleRegistry
from kzuz_claims.testing import Corpus, check_rule
from kzuz_claims.testing.strategies import corpora

RULES = list(RuleRegistry.default())


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_keeps_the_contract_on_the_default_corpus(rule: Rule) -> None:
    result = check_rule(rule, expect_findings=True)
    for finding in result.findings:
        assert (finding.rule, finding.name) == (rule.id, rule.name)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_keeps_the_contract_on_random_corpora(rule: Rule) -> None:
    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(corpora())
    def keeps(corpus: Corpus) -> None:
        check_rule(
            rule,
            claims=corpus.claims,
            documents=corpus.documents,
            persons=corpus.persons,
            shuffles=1,
        )

    keeps()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_fully_documented(rule: Rule) -> None:
    assert rule.summary
    for heading in HEADINGS:
        assert rule.sections[heading].strip()
