"""Public helpers for users' own tests: the rule contract, a mixed corpus, strategies.

    from kzuz_claims.testing import check_rule, default_corpus

    def test_my_rule_keeps_the_contract():
        result = check_rule(my_rule, expect_findings=True)

`kzuz_claims.testing.strategies` holds hypothesis strategies (hypothesis is a test
extra, so that module is imported only when asked for). docs/testing.md shows a
third-party rule tested this way.
"""

from kzuz_claims.testing.contract import ContractResult, RuleContractError, check_rule
from kzuz_claims.testing.corpus import Corpus, default_corpus

__all__ = ["ContractResult", "Corpus", "RuleContractError", "check_rule", "default_corpus"]
