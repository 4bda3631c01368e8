"""Throughput of `extract_quantities` on the seeds, the test corpus and the quantity vectors.

    python bench/quantities.py [PATH ...]

Prints MB/s of article text and quantities/s, warm (after one untimed pass), one core,
best of several rounds (the least disturbed by other work on the machine). Tests never
assert on time; this script is how speed is measured.
"""

from __future__ import annotations

import sys
import time
import tomllib
from pathlib import Path

from kzuz_claims.extract.quantities import extract_quantities
from kzuz_claims.model import Document
from kzuz_claims.sources import load

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "seeds", ROOT / "tests" / "corpus" / "articles"]
VECTORS = ROOT / "tests" / "quantities" / "sentences.toml"


def measure(name: str, docs: list[Document], rounds: int = 15) -> None:
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    for doc in docs:
        extract_quantities(doc)  # warm: lexicon, compiled patterns, lazy imports
    best = float("inf")
    found = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        found = sum(len(extract_quantities(doc)) for doc in docs)
        best = min(best, time.perf_counter() - t0)
    print(
        f"{name}: {len(docs)} docs, {size / 1e3:.1f} kB, {found} quantities | "
        f"{size / 1e6 / best:.2f} MB/s, {found / best:.0f} quantities/s"
    )


def main(argv: list[str]) -> int:
    for path in [Path(a) for a in argv] or DEFAULT:
        measure(path.name, list(load([path]).documents))
    if not argv:
        cases = tomllib.loads(VECTORS.read_text(encoding="utf-8"))["case"]
        news = Document(id="vectors", text="\n".join(c["text"] for c in cases))
        measure("general news vectors", [news])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
