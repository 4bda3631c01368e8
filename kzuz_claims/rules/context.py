"""What a rule can see while it runs, and the helper it builds findings with."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType

from kzuz_claims.config import Config
from kzuz_claims.model import Claim, Document, Evidence, Finding, Gap, PersonMention, Severity
from kzuz_claims.rules.registry import RuleSpec

__all__ = ["RuleContext"]


@dataclass(frozen=True)
class RuleContext:
    """The run's configuration and corpus, plus the rule being run.

    The engine builds one base context per run and hands each rule a copy bound to
    its own spec (`for_rule`), so that `finding()` can fill in the rule's id, name and
    severity. `documents` is read-only; `claims` and `persons` are in report order.
    """

    config: Config = field(default_factory=Config)
    documents: Mapping[str, Document] = field(default_factory=lambda: MappingProxyType({}))
    claims: tuple[Claim, ...] = ()
    persons: tuple[PersonMention, ...] = ()
    spec: RuleSpec | None = None

    @classmethod
    def build(
        cls,
        *,
        config: Config | None = None,
        documents: Iterable[Document] = (),
        claims: Sequence[Claim] = (),
        persons: Sequence[PersonMention] = (),
    ) -> RuleContext:
        """A base context (not yet bound to a rule) over the given corpus."""
        docs = {d.id: d for d in sorted(documents, key=lambda d: d.id)}
        return cls(
            config=config or Config(),
            documents=MappingProxyType(docs),
            claims=tuple(claims),
            persons=tuple(persons),
        )

    def for_rule(self, spec: RuleSpec) -> RuleContext:
        """This context bound to the rule `spec`, for `finding()`."""
        return replace(self, spec=spec)

    def published(self, doc: str) -> date | None:
        """Publication date of document `doc`; None when undated or unknown."""
        document = self.documents.get(doc)
        return document.published if document is not None else None

    def severity(self, default: Severity | None = None) -> Severity:
        """The severity a finding of the bound rule gets.

        A per-rule override in the configuration wins; then `default` (a rule may grade
        its own findings, e.g. by the size of a gap); then the rule's declared severity.
        """
        spec = self._bound()
        override = self.config.severity.get(spec.id)
        if override is not None:
            return override
        return default if default is not None else spec.severity

    def finding(
        self,
        message: str,
        *,
        claims: Iterable[str] = (),
        explanation: str = "",
        evidence: Iterable[Evidence] = (),
        gap: Gap | None = None,
        severity: Severity | None = None,
        cause: str | None = None,
    ) -> Finding:
        """A finding of the bound rule, with its id, name and severity filled in."""
        spec = self._bound()
        return Finding(
            rule=spec.id,
            name=spec.name,
            severity=self.severity(severity),
            message=message,
            explanation=explanation,
            claims=tuple(claims),
            evidence=tuple(evidence),
            gap=gap,
            cause=cause,
        )

    def _bound(self) -> RuleSpec:
        if self.spec is None:
            raise RuntimeError(
                "this RuleContext is not bound to a rule; use ctx.for_rule(spec) first"
            )
        return self.spec
