"""The planted-inconsistency corpus: every planted item found, no look-alike flagged.

Items whose rule is not registered yet are skipped ("rule KZCxxx not registered");
items with a `known_issue` in the manifest are expected failures with that reason.
See README.md in this folder for the matching rules.
"""

from __future__ import annotations

from collections import Counter

import corpus_tally as ct
import pytest

from kzuz_claims.model import Finding

MANIFEST = ct.load_manifest()


@pytest.fixture(scope="module")
def run() -> ct.Run:
    return ct.run()


def _located(item: ct.Item, run: ct.Run) -> ct.Item:
    problems = ct.quote_problems(ct.Manifest(MANIFEST.rules, (item,), ()), run.documents)
    assert not problems, problems
    return ct.locate(item, run.documents)


def _params(items: tuple[ct.Item, ...]) -> list[object]:
    """One parameter per item; an item with a known issue is an expected failure.

    Not strict: when the rule or the extractor is mended the test passes (XPASS), and
    the `known_issue` line should then be removed from the manifest.
    """
    return [
        pytest.param(
            item,
            id=f"{item.id}-{item.rule}",
            marks=[pytest.mark.xfail(reason=item.known_issue, strict=False)]
            if item.known_issue
            else [],
        )
        for item in items
    ]


def _show(findings: list[Finding]) -> str:
    return "\n".join(f"  {f.rule} {f.severity.value}: {f.message}" for f in findings) or "  none"


def test_corpus_has_at_least_twenty_articles(run: ct.Run) -> None:
    assert len(run.documents) >= 20


def test_manifest_quotes_resolve_exactly_once(run: ct.Run) -> None:
    assert ct.quote_problems(MANIFEST, run.documents) == []


def test_manifest_ids_are_unique_and_rules_known() -> None:
    ids = Counter(i.id for i in MANIFEST.items)
    assert [i for i, n in ids.items() if n > 1] == []
    assert {i.rule for i in MANIFEST.items} <= set(MANIFEST.rules)


def test_every_rule_and_cause_has_two_planted_items() -> None:
    per_rule = Counter(i.rule for i in MANIFEST.planted)
    assert {r: per_rule[r] for r in MANIFEST.rules if per_rule[r] < 2} == {}
    per_family = Counter(i.family for i in MANIFEST.planted)
    assert {f: n for f, n in per_family.items() if n < 2} == {}


def test_lookalikes_are_at_least_as_many_as_planted_items() -> None:
    assert len(MANIFEST.lookalikes) >= len(MANIFEST.planted)


@pytest.mark.parametrize(
    "item",
    [i for i in MANIFEST.items if i.rule not in MANIFEST.text_only_rules],
    ids=lambda i: i.id,
)
def test_extractor_reads_every_quote(item: ct.Item, run: ct.Run) -> None:
    missing = ct.unread_quotes(_located(item, run), run)
    assert missing == [], f"{item.id}: no claim or person mention for {[q.text for q in missing]}"


@pytest.mark.parametrize("item", _params(MANIFEST.planted))
def test_planted_item_is_found(item: ct.Item, run: ct.Run) -> None:
    if item.rule not in run.rule_ids:
        pytest.skip(f"rule {item.rule} not registered")
    located = _located(item, run)
    found = ct.finders(located, run)
    same_rule = [f for f in run.report.findings if f.rule == item.rule]
    assert found, (
        f"{item.id} ({item.family}) not found: {item.why}\n"
        f"quotes: {[q.text for q in item.quotes]}\n{item.rule} findings:\n{_show(same_rule)}"
    )


@pytest.mark.parametrize("item", _params(MANIFEST.lookalikes))
def test_lookalike_is_not_flagged(item: ct.Item, run: ct.Run) -> None:
    flagged = ct.flaggers(_located(item, run), run)
    assert flagged == [], f"{item.id} ({item.kind}) flagged:\n{_show(flagged)}"
