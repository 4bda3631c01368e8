"""Run the rules over the planted-inconsistency corpus and print what they find.

    python bench/rule_tally.py

Loads, extracts and checks `tests/rules_corpus/articles/` with the default rule
registry and configuration, matches the findings to `tests/rules_corpus/manifest.toml`
and prints one row per rule of issue 4: planted items, how many were found, which were
missed, look-alikes, and which were flagged at warning or above (with the finding's
message below the table). Quotes of the manifest that the extractor does not read are
listed last. It is a report: the exit code is 0 whatever it finds.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "rules_corpus"))

import corpus_tally


def main() -> int:
    manifest = corpus_tally.load_manifest()
    run = corpus_tally.run()
    problems = corpus_tally.quote_problems(manifest, run.documents)
    if problems:
        print("Manifest quotes that do not resolve:")
        print("\n".join(f"  {p}" for p in problems))
        return 0
    rows = corpus_tally.tally(manifest, run)
    print(
        f"{len(run.documents)} articles, {len(run.claims)} claims,"
        f" {len(run.report.findings)} findings; rules registered: {', '.join(sorted(run.rule_ids))}"
    )
    print()
    print(corpus_tally.render(rows, manifest))
    unread = [
        (item.id, q)
        for item in manifest.items
        if item.rule not in manifest.text_only_rules
        for q in corpus_tally.unread_quotes(corpus_tally.locate(item, run.documents), run)
    ]
    if unread:
        print()
        print("Quotes that no extracted claim or person mention covers:")
        for item_id, q in unread:
            print(f"  {item_id} {q.doc}: {q.text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
