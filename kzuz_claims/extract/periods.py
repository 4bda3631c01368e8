"""Period expressions in a sentence, resolved against the document date.

Each expression gets a role: `period` (what a figure measures), `compared` (the base
of a change: "compared to 2013", "the same period of 2022"), `horizon` (a target's
deadline or vague horizon), `duration` ("over the past seven years") or `date` (an
event date or clock time, which only masks numbers). Relative expressions in an
undated document keep their text and stay unresolved: nothing is guessed from the clock.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import attrgetter
from typing import Literal

from kzuz_claims.extract import _memo
from kzuz_claims.extract._literals import (
    PatternSet,
    finder,
    fold,
    folded_text,
    longest_first,
    scan,
)
from kzuz_claims.extract.lexicon import Lexicon
from kzuz_claims.model import Period, PeriodBasis, PeriodKind
from kzuz_claims.model._base import trusted

Role = Literal["period", "compared", "same_period", "horizon", "duration", "date"]

_MONTHS = (
    {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
    | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)
_MONTH = r"(?:" + longest_first(_MONTHS) + r")\.?"
_YEAR = r"(?:19|20)\d\d"
_NUMW = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
    "several": 0,
}
_N = r"(?:\d{1,2}|" + "|".join(_NUMW) + r")"
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_REL_YEAR = (
    r"(?:last year|this year|the (?:current|previous|past|last|same) year|the year"
    r"|current year|previous year)"
)
_YREF = rf"(?:{_YEAR}|{_REL_YEAR})"
_YEAR_RE = re.compile(_YEAR)
_YREF_RE = re.compile(_YREF, re.I)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PREPOSITIONS: tuple[str, ...] = (
    *("in", "for", "during", "over", "throughout", "from"),
    *("as per", "per", "of", "at", "by", "on"),
)
"""None begins another, so trying them longest first (as a trie) matches the same."""
_PRE = rf"(?:(?:{longest_first(_PREPOSITIONS)})\s+)?(?:the\s+)?"


@dataclass(slots=True)
class PeriodMention:
    """A period expression: where it stands, its role, and what it resolves to.

    Treat it as immutable (`dataclasses.replace` makes a changed copy). It is not frozen
    because a frozen dataclass sets each field through `object.__setattr__`, which makes
    building one cost as much as resolving what it says.
    """

    start: int
    end: int
    role: Role
    text: str
    period: Period | None
    relative: bool = False
    years: int | None = None
    """For durations: how many years back ("past seven years" -> 7); for "a year earlier"
    (role `same_period`), how many years to shift the period it repeats."""
    base: bool = False
    """The period of a change's starting figure ("from $207 million in H1 2023"): that
    figure's own, and the base of the change; not the period of the sentence."""
    anaphoric: bool = False
    """ "over the year", "on the same date": the year or the date the article is already
    talking about."""


def _n(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMW.get(w, 0)


def _year_of(ref: str, pub: date | None) -> tuple[int | None, bool]:
    """The year a reference names, and whether it was relative."""
    r = ref.lower()
    if _YEAR_RE.fullmatch(r):
        return int(r), False
    if pub is None:
        return None, True
    if any(k in r for k in ("last", "previous", "past")):
        return pub.year - 1, True
    return pub.year, True


def _months(y: int, m1: int, m2: int) -> tuple[date, date]:
    return date(y, m1, 1), date(y, m2, _last_day(y, m2))


def _last_day(y: int, m: int) -> int:
    """The last day of month `m` of year `y` (what `calendar.monthrange` says, sooner)."""
    return 29 if m == 2 and calendar.isleap(y) else _MONTH_DAYS[m]


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _mk(start: date, end: date, kind: PeriodKind, relative: bool, text: str) -> Period:
    """`Period(start=start, end=end, kind=kind, basis=..., text=text)`, made trusted (see
    `model._base.trusted`; half the cost of a period mention): the fields are already a
    date, a date, a PeriodKind, a PeriodBasis and a str, so what is left to check is the
    validator's start <= end, and where it fails the model itself raises."""
    basis = PeriodBasis.RELATIVE if relative else PeriodBasis.EXPLICIT
    if start > end:
        return Period(start=start, end=end, kind=kind, basis=basis, text=text)
    return trusted(Period, {"start": start, "end": end, "kind": kind, "basis": basis, "text": text})


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "same_period",
        re.compile(
            rf"\b(?:over|in|for|during|compared (?:to|with)|against|versus|from)?\s*"
            rf"the same period (?:of |in )?(?P<y>{_YREF}|a year (?:earlier|ago|before))",
            re.I,
        ),
    ),
    ("year_earlier", re.compile(r"\b(?:a|one)\s+year\s+(?:earlier|ago|before)\b", re.I)),
    (
        "at_edge",
        re.compile(
            rf"\bat\s+the\s+(?:start|beginning|end)\s+of\s+(?:the\s+|this\s+|last\s+)?"
            rf"(?P<y>year|{_YEAR})\b(?!\s+(?:ago|before|earlier))",
            re.I,
        ),
    ),
    (
        "the_period",
        re.compile(
            r"\b(?:over|in|during|for|throughout)\s+the\s+(?:same\s+|whole\s+|reporting\s+)?"
            r"(?:period|quarter|months|(?:(?:growing|irrigation|vegetation|sowing|harvest)\s+)?"
            r"season)\b(?!\s+(?:of|in|a|last|since)\b)",
            re.I,
        ),
    ),
    (
        "same_date",
        re.compile(r"\b(?:on|as\s+of|at)\s+(?:the\s+same|that)\s+date\b", re.I),
    ),
    ("yoy", re.compile(r"\b(?:year[- ]on[- ]year|year[- ]over[- ]year|y/y|yoy)\b", re.I)),
    (
        "first_months",
        re.compile(
            rf"\b{_PRE}(?:first\s+)?(?P<n>{_N})\s+months(?:\s+(?:of|in)\s+(?P<y>{_YREF}))?", re.I
        ),
    ),
    (
        "month_range",
        re.compile(
            rf"\b{_PRE}(?:period\s+)?(?:from\s+)?(?P<m1>{_MONTH})\s*(?:–|-|—|to|through|till|until|and)\s*(?P<m2>{_MONTH})(?:,?\s+(?:of\s+)?(?P<y>{_YREF}))?",
            re.I,
        ),
    ),
    (
        "half",
        re.compile(
            rf"\b{_PRE}(?P<h>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+(?P<y>{_YREF}))?|\b(?:in\s+)?(?:H(?P<h2>[12])|(?P<h3>[12])H)\s*(?P<y2>{_YEAR})?",
            re.I,
        ),
    ),
    (
        "quarter",
        re.compile(
            rf"\b{_PRE}(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+(?P<y>{_YREF}))?|\b(?:in\s+)?Q(?P<q2>[1-4])(?:\s*(?P<y2>{_YEAR}))?\b",
            re.I,
        ),
    ),
    (
        "as_of",
        re.compile(
            rf"\bas\s+(?:of|at)\s+(?:(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?!\d)|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})|the\s+(?:beginning|start|end)\s+of\s+(?P<m3>{_MONTH}|{_YREF}))(?:,?\s+(?P<y>{_YEAR}))?",
            re.I,
        ),
    ),
    (
        "since_start",
        re.compile(
            rf"\bsince\s+the\s+(?:beginning|start)\s+of\s+(?:the\s+|this\s+)?(?P<y>year|{_YEAR})"
            r"|\b(?:year[- ]to[- ]date|so far this year)\b",
            re.I,
        ),
    ),
    (
        "deadline",
        re.compile(
            rf"\b(?:by|until|till|before)\s+(?:the\s+end\s+of\s+)?"
            rf"(?P<y>{_YEAR}|the year|this year|next year)\b",
            re.I,
        ),
    ),
    (
        "deadline_month",
        re.compile(
            rf"\b(?:by|until|till|before)\s+the\s+end\s+of\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?\b",
            re.I,
        ),
    ),
    (
        "next_years",
        re.compile(
            rf"\b(?:in|over|within|during)\s+(?:the\s+)?(?:next|coming|following)\s+(?P<n>{_N})\s+years\b",
            re.I,
        ),
    ),
    (
        "vague_horizon",
        re.compile(
            r"\b(?:in|over)\s+the\s+(?:coming|next few|near|medium|short|long|mid)(?:[- ]term)?"
            r"(?:\s+(?:years|future|term|perspective))?\b"
            r"|\bin\s+the\s+(?:medium|short|long|mid)[- ]term\b",
            re.I,
        ),
    ),
    (
        "past_years",
        re.compile(
            rf"\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+(?P<n>{_N}|decade)(?:\s+years)?\b",
            re.I,
        ),
    ),
    (
        "compared",
        re.compile(
            rf"\b(?:compared\s+(?:to|with)|than|versus|vs\.?|against|relative\s+to)\s+(?:in\s+|the\s+level\s+of\s+|that\s+of\s+)?(?P<y>{_YREF})",
            re.I,
        ),
    ),
    (
        "event_date",
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?(?:(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?|(?<!\d)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH}))(?:,?\s+(?P<y>{_YEAR}))?(?:,?\s+\d{{1,2}}:\d{{2}})?",
            re.I,
        ),
    ),
    (
        "numeric_date",
        re.compile(
            # "\b\d{1,2}[./]...|\b\d{4}-...|\b\d{1,2}:..." with the shared leading digit
            # first and its \b as a lookbehind: a pattern that begins with a digit lets
            # the engine skip to the next digit instead of trying every place. The digits
            # up to the second separator are spelt out (\d\d? for \d{1,2}), so that the
            # prefilter reads what every match holds (".0.", "0:00"), not just ".0", which
            # every decimal number holds
            r"\d(?<!\w\d)(?:\d?[./]\d\d?[./](?:\d{4}|\d{2})\b(?:,?\s+\d{1,2}:\d{2})?"
            r"|\d\d\d-\d\d-\d\d\b|\d?:\d\d\b)",
            re.I,
        ),
    ),
    ("month_year", re.compile(rf"\b{_PRE}(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b", re.I)),
    ("rel_month", re.compile(r"\b(?:last|this|previous|past)\s+month\b", re.I)),
    (
        "the_year",
        re.compile(
            r"\b(?:over|for|during|throughout)\s+the\s+(?:whole\s+|full\s+|entire\s+)?year\b"
            r"(?!\s+(?:ago|before|earlier|to))",
            re.I,
        ),
    ),
    (
        "month_alone",
        re.compile(rf"\b(?:in|for|during|over|throughout)\s+(?P<m>{_MONTH})(?!\s*\d)\b", re.I),
    ),
    ("rel_year", re.compile(rf"\b{_PRE}(?P<y>{_REL_YEAR})\b", re.I)),
    ("next_year", re.compile(r"\bnext\s+year\b", re.I)),
    ("since_year", re.compile(rf"\bsince\s+(?P<y>{_YEAR})\b", re.I)),
    (
        "year_range",
        re.compile(
            rf"\b{_PRE}(?P<y1>{_YEAR})\s*(?:–|-|—|to|through)\s*(?P<y2>{_YEAR}|\d\d)\b", re.I
        ),
    ),
    ("year", re.compile(rf"\b{_PRE}(?P<y>{_YEAR})(?:\s+results)?\b(?![-–.,]\d)", re.I)),
]


_MAYBE_WORDS = (
    *("year", "month", "quarter", "half", "term", "today", "decade", "week", "since", "future"),
    *_MONTHS,
)
_MAYBE_PERIOD = re.compile(longest_first(["0", *_MAYBE_WORDS]))
"""Whether a sentence may hold a period at all (a digit, as in "Q1", or one of the words;
only whether it matches is asked), read in its folded text (see `_literals.fold`),
where a digit is a 0. Shaped as one trie of plain letters, it lets the engine skip to
the letters that can begin one."""


@cache
def _pattern_set() -> PatternSet:
    return PatternSet(pat for _, pat in _PATTERNS)


def prepare(lexicon: Lexicon) -> None:
    """Make the shared pattern set of this module (see `_literals.share_all`)."""
    _pattern_set()


@dataclass(frozen=True, slots=True, eq=False)
class _Token:
    """A token found by `find` in the text, or in its folded form (see `_literals.fold`),
    `offset` characters past the start of the match."""

    find: re.Pattern[str]
    folded: bool
    offset: int = 0


@dataclass(frozen=True, slots=True, eq=False)
class _Anchor:
    """Where a pattern that the regex engine would try at every place of a sentence can
    start, found from a token every match holds.

    A pattern led by words the engine cannot skip ahead to ("in the 2023", "over the
    period") is tried at each place in turn. Its matches start at a token (the year) or
    at one of the few words of its lead that stand right before one; the pattern is
    tried only there. `back` reads those words backwards from the token in the reversed
    folded text, one (optional) group for each. So the pattern finds what it finds
    everywhere only if each of its matches holds the token, with nothing but words of
    `back` and spaces between its start and the token (a test checks them all).
    """

    token: _Token
    back: re.Pattern[str]
    bare: bool = True
    """Whether a match can start at the token itself, with no lead."""


_MONTH_START = _Token(
    re.compile("(?:" + longest_first({name[:3] for name in _MONTHS}) + r")(?<!\w...)"), True
)
"""The start of a month name (each begins with its three-letter abbreviation), folded,
that no word character stands before: the \\b is a lookbehind after the letters, so that
the engine can skip ahead to the letters that begin one."""
_YEAR_DIGITS = _Token(_YEAR_RE, False)
"""A year, in the text itself (folded, every digit is a 0)."""
_YEAR_WORD = _Token(re.compile(r" year\b"), True, 1)
"""The "year" of "last year", "the same year", folded."""
_THE = _Token(re.compile(r"the "), True)


def _back(words: int, *phrases: str) -> re.Pattern[str]:
    """Up to `words` of the phrases' words (folded: "1st" is "0st"), each with the spaces
    after it, read backwards in reversed folded text: where a lead of those words can
    start (after a character no word of the lead can hold)."""
    rev = longest_first(
        {word[::-1] for phrase in phrases for word in phrase.split()}, ignore_case=False
    )
    return _nested(rf" +(?:{rev})(?![a-z0])", words)


def _nested(step: str, times: int) -> re.Pattern[str]:
    """Up to `times` steps, each a group: "(step)(?:(step)...)?", nested so that the first
    step that fails ends the match."""
    return re.compile("(?:".join(f"({step})" for _ in range(times)) + ")?" * (times - 1))


_LEAD = (*_PREPOSITIONS, "the")
"""The words of `_PRE`."""
_REL_LEAD = ("last", "this", "current", "previous", "past", "same", "the")
"""The words before "year" in `_REL_YEAR`."""
_ORDINALS = (*("first", "second", "third", "fourth"), *("0st", "0nd", "0rd", "0th"))
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS_OF = [f"{d}{th}" for d in ("0", "00") for th in ("", "st", "nd", "rd", "th")]
"""A day before a month, folded ("5th", "12")."""

# Patterns that share a token share one anchor, with the words of all their leads: each
# is tried at a few more places, but the places are found once. Each anchor takes as
# many words as the longest lead: "as per the period from" January, "Monday, 5th of"
# May, "as per the first a couple of" months.
_MONTH_ANCHOR = _Anchor(
    _MONTH_START,
    _back(5, *_LEAD, "period", "from", *_WEEKDAYS, *(f"{w}," for w in _WEEKDAYS), *_DAYS_OF),
)
_YEAR_ANCHOR = _Anchor(_YEAR_DIGITS, _back(3, *_LEAD))
_THE_ANCHOR = _Anchor(
    _THE, _back(1, "over", "in", "during", "for", "throughout", "within", "at"), bare=False
)
_ANCHORS: dict[str, _Anchor] = {
    "at_edge": _THE_ANCHOR,
    "the_period": _THE_ANCHOR,
    "first_months": _Anchor(
        _Token(re.compile("months"), True),
        _back(7, *_LEAD, "first", "0", "00", *_NUMW),
        bare=False,
    ),
    "month_range": _MONTH_ANCHOR,
    "half": _Anchor(
        _Token(re.compile("half|h0|0h"), True), _back(4, *_LEAD, *_ORDINALS[:2], "0st", "0nd")
    ),
    "quarter": _Anchor(_Token(re.compile("quarter|q0"), True), _back(4, *_LEAD, *_ORDINALS)),
    "vague_horizon": _THE_ANCHOR,
    "past_years": _THE_ANCHOR,
    "event_date": _MONTH_ANCHOR,
    "month_year": _MONTH_ANCHOR,
    "the_year": _THE_ANCHOR,
    "month_alone": _MONTH_ANCHOR,
    "rel_year": _Anchor(_YEAR_WORD, _back(5, *_LEAD, *_REL_LEAD), bare=False),
    "year_range": _YEAR_ANCHOR,
    "year": _YEAR_ANCHOR,
}
"""The patterns tried only where their anchor allows (see `_Anchor`): those that would
otherwise cost the most. None of them matches an empty string (a test checks)."""


class _Sentence:
    """A stretch of text as `find` reads it: its folded form (see `_literals.fold`), and,
    asked once for all patterns, where matches with a given anchor can start."""

    __slots__ = ("_rev", "_starts", "base", "folded", "hi", "lo", "text")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.lo, self.hi = text, lo, hi
        # inside a memo scope the whole text is folded once (the literal prefilter
        # folds it too); outside one, only the stretch (`base` is where it starts)
        if _memo.active():
            self.folded, self.base = folded_text(text), 0
        else:
            self.folded, self.base = fold(text[lo:hi]), lo
        self._rev: str | None = None
        self._starts: dict[_Anchor, list[int]] = {}

    def maybe_period(self) -> bool:
        """Whether `_MAYBE_PERIOD` matches in the stretch (a digit, most often, says so)."""
        lo, hi = self.lo - self.base, self.hi - self.base
        return self.folded.find("0", lo, hi) >= 0 or bool(_MAYBE_PERIOD.search(self.folded, lo, hi))

    def _places(self, anchor: _Anchor) -> list[int]:
        """In order, every place in the stretch where a match anchored so can start: the
        tokens (if a match can start at one) and the words of the lead before each."""
        token, lo, hi, base = anchor.token, self.lo, self.hi, self.base
        if token.folded:
            shift = base + token.offset
            at = [m.start() + shift for m in token.find.finditer(self.folded, lo - base, hi - base)]
        else:
            at = [m.start() for m in token.find.finditer(self.text, lo, hi)]
        if not at:
            return at
        if self._rev is None:
            self._rev = self.folded[lo - base : hi - base][::-1]
        rev, back = self._rev, anchor.back.match
        # rev[hi - a] is the character before a; a lead word read back to j starts at hi - j
        places = at.copy() if anchor.bare else []
        for a in at:
            lead = back(rev, hi - a)
            if lead is not None:
                for _, j in lead.regs[1:]:
                    if j < 0:  # the groups are nested: the first unmatched ends the lead
                        break
                    places.append(hi - j)
        return sorted(set(places))

    def matches(
        self, pattern: re.Pattern[str], anchor: _Anchor | None, by_finder: bool = False
    ) -> list[re.Match[str]]:
        """What `pattern.finditer(text, lo, hi)` gives, trying only where a match can start:
        where its anchor allows, or (`by_finder`) where `_literals.finder` reads the
        strings that begin one."""
        text, lo, hi = self.text, self.lo, self.hi
        if anchor is None:
            if by_finder and self.base == 0:
                return scan(pattern, text, self.folded, lo, hi)
            return list(pattern.finditer(text, lo, hi))
        # the places are found once for all the patterns anchored so
        places = self._starts.get(anchor)
        if places is None:
            places = self._starts[anchor] = self._places(anchor)
        out = []
        pos = lo
        for p in places:
            if p >= pos:
                m = pattern.match(text, p, hi)
                if m is not None:
                    out.append(m)
                    pos = m.end()
        return out


_ENTRIES = [
    (
        name,
        pattern,
        _ANCHORS.get(name),
        name not in _ANCHORS and pattern.pattern.startswith(r"\b") and bool(finder(pattern)),
    )
    for name, pattern in _PATTERNS
]
"""Each pattern with how it is tried (see `_Sentence.matches`): where its anchor allows,
or, for one left unanchored that opens with \\b (where the engine would try every place),
where its finder reads the words that begin it."""


def find(text: str, start: int, end: int, pub: date | None) -> list[PeriodMention]:
    """Every period expression in text[start:end], non-overlapping, in text order."""
    candidates = _pattern_set().candidates(text, start, end)
    if not candidates:
        return []
    sentence = _Sentence(text, start, end)
    # whether the sentence may hold a period is asked only once a match is to be read:
    # in most sentences none is found, which is cheaper to learn
    maybe: bool | None = None
    taken: list[tuple[int, int]] = []
    out: list[PeriodMention] = []
    for i in candidates:
        name, pattern, anchor, by_finder = _ENTRIES[i]
        for m in sentence.matches(pattern, anchor, by_finder):
            s, e = m.span()
            if s == e or (taken and any(s < e0 and s0 < e for s0, e0 in taken)):
                continue
            if maybe is None:
                maybe = sentence.maybe_period()
            if not maybe:
                return []
            pm = _resolve(name, m, pub)
            if pm is None:
                continue
            taken.append((s, e))
            out.append(pm)
    if not out:
        return out
    out.sort(key=_start)
    return [_as_compared(sentence, p) for p in out]


_start = attrgetter("start")


_COMPARED_BEFORE = re.compile(
    r"(?:\b(?:compared\s+(?:to|with)|than|versus|vs\.?|against|relative\s+to|up\s+from|down\s+from|from)(?:\s+(?:in|that\s+of|the\s+level\s+of))?\s*)\Z",
    re.I,
)
_COMPARED_LAST = ("to", "with", "than", "versus", "vs", "vs.", "against", "from", "in", "of")
"""How what `_COMPARED_BEFORE` finds can end (folded, spaces after it aside): the regex
is run only on text that ends so."""


_CHANGE_NOUN = re.compile(
    r"\b(?:increase|rise|growth|decrease|decline|drop|fall|jump|gain|up|down)\b[^.;]*\Z", re.I
)
_ON = re.compile(r"on\s", re.I)
_IN_FOR = re.compile(r"(?:in|for|during|over)\s", re.I)


def _as_compared(sentence: _Sentence, p: PeriodMention) -> PeriodMention:
    """A period right after "than", "compared to", "up from" is the base of a change."""
    if p.role != "period" or p.period is None:
        return p
    text, lo = sentence.text, sentence.lo
    if _ON.match(p.text) and _CHANGE_NOUN.search(text, max(lo, p.start - 40), p.start):
        return PeriodMention(p.start, p.end, "compared", p.text, p.period, p.relative, p.years)
    a = max(lo, p.start - 30)
    if sentence.folded[a - sentence.base : p.start - sentence.base].rstrip(" ").endswith(
        _COMPARED_LAST
    ) and _COMPARED_BEFORE.search(text[a : p.start]):
        if _IN_FOR.match(p.text) and "from" in text[max(lo, p.start - 6) : p.start]:
            return p
        return PeriodMention(p.start, p.end, "compared", p.text, p.period, p.relative, p.years)
    return p


def _resolve(name: str, m: re.Match[str], pub: date | None) -> PeriodMention | None:
    g = m.groupdict()
    s, e, text = m.start(), m.end(), m.group(0).strip()
    # keep the span on the expression itself, not the leading space
    s += len(m.group(0)) - len(m.group(0).lstrip())

    def mention(
        role: Role, period: Period | None, relative: bool, years: int | None = None
    ) -> PeriodMention:
        return PeriodMention(s, e, role, text, period, relative, years)

    y: int | None  # the year of the expression, once read
    # the most frequent kinds are asked first: each test costs every kind after it
    if name == "year":
        y = int(g["y"])
        return mention(
            "period", _mk(date(y, 1, 1), date(y, 12, 31), PeriodKind.YEAR, False, text), False
        )
    if name == "rel_year":
        ref = g["y"].lower()
        if ref in ("the year", "the same year"):
            return None
        y, rel = _year_of(ref, pub)
        if y is None:
            return mention("period", None, True)
        return mention(
            "period", _mk(date(y, 1, 1), date(y, 12, 31), PeriodKind.YEAR, rel, text), rel
        )
    if name == "month_range":
        m1, m2 = _MONTHS[g["m1"].lower().rstrip(".")], _MONTHS[g["m2"].lower().rstrip(".")]
        if m2 < m1:
            return None
        y, rel = _year_of(g["y"], pub) if g["y"] else ((pub.year, True) if pub else (None, True))
        if y is None:
            return mention("period", None, rel)
        a, b = _months(y, m1, m2)
        kind = PeriodKind.YEAR_TO_DATE if m1 == 1 else PeriodKind.RANGE
        return mention("period", _mk(a, b, kind, rel, text), rel)
    if name in ("event_date", "numeric_date"):
        return mention("date", None, False)
    if name == "month_alone":
        mo = _MONTHS[g["m"].lower().rstrip(".")]
        if pub is None:
            return mention("period", None, True)
        y = pub.year if mo < pub.month else pub.year - 1
        a, b = _months(y, mo, mo)
        return mention("period", _mk(a, b, PeriodKind.MONTH, True, text), True)
    if name == "deadline":
        ref = g["y"].lower()
        if ref.isdigit():
            y, rel = int(ref), False
        elif pub is None:
            return mention("horizon", None, True)
        else:
            y, rel = (pub.year + 1 if "next" in ref else pub.year), True
        start = pub if pub is not None and pub.year <= y else date(y, 1, 1)
        return mention(
            "horizon", _mk(start, date(y, 12, 31), PeriodKind.OPEN_TARGET, rel, text), rel
        )
    if name == "same_period":
        y, rel = _year_of(g["y"], pub) if not g["y"].lower().startswith("a year") else (None, True)
        return mention(
            "same_period",
            None if y is None else _mk(date(y, 1, 1), date(y, 12, 31), PeriodKind.YEAR, rel, text),
            rel,
            None if y is not None else 1,
        )
    if name == "year_earlier":
        return mention("same_period", None, True, 1)
    if name == "the_period":
        return PeriodMention(s, e, "period", text, None, True, None, anaphoric=True)
    if name == "same_date":
        return PeriodMention(s, e, "period", text, None, True, None, anaphoric=True)
    if name == "at_edge":
        ref = g["y"].lower()
        y, rel = (int(ref), False) if ref.isdigit() else ((pub.year, True) if pub else (None, True))
        if y is None:
            return mention("period", None, True)
        d0 = date(y, 12, 31) if "end" in text.lower() else date(y, 1, 1)
        return mention("period", _mk(d0, d0, PeriodKind.POINT, rel, text), rel)
    if name == "yoy":
        return mention("compared", None, True)
    if name == "first_months":
        n = _n(g["n"])
        if not 1 <= n <= 12:
            return None
        if g["y"]:
            y, rel = _year_of(g["y"], pub)
        elif pub is not None:
            y, rel = (pub.year if pub.month > n else pub.year - 1), True
        else:
            y, rel = None, True
        if y is None:
            return mention("period", None, rel)
        a, b = _months(y, 1, n)
        return mention("period", _mk(a, b, PeriodKind.YEAR_TO_DATE, rel, text), rel)
    if name == "half":
        h = (
            1
            if (g.get("h") or g.get("h2") or g.get("h3") or "1").lower() in ("first", "1st", "1")
            else 2
        )
        ref = g.get("y") or g.get("y2")
        y, rel = _year_of(ref, pub) if ref else ((pub.year, True) if pub else (None, True))
        if y is None:
            return mention("period", None, rel)
        a, b = _months(y, 1, 6) if h == 1 else _months(y, 7, 12)
        return mention("period", _mk(a, b, PeriodKind.HALF, rel, text), rel)
    if name == "quarter":
        q = _ORD.get((g.get("q") or "").lower()) or int(g.get("q2") or 1)
        ref = g.get("y") or g.get("y2")
        y, rel = _year_of(ref, pub) if ref else ((pub.year, True) if pub else (None, True))
        if y is None:
            return mention("period", None, rel)
        a, b = _months(y, 3 * q - 2, 3 * q)
        return mention("period", _mk(a, b, PeriodKind.QUARTER, rel, text), rel)
    if name == "as_of":
        mon = g.get("m") or g.get("m2")
        day = g.get("d") or g.get("d2")
        if g.get("y"):
            y, rel = int(g["y"]), False
        elif g.get("m3") and _YREF_RE.fullmatch(g["m3"]):
            y, rel = _year_of(g["m3"], pub)
            if y is None:
                return mention("period", None, rel)
            d0 = date(y, 1, 1) if "beginning" in text or "start" in text else date(y, 12, 31)
            return mention("period", _mk(d0, d0, PeriodKind.POINT, rel, text), rel)
        elif pub is not None:
            y, rel = pub.year, True
        else:
            return mention("period", None, True)
        if g.get("m3"):
            mo = _MONTHS[g["m3"].lower().rstrip(".")]
            d0 = date(y, mo, 1) if "end" not in text else date(y, mo, _last_day(y, mo))
        else:
            if mon is None or day is None:
                return None
            mo = _MONTHS[mon.lower().rstrip(".")]
            try:
                d0 = date(y, mo, int(day))
            except ValueError:
                return None
            if rel and pub is not None and d0 > pub:
                d0 = d0.replace(year=y - 1)
        return mention("period", _mk(d0, d0, PeriodKind.POINT, rel, text), rel)
    if name == "since_start":
        ref = g.get("y")
        if ref and ref.isdigit():
            y = int(ref)
            end_ = pub if pub and pub.year == y else date(y, 12, 31)
            return mention(
                "period", _mk(date(y, 1, 1), end_, PeriodKind.YEAR_TO_DATE, False, text), False
            )
        if pub is None:
            return mention("period", None, True)
        return mention(
            "period", _mk(date(pub.year, 1, 1), pub, PeriodKind.YEAR_TO_DATE, True, text), True
        )
    if name == "deadline_month":
        mo = _MONTHS[g["m"].lower().rstrip(".")]
        if g.get("y"):
            y, rel = int(g["y"]), False
        elif pub is not None:
            y, rel = (pub.year if mo >= pub.month else pub.year + 1), True
        else:
            return mention("horizon", None, True)
        end_ = date(y, mo, _last_day(y, mo))
        start = pub if pub is not None and pub <= end_ else date(y, 1, 1)
        return mention("horizon", _mk(start, end_, PeriodKind.OPEN_TARGET, rel, text), rel)
    if name == "next_years":
        n = _n(g["n"])
        if pub is None or n == 0:
            return mention("horizon", None, True)
        return mention(
            "horizon",
            _mk(pub, date(pub.year + n, 12, 31), PeriodKind.OPEN_TARGET, True, text),
            True,
        )
    if name == "vague_horizon":
        return mention("horizon", None, False)
    if name == "past_years":
        w = g["n"].lower()
        n = 10 if w == "decade" else _n(w)
        return mention("duration", None, True, n or None)
    if name == "compared":
        y, rel = _year_of(g["y"], pub)
        p = None if y is None else _mk(date(y, 1, 1), date(y, 12, 31), PeriodKind.YEAR, rel, text)
        return mention("compared", p, rel)
    if name == "month_year":
        mo, y = _MONTHS[g["m"].lower().rstrip(".")], int(g["y"])
        a, b = _months(y, mo, mo)
        return mention("period", _mk(a, b, PeriodKind.MONTH, False, text), False)
    if name == "the_year":
        return PeriodMention(s, e, "period", text, None, True, None, anaphoric=True)
    if name == "rel_month":
        if pub is None:
            return mention("period", None, True)
        y, mo = pub.year, pub.month
        if "this" not in text.lower():
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        a, b = _months(y, mo, mo)
        return mention("period", _mk(a, b, PeriodKind.MONTH, True, text), True)
    if name == "next_year":
        if pub is None:
            return mention("horizon", None, True)
        y = pub.year + 1
        return mention(
            "horizon", _mk(date(y, 1, 1), date(y, 12, 31), PeriodKind.YEAR, True, text), True
        )
    if name == "since_year":
        y = int(g["y"])
        if pub is None or pub < date(y, 1, 1):
            # no date to run to, or none after the year: "since 2030" in a 2024 text
            return mention("duration", None, True, None)
        return mention("period", _mk(date(y, 1, 1), pub, PeriodKind.RANGE, True, text), True)
    if name == "year_range":
        y1, y2s = int(g["y1"]), g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 < y1:
            return None
        return mention(
            "period", _mk(date(y1, 1, 1), date(y2, 12, 31), PeriodKind.RANGE, False, text), False
        )
    return None
