"""Cold start: `import kzuz_claims` and `kzuz-claims check` of one seed article.

    python bench/startup.py [ARTICLE]

Each figure is the median of several fresh interpreter processes, so nothing is warm
but the operating system's file cache. Tests never assert on time; this script is how
start-up is measured.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7


def _median_seconds(argv: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        subprocess.run(argv, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    article = Path(argv[0]) if argv else sorted((ROOT / "seeds").glob("*.txt"))[0]
    python = sys.executable
    bare = _median_seconds([python, "-c", "pass"])
    imported = _median_seconds([python, "-c", "import kzuz_claims"])
    script = Path(python).parent / "kzuz-claims"
    command = [str(script)] if script.exists() else [python, "-m", "kzuz_claims.cli"]
    checked = _median_seconds([*command, "check", str(article)])
    print(f"python -c pass:             {bare * 1e3:6.0f} ms (the interpreter alone)")
    print(f"import kzuz_claims:         {imported * 1e3:6.0f} ms")
    print(f"kzuz-claims check {article.name}: {checked * 1e3:6.0f} ms (cold, new process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
