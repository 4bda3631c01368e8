"""Run the rules over a corpus of claims and collect the findings into a Report.

Blocking: claims are grouped by `block_key` (metric, of, object, entities, direction,
modality), and within a block a pair rule is called only for pairs whose times can
meet (`candidate_pairs`): flows whose periods overlap, stocks whose as-of dates are
within `as_of_window_days`, and any pair with a claim that has no period or is not an
actual figure (a target, a forecast). So no rule compares every claim with every claim.
Whether two periods are the same, and whether scopes match, is still for the rule to
decide (scope-conflict needs claims that differ only in scope). Group rules see one
whole block at a time (they compare across time: a series, a stock that shrinks),
corpus rules the whole run and index what they need.

Two modes, same objects: collect every finding (the default; a rule that raises
becomes a `rule-crashed` finding and the run goes on), or `strict=True`, which raises
one `StrictModeError` carrying the whole report when a finding at warning or above
exists. The report is deterministic: the same input in any order gives the same
report, byte for byte.

After the rules ran, findings silenced by an inline `<!-- kzuz-claims: ignore ... -->`
comment and findings accepted in the baseline are removed and counted
(docs/suppression.md, docs/baseline.md); strict mode and `--fail-on` see what is left.
"""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import kzuz_claims
from kzuz_claims.baseline import CRASH_NAME, Baseline, fingerprint
from kzuz_claims.config import Config
from kzuz_claims.errors import StrictModeError
from kzuz_claims.model import (
    Claim,
    Document,
    Finding,
    MetricKind,
    Modality,
    Notice,
    PersonMention,
    Report,
    Severity,
    Skipped,
)
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import Rule, RuleRegistry

__all__ = [
    "CRASH_NAME",
    "BlockKey",
    "SubjectKey",
    "block_key",
    "blocks",
    "candidate_pairs",
    "check",
    "subject_key",
]

SubjectKey = tuple[str, str, str, tuple[str, ...], str]
"""(metric, of, object, sorted entities, direction); unset fields are ""."""

BlockKey = tuple[str, str, str, tuple[str, ...], str, str]
"""A `SubjectKey` and the modality."""

T = TypeVar("T")


def subject_key(claim: Claim) -> SubjectKey:
    """What a figure measures: its metric, what of, which object, between whom, which way."""
    return (
        claim.metric,
        claim.of or "",
        claim.object or "",
        tuple(sorted(set(claim.entities))),
        claim.direction or "",
    )


def block_key(claim: Claim) -> BlockKey:
    """The block a claim belongs to; only claims with equal keys are ever paired."""
    return (*subject_key(claim), claim.modality.value)


def claim_order(claim: Claim) -> tuple[str, int, str]:
    """Report order of claims: by document, then position, then id."""
    return (claim.doc, claim.span.start, claim.id)


def blocks(claims: Iterable[Claim]) -> list[tuple[BlockKey, tuple[Claim, ...]]]:
    """Claims grouped by `block_key`, blocks sorted by key, claims in report order."""
    grouped: dict[BlockKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[block_key(claim)].append(claim)
    return [(key, tuple(sorted(grouped[key], key=claim_order))) for key in sorted(grouped)]


def _time_span(claim: Claim, window: int) -> tuple[int, int] | None:
    """The days (as ordinals) a claim can be compared over; None pairs with anything."""
    if claim.period is None or claim.modality is not Modality.ACTUAL:
        return None
    start, end = claim.period.start.toordinal(), claim.period.end.toordinal()
    if claim.kind is MetricKind.STOCK:
        # two stocks meet when their as-of dates (period ends) are within the window
        return start, end + window
    return start, end


def candidate_pairs(block: Sequence[Claim], config: Config) -> list[tuple[Claim, Claim]]:
    """The pairs of a block (in report order) whose times can meet; see the module doc.

    Flows pair when their periods share a day; stocks when their as-of dates are at
    most `as_of_window_days` apart; a claim without a period, or one that is not an
    actual figure, pairs with every claim of the block. Each pair is (earlier, later)
    in report order, and the list is in report order.
    """
    ordered = sorted(block, key=claim_order)
    spans = [_time_span(c, config.as_of_window_days) for c in ordered]
    pairs: set[tuple[int, int]] = set()
    timed = sorted((span, i) for i, span in enumerate(spans) if span is not None)
    active: list[tuple[int, int]] = []  # (last day, index) of spans that may still meet
    for (low, high), i in timed:
        active = [(end, j) for end, j in active if end >= low]
        pairs.update((min(i, j), max(i, j)) for _, j in active)
        active.append((high, i))
    for i, span in enumerate(spans):
        if span is None:
            pairs.update((min(i, j), max(i, j)) for j in range(len(ordered)) if j != i)
    return [(ordered[i], ordered[j]) for i, j in sorted(pairs)]


def check(
    documents: Iterable[Document] | Mapping[str, Document],
    claims: Iterable[Claim],
    persons: Iterable[PersonMention] = (),
    *,
    config: Config | None = None,
    registry: RuleRegistry | None = None,
    skipped: Iterable[Skipped] = (),
    strict: bool = False,
    baseline: Baseline | None = None,
    focus: Iterable[str] | None = None,
) -> Report:
    """Run every enabled rule and return the report (or raise it, in strict mode).

    `registry` defaults to `RuleRegistry.default()` (built-ins and installed plugins);
    `config` to the defaults of `Config` (the caller loads files, the engine does not).
    `focus` (document ids) keeps only findings that cite a claim or quote of those
    documents (a draft checked against an archive). Findings silenced by the
    documents' suppression comments, then findings in `baseline`, are removed and
    counted in the report. Identical duplicates among the inputs are dropped; two
    different documents or claims under one id are a usage error (ValueError).
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
            found.extend(_run(registered, base.for_rule(registered.spec), claim_blocks, config))

    by_id = {c.id: c for c in all_claims}
    docs_by_id = {d.id: d for d in docs}
    everything = _finalise(found, config)
    heard = tuple(f for f in everything if not _suppressed(f, by_id, docs_by_id))
    findings, kept = everything, heard
    if focus is not None:
        wanted = set(focus)
        findings = tuple(f for f in everything if wanted & _docs_of(f, by_id))
        kept = tuple(f for f in findings if not _suppressed(f, by_id, docs_by_id, wanted))
    suppressed = len(findings) - len(kept)
    baselined = stale = 0
    if baseline is not None:
        accepted = baseline.fingerprints
        # stale: accepted findings that no longer occur anywhere, focus or not
        stale = len(accepted - {fingerprint(f, by_id) for f in heard})
        before = len(kept)
        kept = tuple(
            f for f in kept if f.name == CRASH_NAME or fingerprint(f, by_id) not in accepted
        )
        baselined = before - len(kept)

    report = Report(
        version=kzuz_claims.__version__,
        config=config.model_dump(mode="json"),
        documents=tuple(docs),
        claims=tuple(all_claims),
        persons=tuple(people),
        findings=kept,
        skipped=tuple(sorted(set(skipped), key=lambda s: (s.path, s.reason))),
        suppressed=suppressed,
        baselined=baselined,
        baseline_stale=stale,
        notices=_notices(docs, registry),
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
    rule: Rule,
    ctx: RuleContext,
    claim_blocks: Sequence[tuple[Hashable, tuple[Claim, ...]]],
    config: Config,
) -> list[Finding]:
    runner = _Runner(rule, ctx)
    if rule.kind == "pair":
        for _, block in claim_blocks:
            for a, b in candidate_pairs(block, config):
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


def _docs_of(finding: Finding, claims: Mapping[str, Claim]) -> set[str]:
    """The documents a finding cites a claim or a quote of."""
    docs = {claims[i].doc for i in finding.claims if i in claims}
    return docs | {e.doc for e in finding.evidence}


def _suppressed(
    finding: Finding,
    claims: Mapping[str, Claim],
    documents: Mapping[str, Document],
    focus: set[str] | None = None,
) -> bool:
    """Whether inline comments silence the finding (docs/suppression.md).

    A finding is silenced when, in one of the documents it cites, every cited claim
    and quote lies in a region that silences the rule: that document's author has
    seen the conflict. With a focus (drafts checked against an archive) only the
    drafts' comments count, so a comment in the archive never hides a new draft's
    conflict with it. A crashed rule is never silenced.
    """
    if finding.name == CRASH_NAME:
        return False
    spots = [
        (claims[i].doc, claims[i].span.start, claims[i].span.end)
        for i in finding.claims
        if i in claims
    ]
    spots += [(e.doc, e.start, e.end) for e in finding.evidence]
    if not spots:
        return False

    def silenced(doc: str, start: int, end: int) -> bool:
        document = documents.get(doc)
        return document is not None and any(
            s.silences(finding.rule) and s.region_start <= start and end <= s.region_end
            for s in document.suppressions
        )

    by_doc: dict[str, list[bool]] = {}
    for doc, start, end in spots:
        by_doc.setdefault(doc, []).append(silenced(doc, start, end))
    return any(all(hits) for doc, hits in by_doc.items() if focus is None or doc in focus)


def _notices(documents: Iterable[Document], registry: RuleRegistry) -> tuple[Notice, ...]:
    """Malformed suppression comments, and comments naming rules that do not exist."""
    out: list[Notice] = []
    for doc in documents:
        where = doc.path or doc.id
        for s in doc.suppressions:
            if s.problem is not None:
                out.append(Notice(path=where, line=s.line, message=s.problem))
                continue
            unknown = [r for r in s.rules if r not in registry]
            if unknown:
                out.append(
                    Notice(
                        path=where,
                        line=s.line,
                        message=f"kzuz-claims comment names {', '.join(unknown)}, which is"
                        " not a registered rule (`kzuz-claims rules` lists them);"
                        " it silences nothing for that id",
                    )
                )
    return tuple(out)
