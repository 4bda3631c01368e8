"""Searches for words right before a place: patterns that end in \\Z, on the end only.

"(about|nearly|...)\\s*\\Z" searched in text[lo:pos] asks what stands just before `pos`,
yet the regex engine tries it at every position from `lo` on, so asking it for each
figure of a long sentence costs time in the square of its length. When every match is
short (the parse tree bounds its width), no match can start further back than that
width from the end (plus a run of trailing whitespace the pattern may close with), and
searching only that stretch gives the same match. A pattern whose width has no bound
is searched as given.

A pattern made of a list of phrases ("(about|more than)\\s*\\Z") is better read
backwards: `PhraseBefore` matches the phrases, reversed, at the start of the reversed
text before the place, which fails at once at most places.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

from kzuz_claims.extract._literals import longest_first

_sre_parse: Any
_op: Any
try:  # the parser is internal to `re`; without it every pattern is searched as given
    _sre_parse = importlib.import_module("re._parser")
    _op = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - other Python implementations
    _sre_parse = None

_UNBOUNDED = 1 << 32
"""A width at least this large has no bound (the parser reports 2**64 or MAXREPEAT)."""


class EndSearch:
    """`pattern.search(text[lo:end])` for a pattern whose every match ends at `end`."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._reach = _reach(pattern)

    def search(self, text: str, lo: int, end: int) -> tuple[int, re.Match[str]] | None:
        """(start of the slice searched, match in it) of the first match in text[lo:end],
        or None. The match is the one `pattern.search(text[lo:end])` gives; its offsets
        count from the returned start."""
        start = lo
        if self._reach is not None:
            width, trailing_space = self._reach
            back = end
            if trailing_space:
                while back > lo and text[back - 1].isspace():
                    back -= 1
            start = max(lo, back - width)
        found = self.pattern.search(text[start:end])
        return None if found is None else (start, found)


def _reach(pattern: re.Pattern[str]) -> tuple[int, bool] | None:
    """How far before the end of the text (or before its trailing whitespace, when the
    pattern closes with \\s* or \\s+) the searched stretch must start, or None.

    A match is at most `width` long and its lookbehinds (a word boundary is one) read at
    most `behind` characters before it; one more character keeps the start of the
    stretch, where ^ and \\A would hold, out of every match.
    """
    if _sre_parse is None:  # pragma: no cover
        return None
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
        items = list(tree)
        if not items or items[-1] != (_op.AT, _op.AT_END_STRING):
            return None
        items.pop()
        trailing_space = False
        if items and _is_space_run(items[-1], pattern.flags):
            trailing_space = True
            items.pop()
        width = _sre_parse.SubPattern(tree.state, items).getwidth()[1]
        behind = _behind(list(tree))
    except Exception:  # a parse tree of a shape this module does not know
        return None
    if width >= _UNBOUNDED or behind is None:
        return None
    return width + behind + 1, trailing_space


def _repeats() -> tuple[Any, ...]:
    return (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT)


def _is_space_run(item: tuple[Any, Any], flags: int) -> bool:
    """\\s* or \\s+ (any number of what str.isspace calls whitespace)."""
    op, av = item
    if op not in _repeats() or flags & re.ASCII:
        return False
    low, high, sub = av
    return (
        high == _op.MAXREPEAT
        and low <= 1
        and list(sub) == [(_op.IN, [(_op.CATEGORY, _op.CATEGORY_SPACE)])]
    )


def _behind(items: list[tuple[Any, Any]]) -> int | None:
    """The most characters any lookbehind or word boundary in the items reads before the
    place it stands at (at least 1), or None when that has no bound."""
    most = 1
    for op, av in items:
        subs: list[list[tuple[Any, Any]]] = []
        if op in (_op.ASSERT, _op.ASSERT_NOT):
            direction, sub = av
            if direction < 0:
                width = sub.getwidth()[1]
                if width >= _UNBOUNDED:
                    return None
                most = max(most, width)
            subs.append(list(sub))
        elif op is _op.SUBPATTERN:
            subs.append(list(av[3]))
        elif op is _op.ATOMIC_GROUP:
            subs.append(list(av))
        elif op is _op.BRANCH:
            subs.extend(list(b) for b in av[1])
        elif op in _repeats():
            subs.append(list(av[2]))
        elif op is _op.GROUPREF_EXISTS:
            return None
        for sub_items in subs:
            inner = _behind(sub_items)
            if inner is None:
                return None
            most = max(most, inner)
    return most


class PhraseBefore:
    """`pattern.search(text[lo:end])` for the case-insensitive pattern
    "(?:^|(?<=[edge]))(phrase|...)trailing\\Z" made of the phrases, where `trailing` is
    \\s* or \\s? (a phrase then stands right before the place, or before the whitespace
    that ends the stretch).

    Reading backwards, a match is a phrase that ends where the whitespace before `end`
    begins, preceded by an `edge` character or by the start of the stretch: the phrases,
    reversed and tried longest first, matched at the start of the reversed text, followed
    there by an `edge` character or by its end. The longest such phrase starts the first
    match a search of the whole stretch finds, and `pattern`, searched from where it
    starts, gives that match. Phrases that end in whitespace would need more than this:
    the pattern is then searched as `EndSearch` does.
    """

    def __init__(self, phrases: Iterable[str], edge: str, trailing: str) -> None:
        if trailing not in (r"\s*", r"\s?"):
            raise ValueError(f"trailing whitespace must be \\s* or \\s?, not {trailing!r}")
        words = {p.lower() for p in phrases}
        self.pattern = re.compile(
            rf"(?:^|(?<=[{edge}]))({longest_first(words)}){trailing}\Z", re.IGNORECASE
        )
        self._any_space = trailing == r"\s*"
        self._width = max((len(w) for w in words), default=0)
        self._reversed: re.Pattern[str] | None = None
        self._lower: re.Pattern[str] | None = None
        self._ends: dict[str, frozenset[str]] | None = None
        if words and all(w and not w[-1].isspace() for w in words):
            backwards = longest_first(w[::-1] for w in words)
            self._reversed = re.compile(rf"(?:{backwards})(?=[{edge}]|\Z)", re.IGNORECASE)
            if all(c.isascii() or c.lower() == c == c.upper() for w in words for c in w):
                # ASCII text lower-cased reads as the pattern ignoring case reads it
                exact = longest_first((w[::-1] for w in words), ignore_case=False)
                self._lower = re.compile(rf"(?:{exact})(?=[{edge}]|\Z)")
                self._ends = _ends(words)
        self._search = EndSearch(self.pattern)

    def find(self, text: str, lo: int, end: int) -> tuple[int, str] | None:
        """Where the phrase of `search`'s match starts in `text`, and the phrase as the
        text writes it (its group 1), or None: what the reversed match already tells,
        with no search of the stretch from there for a match object."""
        if self._reversed is None:
            found = self._search.search(text, lo, end)
            return None if found is None else (found[0] + found[1].start(1), found[1].group(1))
        place = self._phrase_at(text, lo, end)
        return None if place is None else (place[0], text[place[0] : place[1]])

    def search(self, text: str, lo: int, end: int) -> tuple[int, re.Match[str]] | None:
        """As `EndSearch.search`: (start of the slice searched, match in it), or None."""
        if self._reversed is None:
            return self._search.search(text, lo, end)
        place = self._phrase_at(text, lo, end)
        if place is None:
            return None
        at = place[0]
        match = self.pattern.search(text[at:end])
        return None if match is None else (at, match)

    def _phrase_at(self, text: str, lo: int, end: int) -> tuple[int, int] | None:
        """(start, end) of the phrase that ends text[lo:end] but for its trailing
        whitespace, read backwards, or None.

        It is asked before nearly every number, where there mostly is no phrase: where
        the phrases are known by their last two characters (`_ends`), these rule most
        places out at once, for less than the slice a match reads. A character that is
        not ASCII rules nothing out."""
        back = end
        if back > lo and text[back - 1].isspace():
            back -= 1
            if self._any_space:
                while back > lo and text[back - 1].isspace():
                    back -= 1
        ends = self._ends
        if ends is not None:
            if back <= lo:
                return None
            last = text[back - 1]
            before = ends.get(last)
            if before is None:
                if last.isascii():
                    return None
            elif "" not in before:  # (no phrase of that one character)
                if back - 1 <= lo:
                    return None
                prev = text[back - 2]
                if prev not in before and prev.isascii():
                    return None
        # one character more than the longest phrase: what precedes it, or the start
        stretch = text[max(lo, back - self._width - 1) : back][::-1]
        if self._lower is not None and stretch.isascii():
            m = self._lower.match(stretch.lower())
        else:
            assert self._reversed is not None
            m = self._reversed.match(stretch)
        # the phrase ends where the whitespace before `end` begins (it ends in none)
        return None if m is None else (back - m.end(), back)


def _ends(words: Iterable[str]) -> dict[str, frozenset[str]]:
    """For the last character of each phrase (ASCII or caseless characters, lower case), in
    either case: the characters, in either case, that come before it in a phrase, with ""
    for a phrase of that one character. An ASCII character compared ignoring case matches
    such a character when its lower case is that character."""
    before: dict[str, set[str]] = {}
    for w in words:
        prev = w[-2] if len(w) > 1 else ""
        for last in {w[-1], w[-1].upper()}:
            before.setdefault(last, set()).update({prev, prev.upper()})
    return {last: frozenset(prevs) for last, prevs in before.items()}
