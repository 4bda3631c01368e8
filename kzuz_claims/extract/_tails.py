"""Searches for words right before a place: patterns that end in \\Z, on the end only.

"(about|nearly|...)\\s*\\Z" searched in text[lo:pos] asks what stands just before `pos`,
yet the regex engine tries it at every position from `lo` on, so asking it for each
figure of a long sentence costs time in the square of its length. When every match is
short (the parse tree bounds its width), no match can start further back than that
width from the end (plus a run of trailing whitespace the pattern may close with), and
searching only that stretch gives the same match. A pattern whose width has no bound
is searched as given.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

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
