"""What a rule reports."""

from __future__ import annotations

import hashlib
from enum import StrEnum

from kzuz_claims.model._base import FrozenModel, Number


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Gap(FrozenModel):
    """The measured difference between two figures (absolute in `unit`, relative 0..1)."""

    absolute: Number
    relative: Number
    unit: str


class Evidence(FrozenModel):
    """A quote a finding rests on that is not a claim (a person's name, a date)."""

    doc: str
    start: int
    end: int
    quote: str


class Finding(FrozenModel):
    """One problem found by one rule, with the claims and quotes it rests on."""

    rule: str
    name: str
    severity: Severity
    message: str
    explanation: str = ""
    claims: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    gap: Gap | None = None
    cause: str | None = None
    """Why the figures disagree, when a rule names it: `outside-rounding`,
    `hedge-incompatible`, `scale-slip`, `unit-mismatch`, `stale-figure`,
    `scope-difference` for the value conflicts; None when a rule has one cause only."""

    @property
    def identity(self) -> str:
        """What was found (rule, claim ids, evidence), independent of wording and severity:
        equal for the same finding within one run. Claim ids move when text is edited;
        the key that survives edits is `kzuz_claims.baseline.fingerprint`."""
        parts = [self.rule, *sorted(self.claims)]
        parts += sorted(f"{e.doc}:{e.quote}" for e in self.evidence)
        return hashlib.sha1("\x00".join(parts).encode()).hexdigest()[:16]
