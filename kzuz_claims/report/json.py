"""The public JSON contracts: `check --format json` and `extract --format jsonl`.

Both are the models' own JSON (field names as in `kzuz_claims.model`), so a consumer can
validate them against the schemas in `docs/schema/`. The one addition is each
finding's `fingerprint` (`kzuz_claims.baseline.fingerprint`), the stable key a
reviewed baseline file uses.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from kzuz_claims.baseline import fingerprint
from kzuz_claims.model import Claim, Report
from kzuz_claims.report._common import claims_by_id

__all__ = ["claims_to_jsonl", "report_to_dict", "to_json"]


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data: the model's JSON plus each finding's fingerprint."""
    data = report.model_dump(mode="json")
    claims = claims_by_id(report)
    for finding, out in zip(report.findings, data["findings"], strict=True):
        out["fingerprint"] = fingerprint(finding, claims)
    return data


def to_json(report: Report) -> str:
    """The report as indented JSON (UTF-8 text, not ASCII-escaped), ending in a newline."""
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"


def claims_to_jsonl(claims: Iterable[Claim]) -> str:
    """JSON Lines: one claim per line, each line the claim model's compact JSON."""
    return "".join(claim.model_dump_json() + "\n" for claim in claims)
