"""The result of a check: documents, claims, findings and what was skipped."""

from __future__ import annotations

from typing import Any

from kzuz_claims.model._base import FrozenModel
from kzuz_claims.model.claim import Claim, PersonMention
from kzuz_claims.model.document import Document, Skipped
from kzuz_claims.model.finding import Finding, Severity


class Report(FrozenModel):
    """Everything a renderer needs; ordering is deterministic."""

    version: str
    config: dict[str, Any] = {}
    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    persons: tuple[PersonMention, ...] = ()
    findings: tuple[Finding, ...] = ()
    skipped: tuple[Skipped, ...] = ()

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (KeyError when absent)."""
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(claim_id)

    def at_or_above(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity.rank >= severity.rank)
