"""The result of a check: documents, claims, findings and what was skipped."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kzuz_claims.model._base import FrozenModel
from kzuz_claims.model.claim import Claim, PersonMention
from kzuz_claims.model.document import Document, Skipped
from kzuz_claims.model.finding import Finding, Severity


class Notice(FrozenModel):
    """Something a person should fix that is neither a finding nor a skipped file.

    A malformed `kzuz-claims:` comment, a comment naming a rule that does not exist.
    `path` is the file (or the document id when it has no file), `line` is 1-based.
    """

    path: str
    line: int | None = None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class Report(FrozenModel):
    """Everything a renderer needs; ordering is deterministic.

    `findings` are the findings left after inline suppression and the baseline;
    `suppressed` and `baselined` count the ones they removed, `baseline_stale` the
    baseline entries that no finding matched any more.
    """

    version: str
    config: dict[str, Any] = Field(default_factory=dict)
    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    persons: tuple[PersonMention, ...] = ()
    findings: tuple[Finding, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    suppressed: int = 0
    baselined: int = 0
    baseline_stale: int = 0
    notices: tuple[Notice, ...] = ()

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
