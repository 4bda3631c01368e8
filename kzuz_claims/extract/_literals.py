"""The literal text every match of a regular expression must contain.

Python's regex engine tries a pattern at every position of the text, so running dozens
of patterns over every sentence costs more than everything else the extractor does.
Most of them cannot match in most sentences: a cue for "turnover" needs the letters
"turnover". `needs(pattern)` reads that off the pattern's parse tree (the `re` module's
own parser) as a few lower-case strings, one of which is in every match; `fold(text)`
lower-cases text the way a case-insensitive pattern compares letters. A stretch of text
whose folded form contains none of the strings cannot hold a match, so the pattern does
not run there, and the matches it gives elsewhere are unchanged.

The answer is None (always run the pattern) when the parse tree holds anything this
module does not model, or when a pattern has no literal text every match must contain.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

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

_SPECIAL_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
"""The characters other than A-Z that a case-insensitive pattern takes for an ASCII
letter, and that `str.lower` does not turn into that letter ("K", the Kelvin sign,
becomes "k" already)."""


def fold(text: str) -> str:
    """`text` lower-cased so that anything a case-insensitive ASCII literal matches in it
    reads as that literal in lower case."""
    low = text.lower()
    if low.isascii() or not any(c in text for c in "İıſ"):
        return low
    return text.translate(_SPECIAL_FOLDS).lower()


def needs(pattern: re.Pattern[str]) -> Needs:
    """Lower-case strings one of which every match of `pattern` contains, or None."""
    if _sre_parse is None:  # pragma: no cover
        return None
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
        found = _required(list(tree))
    except Exception:  # a parse tree of a shape this module does not know
        return None
    return tuple(sorted(found)) if found else None


class PatternSet:
    """Patterns run over the same stretch of text, each only where what it needs occurs.

    `finditer(text, lo, hi)` gives, pattern after pattern, exactly the matches that
    `pattern.finditer(text, lo, hi)` gives, as (index of the pattern, match).
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        wanted = [needs(p) for p in self.patterns]
        self._always = frozenset(i for i, w in enumerate(wanted) if w is None)
        users: dict[str, set[int]] = {}
        for i, w in enumerate(wanted):
            for s in w or ():
                users.setdefault(s, set()).add(i)
        # where a needed string is found, so is every needed string it begins with
        self._users = {
            s: frozenset(i for t in users if s.startswith(t) for i in users[t]) for s in users
        }
        # one zero-width match per place where a needed string starts: the longest one
        self._finder = re.compile(f"(?=({_trie(users)}))") if users else None

    def candidates(self, text: str, lo: int, hi: int) -> list[int]:
        """Indices of the patterns that can match in text[lo:hi], in order."""
        found = set(self._always)
        if self._finder is not None:
            for m in self._finder.finditer(fold(text[lo:hi])):
                found |= self._users[m.group(1)]
        return sorted(found)

    def possible(self, text: str, lo: int, hi: int) -> tuple[bool, ...]:
        """For each pattern, whether it can match in text[lo:hi]."""
        found = set(self.candidates(text, lo, hi))
        return tuple(i in found for i in range(len(self.patterns)))

    def finditer(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, re.Match[str]]]:
        """(pattern index, match) of every pattern in text[lo:hi], pattern by pattern."""
        for i in self.candidates(text, lo, hi):
            for m in self.patterns[i].finditer(text, lo, hi):
                yield i, m


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


def _required(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """Strings one of which every match of the sequence contains, the most selective
    choice among its literal runs and its parts; None when there are none."""
    candidates: list[set[str]] = []
    run: set[str] = {""}
    for item in items:
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
        inner = _required_of(item)
        if inner is not None:
            candidates.append(inner)
    candidates.append(run)
    useful = [_shortest(c) for c in candidates if c and "" not in c]
    if not useful:
        return None
    # a longer string is rarer, up to a point; past it, fewer strings test faster
    return max(useful, key=lambda c: (min(4, *map(len, c)), -len(c), min(map(len, c))))


def _shortest(strings: set[str]) -> set[str]:
    """Drop the strings that contain another one: "april" is found wherever "apr" is."""
    return {s for s in strings if not any(t != s and t in s for t in strings)}


def _required_of(item: tuple[Any, Any]) -> set[str] | None:
    """Strings one of which every match of one non-literal item contains."""
    op, av = item
    if op is _op.SUBPATTERN:
        return _required(list(av[3]))
    if op is _op.ATOMIC_GROUP:
        return _required(list(av))
    if op is _op.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _required(list(branch))
            if found is None:
                return None
            out |= found
        return out if len(out) <= _MAX_STRINGS else None
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _required(list(av[2]))
    return None
