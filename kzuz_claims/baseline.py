"""The baseline: a reviewed file of accepted findings, so that CI fails only on new ones.

    kzuz-claims check seeds/ --write-baseline          # accept what is found today
    kzuz-claims check seeds/ --fail-on warning         # later: only new findings count

Each finding is keyed by a fingerprint that stays the same when nothing about the
finding changes: it hashes the rule id, then for each cited claim its file stem,
metric, quote (whitespace collapsed, case folded) and value with unit, and for each
evidence quote its file stem and quote. It does not hash offsets or claim ids (an
edit elsewhere in the article shifts them), the order of files, the severity or the
message wording. The file format is documented in docs/baseline.md.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Final

from pydantic import ValidationError

from kzuz_claims.errors import BaselineError
from kzuz_claims.model import Claim, Finding, FrozenModel, Severity

__all__ = [
    "BASELINE_VERSION",
    "CRASH_NAME",
    "Baseline",
    "BaselineEntry",
    "BaselineQuote",
    "fingerprint",
    "read_baseline",
    "write_baseline",
]

BASELINE_VERSION: Final = 1
"""The version of the baseline file format this code writes and reads."""

CRASH_NAME: Final = "rule-crashed"
"""The name of the finding a crashing rule becomes; never baselined or suppressed."""

_SEP: Final = "\x1f"


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value else str(value)


def _doc_key(doc: str) -> str:
    """The file stem a document id stands for: the loader adds parent folders (and a
    suffix) to an id only when stems collide, which depends on what else is loaded."""
    if "/" not in doc:
        return doc
    last = doc.rsplit("/", 1)[1]
    stem, dot, suffix = last.rpartition(".")
    return stem if dot and stem and suffix.isalnum() else last


def fingerprint(finding: Finding, claims: Mapping[str, Claim]) -> str:
    """The finding's stable key: 16 hex digits (see the module docstring).

    `claims` maps claim ids to claims (the report's); a cited id missing from it is
    hashed as the id itself.
    """
    parts = []
    for claim_id in finding.claims:
        c = claims.get(claim_id)
        if c is None:
            parts.append(_SEP.join(("claim-id", claim_id)))
            continue
        q = c.quantity
        parts.append(
            _SEP.join(
                ("claim", _doc_key(c.doc), c.metric, _norm(c.quote), _number(q.value), q.unit)
            )
        )
    parts += [_SEP.join(("evidence", _doc_key(e.doc), _norm(e.quote))) for e in finding.evidence]
    digest = hashlib.sha256("\x00".join([finding.rule, *sorted(parts)]).encode("utf-8"))
    return digest.hexdigest()[:16]


class BaselineQuote(FrozenModel):
    """A quote a baselined finding rests on, for the person reviewing the file."""

    doc: str
    quote: str


class BaselineEntry(FrozenModel):
    """One accepted finding: its fingerprint, plus what a reviewer needs to judge it."""

    fingerprint: str
    rule: str
    name: str
    severity: Severity
    message: str
    quotes: tuple[BaselineQuote, ...] = ()


class Baseline(FrozenModel):
    """The accepted findings, sorted by rule and fingerprint, one entry per fingerprint."""

    version: int = BASELINE_VERSION
    findings: tuple[BaselineEntry, ...] = ()

    @classmethod
    def of(cls, findings: Iterable[Finding], claims: Mapping[str, Claim]) -> Baseline:
        """The baseline that accepts `findings` (a crashed rule is never accepted)."""
        entries: dict[str, BaselineEntry] = {}
        for f in findings:
            if f.name == CRASH_NAME:
                continue
            key = fingerprint(f, claims)
            quotes = [
                BaselineQuote(doc=claims[i].doc, quote=claims[i].quote)
                for i in f.claims
                if i in claims
            ]
            quotes += [BaselineQuote(doc=e.doc, quote=e.quote) for e in f.evidence]
            entry = BaselineEntry(
                fingerprint=key,
                rule=f.rule,
                name=f.name,
                severity=f.severity,
                message=f.message,
                quotes=tuple(quotes),
            )
            old = entries.get(key)
            if old is None or entry.model_dump_json() < old.model_dump_json():
                entries[key] = entry
        return cls(findings=tuple(sorted(entries.values(), key=lambda e: (e.rule, e.fingerprint))))

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(e.fingerprint for e in self.findings)

    def to_json(self) -> str:
        """The file's text: indented, sorted, UTF-8, ending in a newline."""
        return json.dumps(self.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def read_baseline(path: Path) -> Baseline:
    """Read a baseline file; BaselineError names the file and what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BaselineError(
            str(path), "file does not exist; write it with `kzuz-claims check --write-baseline`"
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(str(path), f"cannot be read as JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        found = data.get("version") if isinstance(data, dict) else type(data).__name__
        raise BaselineError(
            str(path),
            f"version {found!r} is not {BASELINE_VERSION}, the version this kzuz_claims"
            " reads; write the baseline again with `--write-baseline`",
        )
    try:
        return Baseline.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise BaselineError(str(path), f"{where}: {err['msg']}") from exc


def write_baseline(path: Path, baseline: Baseline) -> None:
    """Write `baseline` to `path` (its folder is created if needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(baseline.to_json(), encoding="utf-8", newline="\n")
