"""The shortcuts of the sentence loop give exactly what running its patterns gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from shortcuts import assert_shortcuts_agree

from kzuz_claims.extract import pipeline
from kzuz_claims.extract._literals import fold, needs
from kzuz_claims.extract.lexicon import load_lexicon

LEX = load_lexicon()

PATTERNS: list[re.Pattern[str]] = [
    pipeline._NOW,
    pipeline._MILESTONE,
    pipeline._FUTURE,
    pipeline._RESPECTIVELY,
    pipeline._FROM,
    *pipeline._amount_kinds(LEX),
]
"""The patterns the pipeline runs through `_literals.scan` and `_literals.search`."""

WORDS = sorted({s for p in PATTERNS for s in needs(p) or ()})

TEXT = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(str.upper),
        st.sampled_from(WORDS).map(str.title),
        st.sampled_from([*" ,.;:()-–—’'\n0123456789", " of ", " to be ", "İ", "ſ"]),
        st.text(max_size=3),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 12), st.integers(0, 12))
def test_scans_find_what_the_patterns_find(text: str, cut_lo: int, cut_hi: int) -> None:
    lo = min(cut_lo, len(text))
    hi = max(lo, len(text) - cut_hi)
    folded = fold(text)
    for p in PATTERNS:
        assert_shortcuts_agree(p, text, folded, lo, hi)


def _plain_link_lists(text: str, start: int) -> list[tuple[int, int]]:
    """`pipeline._link_lists` as it reads every line from `start`."""
    label = pipeline._link_label(LEX)
    assert label is not None
    return pipeline._link_lines(text, start, label)


LINK_TEXT = st.lists(
    st.one_of(
        st.sampled_from(LEX.phrases.noise["links"]).map(lambda w: f"{w}:"),
        st.sampled_from(["read also →", "RELATED »", "\n", "\n\n", " ", "\t", "- ", "• ", "→ "]),
        st.sampled_from(["Trade grew.", "x", ":", "İ", "ſee also:"]),
        st.text(max_size=3),
    ),
    max_size=20,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(LINK_TEXT, st.integers(0, 30))
def test_link_lists_are_found_from_the_first_label_as_from_every_line(
    text: str, start: int
) -> None:
    start = min(start, len(text))
    assert pipeline._link_lists(text, start, LEX) == _plain_link_lists(text, start)
