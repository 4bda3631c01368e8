"""The rule contract: what every rule, built-in or a user's, must keep.

    from kzuz_claims.testing import check_rule

    def test_my_rule_keeps_the_contract():
        check_rule(my_rule)                      # on the default mixed corpus
        check_rule(my_rule, claims=my_claims, documents=my_docs)

`check_rule` registers the rule in a fresh `RuleRegistry` (so its id, name, signature
and docstring headings are validated), runs it through the engine, and calls it
directly the way the engine does. It raises `RuleContractError` (an AssertionError)
naming the rule and the broken promise when the rule is not

- documented: a summary and the four headings, each with text;
- crash-free: it never raises on valid claims (through the engine, a crash would be a
  `rule-crashed` finding);
- deterministic: two runs give the same findings;
- order-independent: shuffled documents, claims and persons give the same findings;
  called directly, a pair rule finds the same (claims, evidence, severity; the
  wording may follow argument order) for (a, b) and (b, a), a group rule for its
  block in any order, a corpus rule for the corpus in any order;
- honest about its evidence: every finding carries the rule's id and name, a message
  and an explanation, cites only claims it was given (a pair rule: the two, a group
  rule: its block) and quotes only documents of the corpus.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kzuz_claims.config import Config
from kzuz_claims.engine import blocks, candidate_pairs, check
from kzuz_claims.model import Claim, Document, Finding, PersonMention
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import HEADINGS, Rule, RuleFunc, RuleRegistry
from kzuz_claims.testing.corpus import Corpus, default_corpus

__all__ = ["ContractResult", "RuleContractError", "check_rule"]

_CRASH = "rule-crashed"


class RuleContractError(AssertionError):
    """A rule broke its contract; `rule` is its id, `promise` what it broke."""

    def __init__(self, rule: str, promise: str, detail: str) -> None:
        super().__init__(rule, promise, detail)
        self.rule = rule
        self.promise = promise
        self.detail = detail

    def __str__(self) -> str:
        return f"rule {self.rule} is not {self.promise}: {self.detail}"


@dataclass(frozen=True)
class ContractResult:
    """What `check_rule` saw: the registered rule and its findings on the corpus."""

    rule: Rule
    corpus: Corpus
    findings: tuple[Finding, ...]


def check_rule(
    rule: Rule | RuleFunc,
    *,
    claims: Iterable[Claim] | None = None,
    documents: Iterable[Document] | None = None,
    persons: Iterable[PersonMention] | None = None,
    config: Config | None = None,
    shuffles: int = 5,
    seed: int = 0,
    expect_findings: bool = False,
) -> ContractResult:
    """Check that `rule` keeps the rule contract (module docstring) on a corpus.

    `rule` is a `@rule`-tagged function or a registered `Rule`. Inputs left out come
    from `default_corpus()`; `expect_findings` also requires at least one finding, so
    that the other checks are not vacuous. Returns the findings on success.
    """
    registered = _register(rule)
    base = default_corpus()
    corpus = Corpus(
        documents=tuple(documents) if documents is not None else base.documents,
        claims=tuple(claims) if claims is not None else base.claims,
        persons=tuple(persons) if persons is not None else base.persons,
    )
    config = config or Config()
    _documented(registered)
    first = _run(registered, corpus, config)
    _check_findings(registered, corpus, first)
    again = _run(registered, corpus, config)
    if _keys(again) != _keys(first):
        raise RuleContractError(
            registered.id, "deterministic", _diff("a second run on the same input", first, again)
        )
    rng = random.Random(seed)
    for n in range(shuffles):
        other = _run(registered, corpus.shuffled(rng), config)
        if _keys(other) != _keys(first):
            raise RuleContractError(
                registered.id,
                "order-independent",
                _diff(f"shuffled input (shuffle {n + 1}, seed {seed})", first, other),
            )
    _direct_calls(registered, corpus, config, random.Random(seed))
    if expect_findings and not first:
        raise RuleContractError(
            registered.id,
            "exercised",
            "it found nothing on the corpus; add a case it flags, so that the contract"
            " is not checked on an empty result",
        )
    return ContractResult(rule=registered, corpus=corpus, findings=first)


def _register(rule: Rule | RuleFunc) -> Rule:
    registry = RuleRegistry()
    return registry.register(rule.func if isinstance(rule, Rule) else rule)


def _documented(rule: Rule) -> None:
    missing = [h for h in HEADINGS if not rule.sections.get(h, "").strip()]
    if not rule.summary.strip() or missing:
        what = ", ".join(missing) if missing else "a summary line"
        raise RuleContractError(rule.id, "documented", f"its docstring lacks {what}")


def _run(rule: Rule, corpus: Corpus, config: Config) -> tuple[Finding, ...]:
    registry = RuleRegistry()
    registry.register(rule.func)
    report = check(
        corpus.documents, corpus.claims, corpus.persons, config=config, registry=registry
    )
    crashed = [f for f in report.findings if f.name == _CRASH]
    if crashed:
        raise RuleContractError(
            rule.id,
            "crash-free on valid claims",
            f"{crashed[0].message}\n{crashed[0].explanation}",
        )
    return report.findings


def _keys(findings: Iterable[Finding]) -> list[str]:
    return sorted(f.model_dump_json() for f in findings)


def _diff(what: str, expected: Sequence[Finding], got: Sequence[Finding]) -> str:
    want, have = set(_keys(expected)), set(_keys(got))
    lines = [f"{what} gives other findings"]
    lines += [f"  only before: {k}" for k in sorted(want - have)[:3]]
    lines += [f"  only after:  {k}" for k in sorted(have - want)[:3]]
    return "\n".join(lines)


def _check_findings(rule: Rule, corpus: Corpus, findings: Iterable[Finding]) -> None:
    given = {c.id for c in corpus.claims}
    docs = {d.id for d in corpus.documents}
    for f in findings:
        if (f.rule, f.name) != (rule.id, rule.name):
            raise RuleContractError(
                rule.id,
                "honest about its identity",
                f"a finding says it is {f.rule} {f.name}; build findings with ctx.finding()",
            )
        if not f.message.strip() or not f.explanation.strip():
            raise RuleContractError(
                rule.id,
                "explaining its findings",
                f"a finding lacks a message or an explanation: {f.message!r}",
            )
        stray = sorted(set(f.claims) - given)
        if stray:
            raise RuleContractError(
                rule.id, "citing only its input", f"a finding cites unknown claims {stray}"
            )
        for e in f.evidence:
            if e.doc not in docs or not 0 <= e.start <= e.end:
                raise RuleContractError(
                    rule.id,
                    "citing only its input",
                    f"evidence {e.quote!r} points at {e.doc}:{e.start}..{e.end},"
                    " which is not in the corpus",
                )


def _direct_calls(rule: Rule, corpus: Corpus, config: Config, rng: random.Random) -> None:
    """Call the rule as the engine does, and with its arguments reordered."""
    claims = sorted(corpus.claims, key=lambda c: (c.doc, c.span.start, c.id))
    base = RuleContext.build(
        config=config, documents=corpus.documents, claims=claims, persons=corpus.persons
    ).for_rule(rule.spec)
    if rule.kind == "pair":
        for _, block in blocks(claims):
            for a, b in candidate_pairs(block, config):
                forward = _call(rule, f"pair ({a.id}, {b.id})", a, b, base)
                backward = _call(rule, f"pair ({b.id}, {a.id})", b, a, base)
                _same(rule, f"pair ({a.id}, {b.id}) and its reverse", forward, backward)
                _cites_within(rule, forward + backward, {a.id, b.id}, "its pair")
    elif rule.kind == "group":
        for _, block in blocks(claims):
            found = _call(rule, "a block", block, base)
            mixed = list(block)
            rng.shuffle(mixed)
            _same(
                rule, "a block and the block shuffled", found, _call(rule, "a block", mixed, base)
            )
            _cites_within(rule, found, {c.id for c in block}, "its block")
    else:
        found = _call(rule, "the corpus", base)
        mixed_claims, mixed_persons = list(base.claims), list(base.persons)
        rng.shuffle(mixed_claims)
        rng.shuffle(mixed_persons)
        other = RuleContext.build(
            config=config,
            documents=corpus.documents,
            claims=mixed_claims,
            persons=mixed_persons,
        ).for_rule(rule.spec)
        _same(rule, "the corpus and the corpus shuffled", found, _call(rule, "the corpus", other))


def _call(rule: Rule, what: str, *args: object) -> list[Finding]:
    try:
        return list(rule.func(*args))
    except Exception as exc:
        raise RuleContractError(
            rule.id,
            "crash-free on valid claims",
            f"called on {what}, it raised {type(exc).__name__}: {exc}",
        ) from exc


def _what_was_found(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    """Rule, cited claims, evidence and severity; not wording, which may follow argument order."""
    return sorted((f.identity, f.severity.value) for f in findings)


def _same(rule: Rule, what: str, one: list[Finding], two: list[Finding]) -> None:
    if _what_was_found(one) != _what_was_found(two):
        raise RuleContractError(rule.id, "order-independent", _diff(what, one, two))


def _cites_within(rule: Rule, found: Iterable[Finding], allowed: set[str], where: str) -> None:
    for f in found:
        stray = sorted(set(f.claims) - allowed)
        if stray:
            raise RuleContractError(
                rule.id,
                "citing only its input",
                f"a finding cites {stray}, which are not in {where}",
            )
