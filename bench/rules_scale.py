"""How rule time grows with the size of an archive.

    python bench/rules_scale.py [COPIES ...]

Extracts the seeds, the extraction corpus and the rules corpus once, then checks
archives made of COPIES copies of those claims (each copy under new document ids and
publication dates shifted by whole years, so that copies are distinct articles of a
longer series), and prints the number of claims and the seconds each rule takes.
Tests never assert on time; this script is how rule speed is measured.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from kzuz_claims.engine import check
from kzuz_claims.extract.pipeline import extract
from kzuz_claims.model import Claim, Document, Period
from kzuz_claims.rules import RuleRegistry
from kzuz_claims.sources import load

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "seeds",
    ROOT / "tests" / "corpus" / "articles",
    ROOT / "tests" / "rules_corpus" / "articles",
]


def _shift(d: date | None, years: int) -> date | None:
    if d is None:
        return None
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _period(p: Period | None, years: int) -> Period | None:
    if p is None:
        return None
    return p.model_copy(update={"start": _shift(p.start, years), "end": _shift(p.end, years)})


def archive(
    docs: list[Document], claims: list[Claim], copies: int
) -> tuple[list[Document], list[Claim]]:
    out_docs: list[Document] = []
    out_claims: list[Claim] = []
    for k in range(copies):
        suffix = f"~{k}"
        out_docs += [
            d.model_copy(update={"id": d.id + suffix, "published": _shift(d.published, k)})
            for d in docs
        ]
        for c in claims:
            span = c.span.model_copy(update={"doc": c.doc + suffix})
            out_claims.append(
                c.model_copy(
                    update={
                        "id": c.id + suffix,
                        "doc": c.doc + suffix,
                        "span": span,
                        "period": _period(c.period, k),
                        "compared_to": _period(c.compared_to, k),
                    }
                )
            )
    return out_docs, out_claims


def main(argv: list[str]) -> int:
    copies = [int(a) for a in argv] or [1, 4, 16]
    docs = list(load(SOURCES).documents)
    claims = list(extract(docs).claims)
    registry = RuleRegistry.builtin()
    for n in copies:
        a_docs, a_claims = archive(docs, claims, n)
        per_rule: dict[str, float] = defaultdict(float)
        t0 = time.perf_counter()
        for r in registry:
            single = RuleRegistry()
            single.register(r.func)
            t = time.perf_counter()
            check(a_docs, a_claims, registry=single)
            per_rule[r.id] += time.perf_counter() - t
        total = time.perf_counter() - t0
        slowest = sorted(per_rule.items(), key=lambda kv: -kv[1])[:5]
        print(
            f"{len(a_claims)} claims in {len(a_docs)} docs: all rules {total:.1f} s | "
            + ", ".join(f"{rid} {sec:.2f} s" for rid, sec in slowest)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
