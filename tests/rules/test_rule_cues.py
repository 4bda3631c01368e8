"""The word tables rules read in a claim's sentence, and which claim a cue belongs to."""

from __future__ import annotations

import pytest
from rule_factory import bn, context, exact, months, year
from text_factory import article, quoted

from kzuz_claims.model import Claim, Document
from kzuz_claims.rules._cues import (
    RECORD_HIGH,
    current_cue,
    latest_period_words,
    part_or_event,
    phrase_pattern,
    record_cue,
    status,
)
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.records import record_contradicted


def _ctx(doc: Document, *claims: Claim) -> RuleContext:
    return context(record_contradicted, claims=claims, documents=[doc])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("an all-time high", "all-time high"),
        ("an all time high", "all time high"),
        ("a record-high level", "record-high"),
        ("records were broken", "records"),
        ("was recorded", None),
        ("a near-record year", None),
        ("Record exports", "Record"),
    ],
)
def test_phrase_pattern_matches_whole_phrases_with_spaces_or_hyphens(
    text: str, found: str | None
) -> None:
    match = phrase_pattern(RECORD_HIGH).search(text)
    assert (match.group(0) if match else None) == found


def test_record_cue_belongs_to_the_nearest_figure() -> None:
    doc = article(
        "d", "2025-01-25", "Exports hit a record $1.32 billion, against $1.09 billion in 2023."
    )
    record = quoted(doc, "$1.32 billion", "exports", bn("1.32", "0.01"), period=months(2024, 1, 6))
    base = quoted(doc, "$1.09 billion", "exports", bn("1.09", "0.01"), period=months(2023, 1, 6))
    ctx = _ctx(doc, record, base)
    found = record_cue(record, ctx)
    assert found is not None and found[0].text == "record" and found[1] is True
    assert record_cue(base, ctx) is None


def test_record_cue_is_shared_by_figures_of_the_same_period() -> None:
    doc = article(
        "d",
        "2025-01-25",
        "Exports of $2.9 billion and imports of $1.5 billion were both records in 2024.",
    )
    exports = quoted(doc, "$2.9 billion", "exports", bn("2.9"), period=year(2024))
    imports = quoted(doc, "$1.5 billion", "imports", bn("1.5"), period=year(2024))
    ctx = _ctx(doc, exports, imports)
    assert record_cue(exports, ctx) is not None
    assert record_cue(imports, ctx) is not None


def test_record_cue_tells_a_record_low_and_skips_negated_records() -> None:
    doc = article("d", "2025-01-25", "Imports fell to a record low of $1.1 billion in 2024.")
    low = quoted(doc, "$1.1 billion", "imports", bn("1.1"), period=year(2024))
    found = record_cue(low, _ctx(doc, low))
    assert found is not None and found[0].text == "record low" and found[1] is False
    doc = article("d", "2025-01-25", "Imports of $1.1 billion stayed below the record.")
    below = quoted(doc, "$1.1 billion", "imports", bn("1.1"), period=year(2024))
    assert record_cue(below, _ctx(doc, below)) is None


def test_current_cue_and_latest_period_wording() -> None:
    doc = article(
        "d", "2024-06-02", "According to the latest data, trade reached $5 billion in 2022."
    )
    c = quoted(doc, "$5 billion", "trade", bn("5", "1"), period=year(2022))
    cue = current_cue(c, _ctx(doc, c))
    assert cue is not None and cue.text == "latest"
    assert latest_period_words(c) is None
    worded = c.model_copy(update={"period_as_written": "last year"})
    assert latest_period_words(worded) == "last year"
    history = article("d", "2024-06-02", "In 2022, trade reached $5 billion.")
    h = quoted(history, "$5 billion", "trade", bn("5", "1"), period=year(2022))
    assert current_cue(h, _ctx(history, h)) is None


def test_part_or_event_and_status_words() -> None:
    doc = article(
        "d",
        "2025-02-07",
        "Twenty-one of them have been commissioned, and 27 more are under way.",
        "The forum saw the launch of seven joint projects.",
    )
    part = quoted(doc, "Twenty-one of them", "projects", exact(21))
    more = quoted(doc, "27", "projects", exact(27))
    launched = quoted(doc, "seven joint projects", "projects", exact(7))
    ctx = _ctx(doc, part, more, launched)
    assert part_or_event(part, ctx) == "of them"
    assert part_or_event(more, ctx) == "more"
    assert part_or_event(launched, ctx) == "launch of"
    plain = article("p", "2025-02-07", "The portfolio holds 84 projects.")
    standing = quoted(plain, "84 projects", "projects", exact(84))
    assert part_or_event(standing, _ctx(plain, standing)) is None
    assert status(standing) is None
    assert (
        status(standing.model_copy(update={"quote": "1,052 operating enterprises"})) == "operating"
    )
    assert status(standing.model_copy(update={"noun": "active companies"})) == "operating"
    assert status(standing.model_copy(update={"quote": "3,950 registered firms"})) == "registered"
