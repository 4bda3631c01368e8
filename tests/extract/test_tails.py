"""A search for the words right before a place finds what a search of the whole slice finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kzuz_claims.extract import numbers
from kzuz_claims.extract._tails import EndSearch, PhraseBefore
from kzuz_claims.extract.lexicon import load_lexicon

_TABLES = numbers._tables(load_lexicon())
PATTERNS = [
    _TABLES.currency_before,
    _TABLES.qualifier_before,
    re.compile(r"(?:^|(?<=[\s(]))(ab|c)\s*\Z"),
    re.compile(r"\b(?:the|these)\s+\Z", re.I),
    re.compile(r"\bbetween\s+(?:US\$|\$)?\s?\Z", re.I),  # no bound: searched as given
]
TEXT = st.lists(
    st.sampled_from(
        [
            *" \t\u00a0\n(x$€,.-[",
            *("US$", "USD", "about", "up to", "more than", "the", "ab", "c", "b", "İ", "K"),
        ]
    ),
    max_size=16,
).map("".join)


def _assert_same(
    full: re.Match[str] | None, found: tuple[int, re.Match[str]] | None, lo: int
) -> None:
    """A search of the slice from `lo` and a search from the end found the same match."""
    assert (full is None) == (found is None)
    if full is not None and found is not None:
        at, m = found
        assert (at + m.start(), at + m.end(), m.groups()) == (
            lo + full.start(),
            lo + full.end(),
            full.groups(),
        )


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(0, 6), st.integers(0, 6))
def test_end_search_finds_what_the_whole_slice_gives(text: str, cut_lo: int, cut_hi: int) -> None:
    lo = min(cut_lo, len(text))
    end = max(lo, len(text) - cut_hi)
    for pattern in PATTERNS:
        _assert_same(pattern.search(text[lo:end]), EndSearch(pattern).search(text, lo, end), lo)


def test_end_search_reads_only_the_end_of_a_long_text() -> None:
    text = "x" * 10_000 + " about "
    at, m = EndSearch(_TABLES.qualifier_before).search(text, 0, len(text)) or (0, None)
    assert m is not None and text[at + m.start() : at + m.end()] == "about "
    assert at > 9_900


PHRASES = [
    _TABLES.currency_ending,
    _TABLES.qualifier_ending,
    PhraseBefore(["ab", "c", "b c", "up to", "us$", "(x"], r"\s(", r"\s*"),
    PhraseBefore(["ab", "c", "b c", "up to", "us$", "(x"], r"\s(\[", r"\s?"),
    PhraseBefore(["ab ", "c", "up to"], r"\s(", r"\s*"),  # searched as given
]


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(0, 6), st.integers(0, 6))
def test_phrase_before_finds_what_the_whole_slice_gives(
    text: str, cut_lo: int, cut_hi: int
) -> None:
    lo = min(cut_lo, len(text))
    end = max(lo, len(text) - cut_hi)
    for phrases in PHRASES:
        _assert_same(phrases.pattern.search(text[lo:end]), phrases.search(text, lo, end), lo)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(0, 6), st.integers(0, 6))
def test_phrase_before_find_gives_the_phrase_of_the_whole_slice_match(
    text: str, cut_lo: int, cut_hi: int
) -> None:
    lo = min(cut_lo, len(text))
    end = max(lo, len(text) - cut_hi)
    for phrases in PHRASES:
        full = phrases.pattern.search(text[lo:end])
        expected = None if full is None else (lo + full.start(1), full.group(1))
        assert phrases.find(text, lo, end) == expected
