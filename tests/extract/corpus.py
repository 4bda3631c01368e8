"""Match extracted claims against the hand-annotated corpus (the shared scorer's rules).

A prediction matches an expected claim when both are in the same document, its span
overlaps the expected quote, the units agree and the values agree to 0.5 %. A match is
full when metric, period (an as-of date may be 14 days off) and modality agree too;
an expected metric of "other" accepts any metric outside the annotated vocabulary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kzuz_claims.extract import extract
from kzuz_claims.model import Claim
from kzuz_claims.sources import load

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ARTICLES = CORPUS / "articles"


@dataclass(frozen=True)
class Outcome:
    """How one expected claim or one extra prediction fared."""

    key: str
    kind: str  # "full", "wrong", "missed", "extra"
    detail: str


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b)) or abs(a - b) < 1e-9


def _same_period(gold: dict[str, object], c: Claim) -> bool:
    g = gold.get("period") or {}
    assert isinstance(g, dict)
    gs, ge = g.get("start"), g.get("end")
    if gs is None:
        return c.period is None
    if c.period is None:
        return False
    ps, pe = c.period.start.isoformat(), c.period.end.isoformat()
    if (gs, ge) == (ps, pe):
        return True
    if gs == ge and ps == pe:
        return abs((date.fromisoformat(str(gs)) - c.period.start).days) <= 14
    return False


def outcomes(folder: Path = ARTICLES) -> list[Outcome]:
    """One outcome per expected claim and per prediction that matches none."""
    texts = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    loaded = load(texts)
    claims = list(extract(loaded.documents).claims)
    gold = read_jsonl(folder.parent / "expected.jsonl")
    known = {str(g["metric"]) for g in gold} - {"other"}
    quotes = {p.stem: p.read_text(encoding="utf-8") for p in texts}
    used: set[int] = set()
    out: list[Outcome] = []
    for g in gold:
        doc, quote = str(g["doc"]), str(g["quote"])
        key = f"{doc} | {quote} | {g['value']}"
        text = quotes[doc]
        spans, at = [], text.find(quote)
        while at >= 0:
            spans.append((at, at + len(quote)))
            at = text.find(quote, at + 1)
        hit = None
        for i, c in enumerate(claims):
            if i in used or c.doc != doc or c.quantity.unit != g["unit"]:
                continue
            if not any(c.span.start < e and s < c.span.end for s, e in spans):
                continue
            if _close(float(c.quantity.value), float(str(g["value"]))):
                hit = i
                break
        if hit is None:
            out.append(Outcome(key, "missed", f"no claim of {g['value']} {g['unit']}"))
            continue
        used.add(hit)
        c = claims[hit]
        wrong = []
        metric_ok = c.metric not in known if g["metric"] == "other" else c.metric == g["metric"]
        if not metric_ok:
            wrong.append(f"metric {c.metric} (expected {g['metric']})")
        if not _same_period(g, c):
            got = f"{c.period.start}..{c.period.end}" if c.period else "none"
            wrong.append(f"period {got} (expected {g.get('period')})")
        if c.modality.value != g["modality"]:
            wrong.append(f"modality {c.modality.value} (expected {g['modality']})")
        out.append(Outcome(key, "wrong" if wrong else "full", "; ".join(wrong)))
    for i, c in enumerate(claims):
        if i not in used:
            key = f"{c.doc} | {c.quote} | {c.quantity.value}"
            out.append(Outcome(key, "extra", f"{c.metric} {c.quantity.value} {c.quantity.unit}"))
    return out
