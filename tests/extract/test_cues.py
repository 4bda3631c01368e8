"""The shortcuts of the cue reader give exactly what running its patterns gives."""

from __future__ import annotations

import re
import sys
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st
from shortcuts import assert_shortcuts_agree

from kzuz_claims.extract import _literals as literals
from kzuz_claims.extract import _memo, cues
from kzuz_claims.extract._literals import fold, needs
from kzuz_claims.extract.lexicon import load_lexicon

LEX = load_lexicon()


def _every_pattern() -> list[re.Pattern[str]]:
    country, _ = cues._country_re(LEX)
    found = [
        *(p for entry in LEX.metrics for p in (*entry.cue_res, *entry.context_res)),
        *(p for entry in LEX.metrics for p in entry.unless_res),
        *(p for pats in LEX.phrases.modality_res.values() for p in pats),
        *(p for pats in LEX.phrases.scope_res.values() for p in pats),
        *cues._ATTR_PATTERNS,
        cues._ANAPHOR,
        cues._NEW_CLAUSE,
        cues._SEGMENT_BREAK,
        cues._CHANGE_UP,
        cues._CHANGE_DOWN,
        cues._PRONOUN,
        cues._TOTAL,
        country,
        cues._pair_re(LEX),
        cues._product_re(LEX),
    ]
    for extra in (cues._neighbour_re(LEX), cues._region_re(LEX)):
        if extra is not None:
            found.append(extra)
    return found


PATTERNS = _every_pattern()
NAMES = sorted(cues._country_re(LEX)[1])
WORDS = sorted({s for p in PATTERNS for s in needs(p) or ()} | set(NAMES))

TEXT = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(str.upper),
        st.sampled_from(WORDS).map(str.title),
        st.sampled_from(
            [*" ,.;:()-–—’'\n0123456789", " - ", " – ", ", and ", " while ", "Türkiye", "İ", "ſ"]
        ),
        st.text(max_size=3),
    ),
    max_size=40,
).map("".join)


def _bounds(text: str, cut_lo: int, cut_hi: int) -> tuple[int, int]:
    lo = min(cut_lo, len(text))
    return lo, max(lo, len(text) - cut_hi)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 12), st.integers(0, 12))
def test_scans_find_what_the_patterns_find(text: str, cut_lo: int, cut_hi: int) -> None:
    lo, hi = _bounds(text, cut_lo, cut_hi)
    folded = fold(text)
    for p in PATTERNS:
        assert_shortcuts_agree(p, text, folded, lo, hi)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 12), st.integers(0, 12))
def test_clauses_and_breaks_are_found_from_their_marks(text: str, cut_lo: int, cut_hi: int) -> None:
    lo, hi = _bounds(text, cut_lo, cut_hi)
    assert [m.span() for m in cues._clauses(text, lo, hi)] == [
        m.span() for m in cues._NEW_CLAUSE.finditer(text, lo, hi)
    ]
    spans = [m.span() for m in cues._SEGMENT_BREAK.finditer(text, lo, hi)]
    assert cues._segment_breaks(text, lo, hi) == ([s for s, _ in spans], [e for _, e in spans])


@settings(max_examples=200, deadline=None)
@given(TEXT, st.lists(st.integers(0, 200), min_size=2, max_size=8))
def test_a_sentence_reads_countries_and_references_of_its_stretches(
    text: str, cuts: list[int]
) -> None:
    with _memo.scope():
        sent = cues._Sentence(text, 0, len(text), LEX)
        for a, b in pairwise(cuts):
            a, b = min(a, len(text)), min(b, len(text))
            assert sent.countries(a, b) == list(cues._countries(text, a, b, LEX))
            assert cues._pronouns(sent, a, b) == cues.pronouns(text, a, b, LEX, 0)
            assert cues._neighbours(sent, a, b) == cues.neighbours(text, a, b, LEX, 0)
            if not sent.may_refer_back(b):
                assert not list(cues._ANAPHOR.finditer(text, 0, b))
            region = cues._region_re(LEX)
            if region is not None and not sent.may_name_region():
                assert not list(region.finditer(text, a, b))
                assert not any(region.match(text, at, b) for at in range(a, b + 1))


CITING = st.lists(
    st.one_of(
        st.sampled_from(["Trend", "Kun.uz", "O’Brien", "Ivan Ivanov", "Ministry", "UzDaily"]),
        st.sampled_from(["said", "Said", "says", "told", "reported", "report", "reports"]),
        st.sampled_from([" ", "\n", ",", ".", "-", "’", "'", "(", ")", "$5", "of"]),
        st.text(max_size=2),
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(CITING, st.integers(0, 6), st.integers(0, 6))
def test_names_then_a_word_are_searched_from_the_run_before_it(
    text: str, cut_lo: int, cut_hi: int
) -> None:
    lo, hi = _bounds(text, cut_lo, cut_hi)
    folded = fold(text)
    for p, word in zip(cues._ATTR_PATTERNS, cues._ATTR_WORDS, strict=True):
        if word is not None:
            found = cues._names_then(p, word, text, folded, lo, hi)
            expected = p.search(text, lo, hi)
            assert (found and found.span()) == (expected and expected.span()), p.pattern


TAIL = st.lists(
    st.one_of(
        st.sampled_from([" ", "\n", "\u2003", "–", "—", ":", "-", ",", "(", ")", "h"]),
        st.sampled_from(["with", "With", "partner", "remained", "held", "was", "the", "top"]),
        st.text(max_size=3),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(TAIL)
def test_a_partner_tail_ends_with_one_of_its_marks(tail: str) -> None:
    if any(p.fullmatch(tail) for p in cues._PARTNER_TAILS):
        assert tail.rstrip()[-1:] in cues._PARTNER_TAIL_ENDS


def test_isword_reads_as_the_regex_engine_does() -> None:
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert literals.isword(ch) == bool(word.match(ch)), hex(code)
