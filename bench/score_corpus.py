"""Score the extractor on the hand-annotated corpus and on the seeds.

    python bench/score_corpus.py [--show-errors] [--shared PATH]

Runs `kzuz-claims extract --format jsonl` (in-process) over `tests/corpus/articles/`
and `seeds/`, then scores each with the shared scorer `score_claims.py` (by default
`../shared/tools/score_claims.py` next to the repository) and prints its figures.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

from kzuz_claims.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "corpus": (
        ROOT / "tests" / "corpus" / "articles",
        ROOT / "tests" / "corpus" / "expected.jsonl",
    ),
    "seeds": (ROOT / "seeds", None),
}


def _predict(texts: Path) -> str:
    out = io.StringIO()
    saved = sys.stdout
    sys.stdout = out
    try:
        code = cli_main(["extract", str(texts), "--format", "jsonl"])
    finally:
        sys.stdout = saved
    if code != 0:
        raise SystemExit(f"extract failed on {texts} (exit {code})")
    return out.getvalue()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true", help="list every error")
    ap.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared/ folder"
    )
    args = ap.parse_args(argv)
    scorer = args.shared / "tools" / "score_claims.py"
    if not scorer.exists():
        print(f"score_corpus: no scorer at {scorer}", file=sys.stderr)
        return 2
    status = 0
    for name, (texts, gold) in SETS.items():
        gold = gold or args.shared / "gold" / "seeds.jsonl"
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
            fh.write(_predict(texts))
        cmd = [sys.executable, str(scorer), "--gold", str(gold), "--texts", str(texts)]
        cmd += ["--pred", fh.name] + (["--show-errors"] if args.show_errors else [])
        print(f"== {name}: {texts.relative_to(ROOT)}")
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
        Path(fh.name).unlink()
        status = status or done.returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
