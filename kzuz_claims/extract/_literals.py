"""The literal text every match of a regular expression must contain.

Python's regex engine tries a pattern at every position of the text, so running dozens
of patterns over every sentence costs more than everything else the extractor does.
Most of them cannot match in most sentences: a cue for "turnover" needs the letters
"turnover". `requirements(pattern)` reads that off the pattern's parse tree (the `re`
module's own parser) as a few sets of lower-case strings, one string of each set being
in the searched text wherever the pattern matches; `fold(text)` lower-cases text the way
a case-insensitive pattern compares letters, with a space for any whitespace and a 0
for any digit, so that \\s and \\d read as literals too. A stretch of text whose folded
form misses every string of one of the sets cannot hold a match, so the pattern does
not run there, and the matches it gives elsewhere are unchanged.

The requirements of every shared pattern set are numbered in one registry with one
finder for all their strings (an Aho–Corasick automaton, which reads a text once
whatever their number). Inside a memo scope (see `_memo`) a stretch of text (a
sentence) is read once with that finder, and each set learns from what was read which
of its patterns can run there; the scope keeps what was read, and each set's answer to
what was met, since many figures of a sentence ask the same set about it.

`longest_first(words)` and `Alternatives` serve the same end from the other side: a
long alternation of words tried as a trie, and an alternation run with only those of
its alternatives that can match in a stretch.

A pattern has no requirements (it always runs) when its parse tree holds anything this
module does not model, or when it has no literal text every match must contain.

Where a pattern is run, `scan`, `search` and their slice forms try it only at the places
where a match can start: the strings every match begins with, read off the same parse
tree, are found by a plain trie (`finder`) that the engine can skip ahead with, and the
pattern is matched there. They give what `finditer` and `search` give.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

import ahocorasick

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

_MIN_EXTRA = 2
"""The fewest letters a string of a requirement past the first may hold ("as " holds two):
"," or "-" is in nearly every sentence, so testing for it only costs."""

_SPECIAL_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
"""The characters other than A-Z that a case-insensitive pattern takes for an ASCII
letter, and that `str.lower` does not turn into that letter ("K", the Kelvin sign,
becomes "k" already). "İ" is also the one character `str.lower` lengthens, so a folded
text keeps the offsets of the text."""


_SPACE = str.isspace
"""What \\s matches in a pattern (str.isspace, says the re module; a test checks):
folded text has a plain space for each of these."""

_DIGIT = str.isdecimal
"""What \\d matches in a pattern (str.isdecimal, a Unicode decimal digit; a test
checks): folded text has a 0 for each of these."""


_ASCII_FOLDS_LIST = [  # what fold changes among ASCII characters
    (ch, " " if _SPACE(ch) else "0")
    for ch in map(chr, range(128))
    if (_SPACE(ch) and ch != " ") or (_DIGIT(ch) and ch != "0")
]
_ASCII_FOLDS = str.maketrans(dict(_ASCII_FOLDS_LIST))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """`text` lower-cased so that anything a case-insensitive ASCII literal matches in it
    reads as that literal in lower case, with a plain space for every whitespace
    character (what \\s matches) and a 0 for every digit (what \\d matches), at the
    same offsets."""
    low = text.lower()
    if low.isascii():  # one pass
        return low.translate(_ASCII_FOLDS)
    if any(c in text for c in "İıſ"):
        low = text.translate(_SPECIAL_FOLDS).lower()
    # each distinct character outside ASCII is asked once: a text holds a few
    for ch in set(_NON_ASCII.findall(low)):
        if _SPACE(ch):
            low = low.replace(ch, " ")
        elif _DIGIT(ch):
            low = low.replace(ch, "0")
    # str.translate has a fast path for ASCII text only: replacing is faster here
    for ch, plain in _ASCII_FOLDS_LIST:
        if ch in low:
            low = low.replace(ch, plain)
    return low


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
    ranked = _ranked(found)
    # of two requirements where one implies the other, the stronger says all
    strongest = [
        c
        for i, c in enumerate(ranked)
        if not any(_stronger(d, c, j < i) for j, d in enumerate(ranked) if j != i)
    ]
    chosen: list[set[str]] = []
    for c in strongest:
        if chosen and min(len(s.strip()) for s in c) < _MIN_EXTRA:
            continue
        chosen.append(c)
        if len(chosen) == _MAX_REQUIREMENTS:
            break
    return tuple(tuple(sorted(c)) for c in chosen)


class PatternSet:
    """Patterns run over the same stretch of text, each only where what it needs occurs.

    `finditer(text, lo, hi)` gives, pattern after pattern, exactly the matches that
    `pattern.finditer(text, lo, hi)` gives, as (index of the pattern, match). A set made
    with `shared=False` (one made per call) keeps out of the shared index and reads the
    text with a finder of its own.
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]], *, shared: bool = True) -> None:
        self.patterns = tuple(patterns)
        self._shared = shared
        registry = _REGISTRY if shared else _Registry()
        read = [[frozenset(r) for r in requirements(p)] for p in self.patterns]
        wanted = [[registry.number(r) for r in rs] for rs in read]
        # a requirement is a bit: a pattern can run where all the bits it needs are met
        needs = [sum(1 << n for n in set(w)) for w in wanted]
        self._mask = 0
        for need in needs:
            self._mask |= need
        self._always = tuple(i for i, need in enumerate(needs) if not need)
        # the patterns by the bit of their most selective requirement, with all they need
        by_first: dict[int, list[tuple[int, int]]] = {}
        for i, (w, need) in enumerate(zip(wanted, needs, strict=True)):
            if w:
                by_first.setdefault(1 << w[0], []).append((i, need))
        self._by_first = {bit: tuple(users) for bit, users in by_first.items()}
        self._firsts = sum(by_first)
        # the set's own finder, with the registry's numbers: outside a scope, and inside
        # one until the shared finder is remade with this set's strings (when the scope
        # closes, so that sets made one after another do not remake it each time); made
        # when first needed, as most sets are made before any text is read (`prepared`)
        self._own_ids = {
            r: n for rs, w in zip(read, wanted, strict=True) for r, n in zip(rs, w, strict=True)
        }
        self._own_state: _State | None = None
        self._upto = max(self._own_ids.values(), default=-1) + 1

    @property
    def _own(self) -> _State:
        if self._own_state is None:
            self._own_state = _Registry.state_of(self._own_ids)
        return self._own_state

    def candidates(self, text: str, lo: int, hi: int) -> list[int]:
        """Indices of the patterns that can match in text[lo:hi], in order."""
        return list(self._candidates(text, lo, hi))

    def _candidates(self, text: str, lo: int, hi: int) -> tuple[int, ...]:
        if not self._firsts:
            return self._always
        memo = _memo.table(_REGISTRY) if self._shared else None
        if memo is None:
            return self._choose(_met(self._own, fold(text[lo:hi])))
        # the sets that the figures of a sentence ask about it read it once
        met: tuple[int, int] | None = memo.get((text, lo, hi))
        if met is None or met[0] < self._upto:
            met = self._met_in(memo, text, lo, hi)
        chosen = (self, met[1] & self._mask)  # stretches that meet the same, choose alike
        got: tuple[int, ...] | None = memo.get(chosen)
        if got is None:
            got = memo[chosen] = self._choose(met[1])
        return got

    def _met_in(self, memo: dict[Any, Any], text: str, lo: int, hi: int) -> tuple[int, int]:
        """(n, the requirements met in text[lo:hi], a bit each, for those numbered below
        n) inside a memo scope: what the shared registry's requirements met there, read
        once for all sets."""
        state = _REGISTRY.state(remake=False)
        if state.covers < self._upto:  # a set made since the shared finder: remake it after
            _memo.at_close(_REGISTRY.refresh)
            return self._upto, _met(self._own, fold(text[lo:hi]))
        met = memo[text, lo, hi] = state.covers, _met(state, folded_text(text)[lo:hi])
        return met

    def _choose(self, met: int) -> tuple[int, ...]:
        """The patterns whose requirements are all among those met, in order."""
        out = list(self._always)
        hits = met & self._firsts
        while hits:
            bit = hits & -hits
            for i, need in self._by_first[bit]:
                if need & met == need:
                    out.append(i)
            hits ^= bit
        out.sort()
        return tuple(out)

    def possible(self, text: str, lo: int, hi: int) -> tuple[bool, ...]:
        """For each pattern, whether it can match in text[lo:hi]."""
        out = [False] * len(self.patterns)
        for i in self._candidates(text, lo, hi):
            out[i] = True
        return tuple(out)

    def finditer(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, re.Match[str]]]:
        """(pattern index, match) of every pattern in text[lo:hi], pattern by pattern."""
        for i in self._candidates(text, lo, hi):
            for m in self.patterns[i].finditer(text, lo, hi):
                yield i, m

    def finditer_slice(
        self, text: str, lo: int, hi: int, within: tuple[int, int] | None = None
    ) -> Iterator[tuple[int, re.Match[str]]]:
        """`finditer` over the string text[lo:hi] on its own (offsets into the slice).

        `within`, a stretch of text holding text[lo:hi] such as its sentence, is where to
        learn which patterns can match: whatever cannot match there cannot in the slice,
        and every slice of one sentence then shares what was learnt once."""
        candidates = self._candidates(text, *(within or (lo, hi)))
        if not candidates:
            return
        part = text[lo:hi]
        for i in candidates:
            for m in self.patterns[i].finditer(part):
                yield i, m


class _State(NamedTuple):
    """A finder for the strings of some requirements, with what each string meets."""

    finder: Any
    """An Aho–Corasick automaton (`ahocorasick.Automaton`) of the needed strings longer
    than one character, each with its requirements (a bit each), or None: there are none."""
    chars: tuple[tuple[str, int], ...]
    """The needed strings of one character, each with its requirements: looked for
    with `in`, as a sentence holds one ("0") many times, and the automaton reports each."""
    covers: int
    """Requirements numbered below this one are looked for."""


class Alternatives:
    """A pattern that is an alternation ("a|b|c") run, at each stretch of text, with only
    the alternatives that can match there.

    An alternative that matches nowhere in the stretch never wins a place, so `finditer`
    gives what `re.compile(source, flags).finditer` gives. A source that does not split
    into alternatives that stand alone is run whole. `shared` is as for `PatternSet`.
    """

    def __init__(self, source: str, flags: int = 0, *, shared: bool = True) -> None:
        self.pattern = re.compile(source, flags)
        self._flags = flags
        parts = _alternatives(source)
        self._parts = parts if "|".join(parts) == source else [source]
        self._set = PatternSet((re.compile(p, flags) for p in self._parts), shared=shared)
        self._joined: dict[tuple[int, ...], re.Pattern[str]] = {}

    def finditer(self, text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
        """The matches of the whole pattern in text[lo:hi]."""
        which = self._set._candidates(text, lo, hi)
        if not which:
            return iter(())
        pattern = self._joined.get(which)
        if pattern is None:
            source = "|".join(self._parts[i] for i in which)
            pattern = self._joined[which] = re.compile(source, self._flags)
        return pattern.finditer(text, lo, hi)


def _alternatives(source: str) -> list[str]:
    """The source split at its top-level bars (outside groups, classes and escapes)."""
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    in_class = False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if source[i + 1 : i + 2] == "^":
                i += 1
            if source[i + 1 : i + 2] == "]":  # a "]" first in a class is a character
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


class _Registry:
    """Requirements, numbered, and one finder for all their strings.

    The shared registry holds those of every shared pattern set. Requirements are only
    ever added; a state made after an addition covers it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: dict[frozenset[str], int] = {}
        self._state: _State | None = None

    def number(self, requirement: frozenset[str]) -> int:
        """The number of a requirement, taken in if new."""
        with self._lock:
            return self._ids.setdefault(requirement, len(self._ids))

    def state(self, *, remake: bool = True) -> _State:
        """The state in use (made if there is none): made anew if requirements were added
        since, and `remake`."""
        state = self._state
        if state is None or (remake and state.covers < len(self._ids)):
            with self._lock:
                state = self._state = self.state_of(dict(self._ids))
        return state

    def refresh(self) -> None:
        """Make the state anew if requirements were added since."""
        self.state(remake=True)

    @staticmethod
    def state_of(ids: dict[frozenset[str], int]) -> _State:
        """A state for the requirements (with their numbers)."""
        users: dict[str, int] = {}
        for requirement, n in ids.items():
            for string in requirement:
                users[string] = users.get(string, 0) | 1 << n
        chars = tuple((string, bits) for string, bits in users.items() if len(string) == 1)
        finder = None
        if len(chars) < len(users):
            finder = ahocorasick.Automaton()
            for string, bits in users.items():
                if len(string) > 1:
                    finder.add_word(string, bits)
            finder.make_automaton()
        return _State(finder, chars, max(ids.values(), default=-1) + 1)


def _met(state: _State, folded: str) -> int:
    """The requirements met in `folded`, a bit each: those of every needed string in it.

    The automaton reads the text once, in C, and gives every place where a needed
    string ends, whatever their number: a regular expression tries the strings from
    each place in turn."""
    bits = 0
    if state.finder is not None:
        for _, need in state.finder.iter(folded):
            bits |= need
    for char, need in state.chars:
        if char in folded:
            bits |= need
    return bits


_REGISTRY = _Registry()


def holding(groups: Iterable[Iterable[str]]) -> PatternSet:
    """A shared set that tells which of the groups of strings (lower case, as folded text
    writes them) a stretch of text holds a string of: `candidates` gives the indices of
    those groups, learnt from what the shared prefilter reads of the stretch anyway, and
    many times cheaper than looking for each string. Its patterns are not meant to run:
    each is its group's alternation, whose requirement is the group."""
    groups = [sorted(g) for g in groups]
    odd = [s for g in groups for s in g if not s or fold(s) != s]
    if odd:
        raise ValueError(f"not strings of folded text: {odd}")
    return PatternSet(re.compile("|".join(re.escape(s) for s in g)) for g in groups)


def share_all() -> None:
    """Make the shared finder cover every shared set made so far. Readers that make their
    sets before any text is read, then call this, have the finder made once; sets made
    later, inside a memo scope, have it remade when the scope closes."""
    _REGISTRY.refresh()


@_memo.memoised
def folded_text(text: str) -> str:
    """`fold(text)`, once per text in a memo scope: the prefilter and the readers of a
    sentence's folded form (periods, numbers, cues) share it."""
    return fold(text)


def longest_first(words: Iterable[str], *, ignore_case: bool = True) -> str:
    """A regular expression that gives what the alternation of the words, longest first,
    gives ("kazakhstan|kazakh"), whatever follows it: matched case-insensitively, or
    as written with `ignore_case=False`.

    Shaped as a trie, the expression lets the engine try one branch per character
    instead of every word at every place. Case-insensitive words are lower case; where
    two of their characters match one character of text (s and ſ), it is the plain
    alternation.
    """
    unique = set(words)
    if not ignore_case:
        return _trie(unique)
    if any(w != w.lower() for w in unique):
        raise ValueError("longest_first() takes lower-case words")
    chars = sorted({c for w in unique for c in w})
    if any(
        re.fullmatch(re.escape(a), b, re.IGNORECASE)
        for i, a in enumerate(chars)
        for b in chars[i + 1 :]
    ):
        return "|".join(re.escape(w) for w in sorted(unique, key=len, reverse=True))
    return _trie(unique)


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
    branches = [re.escape(ch) + _trie_source(node[ch]) for ch in sorted(node) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _plain(ch: str) -> str:
    """A character as folded text has it: whitespace a plain space, any digit a 0."""
    if _SPACE(ch):
        return " "
    return "0" if _DIGIT(ch) else ch


def _foldable(ch: str) -> bool:
    """ASCII, or a character without case ("–", "$"): `fold` keeps what matches it."""
    return ch.isascii() or ch.lower() == ch == ch.upper()


def _strings(item: tuple[Any, Any]) -> set[str] | None:
    """Every string the item can match, lower case, if they are few; else None."""
    op, av = item
    if op is _op.LITERAL:
        ch = _plain(chr(av))
        return {ch.lower()} if _foldable(ch) else None
    if op is _op.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _op.LITERAL:
                chars.add(_plain(chr(value)))
            elif kind is _op.RANGE and value[1] - value[0] < 10:
                chars.update(_plain(chr(c)) for c in range(value[0], value[1] + 1))
            elif kind is _op.CATEGORY and value is _op.CATEGORY_SPACE:
                chars.add(" ")
            elif kind is _op.CATEGORY and value is _op.CATEGORY_DIGIT:
                chars.add("0")
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
    # a string is looked for without the spaces it starts with ("of " where " of " is
    # needed): a finder that tries every space for strings costs more than it saves
    useful = [_shortest({s.lstrip() for s in c}) for c in found if c and all(s.strip() for s in c)]
    # a longer string is rarer, up to a point; past it, fewer strings test faster
    # (spaces count for nothing: "of " is no rarer than "of")
    return sorted(useful, key=_selectivity, reverse=True)


def _selectivity(strings: set[str]) -> tuple[int, int, int]:
    lengths = [len(s.strip()) for s in strings]
    return min(4, *lengths), -len(strings), min(lengths)


def _stronger(a: set[str], b: set[str], first: bool) -> bool:
    """Whether `a` makes `b` needless: it implies `b` and is not its equal, or is its
    equal ranked `first`."""
    return _implies(a, b) and (first or not _implies(b, a))


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
        once = _repeated(item)
        if once is not None:
            # "as\s+of": the first repetition closes the run ("as "), the last opens the next
            joined = {a + b for a in run for b in once}
            candidates.append(joined if len(joined) <= _MAX_STRINGS else run)
            run = once
            continue
        candidates.append(run)
        run = {""}
        candidates.extend(_required_of(item))
    candidates.append(run)
    return candidates


def _repeated(item: tuple[Any, Any]) -> set[str] | None:
    """Every string one repetition of a repeat of at least one can match, if few."""
    op, av = item
    if op not in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT) or av[0] < 1:
        return None
    return _sequence_strings(list(av[2]))


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
        # one requirement of each branch, together: their first, second and third most
        # selective, and their smallest
        ranked = [_ranked(_all_required(list(branch))) for branch in av[1]]
        if not all(ranked):
            return []
        picks = [[r[min(k, len(r) - 1)] for r in ranked] for k in range(_MAX_REQUIREMENTS)]
        picks.append([min(r, key=len) for r in ranked])
        unions: list[set[str]] = []
        for pick in picks:
            union = _shortest(set().union(*pick))
            if len(union) <= _MAX_STRINGS and union not in unions:
                unions.append(union)
        return unions
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _all_required(list(av[2]))
    return []


def isword(ch: str) -> bool:
    """Whether \\w (and so \\b) takes the character for a word character (a test checks)."""
    return ch.isalnum() or ch == "_"


_MAX_PREFIX_STRINGS = 256
"""More strings than this and a pattern's prefixes stop short (or are not used)."""


class _Plan(NamedTuple):
    """How to run a pattern over a stretch of text cheaply (see `finder`)."""

    pattern: re.Pattern[str]
    """The pattern, kept alive so that its identity keys its plan."""
    finder: re.Pattern[str] | None
    exact: bool
    """Whether the finder reads the text itself, not the folded text: for a pattern that
    tells case, whose matches may start with a capital letter."""
    needs: tuple[tuple[str, ...], ...]
    """The pattern's `requirements`: without a string of each in the folded stretch, it
    cannot match there."""

    def possible(self, folded: str, a: int, b: int) -> bool:
        """Whether the pattern may match in the stretch folded[a:b]."""
        return all(any(folded.find(s, a, b) >= 0 for s in need) for need in self.needs)

    def found(
        self, subject: str, folded: str, a: int, b: int, shift: int, first: bool
    ) -> list[re.Match[str]]:
        """The matches of the pattern in subject[a - shift:b - shift] (offsets into
        `subject`), or only the `first`; `folded` is the fold of a text whose stretch
        folded[a:b] is that one: the subject itself (`shift` 0) or a text it is a slice
        of. A plain loop, not a generator: most calls find nothing or one match."""
        lo, hi = a - shift, b - shift
        finder = self.finder
        if finder is None:
            if not self.possible(folded, a, b):
                return []
            if first:
                m = self.pattern.search(subject, lo, hi)
                return [] if m is None else [m]
            return list(self.pattern.finditer(subject, lo, hi))
        if self.exact:  # the finder reads the subject itself
            folded, a, b, shift = subject, lo, hi, 0
        find = finder.search
        match = self.pattern.match
        out = []
        while (at := find(folded, a, b)) is not None:
            m = match(subject, at.start() - shift, hi)
            if m is None:
                a = at.start() + 1
                continue
            out.append(m)
            if first:
                break
            a = m.end() + shift  # never empty: it starts with a string
        return out


_PLANS: dict[int, _Plan] = {}
"""`_plan` by the identity of the pattern: a pattern hashes its whole compiled program,
which costs more than the lookup saves."""


def _plan(pattern: re.Pattern[str]) -> _Plan:
    found = _PLANS.get(id(pattern))
    if found is None:
        finder, exact = _make_finder(pattern)
        found = _PLANS[id(pattern)] = _Plan(pattern, finder, exact, requirements(pattern))
    return found


def finder(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that finds, in folded text (`fold`), every place where a match of
    `pattern` can start, or None.

    Python's regex engine tries a pattern at every place of the text, and a pattern
    that opens with \\b or is case-insensitive gives it nothing to skip ahead with, so
    a cue list of fifty words costs a fraction of a microsecond per character. Most
    such patterns start every match with one of a few strings ("amounted", "was"...),
    found in the folded text by a plain trie with the engine's fast first-character
    scan; trying the pattern only there (`scan`) gives the same matches. A character
    `fold` may not write as the pattern does (a non-ASCII letter) is any character
    there; a pattern whose matches may start with a lone letter or space has no finder.
    A pattern that tells case has its finder read the text itself, where a capital
    letter is rare enough to look for ("Trend reports").
    """
    return _plan(pattern).finder


def _make_finder(pattern: re.Pattern[str]) -> tuple[re.Pattern[str] | None, bool]:
    """(finder, whether it reads the text itself) for `_Plan`."""
    if _sre_parse is None:
        return None, False
    exact = not pattern.flags & re.IGNORECASE
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
        got = _seq_prefixes(list(tree), exact)
    except Exception:  # a parse tree of a shape this module does not know
        return None, False
    if got is None:
        return None, False
    strings = {s.rstrip(_ANY_CHAR) for s in got[0]}
    if not all(_selective(s, exact) for s in strings):
        return None, False  # a lone letter or a space is everywhere: trying costs more
    # a string that another one begins is found wherever that one is
    kept = {s for s in strings if not any(t != s and s.startswith(t) for t in strings)}
    return re.compile(_prefix_trie(kept)), exact


_ANY_CHAR = "\0"
"""In a prefix string: any character."""


def _selective(prefix: str, exact: bool) -> bool:
    """Whether a prefix string is rare enough to look for: it starts with a character
    the engine can skip ahead to, and holds two, or one that is not a letter or space
    (a capital letter, read in the text itself)."""
    if not prefix or prefix[0] == _ANY_CHAR:
        return False
    known = len(prefix) - prefix.count(_ANY_CHAR)
    first = prefix[0]
    return known >= 2 or not (first.isalnum() or first.isspace()) or (exact and first.isupper())


def _prefix_trie(strings: Iterable[str]) -> str:
    """A pattern that matches where one of the prefix strings (none beginning another)
    starts, shaped as a trie."""
    root: dict[str, Any] = {}
    for string in strings:
        node = root
        for ch in string:
            node = node.setdefault(ch, {})

    def source(node: dict[str, Any]) -> str:
        parts = [
            (r"[\s\S]" if ch == _ANY_CHAR else re.escape(ch)) + source(sub)
            for ch, sub in sorted(node.items())
        ]
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return source(root)


_Prefixes = tuple[set[str], bool]
"""Strings (folded, `_ANY_CHAR` for any character) one of which the text of every match
starts with, and whether they are the whole match (the item matches only those)."""


def _fold_char(ch: str, exact: bool) -> str:
    """A character as `fold` writes what a pattern's character matches, or `_ANY_CHAR` when
    `fold` may write it otherwise (a non-ASCII cased letter); `exact`: as the text has
    it, for a pattern that tells case."""
    if exact:
        return ch
    if ch.isspace():
        return " "
    if ch.isdecimal():
        return "0"
    if ch.isascii() or ch.lower() == ch == ch.upper():
        return ch.lower()
    return _ANY_CHAR


def _seq_prefixes(items: Sequence[tuple[Any, Any]], exact: bool) -> _Prefixes | None:
    """The prefixes of a sequence of parse tree items (`exact`: see `_fold_char`)."""
    out = {""}
    for op, av in items:
        got = _item_prefixes(op, av, exact)
        if got is None:
            return out, False
        strings, whole = got
        joined = {a + b for a in out for b in strings}
        if len(joined) > _MAX_PREFIX_STRINGS:
            return out, False
        out = joined
        if not whole:
            return out, False
    return out, True


def _item_prefixes(op: Any, av: Any, exact: bool) -> _Prefixes | None:
    if op is _op.LITERAL:
        return {_fold_char(chr(av), exact)}, True
    if op in (_op.NOT_LITERAL, _op.ANY):
        return {_ANY_CHAR}, True
    if op is _op.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _op.LITERAL:
                chars.add(_fold_char(chr(value), exact))
            elif kind is _op.RANGE and value[1] - value[0] < 26:
                chars.update(_fold_char(chr(c), exact) for c in range(value[0], value[1] + 1))
            elif kind is _op.CATEGORY and value is _op.CATEGORY_SPACE and not exact:
                chars.add(" ")
            elif kind is _op.CATEGORY and value is _op.CATEGORY_DIGIT and not exact:
                chars.add("0")
            else:
                return {_ANY_CHAR}, True
        return ({_ANY_CHAR} if _ANY_CHAR in chars else chars), True
    if op is _op.ASSERT and av[0] == 1:
        # a lookahead: the text here starts with what it matches; what comes next, too
        got = _seq_prefixes(list(av[1]), exact)
        return None if got is None else (got[0], False)
    if op in (_op.AT, _op.ASSERT, _op.ASSERT_NOT):
        return {""}, True  # reads, consumes nothing
    if op is _op.SUBPATTERN:
        if exact and av[1] & re.IGNORECASE:
            return None  # a part that does not tell case
        return _seq_prefixes(list(av[3]), exact)
    if op is _op.ATOMIC_GROUP:
        return _seq_prefixes(list(av), exact)
    if op is _op.BRANCH:
        union: set[str] = set()
        whole = True
        for branch in av[1]:
            got = _seq_prefixes(list(branch), exact)
            if got is None:
                return None
            union |= got[0]
            whole = whole and got[1]
            if len(union) > _MAX_PREFIX_STRINGS:
                return None
        return union, whole
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT):
        low, high, sub = av
        got = _seq_prefixes(list(sub), exact)
        if got is None:
            return None
        strings = got[0] | {""} if low == 0 else got[0]
        return strings, got[1] and high == 1
    return None


def scan(pattern: re.Pattern[str], text: str, folded: str, a: int, b: int) -> list[re.Match[str]]:
    """list(pattern.finditer(text, a, b)); `folded` is fold(text) (see `finder`)."""
    return _plan(pattern).found(text, folded, a, b, 0, False)


def search(
    pattern: re.Pattern[str], text: str, folded: str, a: int, b: int
) -> re.Match[str] | None:
    """pattern.search(text, a, b); `folded` is fold(text) (see `finder`)."""
    found = _plan(pattern).found(text, folded, a, b, 0, True)
    return found[0] if found else None


def search_slice(
    pattern: re.Pattern[str], folded: str, a: int, b: int, part: str
) -> re.Match[str] | None:
    """pattern.search(part) for the slice part == text[a:b]; `folded` is fold(text)."""
    found = _plan(pattern).found(part, folded, a, b, a, True)
    return found[0] if found else None


def scan_slice(
    pattern: re.Pattern[str], folded: str, a: int, b: int, part: str
) -> list[re.Match[str]]:
    """list(pattern.finditer(part)) for the slice part == text[a:b]; `folded` is
    fold(text) (see `finder`)."""
    return _plan(pattern).found(part, folded, a, b, a, False)
