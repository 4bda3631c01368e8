"""The result of a check: documents, claims, findings and what was skipped."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kzuz_claims.model._base import FrozenModel
from kzuz_claims.model.claim import Claim, PersonMention
from kzuz_claims.model.document import Document, Skipped
from kzuz_claims.model.finding import Finding, Severity


class Report(FrozenModel):
    """Everything a renderer needs; ordering is deterministic."""

    version: str
    config: dict[str, Any] = Field(default_factory=dict)
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

    # Renderers live in kzuz_claims.report; they are imported when first used.

    def to_markdown(self) -> str:
        from kzuz_claims.report import to_markdown

        return to_markdown(self)

    def to_json(self) -> str:
        from kzuz_claims.report import to_json

        return to_json(self)

    def to_text(self) -> str:
        from kzuz_claims.report import to_text

        return to_text(self)

    def _repr_html_(self) -> str:
        """Jupyter shows the markdown report, escaped into a <pre> block."""
        import html

        return f"<pre>{html.escape(self.to_text())}</pre>"
