"""The literal text every match of a regular expression must contain.

Python's regex engine tries a pattern at every position of the text, so running dozens
of patterns over every sentence costs more than everything else the extractor does.
Most of them cannot match in most sentences: a cue for "turnover" needs the letters
"turnover". `requirements(pattern)` reads that off the pattern's parse tree (the `re`
module's own parser) as a few sets of lower-case strings, one string of each set being
in the searched text wherever the pattern matches; `fold(text)` lower-cases text the way
a case-insensitive pattern compares letters. A stretch of text whose folded form misses
every string of one of the sets cannot hold a match, so the pattern does not run there,
and the matches it gives elsewhere are unchanged.

Inside a memo scope (see `_memo`) the strings of every pattern set are looked for once
per document, in one pass over its folded text, and each set reads what it needs for a
stretch of the text from that one index.

A pattern has no requirements (it always runs) when its parse tree holds anything this
module does not model, or when it has no literal text every match must contain.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kzuz_claims.extract import _memo

_sre_parse: Any
_op: Any
try:  # the parser is internal to `re`; without it every pattern simply always runs
    _sre_parse = importlib.import_module("re._parser")
    _op = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - other Python implementations
    _sre_parse = None

Needs = tuple[str, ...] | None
"""Strings one of which every match contains (lower case), or None: no such strings."""

_MAX_STRINGS = 64
"""More alternatives than this and a literal run is cut: the test would cost too much."""

_MAX_REQUIREMENTS = 3
"""How many of a pattern's requirements a pattern set tests: the most selective ones."""

_MIN_EXTRA = 3
"""The shortest string a requirement past the first may hold: "in" or "," is in nearly
every sentence, so testing for it only costs."""

_SPECIAL_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
"""The characters other than A-Z that a case-insensitive pattern takes for an ASCII
letter, and that `str.lower` does not turn into that letter ("K", the Kelvin sign,
becomes "k" already). "İ" is also the one character `str.lower` lengthens, so a folded
text keeps the offsets of the text."""


def fold(text: str) -> str:
    """`text` lower-cased so that anything a case-insensitive ASCII literal matches in it
    reads as that literal in lower case."""
    low = text.lower()
    if low.isascii() or not any(c in text for c in "İıſ"):
        return low
    return text.translate(_SPECIAL_FOLDS).lower()


def needs(pattern: re.Pattern[str]) -> Needs:
    """Lower-case strings one of which every match of `pattern` contains, or None: the
    most selective of its requirements."""
    found = requirements(pattern)
    return found[0] if found else None


def requirements(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Sets of lower-case strings such that wherever `pattern.finditer(text, lo, hi)`
    finds a match, fold(text[lo:hi]) holds a string of every set; the most selective
    first, at most a few. Empty when nothing is known."""
    if _sre_parse is None:  # pragma: no cover
        return ()
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
        found = _all_required(list(tree))
    except Exception:  # a parse tree of a shape this module does not know
        return ()
    chosen: list[set[str]] = []
    for c in _ranked(found):
        if chosen and min(map(len, c)) < _MIN_EXTRA:
            continue
        if not any(_implies(a, c) for a in chosen):
            chosen.append(c)
        if len(chosen) == _MAX_REQUIREMENTS:
            break
    return tuple(tuple(sorted(c)) for c in chosen)


class PatternSet:
    """Patterns run over the same stretch of text, each only where what it needs occurs.

    `finditer(text, lo, hi)` gives, pattern after pattern, exactly the matches that
    `pattern.finditer(text, lo, hi)` gives, as (index of the pattern, match). A set made
    with `shared=False` (one made per call) keeps out of the per-document index.
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]], *, shared: bool = True) -> None:
        self.patterns = tuple(patterns)
        ids: dict[frozenset[str], int] = {}
        wanted = [
            tuple(ids.setdefault(frozenset(r), len(ids)) for r in requirements(p))
            for p in self.patterns
        ]
        self._wanted = wanted
        self._always = tuple(i for i, w in enumerate(wanted) if not w)
        by_first: dict[int, list[int]] = {}
        for i, w in enumerate(wanted):
            if w:
                by_first.setdefault(w[0], []).append(i)
        self._by_first = {c: tuple(users) for c, users in by_first.items()}
        self._requirements = tuple(ids)
        strings = {s for r in ids for s in r}
        self._met: dict[str, frozenset[int]] = {}
        # one zero-width match per place where a needed string starts: the longest one
        self._finder = re.compile(f"(?=({_trie(strings)}))") if strings else None
        self._shared = shared
        if shared:
            _UNION.add(strings)

    def candidates(self, text: str, lo: int, hi: int) -> list[int]:
        """Indices of the patterns that can match in text[lo:hi], in order."""
        if self._finder is None:
            return list(self._always)
        if self._shared and _memo.active():
            found: Iterable[str] = _found(text, lo, hi, _UNION.finder()[0])
        else:
            found = {m.group(1) for m in self._finder.finditer(fold(text[lo:hi]))}
        met: set[int] = set()
        known = self._met
        for s in found:
            got = known.get(s)
            met.update(self._met_by(s) if got is None else got)
        out = list(self._always)
        for c in met:
            for i in self._by_first.get(c, ()):
                if len(self._wanted[i]) == 1 or met.issuperset(self._wanted[i]):
                    out.append(i)
        out.sort()
        return out

    def possible(self, text: str, lo: int, hi: int) -> tuple[bool, ...]:
        """For each pattern, whether it can match in text[lo:hi]."""
        found = set(self.candidates(text, lo, hi))
        return tuple(i in found for i in range(len(self.patterns)))

    def finditer(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, re.Match[str]]]:
        """(pattern index, match) of every pattern in text[lo:hi], pattern by pattern."""
        for i in self.candidates(text, lo, hi):
            for m in self.patterns[i].finditer(text, lo, hi):
                yield i, m

    def finditer_slice(
        self, text: str, lo: int, hi: int, within: tuple[int, int] | None = None
    ) -> Iterator[tuple[int, re.Match[str]]]:
        """`finditer` over the string text[lo:hi] on its own (offsets into the slice).

        `within`, a stretch of text holding text[lo:hi] such as its sentence, is where to
        learn which patterns can match: whatever cannot match there cannot in the slice,
        and every slice of one sentence then shares what was learnt once."""
        candidates = self.candidates(text, *(within or (lo, hi)))
        if not candidates:
            return
        part = text[lo:hi]
        for i in candidates:
            for m in self.patterns[i].finditer(part):
                yield i, m

    def _met_by(self, found: str) -> frozenset[int]:
        """The requirements met where `found` (the longest needed string there) starts:
        every string it begins with is there too."""
        met = self._met.get(found)
        if met is None:
            met = frozenset(
                c
                for c, strings in enumerate(self._requirements)
                if any(found.startswith(s) for s in strings)
            )
            self._met[found] = met
        return met


class _Union:
    """The needed strings of every shared pattern set, and one finder for all of them.

    Strings are only ever added; each addition makes a new finder with a new number, so
    the finder in use finds every string of the sets made so far."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._strings: frozenset[str] = frozenset()
        self._finder: tuple[int, re.Pattern[str]] | None = None
        self._made = 0

    def add(self, strings: set[str]) -> None:
        """Take in a set's strings."""
        with self._lock:
            if not strings <= self._strings:
                self._strings = self._strings | strings
                self._finder = None

    def finder(self) -> tuple[int, re.Pattern[str]]:
        """(number, finder) of the strings taken in so far."""
        finder = self._finder
        if finder is None:
            with self._lock:
                self._made += 1
                finder = self._made, re.compile(f"(?=({_trie(self._strings)}))")
                self._finder = finder
        return finder


_UNION = _Union()


@_memo.memoised
def _folded(text: str) -> str:
    return fold(text)


@_memo.memoised
def _found(text: str, lo: int, hi: int, finder: int) -> frozenset[str]:
    """The needed strings of every shared set that start in text[lo:hi] (the longest one
    at each place that fits), read in one pass for all the sets by finder number `finder`."""
    number, pattern = _UNION.finder()
    if number != finder:  # a set made meanwhile added strings: read with the new finder
        return _found(text, lo, hi, number)
    return frozenset(pattern.findall(_folded(text), lo, hi))


def _trie(strings: Iterable[str]) -> str:
    """A regular expression for the strings that matches the longest one at a place,
    shaped as a trie so that the engine tries one branch per character, not every string."""
    root: dict[str, Any] = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_source(root)


def _trie_source(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie_source(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _foldable(ch: str) -> bool:
    """ASCII, or a character without case ("–", "$"): `fold` keeps what matches it."""
    return ch.isascii() or ch.lower() == ch == ch.upper()


def _strings(item: tuple[Any, Any]) -> set[str] | None:
    """Every string the item can match, lower case, if they are few; else None."""
    op, av = item
    if op is _op.LITERAL:
        ch = chr(av)
        return {ch.lower()} if _foldable(ch) else None
    if op is _op.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _op.LITERAL:
                chars.add(chr(value))
            elif kind is _op.RANGE and value[1] - value[0] < 10:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None
        if not all(_foldable(c) for c in chars):
            return None
        return {c.lower() for c in chars}
    if op in (_op.AT, _op.ASSERT, _op.ASSERT_NOT):
        return {""}  # consumes nothing
    if op is _op.SUBPATTERN:
        return _sequence_strings(list(av[3]))
    if op is _op.ATOMIC_GROUP:
        return _sequence_strings(list(av))
    if op is _op.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _sequence_strings(list(branch))
            if found is None:
                return None
            out |= found
        return out if len(out) <= _MAX_STRINGS else None
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT):
        low, high, sub = av
        if high == 1:
            once = _sequence_strings(list(sub))
            if once is None:
                return None
            return once | {""} if low == 0 else once
    return None


def _sequence_strings(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    out = {""}
    for item in items:
        found = _strings(item)
        if found is None:
            return None
        out = {a + b for a in out for b in found}
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _ranked(found: list[set[str]]) -> list[set[str]]:
    """The useful requirements, most selective first (the first found among equals)."""
    useful = [_shortest(c) for c in found if c and "" not in c]
    # a longer string is rarer, up to a point; past it, fewer strings test faster
    return sorted(
        useful, key=lambda c: (min(4, *map(len, c)), -len(c), min(map(len, c))), reverse=True
    )


def _implies(a: set[str], b: set[str]) -> bool:
    """Whether text holding a string of `a` always holds one of `b`."""
    return all(any(t in s for t in b) for s in a)


def _all_required(items: Sequence[tuple[Any, Any]]) -> list[set[str]]:
    """Every requirement of the sequence, in order: its literal runs, their parts, and
    what its groups and lookaheads require."""
    candidates: list[set[str]] = []
    run: set[str] = {""}
    for item in items:
        if item[0] is _op.ASSERT and item[1][0] == 1:
            # a lookahead reads text inside the searched stretch, never past its end
            candidates.extend(_all_required(list(item[1][1])))
        found = _strings(item)
        if found is not None:
            candidates.append(found)  # any one part of a run is required too
            joined = {a + b for a in run for b in found}
            if len(joined) <= _MAX_STRINGS:
                run = joined
                continue
            candidates.append(run)
            run = found
            continue
        candidates.append(run)
        run = {""}
        candidates.extend(_required_of(item))
    candidates.append(run)
    return candidates


def _shortest(strings: set[str]) -> set[str]:
    """Drop the strings that contain another one: "april" is found wherever "apr" is."""
    return {s for s in strings if not any(t != s and t in s for t in strings)}


def _required_of(item: tuple[Any, Any]) -> list[set[str]]:
    """The requirements of one non-literal item."""
    op, av = item
    if op is _op.SUBPATTERN:
        return _all_required(list(av[3]))
    if op is _op.ATOMIC_GROUP:
        return _all_required(list(av))
    if op is _op.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            ranked = _ranked(_all_required(list(branch)))
            if not ranked:
                return []
            out |= ranked[0]
        return [out] if len(out) <= _MAX_STRINGS else []
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _all_required(list(av[2]))
    return []
