"""The extractor on articles written for this project, one per phrasing family or more.

Every expected claim in `tests/corpus/expected.jsonl` must be extracted in full (value,
unit, metric, period, modality), and every extracted claim must be expected. What the
extractor cannot do yet is listed in `tests/corpus/known_gaps.jsonl` with what differs; a
listed gap that starts to pass fails the test too, so the list only shrinks.
"""

from __future__ import annotations

import json

from corpus import ARTICLES, CORPUS, outcomes, read_jsonl


def test_corpus_has_enough_articles_and_claims() -> None:
    articles = [p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md")]
    assert len(articles) >= 30
    assert len(read_jsonl(CORPUS / "expected.jsonl")) >= 350


def test_every_expected_claim_is_extracted_and_nothing_else() -> None:
    gaps = {str(g["key"]): g for g in read_jsonl(CORPUS / "known_gaps.jsonl")}
    unexpected = []
    fixed = []
    for o in outcomes():
        if o.kind == "full":
            if o.key in gaps:
                fixed.append(o.key)
            continue
        if o.key not in gaps:
            unexpected.append(f"{o.kind.upper()} {o.key}: {o.detail}")
    assert not unexpected, "new extraction errors:\n" + "\n".join(unexpected)
    assert not fixed, "known gaps now pass; remove them from known_gaps.jsonl:\n" + "\n".join(fixed)


def test_known_gaps_still_exist() -> None:
    current = {o.key for o in outcomes() if o.kind != "full"}
    stale = [
        str(g["key"]) for g in read_jsonl(CORPUS / "known_gaps.jsonl") if g["key"] not in current
    ]
    assert not stale, json.dumps(stale, indent=1)
