"""Read the words around a figure: its metric, modality, scope, countries and source.

Every figure of a sentence asks the same questions of it (its segments and clauses, the
cues and countries it holds), and a claim-dense sentence has many figures: they are
answered once per sentence (`_Sentence`, made once in an extraction's memo scope), and a
figure looks up what it needs there. What is asked of the words near one figure runs
its patterns only where a match can start (`_literals.finder`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from kzuz_claims.extract import _memo
from kzuz_claims.extract._literals import (
    PatternSet,
    fold,
    folded_text,
    isword,
    longest_first,
    scan,
    scan_slice,
    search,
    search_slice,
)
from kzuz_claims.extract._memo import memoised
from kzuz_claims.extract.lexicon import Lexicon, MetricEntry
from kzuz_claims.extract.numbers import Figure
from kzuz_claims.model import Modality

_SEGMENT_BREAK = re.compile(r"[;:()\[\]—]|\s–\s|\s-\s")
_BREAK_MARK = re.compile(r"[;:()\[\]—–-]")
"""The characters of `_SEGMENT_BREAK` that are not whitespace: the engine skips to them."""
_UNIT_CLASS = {
    "money": "money",
    "count": "count",
    "percent": "percent",
    "percentage_point": "percent",
    "times": "times",
    "rank": "rank",
}
_CHANGE_UP = re.compile(
    r"\b(?:up|rose|rise|rising|risen|grew|grown|grow|growth|increased?|increasing|higher|more|gain(?:ed)?|jump(?:ed)?|surged?|climbed|added|expanded|boosted)\b",
    re.I,
)
_CHANGE_DOWN = re.compile(
    r"\b(?:down|fell|fall(?:en|ing)?|drop(?:ped)?|declined?|declining|decreased?|decreasing|lower|less|fewer|shrank|shrunk|contracted|slumped|plunged|slid|reduc(?:ed|tion))\b",
    re.I,
)
_ANAPHOR = re.compile(
    r"\b(?:(?:this|that|the same|such an?)\s+"
    r"(?:indicator|figure|volume|amount|level|mark|number|index|value)|the (?:indicator|figure)"
    # "it" as the subject ("it amounted to"), not after a preposition ("imports from it
    # came to", where "it" is a country)
    r"|(?<!from )(?<!to )(?<!into )(?<!with )(?<!of )"
    r"it(?=\s+(?:amounted|reached|totall?ed|was|stood|rose|grew|fell|came|hit|to\s+reach|will|would|is|could)))\b",
    re.I,
)


_NEW_CLAUSE = re.compile(
    r";|,\s*(?:and|while|but|whereas|which|who|where|with|as|so)\b|\s(?:while|whereas)\s"
)


_CLAUSE_MARK = re.compile(r"[,;]|wh(?:ile|ereas)")
"""Where a match of `_NEW_CLAUSE` can start: at , or ; and just before "while" or
"whereas" (the whitespace there), so the engine skips to them."""


def _clauses(text: str, a: int, b: int) -> list[re.Match[str]]:
    """list(_NEW_CLAUSE.finditer(text, a, b)), tried only where a match can start."""
    out: list[re.Match[str]] = []
    pos = a
    for mark in _CLAUSE_MARK.finditer(text, a, b):
        at = mark.start()
        if text[at] == "w":
            at -= 1
        if at < pos:
            continue
        m = _NEW_CLAUSE.match(text, at, b)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def new_clause(text: str, lo: int, hi: int) -> bool:
    """Whether a new clause begins in text[lo:hi] ("; ", ", and", ", while"...)."""
    return _NEW_CLAUSE.search(text, lo, hi) is not None


@dataclass(frozen=True, slots=True)
class MetricChoice:
    """The metric a figure measures, and what the choice rests on."""

    key: str
    entry: MetricEntry | None
    cue_start: int | None = None
    direction: str | None = None
    of: str | None = None
    change: str | None = None
    confidence: float = 0.9


def segment(text: str, lo: int, hi: int, pos: int) -> tuple[int, int]:
    """The stretch of the sentence around `pos` not broken by ; : brackets or dashes."""
    sents = _memo.table(_Sentence)
    sent: _Sentence | None = None if sents is None else sents.get((text, lo, hi))
    if sent is not None:  # its figures have asked already
        return sent.segment(pos)
    starts, ends = _segment_breaks(text, lo, hi)
    return _segment_of(starts, ends, lo, hi, pos)


def _segment_of(starts: list[int], ends: list[int], lo: int, hi: int, pos: int) -> tuple[int, int]:
    # the breaks are in order and do not overlap: the last that ends at or before `pos`
    # starts its segment, the first that starts at or after it ends the segment
    i = bisect_right(ends, pos)
    j = bisect_left(starts, pos)
    return (ends[i - 1] if i else lo), (starts[j] if j < len(starts) else hi)


def _segment_breaks(text: str, lo: int, hi: int) -> tuple[list[int], list[int]]:
    """Where text[lo:hi] breaks into segments (starts, ends): read once by the sentence's
    `_Sentence`, which every figure of it asks."""
    # the matches of _SEGMENT_BREAK: a mark, or a dash between whitespace
    starts: list[int] = []
    ends: list[int] = []
    for mark in _BREAK_MARK.finditer(text, lo, hi):
        at = end = mark.start()
        if text[at] in "–-":
            if at == lo or end + 2 > hi or not (text[at - 1].isspace() and text[at + 1].isspace()):
                continue
            at -= 1
            end += 2
        else:
            end += 1
        if not ends or at >= ends[-1]:
            starts.append(at)
            ends.append(end)
    return starts, ends


@cache
def _country_re(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    of: dict[str, str] = {}
    for code, names in lexicon.phrases.countries.items():
        for n in names:
            of[n.lower()] = code
    return re.compile(rf"\b(?:{longest_first(of)})(?![\w-])", re.I), of


@cache
def _longest_name(lexicon: Lexicon) -> int:
    """The length of the longest country name (a match of the country pattern)."""
    _, of = _country_re(lexicon)
    return max(map(len, of), default=0)


@cache
def _name_ends(lexicon: Lexicon) -> frozenset[str]:
    """The characters other than word characters that a country name ends with."""
    _, of = _country_re(lexicon)
    return frozenset(n[-1] for n in of if n and not isword(n[-1]))


def _may_end_name(ch: str, lexicon: Lexicon) -> bool:
    """Whether a country name may end with the character (a word or cased character, or
    the last character of a name), see `_Sentence.countries`."""
    return isword(ch) or ch.lower() != ch.upper() or ch in _name_ends(lexicon)


@cache
def _pair_re(lexicon: Lexicon) -> re.Pattern[str]:
    alt = "|".join(re.escape(p) for p in lexicon.phrases.pair.get("phrases", ()))
    return re.compile(rf"\b(?:{alt})\b", re.I)


def countries(text: str, lo: int, hi: int, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Country mentions in text[lo:hi] as (start, end, ISO code)."""
    return list(_countries(text, lo, hi, lexicon))


def _countries(text: str, lo: int, hi: int, lexicon: Lexicon) -> tuple[tuple[int, int, str], ...]:
    """The mentions of `countries`."""
    return tuple(c for c in _all_countries(text, lo, hi, lexicon) if c[2])


@memoised
def _all_countries(text: str, lo: int, hi: int, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Every match of the country pattern in text[lo:hi], with its code or "": computed
    once per stretch of text, as the same sentence is asked often."""
    pat, of = _country_re(lexicon)
    out = []
    for m in scan(pat, text, folded_text(text), lo, hi):
        word = m.group(0).lower().replace("’", "'")
        out.append((m.start(), m.end(), of.get(word, of.get(word.removesuffix("'s"), ""))))
    return out


@cache
def _neighbour_re(lexicon: Lexicon) -> re.Pattern[str] | None:
    words = lexicon.phrases.pair.get("neighbour", ())
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def neighbours(
    text: str, lo: int, hi: int, lexicon: Lexicon, since: int
) -> list[tuple[int, int, str]]:
    """Mentions of the pair's other country ("the neighbouring republic") in text[lo:hi],
    as (start, end, ISO code): the other of the first Kazakhstan or Uzbekistan named
    between `since` (the sentence start) and the mention."""
    pat = _neighbour_re(lexicon)
    if pat is None:
        return []
    out = []
    for m in pat.finditer(text, lo, hi):
        named = countries(text, since, m.start(), lexicon)
        first = next((c for _, _, c in named if c in _PAIR), None)
        if first is not None:
            out.append((m.start(), m.end(), _PAIR[1 - _PAIR.index(first)]))
    return out


_PAIR = ("KZ", "UZ")

_PRONOUN = re.compile(r"\b(?:from|to|into|with)\s+(it)\b", re.I)


def pronouns(
    text: str, lo: int, hi: int, lexicon: Lexicon, since: int
) -> list[tuple[int, int, str]]:
    """ "it" after a preposition in text[lo:hi], as (start, end, ISO code) of the last
    country named before it since `since` (the sentence start): "Kazakh exports to
    Uzbekistan and imports from it"."""
    out = []
    for m in _PRONOUN.finditer(text, lo, hi):
        named = countries(text, since, m.start(1), lexicon)
        if named:
            out.append((m.start(1), m.end(1), named[-1][2]))
    return out


@cache
def _region_re(lexicon: Lexicon) -> re.Pattern[str] | None:
    names = lexicon.phrases.regions.get("names", ())
    kinds = lexicon.phrases.regions.get("kinds", ())
    if not names and not kinds:
        return None
    parts = []  # "the Kostanay region" before "Kostanay"
    if kinds:
        kind = "|".join(re.escape(k) for k in kinds)
        parts.append(rf"\b(?:[A-Z][\w'-]+\s+|(?i:border)\s+)(?i:{kind})\b")
    if names:
        parts.append(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    return re.compile("|".join(parts))


@cache
def _rare_set(lexicon: Lexicon) -> PatternSet:
    """The region and neighbour patterns (those the lexicon has) as a shared pattern set:
    the shared prefilter tells, with what it reads of a sentence anyway, whether the
    sentence holds a string of each of their `requirements`. Few sentences name a region
    or "the neighbouring country", and the region pattern, which tells case only in part,
    has no start-string finder."""
    return PatternSet(p for p in (_region_re(lexicon), _neighbour_re(lexicon)) if p is not None)


_REGION_TAIL = re.compile(
    r"\s+(?:of\s+them\s+)?(?:(?:are|is|were|was)\s+)?(?:(?:located|based)\s+)?"
    r"(?:in|at)\s+(?:the\s+)?",
    re.I,
)


class _Tables(NamedTuple):
    """The lexicon's patterns that every sentence with figures is asked about, in one
    `PatternSet` so that one question tells which of them can match in it: the cue
    patterns, then the modality patterns (each in lexicon order, with what it signals).
    The scope and region patterns, asked for few figures, run where they can start
    (`scan`); the region pattern, which has no start-string finder, is first asked of
    the prefilter in a set of its own (`_rare_set`)."""

    patterns: PatternSet
    cue_owners: tuple[MetricEntry, ...]
    modality_owners: tuple[Modality, ...]
    starts: tuple[int, int, int]
    """Where each group starts (cues, modality), then the end."""


_CUES, _MODALITY = range(2)


@cache
def _tables(lexicon: Lexicon) -> _Tables:
    cues = [(entry, p) for entry in lexicon.metrics for p in entry.cue_res]
    modality = [(mod, p) for mod, pats in lexicon.phrases.modality_res.items() for p in pats]
    return _Tables(
        PatternSet([p for _, p in cues] + [p for _, p in modality]),
        tuple(entry for entry, _ in cues),
        tuple(mod for mod, _ in modality),
        (0, len(cues), len(cues) + len(modality)),
    )


_Cue = tuple[MetricEntry, int, int, int, float]
"""A cue in a sentence: (entry, start, end, entry.priority * 3, length * 0.1)."""


class _Sentence:
    """What the figures of the sentence text[lo:hi] ask of it, worked out once for all of
    them: its segments and clauses, its cues and countries, and which modality and scope
    patterns can match in it."""

    __slots__ = (
        "_anaphors",
        "_candidates",
        "_clause_starts",
        "_countries",
        "_cued",
        "_cues",
        "_directions",
        "_pair",
        "_products",
        "_qualified",
        "_rares",
        "_segments",
        "breaks",
        "folded",
        "hi",
        "lexicon",
        "lo",
        "text",
    )

    def __init__(self, text: str, lo: int, hi: int, lexicon: Lexicon) -> None:
        self.text = text
        self.lo = lo
        self.hi = hi
        self.lexicon = lexicon
        self.folded = folded_text(text)
        self.breaks = _segment_breaks(text, lo, hi)
        self._pair: bool | None = None
        self._candidates: tuple[list[int], list[int]] | None = None
        self._directions: dict[tuple[int, int, str, int], tuple[str | None, str | None]] = {}
        self._products: dict[tuple[int, int], str | None] = {}
        self._qualified: dict[tuple[int, int, int], bool] = {}
        self._cues: dict[int, list[_Cue]] = {}
        self._cued: dict[tuple[str, ...], list[_Cue]] = {}
        self._segments: dict[int, tuple[int, int]] = {}
        self._clause_starts: dict[int, int] = {}
        self._countries: tuple[list[int], list[int], list[tuple[int, int, str]]] | None = None
        self._anaphors: bool | None = None
        self._rares: tuple[re.Pattern[str], ...] | None = None

    def scan(self, pattern: re.Pattern[str], a: int, b: int) -> list[re.Match[str]]:
        """list(pattern.finditer(text, a, b))."""
        return scan(pattern, self.text, self.folded, a, b)

    def segment(self, pos: int) -> tuple[int, int]:
        found = self._segments.get(pos)
        if found is None:
            starts, ends = self.breaks
            found = self._segments[pos] = _segment_of(starts, ends, self.lo, self.hi, pos)
        return found

    def clause_start(self, pos: int) -> int:
        """Where the last clause that begins in the segment before `pos` begins, else
        where the segment begins."""
        found = self._clause_starts.get(pos)
        if found is None:
            s = self.segment(pos)[0]
            clauses = _clauses(self.text, s, pos)
            found = self._clause_starts[pos] = clauses[-1].end() if clauses else s
        return found

    def clause_end(self, pos: int, e: int) -> int:
        """Where the first clause that begins in text[pos:e] begins, else `e`."""
        clauses = _clauses(self.text, pos, e)
        return clauses[0].start() if clauses else e

    def comma_after(self, pos: int) -> int:
        """Where the first , or ; of text[pos:hi] is, else `hi`."""
        comma = self.text.find(",", pos, self.hi)
        semicolon = self.text.find(";", pos, self.hi)
        if comma < 0:
            return self.hi if semicolon < 0 else semicolon
        return comma if semicolon < 0 else min(comma, semicolon)

    def mentions_pair(self) -> bool:
        """Whether the sentence names the pair ("bilateral", "the two countries")."""
        if self._pair is None:
            pat = _pair_re(self.lexicon)
            self._pair = search(pat, self.text, self.folded, self.lo, self.hi) is not None
        return self._pair

    def _cues_of(self, i: int) -> list[_Cue]:
        """The cues the i-th pattern of `_tables` finds in the sentence: each is looked for
        only when a figure of its unit asks (or any cue will do)."""
        found = self._cues.get(i)
        if found is None:
            entry = _tables(self.lexicon).cue_owners[i]
            found = self._cues[i] = [
                (entry, m.start(), m.end(), entry.priority * 3, (m.end() - m.start()) * 0.1)
                for m in self.scan(_tables(self.lexicon).patterns.patterns[i], self.lo, self.hi)
            ]
        return found

    def cued(self, units: tuple[str, ...]) -> list[_Cue]:
        """The cues of the sentence, in order, of the metrics `_cued(lexicon, units)`."""
        found = self._cued.get(units)
        if found is None:
            wanted = _cued_ids(self.lexicon, units)
            owners = _tables(self.lexicon).cue_owners
            found = self._cued[units] = [
                cue
                for i in self.candidates(_CUES)
                if id(owners[i]) in wanted
                for cue in self._cues_of(i)
            ]
        return found

    def product(self, cs: int, ce: int) -> str | None:
        """`_product` of a flow cue: the figures it serves ask alike."""
        key = (cs, ce)
        if key not in self._products:
            self._products[key] = _product(self.text, cs, ce, self.lexicon)
        return self._products[key]

    def qualifies(self, k: int, entry: MetricEntry, s: int, e: int) -> bool:
        """Whether the segment text[s:e] has a context word of the count metric `entry`
        (the k-th of `_counted`) if it needs one, and none of its "unless" words."""
        key = (k, s, e)
        found = self._qualified.get(key)
        if found is None:
            text, folded = self.text, self.folded
            found = self._qualified[key] = not (
                entry.context_res
                and not any(search(p, text, folded, s, e) for p in entry.context_res)
            ) and not any(search(p, text, folded, s, e) for p in entry.unless_res)
        return found

    def candidates(self, group: int) -> list[int]:
        """The indices in `_tables` of the patterns of a group that can match in the
        sentence (`PatternSet.candidates`)."""
        if self._candidates is None:
            tables = _tables(self.lexicon)
            found = tables.patterns.candidates(self.text, self.lo, self.hi)
            cut = bisect_left(found, tables.starts[_MODALITY])
            self._candidates = found[:cut], found[cut:]
        return self._candidates[group]

    def may_refer_back(self, pos: int) -> bool:
        """Whether text[lo:pos] may hold a reference back (`_ANAPHOR`).

        Where the sentence holds none, text[lo:pos] holds none either, unless \\b holds
        at `pos` only because the stretch ends there: the pattern's lookbehinds read
        before its matches, and its lookahead can only fail for want of text."""
        if self._anaphors is None:
            self._anaphors = bool(self.scan(_ANAPHOR, self.lo, self.hi))
        text = self.text
        return (
            self._anaphors
            or pos > self.hi
            or (0 < pos < self.hi and isword(text[pos]) and isword(text[pos - 1]))
        )

    def may_name_region(self) -> bool:
        """Whether a stretch of the sentence may hold a match of the region pattern: a
        match holds a string of each of the pattern's requirements (`_rare_set`), and no
        stretch of a sentence that lacks them holds them."""
        return _region_re(self.lexicon) in self._rare()

    def may_name_neighbour(self) -> bool:
        """Whether a stretch of the sentence may hold a match of the neighbour pattern (as
        `may_name_region`)."""
        return _neighbour_re(self.lexicon) in self._rare()

    def _rare(self) -> tuple[re.Pattern[str], ...]:
        """The patterns of `_rare_set` that can match in the sentence."""
        if self._rares is None:
            rare = _rare_set(self.lexicon)
            self._rares = tuple(
                rare.patterns[i] for i in rare.candidates(self.text, self.lo, self.hi)
            )
        return self._rares

    def countries(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """`countries(text, a, b, lexicon)` for a stretch of the sentence.

        The country pattern is \\b, a name, then no word character or hyphen: it reads
        one character past a match, so a match of the sentence ending at `b` is the
        stretch's too; one ending at `b` in the stretch alone needs a name to end at
        b - 1 where a word character or hyphen follows. There, a match that starts
        further than the longest name before `b` reads nothing from `b` on and is the
        stretch's too, and the stretch's own are looked for after it. A match of the
        sentence that runs across `a` or `b` leaves the stretch's own to be found."""
        if a >= b:
            return []
        if self._countries is None:
            found = _all_countries(self.text, self.lo, self.hi, self.lexicon)
            self._countries = [c[0] for c in found], [c[1] for c in found], found
        starts, ends, found = self._countries
        text, lexicon = self.text, self.lexicon
        i = bisect_left(starts, a)
        if not (self.lo <= a and b <= self.hi) or (i and ends[i - 1] > a):
            return list(_countries(text, a, b, lexicon))
        cut = b  # the matches of the sentence that start before it are the stretch's
        if (
            b < self.hi
            and (isword(text[b]) or text[b] == "-")
            and _may_end_name(text[b - 1], lexicon)
        ):
            cut = max(a, b - _longest_name(lexicon) - 1)
        out = []
        while i < len(starts) and starts[i] < cut:
            if ends[i] > b:
                return list(_countries(text, a, b, lexicon))
            if found[i][2]:
                out.append(found[i])
            i += 1
        if cut < b:
            # the stretch goes on from the last match before `cut` (none crosses `a`)
            since = max(cut, ends[i - 1]) if i else cut
            out.extend(c for c in _all_countries(text, since, b, lexicon) if c[2])
        return out


def _sentence(text: str, lo: int, hi: int, lexicon: Lexicon) -> _Sentence:
    """The `_Sentence` of text[lo:hi], made once in a memo scope: in a table of its own,
    keyed without the lexicon (`segment` needs none), so that a first ask costs no more
    than a dictionary miss."""
    sents = _memo.table(_Sentence)
    if sents is None:
        return _Sentence(text, lo, hi, lexicon)
    key = (text, lo, hi)
    found: _Sentence | None = sents.get(key)
    if found is None or found.lexicon is not lexicon:
        found = sents[key] = _Sentence(text, lo, hi, lexicon)
    return found


def region(text: str, lo: int, hi: int, fig: Figure, lexicon: Lexicon) -> str | None:
    """The region or city a figure is restricted to, if its clause names one before it
    ("Jizzakh already hosts 46 companies") or right after it ("eight of them in border
    regions")."""
    pat = _region_re(lexicon)
    if pat is None:
        return None
    sent = _sentence(text, lo, hi, lexicon)
    if not sent.may_name_region():
        return None
    _, e = sent.segment(fig.start)
    clause_start = sent.clause_start(fig.start)
    found = _last(sent.scan(pat, clause_start, fig.start))
    if found is None:
        after = fig.noun_end or fig.end
        tail = _REGION_TAIL.match(text, after, e)
        found = pat.match(text, tail.end(), e) if tail else None
    return found.group(0) if found else None


def _last(matches: Iterable[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the loop keeps the last one
        pass
    return found


def mentions_pair(text: str, lo: int, hi: int, lexicon: Lexicon) -> bool:
    return _sentence(text, lo, hi, lexicon).mentions_pair()


def modality(text: str, lo: int, hi: int, fig: Figure, lexicon: Lexicon) -> Modality | None:
    """The nearest modality cue left of the figure in its segment, else the nearest right."""
    sent = _sentence(text, lo, hi, lexicon)
    candidates = sent.candidates(_MODALITY)
    if not candidates:
        return None
    tables = _tables(lexicon)
    patterns, start = tables.patterns.patterns, tables.starts[_MODALITY]
    owners = tables.modality_owners
    _, e = sent.segment(fig.start)
    # "23 are in the pipeline, and six were completed": the left reach stops at a new clause
    clause_start = sent.clause_start(fig.start)
    left_start = max(clause_start, fig.start - 110)
    best: tuple[int, int, Modality] | None = None
    left = text[left_start : fig.start]
    for i in candidates:
        found = scan_slice(patterns[i], sent.folded, left_start, fig.start, left)
        if found:
            # the last match ends last: only it can be the best of the pattern
            owner = owners[i - start]
            rank = 1 if owner == Modality.FORECAST else 0
            if best is None or (found[-1].end(), rank) > best[:2]:
                best = (found[-1].end(), rank, owner)
    if best is not None and best[2] != Modality.PLAN:
        return best[2]  # the words right of the figure would not change it
    right_end = sent.clause_end(fig.end, e)
    right = text[fig.end : right_end]
    right_hits: list[tuple[int, Modality]] = []
    for i in candidates:  # those that can match in the sentence
        p, owner = patterns[i], owners[i - start]
        if p.pattern.endswith("$") or (best is not None and owner != Modality.POTENTIAL):
            continue
        first = search_slice(p, sent.folded, fig.end, right_end, right)
        if first:
            right_hits.append((first.start(), owner))
    nearest = min(right_hits, key=lambda h: h[0]) if right_hits else None
    found_mod = best[2] if best is not None else nearest[1] if nearest else None
    if found_mod == Modality.PLAN and any(m == Modality.POTENTIAL for _, m in right_hits):
        # "another 17 projects, estimated at $1.1 billion, look promising": a plan the
        # clause calls promising is only a potential one
        return Modality.POTENTIAL
    return found_mod


def _after_comma(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] ends with a comma and whitespace (r",\\s*\\Z")."""
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi > lo and text[hi - 1] == ","


def scope(
    text: str, lo: int, hi: int, fig: Figure, entry: MetricEntry, lexicon: Lexicon
) -> str | None:
    """Status words of a scoped metric near the figure ("underway", "promising"...)."""
    if not entry.scoped:
        return None
    allowed = entry.scopes or tuple(lexicon.phrases.scope_res)
    if (
        "pipeline" in allowed
        and fig.modifiers
        and fig.modifiers[0]
        in (
            "more",
            "additional",
            "another",
            "further",
            "new",
            "extra",
        )
    ):
        return "pipeline"
    sent = _sentence(text, lo, hi, lexicon)
    _, e = sent.segment(fig.start)
    # "450 permanent jobs, and about 1,200 people during construction": status words
    # before the figure count only within its clause
    clause_start = sent.clause_start(fig.start)
    window_start = max(clause_start, fig.start - 40)
    if _after_comma(text, window_start, fig.start):
        # "Ten have been commissioned, 30 are being implemented": a figure right after
        # a comma opens its own item; the words before the comma are the last item's
        window_start = fig.start
    window_end = min(e, (fig.noun_end or fig.end) + 80)
    best: tuple[int, str] | None = None
    for sc, pats in lexicon.phrases.scope_res.items():
        if sc not in allowed:
            continue
        for p in pats:
            for m in sent.scan(p, window_start, window_end):
                # words after the next figure belong to it, not to this one
                d = fig.start - m.end() if m.end() <= fig.start else m.start() - fig.end
                if best is None or d < best[0]:
                    best = (d, sc)
    return best[1] if best else entry.default_scope


_CAPITAL_AFTER = re.compile(r"[\s-]*(?:capital|participation|owned|investors?|investment)", re.I)
_IN_BEFORE = re.compile(r"\bin\s+$")
_FROM_BEFORE = re.compile(r"\b(?:from|of)\s+$")
_TO_BEFORE = re.compile(r"\b(?:to|into|for|in)\s+$")
_LINKED = re.compile(r"\b(?:to|from|into|and|with|of)\b|[,;]", re.I)


def _direction(
    sent: _Sentence,
    cue_start: int,
    cue_end: int,
    flow: str,
    fig_start: int | None = None,
) -> tuple[str | None, str | None]:
    """(origin, destination) ISO codes for an exports/imports/capital cue.

    Only countries near the cue count: the words just before it ("Kazakh exports",
    "Uzbekistan's imports") and the stretch from it to the figure ("exports from
    Uzbekistan to Kazakhstan ... amounted to").
    """
    reach = max(cue_end + 45, fig_start or 0)
    key = (cue_start, cue_end, flow, reach)
    found = sent._directions.get(key)
    if found is None:
        found = sent._directions[key] = _read_direction(sent, cue_start, cue_end, flow, reach)
    return found


def _read_direction(
    sent: _Sentence, cue_start: int, cue_end: int, flow: str, reach: int
) -> tuple[str | None, str | None]:
    text = sent.text
    s, e = sent.segment(cue_start)
    a, b = max(s, cue_start - 40), min(e, reach)
    near = sorted(sent.countries(a, b) + _neighbours(sent, a, b) + _pronouns(sent, a, b))
    src = dst = None
    if flow == "capital":
        # "enterprises with Kazakh capital operating in Uzbekistan": the first
        # capital adjective after the cue, then the first "in X" after that
        for cs, ce, code in near:
            if cs < cue_start:
                continue
            if src is None and _CAPITAL_AFTER.match(text[ce : ce + 20]):
                src = code
            elif src is not None and dst is None and _IN_BEFORE.search(text[max(s, cs - 5) : cs]):
                dst = code
    else:
        for cs, ce, code in near:
            before = text[max(s, cs - 12) : cs].lower()
            if cs >= cue_end:
                if _FROM_BEFORE.search(before):
                    src = src or code
                elif _TO_BEFORE.search(before):
                    dst = dst or code
            elif ce <= cue_start:
                between = text[ce:cue_start]
                if len(between) <= 25 and not _LINKED.search(between):
                    if flow == "imports":
                        dst = dst or code
                    else:
                        src = src or code
    # "overall exports", "exports to all countries": a total, not a flow to the partner
    if (src is None or dst is None) and search(
        _TOTAL, text, sent.folded, max(s, cue_start - 20), min(e, cue_end + 25)
    ):
        return None, None
    # the side the text leaves out: a third country the clause names, else the pair's other
    pair = ("KZ", "UZ")
    thirds = [c for _, _, c in sent.countries(s, e) if c not in pair and c not in (src, dst)]
    if (src is None) != (dst is None):
        known = src or dst
        other = thirds[0] if thirds else (pair[1 - pair.index(known)] if known in pair else None)
        src, dst = (src, other) if dst is None else (other, dst)
    if src == dst:
        return None, None
    return src, dst


def _neighbours(sent: _Sentence, a: int, b: int) -> list[tuple[int, int, str]]:
    """`neighbours(text, a, b, lexicon, since=lo)` for a stretch of the sentence."""
    pat = _neighbour_re(sent.lexicon)
    if pat is None or not sent.may_name_neighbour():
        return []
    out = []
    for m in sent.scan(pat, a, b):
        named = sent.countries(sent.lo, m.start())
        first = next((c for _, _, c in named if c in _PAIR), None)
        if first is not None:
            out.append((m.start(), m.end(), _PAIR[1 - _PAIR.index(first)]))
    return out


def _pronouns(sent: _Sentence, a: int, b: int) -> list[tuple[int, int, str]]:
    """`pronouns(text, a, b, lexicon, since=lo)` for a stretch of the sentence."""
    out: list[tuple[int, int, str]] = []
    if sent.folded.find(" it", a, b) < 0:  # a match holds whitespace, then "it"
        return out
    for m in sent.scan(_PRONOUN, a, b):
        named = sent.countries(sent.lo, m.start(1))
        if named:
            out.append((m.start(1), m.end(1), named[-1][2]))
    return out


_TOTAL = re.compile(
    r"\b(?:overall|total|all countries|all partners|the world|worldwide|global|foreign)\b", re.I
)


def _best_cue(
    sent: _Sentence,
    fig: Figure,
    units: tuple[str, ...],
    within: tuple[int, int] | None = None,
) -> tuple[MetricEntry, int, int] | None:
    """The cue of the metrics of `units` nearest the figure: left of it preferred, then
    nearer, then higher priority, then longer, then first. Cues right of it stop at the
    next comma; `within`, where cues count."""
    cues = sent.cued(units)
    if not cues:
        return None
    right_end = -1  # the next comma, found when a cue right of the figure asks
    s, e = within or (sent.lo, sent.hi)
    fs, fe = fig.start, fig.end
    best: _Cue | None = None
    best_d = best_start = 0.0
    for cue in cues:
        _, start, end, p3, l01 = cue
        if start < s or end > e:
            continue
        if start >= fe:
            if right_end < 0:
                right_end = sent.comma_after(fe)
            if end > right_end:
                continue
        if end <= fs:
            d = float(fs - end)
        elif start >= fe:
            d = 40.0 + 2.0 * (start - fe)
        else:
            d = 0.0
        d = d - p3 - l01
        if best is None or d < best_d or (d == best_d and start < best_start):
            best, best_d, best_start = cue, d, start
    return None if best is None else (best[0], best[1], best[2])


@cache
def _cued(lexicon: Lexicon, units: tuple[str, ...]) -> tuple[MetricEntry, ...]:
    """The metrics of the lexicon with cue patterns whose unit is one of `units`."""
    return tuple(m for m in lexicon.metrics if m.unit in units and m.cue_res)


@cache
def _cued_ids(lexicon: Lexicon, units: tuple[str, ...]) -> frozenset[int]:
    """The identities of `_cued(lexicon, units)` (an entry hashes all its fields)."""
    return frozenset(id(m) for m in _cued(lexicon, units))


Previous = str | None | Callable[[], str | None]
"""The metric the text was last about, or a function that reads it when it is needed."""


def _read(previous: Previous) -> str | None:
    return previous() if callable(previous) else previous


_WORDS = re.compile(r"[a-z]+")


def choose_metric(
    text: str, lo: int, hi: int, fig: Figure, lexicon: Lexicon, previous: Previous
) -> MetricChoice | None:
    """The metric of a figure from the cues of the sentence text[lo:hi]; `previous` is
    read only when the sentence refers back ("it", "the figure") or names no metric."""
    cls = _UNIT_CLASS.get(fig.kind, fig.kind)
    if cls == "rank":
        after = text[fig.end : min(hi, fig.end + 40)].lower()
        of = "trade_partner" if "partner" in after else (_WORDS.findall(after)[:2] or ["rank"])[-1]
        return MetricChoice("rank", lexicon.entry("rank"), of=of)
    sent = _sentence(text, lo, hi, lexicon)
    if cls == "count":
        return _count_metric(sent, fig)
    if cls in ("percent", "times"):
        return _change_metric(sent, fig, previous)
    s, e = sent.segment(fig.start)
    if cls == "mass":
        product = _product_after(text, fig.end, lexicon) or _flow_product(
            text, s, fig.start, lexicon
        )
        if product is not None:
            return MetricChoice("category_trade", None, of=product, confidence=0.7)
    units = (cls, "any")
    hit = _best_cue(sent, fig, units, within=(s, e)) or _best_cue(sent, fig, units)
    anaphor = _anaphor(sent, fig.start) if previous is not None else None
    earlier = _read(previous) if anaphor and (not hit or hit[1] < anaphor.start()) else None
    if anaphor and earlier:
        entry = lexicon.entry(earlier)
        # "It will shorten the route by 90 km" after a tonnage: not the same measure
        if entry is None or entry.unit in (cls, "any"):
            return MetricChoice(earlier, entry, cue_start=anaphor.start(), confidence=0.7)
    if not hit:
        partner = _partner_country(text, lo, fig, lexicon) if cls == "money" else None
        # the metric with a third-country variant is the one partner lists report
        trade = _partner_listed(lexicon)
        if partner is not None and trade is not None:
            if partner in ("KZ", "UZ"):
                return MetricChoice(trade.key, trade, confidence=0.6)
            third = lexicon.entry(trade.third) if trade.third else None
            return MetricChoice(trade.third or trade.key, third, confidence=0.6)
        return None
    entry, cs, ce = hit
    return _finish(sent, fig, entry, cs, ce)


def _anaphor(sent: _Sentence, pos: int) -> re.Match[str] | None:
    """The last reference back ("it", "the figure") in text[lo:pos]."""
    if not sent.may_refer_back(pos):
        return None
    return _last(sent.scan(_ANAPHOR, sent.lo, pos))


@cache
def _partner_listed(lexicon: Lexicon) -> MetricEntry | None:
    """The first metric with a third-country variant: the one partner lists report."""
    return next((m for m in lexicon.metrics if m.third), None)


@cache
def _product_re(lexicon: Lexicon) -> re.Pattern[str]:
    words = sorted(lexicon.phrases.products.get("words", ()), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


_FLOW_WORD = re.compile(
    r"\b(?:export\w*|import\w*|ship\w*|suppl\w*|deliver\w*|sen[dt]\w*|sold|sales)\b", re.I
)
_OF = re.compile(r"\s+of\s+")


def _product_after(text: str, end: int, lexicon: Lexicon) -> str | None:
    """ "600,000 tonnes of wheat" shipped or exported: the product named after the figure."""
    m = _OF.match(text[end : end + 40])
    if not m:
        return None
    found = _product_within(text, end + m.end(), lexicon)
    if found is None:
        return None
    around = text[max(0, end - 80) : end + 80]
    return found.group(1).lower() if _FLOW_WORD.search(around) else None


def _flow_product(text: str, s: int, pos: int, lexicon: Lexicon) -> str | None:
    """ "Grain shipments to Uzbekistan rose to 1 million tonnes": product before a flow word."""
    for m in _FLOW_WORD.finditer(text, s, pos):
        product = _product(text, m.start(), m.end(), lexicon)
        if product is not None:
            return product
    return None


_WORD = re.compile(r"[\w-]+")
_PRODUCT_LINK = re.compile(r"\s+(?:(?:each other|one another)\s+(?:with\s+)?|of\s+|with\s+)")


def _product(text: str, cs: int, ce: int, lexicon: Lexicon) -> str | None:
    """The product a flow cue is about: "wheat exports", "shipments of cement"."""
    pat = _product_re(lexicon)
    before = text[max(0, cs - 40) : cs]
    joined = " ".join(_WORD.findall(before)[-3:])
    named = search(pat, joined, fold(joined), 0, len(joined))
    if named:
        return named.group(1).lower()
    after = _PRODUCT_LINK.match(text[ce : ce + 50])
    if after:
        named = _product_within(text, ce + after.end(), lexicon)
        if named:
            return named.group(1).lower()
    return None


_WORD_AND_SPACE = re.compile(r"[\w-]+\s+")


def _product_within(text: str, pos: int, lexicon: Lexicon) -> re.Match[str] | None:
    """A product named at `pos` or after up to two other words ("of Uzbek fresh fruit")."""
    pat = _product_re(lexicon)
    for _ in range(3):
        named = pat.match(text, pos)
        if named is not None:
            return named
        word = _WORD_AND_SPACE.match(text, pos)
        if word is None:
            return None
        pos = word.end()
    return None


_PARTNER_TAILS = (
    re.compile(r"\s*(?:[–—:-]|,?\s*with|\([^)]*\))\s*"),
    re.compile(r"\s+(?:remained|was|is|became|stayed|ranked)\b[^,;$]{0,40}\bpartner\s+with\s*"),
    re.compile(
        r"\s+(?:held|holds|took|takes|came|comes|followed|follows|ranked|ranks|was|is)"
        r"\b[^,;$]{0,30}?\s*with\s*"
    ),
)


_PARTNER_TAIL_ENDS = frozenset("–—:-)h")
"""The last character before the whitespace that ends a match of `_PARTNER_TAILS` (a
dash or colon, the bracket, or "with"): a figure after any other cannot be a partner's."""


def _partner_country(text: str, lo: int, fig: Figure, lexicon: Lexicon) -> str | None:
    """The country a figure belongs to in a list of partners: "Russia – $5.1bn"."""
    a = max(lo, fig.start - 60)
    left = text[a : fig.start]
    if left.rstrip()[-1:] not in _PARTNER_TAIL_ENDS:
        return None  # no tail ends at the figure: the countries need not be looked for
    pat, of = _country_re(lexicon)
    for m in scan_slice(pat, folded_text(text), a, fig.start, left):
        tail = left[m.end() :]
        if any(p.fullmatch(tail) for p in _PARTNER_TAILS):
            word = m.group(0).lower().replace("’", "'")
            return of.get(word, of.get(word.removesuffix("'s")))
    return None


def _finish(sent: _Sentence, fig: Figure, entry: MetricEntry, cs: int, ce: int) -> MetricChoice:
    text, lexicon = sent.text, sent.lexicon
    key = entry.key
    direction = None
    if (
        entry.flow in ("exports", "imports")
        and entry.unit == "money"
        and entry.key.startswith("exports_")
    ):
        product = sent.product(cs, ce)
        if product is not None:
            src, dst = _direction(sent, cs, ce, entry.flow, fig.start)
            flow = f"{src}->{dst}" if src and dst else None
            return MetricChoice("category_trade", None, cue_start=cs, direction=flow, of=product)
    if entry.flow:
        src, dst = _direction(sent, cs, ce, entry.flow, fig.start)
        if src and dst and "{src}" in key:
            key = key.format(src=src.lower(), dst=dst.lower())
            direction = f"{src}->{dst}"
        elif src and dst:
            direction = f"{src}->{dst}"
        elif "{src}" in key:
            return MetricChoice(f"unclassified:{entry.flow}", None, cue_start=cs, confidence=0.5)
    if entry.third:
        partner = _partner_country(text, sent.lo, fig, lexicon)
        if partner in ("KZ", "UZ"):
            return MetricChoice(key, entry, cue_start=cs)
        if partner is not None:
            return MetricChoice(
                entry.third, lexicon.entry(entry.third), cue_start=cs, confidence=0.7
            )
        a, b = sorted((cs, fig.start))
        s, e = sent.segment(fig.start)
        others = {c for _, _, c in sent.countries(max(s, a - 40), min(e, b + 40))} - {"KZ", "UZ"}
        named = [c for _, _, c in sent.countries(s, e)]
        reporters = [c for _, _, c in sent.countries(s, cs) if c not in _PAIR]
        if others or (reporters and len(set(named) & set(_PAIR)) == 1):
            # "Chinese customs, which report in yuan, put their trade with Kazakhstan at
            # 294 billion yuan": a third country's trade with one of the pair
            third = lexicon.entry(entry.third)
            return MetricChoice(entry.third, third, cue_start=cs, confidence=0.7)
    return MetricChoice(key, entry, cue_start=cs, direction=direction)


@cache
def _counted(lexicon: Lexicon) -> tuple[tuple[MetricEntry, frozenset[str], tuple[str, ...]], ...]:
    """The count metrics of the lexicon that name the nouns they count, with the nouns
    and those of several words."""
    return tuple(
        (m, frozenset(m.nouns), tuple(n for n in m.nouns if " " in n))
        for m in lexicon.metrics
        if m.unit == "count" and m.nouns
    )


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _count_metric(sent: _Sentence, fig: Figure) -> MetricChoice | None:
    noun = (fig.noun or "").lower()
    head = noun.split()[-1] if noun else ""
    best: tuple[int, MetricEntry] | None = None
    s, e = sent.segment(fig.start)
    for k, (entry, nouns, several) in enumerate(_counted(sent.lexicon)):
        named = noun.endswith(several)
        if (head not in nouns and not named) or not sent.qualifies(k, entry, s, e):
            continue
        rank = entry.priority + (2 if named else 0)
        if best is None or rank > best[0]:
            best = (rank, entry)
    if best is None:
        slug = _NOT_SLUG.sub("_", noun).strip("_") or "count"
        return MetricChoice(f"unclassified:{slug}", None, confidence=0.6)
    entry = best[1]
    if entry.flow:
        choice = _finish(sent, fig, entry, fig.start, fig.end)
        if choice.key.startswith("unclassified:"):
            slug = _NOT_SLUG.sub("_", noun).strip("_")
            return MetricChoice(f"unclassified:{slug}", None, confidence=0.6)
        return choice
    return MetricChoice(entry.key, entry)


_AS_MUCH = re.compile(r"\s+as\s+(?:much|many|large|big|high|great)\b")
_MADE_UP = re.compile(r"\b(?:make|makes|made|making)\s+up\s*\Z", re.I)
_BY_BEFORE = re.compile(r"\b(?:by|up|down|plus|minus)\s*\Z", re.I)
_CHANGE_AFTER = re.compile(r"\s*(?:more|less|higher|lower|up|down|year[- ]on[- ]year|y/y)\b", re.I)
_CHANGE_WORD_AFTER = re.compile(
    r"\s*(?:year[- ]on[- ]year\s+|annual\s+)?"
    r"(?:rise|increase|growth|decline|drop|fall|decrease|jump|gain|surge|slump|reduction)",
    re.I,
)
_PAREN_AFTER_AMOUNT = re.compile(r"\d\s*(?:bn|billion|million|mln|[a-z]+)?\s*\(\s*$", re.I)
_TO_END = re.compile(r"\bto\s*\Z")
_SHARE_BEFORE = re.compile(
    r"\b(?:share|account(?:s|ed|ing)? for|makes? up|made up|bulk|majority|most)\b", re.I
)
_SHARE_AFTER = re.compile(r"\s*(?:share|of)\b", re.I)
_WHOLE = re.compile(
    r"\s*(?:share\s+)?of\s+((?:[\w'’-]+\s+){0,4}?(?:trade|turnover|exports|imports|total|GDP|supplies|shipments)\w*)",
    re.I,
)


def _change_metric(sent: _Sentence, fig: Figure, previous: Previous) -> MetricChoice:
    """growth_rate / growth_multiple / share, with `of` the metric they refer to."""
    text, lexicon, lo = sent.text, sent.lexicon, sent.lo
    s, e = sent.segment(fig.start)
    hit = _best_cue(sent, fig, ("money",))
    of: str | None = None
    if hit:
        entry, cs, ce = hit
        of = _finish(sent, fig, entry, cs, ce).key
    else:
        of = _read(previous)
    if fig.kind == "times":
        if _AS_MUCH.match(text[fig.end : fig.end + 20]):
            # "buying twice as much from it": a comparison of two amounts, not a growth
            return MetricChoice("unclassified:comparison", None, of=of, confidence=0.5)
        return MetricChoice(
            "growth_multiple",
            lexicon.entry("growth_multiple"),
            of=of,
            change="up" if fig.value >= 1 else "down",
        )
    near_left = text[max(s, fig.start - 30) : fig.start]
    near_right = text[fig.end : min(e, fig.end + 40)]
    seg_left = text[s : fig.start]
    made_up = _MADE_UP.search(near_left)
    if (
        (_BY_BEFORE.search(near_left) and not made_up)
        or _CHANGE_AFTER.match(near_right)
        or _CHANGE_WORD_AFTER.match(near_right)
    ):
        change = (
            _change_direction(sent, max(s, fig.start - 30), min(e, fig.end + 40), fig)
            or _change_direction(sent, max(s, fig.start - 60), min(e, fig.end + 40), fig)
            or "up"
        )
        return MetricChoice("growth_rate", lexicon.entry("growth_rate"), of=of, change=change)
    paren_after_amount = _PAREN_AFTER_AMOUNT.search(text[max(lo, fig.start - 25) : fig.start])
    level_after_change = _TO_END.search(near_left) and (
        _CHANGE_UP.search(seg_left) or _CHANGE_DOWN.search(seg_left)
    )
    if (
        paren_after_amount
        or level_after_change
        or _SHARE_BEFORE.search(seg_left)
        or _SHARE_AFTER.match(near_right)
    ):
        whole = _WHOLE.match(near_right)
        share_of = whole.group(1).strip().lower().replace(" ", "_") if whole else of
        return MetricChoice("share", lexicon.entry("share"), of=share_of)
    nearby = _change_direction(sent, max(s, fig.start - 60), min(e, fig.end + 40), fig)
    if nearby is not None:
        return MetricChoice("growth_rate", lexicon.entry("growth_rate"), of=of, change=nearby)
    if fig.kind == "percentage_point":
        return MetricChoice("growth_rate", lexicon.entry("growth_rate"), of=of, confidence=0.6)
    return MetricChoice("unclassified:percent", None, of=of, confidence=0.5)


def _change_direction(sent: _Sentence, a: int, b: int, fig: Figure) -> str | None:
    """ "up" or "down" from the change word in text[a:b] nearest the figure, or None."""
    best: tuple[int, str] | None = None
    for pat, direction in ((_CHANGE_UP, "up"), (_CHANGE_DOWN, "down")):
        for m in sent.scan(pat, a, b):
            d = fig.start - m.end() if m.end() <= fig.start else max(0, m.start() - fig.end)
            if best is None or d < best[0]:
                best = (d, direction)
    return best[1] if best else None


_SAYS = "said|says|noted|stated|emphasized|emphasised|stressed|told|announced|reported"
_ATTR_PATTERNS = [
    re.compile(
        r"\baccording to (?:the )?((?:[A-Z][\w’'.-]*|of|the|and|for|on)"
        r"(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|for|on))*)"
    ),
    re.compile(rf"\b(?:{_SAYS})\s+((?:[A-Z][\w’'-]+\s?){{2,3}})"),
    re.compile(rf"((?:[A-Z][\w’'-]+\s){{1,2}}[A-Z][\w’'-]+)\s+(?:{_SAYS})\b"),
    re.compile(
        r"\b(?:as reported by|reported by|citing|cites|quoted by|according to)\s+(?:the\s+)?"
        r"([\w.’'-]+(?:\s+[A-Z][\w.’'-]+)*)"
    ),
    re.compile(r"((?:[A-Z][\w.’'-]+\s?){1,4})\s+reports?\b"),
]
_ATTR_WORDS: tuple[re.Pattern[str] | None, ...] = (
    None,
    None,
    re.compile(_SAYS),
    None,
    re.compile("report"),
)
"""For each attribution pattern whose matches are name characters and whitespace up to a
word (a name, then "said"; names, then "reports"), that word in folded text: see
`_names_then`."""

_NOT_IN_NAME = re.compile(r"[^\w.’'\s-]")
"""A character that the names and whitespace before the word of `_ATTR_WORDS` never hold."""


def _names_then(
    pattern: re.Pattern[str], word: re.Pattern[str], text: str, folded: str, lo: int, hi: int
) -> re.Match[str] | None:
    """pattern.search(text, lo, hi) for a pattern of `_ATTR_WORDS` and its word.

    Such a pattern would be tried at every capital letter. But a match holds its word
    after a run of name characters and whitespace, and the first place of the word
    comes at or before it: a match cannot start before the last character before that
    place that no name holds, so the search starts after it."""
    first = word.search(folded, lo, hi)
    if first is None:
        return None
    start = lo
    for m in _NOT_IN_NAME.finditer(text, lo, first.start()):
        start = m.end()
    return pattern.search(text, start, hi)


def prepare(lexicon: Lexicon) -> None:
    """Make the shared pattern sets of this module (see `_literals.share_all`)."""
    _tables(lexicon)
    _rare_set(lexicon)
    _attribution_set()


@cache
def _attribution_set() -> PatternSet:
    """The attribution patterns as a shared pattern set: the shared prefilter, which has
    read the sentence for the other readers already, tells which of them can match (most
    sentences cite nobody)."""
    return PatternSet(_ATTR_PATTERNS)


def attribution(text: str, lo: int, hi: int) -> str | None:
    """Who a sentence cites: "according to X", "said X", "X reports", "citing X"."""
    patterns = _attribution_set()
    folded = folded_text(text)
    for i in patterns.candidates(text, lo, hi):
        word = _ATTR_WORDS[i]
        if word is None:
            m = search(patterns.patterns[i], text, folded, lo, hi)
        else:
            m = _names_then(patterns.patterns[i], word, text, folded, lo, hi)
        if m:
            who = m.group(1).strip(" ,.")
            if who and who.lower() not in ("the", "he", "she", "it", "they"):
                return who
    return None
