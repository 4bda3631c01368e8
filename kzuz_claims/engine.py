"""Run the rules over a corpus of claims and collect the findings into a Report.

Blocking: claims are grouped by `block_key` (metric, of, object, entities, direction,
modality) and a pair rule only ever compares two claims of one block; whether their
periods or as-of dates are compatible, and whether their scopes match, is for the rule
to decide (scope-conflict needs claims that differ only in scope). Group rules see one
block at a time, corpus rules the whole run.

Two modes, same objects: collect every finding (the default; a rule that raises
becomes a `rule-crashed` finding and the run goes on), or `strict=True`, which raises
one `StrictModeError` carrying the whole report when a finding at warning or above
exists. The report is deterministic: the same input in any order gives the same
report, byte for byte.
"""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, TypeVar

import kzuz_claims
from kzuz_claims.config import Config
from kzuz_claims.errors import StrictModeError
from kzuz_claims.model import (
    Claim,
    Document,
    Finding,
    PersonMention,
    Report,
    Severity,
    Skipped,
)
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import Rule, RuleRegistry

__all__ = ["BlockKey", "block_key", "blocks", "check"]

BlockKey = tuple[str, str, str, tuple[str, ...], str, str]
"""(metric, of, object, sorted entities, direction, modality); unset fields are ""."""

CRASH_NAME = "rule-crashed"

T = TypeVar("T")


def block_key(claim: Claim) -> BlockKey:
    """The block a claim belongs to; only claims with equal keys are ever paired."""
    return (
        claim.metric,
        claim.of or "",
        claim.object or "",
        tuple(sorted(set(claim.entities))),
        claim.direction or "",
        claim.modality.value,
    )


def claim_order(claim: Claim) -> tuple[str, int, str]:
    """Report order of claims: by document, then position, then id."""
    return (claim.doc, claim.span.start, claim.id)


def blocks(claims: Iterable[Claim]) -> list[tuple[BlockKey, tuple[Claim, ...]]]:
    """Claims grouped by `block_key`, blocks sorted by key, claims in report order."""
    grouped: dict[BlockKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[block_key(claim)].append(claim)
    return [(key, tuple(sorted(grouped[key], key=claim_order))) for key in sorted(grouped)]


def check(
    documents: Iterable[Document] | Mapping[str, Document],
    claims: Iterable[Claim],
    persons: Iterable[PersonMention] = (),
    *,
    config: Config | None = None,
    registry: RuleRegistry | None = None,
    skipped: Iterable[Skipped] = (),
    strict: bool = False,
) -> Report:
    """Run every enabled rule and return the report (or raise it, in strict mode).

    `registry` defaults to `RuleRegistry.default()` (built-ins and installed plugins);
    `config` to the defaults of `Config` (the caller loads files, the engine does not).
    Identical duplicates among the inputs are dropped; two different documents or
    claims under one id are a usage error (ValueError).
    """
    config = config if config is not None else Config()
    registry = registry if registry is not None else RuleRegistry.default()
    if isinstance(documents, Mapping):
        documents = documents.values()
    docs = sorted(_unique(documents, lambda d: d.id, "document"), key=lambda d: d.id)
    all_claims = sorted(_unique(claims, lambda c: c.id, "claim"), key=claim_order)
    people = sorted(
        set(persons), key=lambda p: (p.doc, p.span.start, p.span.end, p.name, p.office or "")
    )
    base = RuleContext.build(config=config, documents=docs, claims=all_claims, persons=people)
    claim_blocks = blocks(all_claims)

    found: list[Finding] = []
    for registered in registry:
        if config.rule_enabled(registered.id):
            found.extend(_run(registered, base.for_rule(registered.spec), claim_blocks))

    report = Report(
        version=kzuz_claims.__version__,
        config=config.model_dump(mode="json"),
        documents=tuple(docs),
        claims=tuple(all_claims),
        persons=tuple(people),
        findings=_finalise(found, config),
        skipped=tuple(sorted(set(skipped), key=lambda s: (s.path, s.reason))),
    )
    if strict and report.at_or_above(Severity.WARNING):
        raise StrictModeError(report)
    return report


def _unique(items: Iterable[T], key: Callable[[T], str], what: str) -> list[T]:
    seen: dict[str, T] = {}
    for item in items:
        k = key(item)
        if k in seen and seen[k] != item:
            raise ValueError(
                f"two different {what}s share the id {k!r}; ids must be unique in one check"
            )
        seen[k] = item
    return list(seen.values())


@dataclass
class _Crash:
    """One way a rule failed, and the first call that failed that way."""

    exc: Exception
    claims: tuple[str, ...]
    calls: int = 1


@dataclass
class _Runner:
    """Calls one rule, collecting its findings and its crashes."""

    rule: Rule
    ctx: RuleContext
    findings: list[Finding] = field(default_factory=list)
    crashes: dict[tuple[str, str], _Crash] = field(default_factory=dict)

    def call(self, args: Sequence[Any], claims: tuple[str, ...]) -> None:
        try:
            out = list(self.rule.func(*args))
            for item in out:
                if not isinstance(item, Finding):
                    raise TypeError(f"rule returned a {type(item).__name__}, not a Finding")
        except Exception as exc:
            key = (type(exc).__name__, str(exc))
            if key in self.crashes:
                self.crashes[key].calls += 1
            else:
                self.crashes[key] = _Crash(exc, claims)
            return
        self.findings.extend(out)

    def crash_findings(self) -> Iterator[Finding]:
        for (kind, text), crash in self.crashes.items():
            yield Finding(
                rule=self.rule.id,
                name=CRASH_NAME,
                severity=Severity.ERROR,
                message=f"rule {self.rule.id} ({self.rule.name}) crashed: {kind}: {text}",
                explanation=_crash_explanation(self.rule, crash),
                claims=crash.claims,
            )


def _run(
    rule: Rule, ctx: RuleContext, claim_blocks: Sequence[tuple[Hashable, tuple[Claim, ...]]]
) -> list[Finding]:
    runner = _Runner(rule, ctx)
    if rule.kind == "pair":
        for _, block in claim_blocks:
            for a, b in combinations(block, 2):
                runner.call((a, b, ctx), (a.id, b.id))
    elif rule.kind == "group":
        for _, block in claim_blocks:
            runner.call((block, ctx), tuple(c.id for c in block))
    else:
        runner.call((ctx,), ())
    return [*runner.findings, *runner.crash_findings()]


def _crash_explanation(rule: Rule, crash: _Crash) -> str:
    frames = traceback.extract_tb(crash.exc.__traceback__)
    rule_file = rule.source.rsplit(":", 1)[0]
    in_rule = [f for f in frames if f.filename == rule_file]
    frame = in_rule[-1] if in_rule else frames[-1] if frames else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    on = f" on claims {', '.join(crash.claims)}" if crash.claims else ""
    return (
        f"{rule.module}.{rule.qualname} raised {type(crash.exc).__name__}{where}{on};"
        f" {crash.calls} call(s) failed this way. The run went on and the rule's other"
        f" findings are kept. Fix the rule, or switch it off with ignore = [{rule.id!r}]."
    )


def _finalise(found: Iterable[Finding], config: Config) -> tuple[Finding, ...]:
    """Apply severity overrides, drop duplicates, sort deterministically."""
    unique: dict[str, Finding] = {}
    for finding in found:
        override = config.severity.get(finding.rule)
        if override is not None and finding.name != CRASH_NAME and finding.severity != override:
            finding = finding.model_copy(update={"severity": override})
        unique.setdefault(finding.model_dump_json(), finding)
    return tuple(
        finding
        for _, finding in sorted(
            unique.items(),
            key=lambda kv: (
                -kv[1].severity.rank,
                kv[1].rule,
                kv[1].claims,
                kv[1].name,
                kv[1].message,
                kv[0],
            ),
        )
    )
