"""A pattern set gives exactly what each of its patterns gives alone, only faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzuz_claims.extract import _memo, numbers, periods
from kzuz_claims.extract._literals import (
    Alternatives,
    PatternSet,
    _met,
    _Registry,
    fold,
    holding,
    longest_first,
    needs,
    requirements,
)
from kzuz_claims.extract.lexicon import load_lexicon


def _every_pattern() -> list[re.Pattern[str]]:
    lex = load_lexicon()
    return [
        *(p for entry in lex.metrics for p in (*entry.cue_res, *entry.context_res)),
        *(p for pats in lex.phrases.modality_res.values() for p in pats),
        *(p for pats in lex.phrases.scope_res.values() for p in pats),
        *(p for _, p in periods._PATTERNS),
    ]


PATTERNS = _every_pattern()
WORDS = sorted({s for p in PATTERNS for s in needs(p) or ()})

TEXT = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(str.upper),
        st.sampled_from([*" ,.;:-–’'\n0123456789", "2023", "İ", "ı", "ſ", "K", "Σ", "ß"]),
        st.text(max_size=3),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 10), st.integers(0, 10))
def test_pattern_set_finds_what_each_pattern_finds(text: str, cut_lo: int, cut_hi: int) -> None:
    lo, hi = min(cut_lo, len(text)), max(min(cut_lo, len(text)), len(text) - cut_hi)
    found = list(PatternSet(PATTERNS).finditer(text, lo, hi))
    expected = [(i, m) for i, p in enumerate(PATTERNS) for m in p.finditer(text, lo, hi)]
    assert [(i, m.span()) for i, m in found] == [(i, m.span()) for i, m in expected]


@given(st.sampled_from(WORDS), st.sampled_from(["İ", "ı", "ſ", "K", "A", "Z"]))
def test_fold_reads_what_a_case_insensitive_literal_reads(word: str, odd: str) -> None:
    for i, ch in enumerate(word):
        if re.fullmatch(re.escape(ch), odd, re.IGNORECASE):
            variant = word[:i] + odd + word[i + 1 :]
            assert word in fold(f"x {variant} y")


def test_needs_are_the_literal_text_every_match_contains() -> None:
    assert needs(re.compile(r"\btrade\b", re.I)) == ("trade",)
    exports = re.compile(r"\b(?:exports?|imports?) of\b", re.I)
    assert needs(exports) == ("export of", "exports of", "import of", "imports of")
    # folded text has a 0 for every digit, so a year is four of them
    assert needs(re.compile(r"\b(?:19|20)\d\d\b")) == ("0000",)


def test_patterns_without_needed_text_always_run() -> None:
    assert needs(re.compile(r"\w+")) is None
    assert needs(re.compile(r"\d+")) == ("0",)
    assert needs(re.compile(r"\b\w+ly\b")) == ("ly",)
    assert needs(re.compile(r"(?:abc)?")) is None


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(0, 10), st.integers(0, 10))
def test_pattern_set_in_a_memo_scope_finds_the_same(text: str, cut_lo: int, cut_hi: int) -> None:
    # inside a scope the sets read one shared index of the text instead of their own finders
    lo, hi = min(cut_lo, len(text)), max(min(cut_lo, len(text)), len(text) - cut_hi)
    patterns = PatternSet(PATTERNS)
    with _memo.scope():
        whole = list(patterns.finditer(text, 0, len(text)))
        found = list(patterns.finditer(text, lo, hi))
        sliced = list(patterns.finditer_slice(text, lo, hi, within=(0, len(text))))
    assert [(i, m.span()) for i, m in whole] == [
        (i, m.span()) for i, p in enumerate(PATTERNS) for m in p.finditer(text, 0, len(text))
    ]
    assert [(i, m.span()) for i, m in found] == [
        (i, m.span()) for i, p in enumerate(PATTERNS) for m in p.finditer(text, lo, hi)
    ]
    assert [(i, m.span()) for i, m in sliced] == [
        (i, m.span()) for i, p in enumerate(PATTERNS) for m in p.finditer(text[lo:hi])
    ]


_GROUPS = [["trade"], ["a billion", "an billion", "a  "], ["0.0"], ["k", "x"], ["year"]]
_HOLDING = holding(_GROUPS)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 10), st.integers(0, 10), st.booleans())
def test_holding_tells_the_groups_a_stretch_holds_a_string_of(
    text: str, cut_lo: int, cut_hi: int, scoped: bool
) -> None:
    lo, hi = min(cut_lo, len(text)), max(min(cut_lo, len(text)), len(text) - cut_hi)
    if scoped:
        with _memo.scope():
            got = _HOLDING.candidates(text, lo, hi)
    else:
        got = _HOLDING.candidates(text, lo, hi)
    folded = fold(text[lo:hi])
    assert got == [i for i, g in enumerate(_GROUPS) if any(s in folded for s in g)]


def test_holding_refuses_strings_folded_text_does_not_write() -> None:
    with pytest.raises(ValueError, match="not strings of folded text"):
        holding([["Trade"]])


_IDS = {
    frozenset(r): n
    for n, r in enumerate(sorted({tuple(r) for p in PATTERNS for r in requirements(p)}))
}
_STATE = _Registry.state_of(_IDS)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_shared_finder_meets_the_requirements_whose_strings_are_there(text: str) -> None:
    # the automaton stands for this: a requirement is met where one of its strings is
    folded = fold(text)
    expected = sum(1 << n for r, n in _IDS.items() if any(s in folded for s in r))
    assert _met(_STATE, folded) == expected
    assert _met(_Registry.state_of({}), folded) == 0


def test_requirements_are_every_literal_a_match_needs() -> None:
    # a month, "the " and "end " must all be there (a space stands for any whitespace)
    deadline = re.compile(r"\bby\s+the\s+end\s+of\s+(?:june|july)\b", re.I)
    assert requirements(deadline) == (("july", "june"), ("the ",), ("end ",))
    assert requirements(re.compile(r"\bexports?\s+(?:to|of)\s+grain\b", re.I)) == (
        ("grain",),
        ("export ", "exports "),
        ("of ", "to "),
    )


def test_folded_text_has_a_plain_space_and_a_0_for_every_digit() -> None:
    assert fold("A\tB\u00a0C\nD E") == "a b c d e"
    assert fold("Q3 2024, ٣") == "q0 0000, 0"  # "٣", an Arabic-Indic three, is a \d too
    assert needs(re.compile(r"\bas\s+of\b", re.I)) == ("as ",)


def test_a_lookahead_is_a_requirement_too() -> None:
    # what a lookahead reads lies inside the searched stretch
    assert requirements(re.compile(r"\ba(?=\s+million\b)", re.I)) == (("million",),)
    assert requirements(re.compile(r"(?<=million )\ba\b", re.I)) == (("a",),)


_WORDS = sorted(
    {n.lower() for names in load_lexicon().phrases.countries.values() for n in names}
    | {w.lower() for w in load_lexicon().phrases.numbers}
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.sampled_from(_WORDS).map(str.upper),
            st.sampled_from([*" ,.-'’s", "stan", "ian", "İ", "ſ", "K"]),
        ),
        max_size=12,
    ).map("".join)
)
def test_longest_first_matches_the_alternation_longest_first(text: str) -> None:
    flat = "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
    for tail in (r"(?![\w-])", r"\b", ""):
        trie = re.compile(rf"\b(?:{longest_first(_WORDS)}){tail}", re.I)
        plain = re.compile(rf"\b(?:{flat}){tail}", re.I)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_longest_first_falls_back_where_characters_fold_together() -> None:
    assert longest_first(["sa", "ſab"]) == "ſab|sa"


_NOISY = st.lists(
    st.sampled_from(
        [
            *(*" .-@+#/()", "http://x.kz", "www.", "a@b.uz", "gov.kz", "No", "no.", "F-16"),
            *("G20", "COVID19", "2 min read", "3rd", "+7 701 555 1234", "12", "abc", "Nr"),
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NOISY, st.integers(0, 6))
def test_alternatives_find_what_the_whole_alternation_finds(text: str, cut: int) -> None:
    lo = min(cut, len(text))
    noise = Alternatives(numbers.PAGE_NOISE)
    whole = re.compile(numbers.PAGE_NOISE)
    assert [m.span() for m in noise.finditer(text, lo, len(text))] == [
        m.span() for m in whole.finditer(text, lo, len(text))
    ]


def test_alternatives_split_at_top_level_bars_only() -> None:
    source = r"a(?:b|c)|[|\]]x|\||d"
    assert Alternatives(source)._parts == ["a(?:b|c)", r"[|\]]x", r"\|", "d"]
    assert [m.group() for m in Alternatives(source).finditer("ab |x | d", 0, 9)] == [
        "ab",
        "|x",
        "|",
        "d",
    ]


_TITLES = sorted(load_lexicon().phrases.offices.get("titles", ()))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_TITLES),
            st.sampled_from(_TITLES).map(str.lower),
            st.sampled_from([*" ,.-", "Deputy ", "Prime ", "Mr", "Minister"]),
        ),
        max_size=10,
    ).map("".join)
)
def test_longest_first_as_written_matches_the_alternation(text: str) -> None:
    flat = "|".join(re.escape(w) for w in sorted(_TITLES, key=len, reverse=True))
    for tail in (r"\b", r",?\s+[A-Z]", ""):
        trie = re.compile(rf"(?:{longest_first(_TITLES, ignore_case=False)}){tail}")
        plain = re.compile(rf"(?:{flat}){tail}")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_fold_reads_whitespace_and_digits_as_the_re_module_does() -> None:
    # fold() asks str.isspace and str.isdecimal what \s and \d match
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert set(re.findall(r"\s", every)) == {c for c in every if c.isspace()}
    assert set(re.findall(r"\d", every)) == {c for c in every if c.isdecimal()}


@given(st.text(max_size=60) | TEXT)
def test_fold_is_the_character_by_character_fold(text: str) -> None:
    # fold() works a few characters at a time; this is what it stands for
    low = text.translate(str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})).lower()
    expected = "".join(" " if c.isspace() else "0" if c.isdecimal() else c for c in low)
    assert fold(text) == expected
