"""The Markdown discrepancy report a fact-checker reads: summary, findings, skipped files.

Each finding shows its severity, rule and message, the quotes it rests on side by side
(document, exact quote, figure, the interval the figure asserts, period), and the
explanation with its arithmetic in a fenced block so that no Markdown renderer
reinterprets the numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kzuz_claims.baseline import fingerprint
from kzuz_claims.model import Claim, Finding, Report
from kzuz_claims.model.display import format_interval
from kzuz_claims.report._common import (
    by_severity,
    claims_by_id,
    removed_counts,
    severity_counts,
)
from kzuz_claims.report._format import format_claim_value, format_gap, format_period, one_line

__all__ = ["to_markdown"]

_ESCAPE = re.compile(r"([\\|*`<$\[\]])")


def _md(text: str) -> str:
    """Inline text safe in a paragraph or table cell (GitHub treats $..$ as math)."""
    return _ESCAPE.sub(r"\\\1", one_line(text))


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _fence(text: str) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + "text", *text.rstrip("\n").splitlines(), fence]


def to_markdown(report: Report) -> str:
    """The report as Markdown; the same report always gives the same bytes."""
    lines = ["# kzuz-claims discrepancy report", ""]
    lines += [f"Checked with kzuz_claims {_md(report.version)}.", ""]
    lines += _summary(report)
    lines += _documents(report)
    lines += _findings(report)
    lines += _notices(report)
    lines += _skipped(report)
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(report: Report) -> list[str]:
    counts = severity_counts(report.findings)
    by_level = ", ".join(f"{n} {sev.value}" for sev, n in counts.items() if n)
    findings = str(len(report.findings)) + (f" ({by_level})" if by_level else "")
    rows = [
        ("Documents read", str(len(report.documents))),
        ("Claims", str(len(report.claims))),
        ("Findings", findings),
        ("Files skipped", str(len(report.skipped))),
        *((what.capitalize(), str(n)) for what, n in removed_counts(report)),
    ]
    lines = ["## Summary", "", *_table(("What", "Count"), rows), ""]
    if report.skipped:
        lines += [
            f"{len(report.skipped)} file(s) were not read; the reasons are under "
            "[Skipped files](#skipped-files).",
            "",
        ]
    return lines


def _documents(report: Report) -> list[str]:
    if not report.documents:
        return []
    rows = []
    for doc in report.documents:
        basis = doc.published_basis.value
        if doc.published_evidence:
            basis = f"{basis}: {doc.published_evidence}"
        rows.append(
            (
                _md(doc.id),
                doc.published.isoformat() if doc.published else "unknown",
                _md(basis),
                _md(doc.publisher or "-"),
            )
        )
    header = ("Document", "Published", "Date from", "Publisher")
    return ["## Documents", "", *_table(header, rows), ""]


def _findings(report: Report) -> list[str]:
    lines = ["## Findings", ""]
    if not report.findings:
        return [*lines, "No findings: the figures that could be compared agree.", ""]
    claims = claims_by_id(report)
    for number, finding in enumerate(by_severity(report.findings), start=1):
        lines += _finding(number, finding, claims)
    return lines


def _finding(number: int, finding: Finding, claims: dict[str, Claim]) -> list[str]:
    title = f"### {number}. {finding.severity.value.upper()} · {finding.rule} {finding.name}"
    lines = [title, "", f"**{_md(finding.message)}**", ""]
    if finding.claims:
        rows = []
        for claim_id in finding.claims:
            claim = claims.get(claim_id)
            if claim is None:
                rows.append(("?", f"(claim {claim_id} is not in the report)", "", "", ""))
                continue
            rows.append(
                (
                    _md(claim.doc),
                    f"“{_md(claim.quote)}”",
                    _md(format_claim_value(claim)),
                    _md(format_interval(claim.quantity)),
                    _md(format_period(claim.period)),
                )
            )
        lines += [*_table(("Document", "Quote", "Value", "Asserts", "Period"), rows), ""]
    if finding.evidence:
        rows_e = [
            (_md(e.doc), f"“{_md(e.quote)}”", f"{e.start}..{e.end}") for e in finding.evidence
        ]
        lines += [*_table(("Document", "Evidence", "Offsets"), rows_e), ""]
    if finding.gap is not None:
        lines += [f"Gap: {_md(format_gap(finding.gap))}", ""]
    if finding.explanation.strip():
        lines += [*_fence(finding.explanation), ""]
    lines += [f"<sub>fingerprint {fingerprint(finding, claims)}</sub>", ""]
    return lines


def _notices(report: Report) -> list[str]:
    if not report.notices:
        return []
    rows = [(_md(n.path), str(n.line or ""), _md(n.message)) for n in report.notices]
    return ["## Notices", "", *_table(("File", "Line", "Notice"), rows), ""]


def _skipped(report: Report) -> list[str]:
    if not report.skipped:
        return []
    rows = [(_md(s.path), _md(s.reason)) for s in report.skipped]
    return ["## Skipped files", "", *_table(("File", "Reason"), rows), ""]
