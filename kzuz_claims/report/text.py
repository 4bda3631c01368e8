"""A compact terminal rendering: one line per finding, its quotes indented, a summary last."""

from __future__ import annotations

from kzuz_claims.model import Report
from kzuz_claims.report._common import (
    by_severity,
    claims_by_id,
    removed_counts,
    severity_counts,
)
from kzuz_claims.report._format import format_claim_value, format_period, one_line, truncate

__all__ = ["to_text"]

_QUOTE_WIDTH = 100


def to_text(report: Report) -> str:
    """The report for a terminal, plain text without colour; deterministic."""
    lines: list[str] = []
    claims = claims_by_id(report)
    for finding in by_severity(report.findings):
        lines.append(
            f"{finding.severity.value} {finding.rule} {finding.name}: {one_line(finding.message)}"
        )
        for claim_id in finding.claims:
            claim = claims.get(claim_id)
            if claim is None:
                lines.append(f"    (claim {claim_id} is not in the report)")
                continue
            lines.append(
                f'    {claim.doc}: "{truncate(claim.quote, _QUOTE_WIDTH)}"'
                f" = {format_claim_value(claim)} [{format_period(claim.period)}]"
            )
        for evidence in finding.evidence:
            lines.append(f'    {evidence.doc}: "{truncate(evidence.quote, _QUOTE_WIDTH)}"')
    for skipped in report.skipped:
        lines.append(f"skipped {skipped.path}: {one_line(skipped.reason)}")
    for notice in report.notices:
        lines.append(f"notice {one_line(str(notice))}")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _summary(report: Report) -> str:
    counts = severity_counts(report.findings)
    by_level = ", ".join(f"{n} {sev.value}" for sev, n in counts.items() if n)
    findings = f"{len(report.findings)} finding(s)" + (f" ({by_level})" if by_level else "")
    removed = "".join(f", {n} {what}" for what, n in removed_counts(report) if n)
    return (
        f"{len(report.documents)} document(s), {len(report.claims)} claim(s), {findings}, "
        f"{len(report.skipped)} skipped{removed}"
    )
