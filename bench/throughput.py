"""Extraction and checking throughput on the seeds and the test corpus.

    python bench/throughput.py [PATH ...]

Prints MB/s of article text and claims/s, warm (after one untimed pass), one core: the
best of several rounds, as `timeit` reports, because on a shared machine other work only
ever adds time. Tests never assert on time; this script is how speed is measured.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kzuz_claims.engine import check
from kzuz_claims.extract import extract
from kzuz_claims.sources import load

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "seeds", ROOT / "tests" / "corpus" / "articles"]


def measure(path: Path, rounds: int = 9) -> None:
    loaded = load([path])
    docs = loaded.documents
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    extraction = extract(docs)  # warm: lexicon, compiled patterns, lazy imports
    t_extract = t_check = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        extraction = extract(docs)
        t_extract = min(t_extract, time.perf_counter() - t0)
    for _ in range(rounds):
        t0 = time.perf_counter()
        check(docs, extraction.claims, extraction.persons)
        t_check = min(t_check, time.perf_counter() - t0)
    n = len(extraction.claims)
    print(
        f"{path.name}: {len(docs)} docs, {size / 1e3:.1f} kB, {n} claims | "
        f"extract {size / 1e6 / t_extract:.2f} MB/s, {n / t_extract:.0f} claims/s | "
        f"check {t_check * 1e3:.1f} ms"
    )


def main(argv: list[str]) -> int:
    for p in [Path(a) for a in argv] or DEFAULT:
        measure(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
