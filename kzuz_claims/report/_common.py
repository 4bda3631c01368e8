"""Helpers every renderer shares: finding order, severity counts, claim lookup."""

from __future__ import annotations

from collections.abc import Iterable

from kzuz_claims.model import Claim, Finding, Report, Severity

__all__ = ["by_severity", "claims_by_id", "removed_counts", "severity_counts"]

_MOST_SEVERE_FIRST = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Findings with the most severe first; the report's order is kept within a level."""
    return sorted(findings, key=lambda f: -f.severity.rank)


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity, most severe first (zeros included)."""
    counts = dict.fromkeys(_MOST_SEVERE_FIRST, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def claims_by_id(report: Report) -> dict[str, Claim]:
    """The report's claims keyed by id, for the findings that cite them."""
    return {claim.id: claim for claim in report.claims}


def removed_counts(report: Report) -> list[tuple[str, int]]:
    """What was taken out of the findings and why: suppressed inline, baselined, stale."""
    return [
        ("suppressed inline", report.suppressed),
        ("baselined", report.baselined),
        ("stale baseline entries", report.baseline_stale),
    ]
