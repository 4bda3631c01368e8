"""The period, sum and arithmetic rules end to end: articles in, findings out.

Each planted article (or pair of articles) holds one inconsistency that one rule must
find through the real extractor; each look-alike holds figures that are consistent
(growing series, parts that add up, a category beside its exports, a rate and a share
that fit their figures, a base from another year or flow, "more than double") and must
give none of these rules' findings at warning or above. Each case is checked on its
own, so that the articles of one case cannot explain away or create another's finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kzuz_claims.engine import check
from kzuz_claims.extract import extract
from kzuz_claims.model import Severity
from kzuz_claims.rules import RuleRegistry
from kzuz_claims.sources import load

ARTICLES = Path(__file__).parent / "arith_articles"
RULES = ("KZC004", "KZC013", "KZC014", "KZC015", "KZC016", "KZC017")

PLANTED = [
    ("KZC013", ["planted_p1_ytd"]),
    ("KZC014", ["planted_p2_ytd"]),
    ("KZC014", ["planted_p3_sums"]),
    ("KZC015", ["planted_p4_change"]),
    ("KZC015", ["planted_p5_base", "planted_p6_base2013"]),
    ("KZC016", ["planted_p7_share"]),
    ("KZC016", ["planted_p8_share2"]),
    ("KZC017", ["planted_p9_multiple"]),
]
LOOKALIKES = [
    ["lookalike_l1_ytd"],
    ["lookalike_l2_sums"],
    ["lookalike_l3_change", "lookalike_l4_base2013"],
    ["lookalike_l5_share"],
    ["lookalike_l6_multiple"],
]


def _findings(stems: list[str]) -> list[tuple[str, Severity, str]]:
    loaded = load([ARTICLES / f"{stem}.txt" for stem in stems])
    extraction = extract(loaded.documents)
    report = check(loaded.documents, extraction.claims, registry=RuleRegistry.builtin())
    return [(f.rule, f.severity, f.message) for f in report.findings if f.rule in RULES]


@pytest.mark.parametrize(("rule_id", "stems"), PLANTED, ids=[s[0] for _, s in PLANTED])
def test_planted_inconsistency_is_found_by_its_rule(rule_id: str, stems: list[str]) -> None:
    found = _findings(stems)
    assert [r for r, _, _ in found] == [rule_id], found
    assert found[0][1] is not Severity.INFO


@pytest.mark.parametrize("stems", LOOKALIKES, ids=[s[0] for s in LOOKALIKES])
def test_lookalike_is_not_flagged(stems: list[str]) -> None:
    serious = [f for f in _findings(stems) if f[1] is not Severity.INFO]
    assert serious == []
