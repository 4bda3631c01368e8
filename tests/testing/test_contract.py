"""The contract suite itself: it passes a good rule and names what a bad one breaks."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import pytest

from kzuz_claims.errors import RuleRegistrationError
from kzuz_claims.model import Claim, Evidence, Finding, Severity
from kzuz_claims.rules import RuleContext, rule
from kzuz_claims.testing import RuleContractError, check_rule, default_corpus

DOC = """{summary}

What it checks
--------------
Pairs of trade figures.

Why it matters
--------------
Tests.

Example
-------
None.

Known false positives
---------------------
None.
"""


def _documented(func: object) -> None:
    func.__doc__ = DOC.format(summary="A test rule.")  # type: ignore[attr-defined]


@rule(id="TST100", name="same-doc-trade", severity=Severity.INFO, kind="pair")
def good_pair(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    if a.metric == "trade_turnover" and a.doc == b.doc:
        first, second = sorted((a, b), key=lambda c: c.id)
        yield ctx.finding(
            f"{first.quote} / {second.quote}", claims=(first.id, second.id), explanation="x"
        )


_documented(good_pair)


def test_a_good_rule_passes_and_its_findings_are_returned() -> None:
    result = check_rule(good_pair, expect_findings=True)
    assert result.rule.id == "TST100"
    assert result.findings and all(f.rule == "TST100" for f in result.findings)
    assert result.corpus == default_corpus()


def test_the_default_corpus_quotes_its_documents_exactly() -> None:
    corpus = default_corpus()
    texts = {d.id: d.text for d in corpus.documents}
    for c in corpus.claims:
        assert texts[c.doc][c.span.start : c.span.end] == c.quote
    for p in corpus.persons:
        assert texts[p.doc][p.span.start : p.span.end] == p.name
    assert len(corpus.documents) >= 6 and len({c.id for c in corpus.claims}) == len(corpus.claims)


@rule(id="TST101", name="first-argument-only", severity=Severity.INFO, kind="pair")
def order_dependent(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    if a.metric == "trade_turnover":
        yield ctx.finding(a.quote, claims=(a.id,), explanation="x")


@rule(id="TST102", name="invents-claims", severity=Severity.INFO, kind="group")
def invents(claims: Sequence[Claim], ctx: RuleContext) -> Iterable[Finding]:
    yield ctx.finding("made up", claims=("not-a-claim",), explanation="x")


@rule(id="TST103", name="crashes-on-stocks", severity=Severity.INFO, kind="group")
def crashes(claims: Sequence[Claim], ctx: RuleContext) -> Iterable[Finding]:
    if any(c.kind.value == "stock" for c in claims):
        raise KeyError("as_of")
    return []


_COUNTER = itertools.count()


@rule(id="TST104", name="counts-runs", severity=Severity.INFO, kind="corpus")
def nondeterministic(ctx: RuleContext) -> Iterable[Finding]:
    yield ctx.finding(f"run {next(_COUNTER)}", explanation="x")


@rule(id="TST105", name="cites-another-block", severity=Severity.INFO, kind="group")
def other_block(claims: Sequence[Claim], ctx: RuleContext) -> Iterable[Finding]:
    outside = [c for c in ctx.claims if c.metric != claims[0].metric]
    if outside:
        yield ctx.finding("elsewhere", claims=(outside[0].id,), explanation="x")


@rule(id="TST106", name="no-explanation", severity=Severity.INFO, kind="corpus")
def terse(ctx: RuleContext) -> Iterable[Finding]:
    yield ctx.finding("terse")


@rule(id="TST107", name="bad-evidence", severity=Severity.INFO, kind="corpus")
def bad_evidence(ctx: RuleContext) -> Iterable[Finding]:
    yield ctx.finding(
        "x", explanation="y", evidence=[Evidence(doc="nowhere", start=0, end=1, quote="x")]
    )


@rule(id="TST108", name="wrong-identity", severity=Severity.INFO, kind="corpus")
def wrong_identity(ctx: RuleContext) -> Iterable[Finding]:
    yield Finding(
        rule="KZC001", name="value-conflict", severity=Severity.INFO, message="m", explanation="e"
    )


@rule(id="TST109", name="finds-nothing", severity=Severity.INFO, kind="corpus")
def finds_nothing(ctx: RuleContext) -> Iterable[Finding]:
    return []


for _func in (order_dependent, invents, crashes, nondeterministic, other_block, terse):
    _documented(_func)
for _func in (bad_evidence, wrong_identity, finds_nothing):
    _documented(_func)


@pytest.mark.parametrize(
    ("func", "promise", "detail"),
    [
        (order_dependent, "order-independent", "and its reverse"),
        (invents, "citing only its input", "not-a-claim"),
        (crashes, "crash-free on valid claims", "KeyError: 'as_of'"),
        (nondeterministic, "deterministic", "a second run"),
        (other_block, "citing only its input", "not in its block"),
        (terse, "explaining its findings", "lacks a message or an explanation"),
        (bad_evidence, "citing only its input", "nowhere:0..1"),
        (wrong_identity, "honest about its identity", "KZC001 value-conflict"),
    ],
)
def test_a_broken_promise_is_named(func: object, promise: str, detail: str) -> None:
    with pytest.raises(RuleContractError) as info:
        check_rule(func)  # type: ignore[arg-type]
    assert info.value.promise == promise
    assert detail in str(info.value)
    assert str(info.value).startswith(f"rule {info.value.rule} is not {promise}")


def test_expect_findings_refuses_a_rule_that_finds_nothing() -> None:
    assert check_rule(finds_nothing).findings == ()
    with pytest.raises(RuleContractError, match="found nothing on the corpus"):
        check_rule(finds_nothing, expect_findings=True)


def test_an_undocumented_rule_is_refused_at_registration() -> None:
    @rule(id="TST110", name="undocumented", kind="corpus")
    def undocumented(ctx: RuleContext) -> Iterable[Finding]:
        """Only a summary."""
        return []

    with pytest.raises(RuleRegistrationError, match="lacks the heading"):
        check_rule(undocumented)


def test_a_custom_corpus_replaces_the_default() -> None:
    corpus = default_corpus()
    only_a = [c for c in corpus.claims if c.doc == "000_a"]
    result = check_rule(good_pair, claims=only_a, documents=corpus.documents, persons=())
    assert {c.doc for c in result.corpus.claims} == {"000_a"}
    assert all(result.corpus.claims[0].doc == "000_a" for _ in result.findings)


def test_the_third_party_example_in_the_docs_keeps_the_contract() -> None:
    import re
    import types
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "docs" / "testing.md"
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    module = types.ModuleType("kzuz_budget_rules")
    exec(compile(blocks[0], str(page), "exec"), module.__dict__)
    result = check_rule(module.cost_in_two_currencies)
    assert result.rule.id == "BDG001" and result.rule.kind == "group"
