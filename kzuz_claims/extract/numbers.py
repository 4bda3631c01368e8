"""Find the figures in a sentence: money, counts, percents, multiples, ranks, units.

`scan(text, start, end, masked)` returns `Figure`s with offsets into `text`. It knows
nothing of metrics or periods; it only reads numbers and the words glued to them
(currency, scale, unit, counted noun, hedge word). Spans in `masked` (dates, period
expressions, URLs) are never read as figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import overload

from kzuz_claims.extract import _literals, _memo
from kzuz_claims.extract._literals import (
    Alternatives,
    PatternSet,
    fold,
    folded_text,
    holding,
    longest_first,
)
from kzuz_claims.extract._tails import EndSearch, PhraseBefore
from kzuz_claims.extract.lexicon import Lexicon, load_lexicon
from kzuz_claims.model import Qualifier

_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,496.2  13,300
    r"|\d+,\d{1,2}(?=\s?(?:{scales})\b)"  # 1,1 billion (comma decimal)
    r"|\d{1,3}(?:[\u00a0\u2009\u202f ]\d{3})+(?:\.\d+)?(?![\d,.]\d|\s?%)"  # 5 700  4 438.6
    r"|\d+(?:\.\d+)?)"
)
_DIGITS_REST = (
    r"(?:\d*+(?![,\u00a0\u2009\u202f ]\d)(?:\.\d+)?"  # no comma or space, then a digit
    r"|\d{0,2}(?:,\d{3})+(?:\.\d+)?"
    r"|\d*,\d{1,2}(?=\s?(?:{scales})\b)"
    r"|\d{0,2}(?:[\u00a0\u2009\u202f ]\d{3})+(?:\.\d+)?(?![\d,.]\d|\s?%)"
    r"|\d*(?:\.\d+)?)"
)
"""`_DIGITS` after its first digit: the same matches, tried in the same order. Its first
alternative gives at once what the last gives where the run of digits is not followed by a
comma or a space and a digit (most numbers), where the others cannot match: each of them
needs one there."""
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
PAGE_NOISE = (
    r"https?://\S+|www\.\S+|\b[\w.-]+@[\w-]+\.\w+\b|\b[\w-]+\.(?:kz|uz|ru|com|org|net|gov|info)\b(?:/\S*)?"
    r"|\+\d[\d\s()-]{7,}\d|\b\d+(?:st|nd|rd|th)\b|\b(?:No|no|Nr|#)\.?\s?\d+\b"
    r"|\b[A-Za-z]+-\d+\b|\b(?:COVID|Covid|G|C)\d+\b|\b\d+\s*min(?:ute)?s?\s+read\b"
)
"""Digits that are never figures: links, e-mail and web addresses, international phone
numbers, ordinals, "No. 5", "F-16", "G20", "2 min read". Both the claim pipeline and
the quantity API mask these before `scan`."""


class Masks(Sequence[tuple[int, int]]):
    """Spans `scan` never reads as figures: the given ones, and the matches of `noise`
    (page noise) in text[lo:hi], which are found only when first asked for: most
    sentences hold no number to check against them."""

    def __init__(
        self,
        spans: Sequence[tuple[int, int]],
        noise: Alternatives,
        text: str,
        lo: int,
        hi: int,
    ) -> None:
        self._given = spans
        self._noise = (noise, text, lo, hi)
        self._spans: list[tuple[int, int]] | None = None

    def spans(self) -> list[tuple[int, int]]:
        """All the spans, in a list `scan` reads (and must not change)."""
        if self._spans is None:
            noise, text, lo, hi = self._noise
            spans = self._spans = list(self._given)
            for m in noise.finditer(text, lo, hi):
                spans.append(m.span())
        return self._spans

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[int, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | Sequence[tuple[int, int]]:
        return self.spans()[index]

    def __len__(self) -> int:
        return len(self.spans())

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.spans())


_MULTIPLE_VERBS: dict[str, Decimal] = {
    "doubled": Decimal(2),
    "doubling": Decimal(2),
    "double": Decimal(2),
    "twice": Decimal(2),
    "twofold": Decimal(2),
    "two-fold": Decimal(2),
    "tripled": Decimal(3),
    "trebled": Decimal(3),
    "tripling": Decimal(3),
    "triple": Decimal(3),
    "threefold": Decimal(3),
    "three-fold": Decimal(3),
    "quadrupled": Decimal(4),
    "fourfold": Decimal(4),
    "four-fold": Decimal(4),
    "halved": Decimal("0.5"),
}
_SYMBOL = r"(?:US\$|\$|€|₸|₽)?"
_RANGE_TO = re.compile(
    rf"\s?(?:–|—|-|to)\s?{_SYMBOL}\s?("
    + _DIGITS.replace("{scales}", "bn|billion|million|mln")
    + ")"
)
_RANGE_AND = re.compile(
    rf"\s+and\s+{_SYMBOL}\s?(" + _DIGITS.replace("{scales}", "bn|billion") + ")"
)
_MULTIPLE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(k) for k in _MULTIPLE_VERBS) + r")(?![\w-])",
    re.IGNORECASE,
)
_TIME_NOUNS = {
    "year",
    "years",
    "month",
    "months",
    "day",
    "days",
    "week",
    "weeks",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "times",
    "time",
    "quarter",
    "quarters",
    "am",
    "pm",
    "percent",
    "per",
    "cent",
}
_PAIR_NOUNS = {
    "countries",
    "country",
    "sides",
    "side",
    "nations",
    "nation",
    "states",
    "parties",
    "governments",
    "presidents",
    "leaders",
    "heads",
    "ministers",
    "delegations",
    "peoples",
    "neighbours",
    "neighbors",
    "republics",
    "capitals",
    "parts",
    "ways",
    "things",
    "of",
}
_STOP = {
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "by",
    "for",
    "into",
    "onto",
    "under",
    "over",
    "between",
    "among",
    "across",
    "through",
    "during",
    "worth",
    "valued",
    "including",
    "per",
    "and",
    "or",
    "but",
    "while",
    "whereas",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whose",
    "where",
    "when",
    "are",
    "is",
    "were",
    "was",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "be",
    "been",
    "being",
    "also",
    "already",
    "still",
    "now",
    "today",
    "currently",
    "annually",
    "respectively",
    "each",
    "as",
    "than",
    "more",
    "less",
    "about",
    "around",
    "up",
    "down",
    "its",
    "their",
    "our",
    "his",
    "her",
    "it",
    "they",
    "we",
    "he",
    "she",
    "not",
    "only",
    "just",
    "so",
    "such",
    "via",
    "totaling",
    "totalling",
    "amounting",
    "costing",
    "since",
    "until",
    "after",
    "before",
    "out",
}
_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|these|those)\s+(?=[a-z])")
"""An "of the" between a number and a lower-case noun: a part of a set named after."""
_ANAPHOR_HEADS = {"them", "these", "those", "which"}
_THRESHOLD_NOUNS = {"mark", "threshold", "milestone", "barrier"}
"""Words after a number that name no counted thing: "firms pass 1,100 mark"."""
_BACK_AFTER = re.compile(
    r"\s+(?:of\s+(?:them|these|those|which)|more\s+(?:are|were|have|will)|(?:are|were|have|had|was|is)\b)",
    re.I,
)
_BACK_OF = re.compile(r"\s+of\s+(?:them|these|those|which)", re.I)
_BACK_BEFORE = re.compile(
    r"(?:\b(?P<change>(?:up|down|increased|decreased|rose|grew|fell|declined|dropped|added)\s+by"
    r"|a\s+further|an\s+additional)"
    r"|\b(?P<from>(?:up|down)\s+from|from|against|compared\s+(?:to|with)|versus)"
    r"|\b(?P<noun>(?:number|list|count|total)\s+of\s+(?:[\w-]+\s+){1,8}?"
    r"(?:to|at|was|is|were|stood\s+at|reached|totall?ed|rose\s+to|grew\s+to|came\s+to))"
    r"|\b(?P<subject>numbered|number))"
    r"\s+(?:just\s+under\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?\Z",
    re.I,
)


_PAIR_END = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+|nearly\s+)?\d[\d,.]*(?![\d,.]*\s*(?:%|per\s*cent|percent))"
    r"[^.;:]{0,60}?\bto\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?\Z",
    re.I,
)
"""The "to" that ends a "from N ... to" pair of counts: the second count counts what
the first does."""


def _last_words(finals: Sequence[str], hedges: Sequence[str]) -> re.Pattern[str]:
    """Whether a stretch can end as `_BACK_BEFORE` or `_PAIR_END` must: with one of the
    `finals` (a whole word), whitespace, perhaps one of the `hedges`, and whitespace.

    It is matched at the start of the stretch reversed, which fails at once where the
    stretch does not end so, while those patterns would be tried at every position."""

    def backwards(phrase: str) -> str:
        return r"\s+".join(re.escape(word[::-1]) for word in reversed(phrase.split()))

    return re.compile(
        rf"\s+(?:(?:{'|'.join(map(backwards, hedges))})\s+)?"
        rf"(?:{'|'.join(map(backwards, finals))})(?!\w)",
        re.I,
    )


_BACK_BEFORE_END = _last_words(
    [
        *("by", "further", "additional", "from", "against", "to", "with", "versus", "at"),
        *("was", "is", "were", "reached", "totaled", "totalled", "numbered", "number"),
    ],
    ["just under", "about", "around", "nearly", "almost", "over", "more than"],
)
_PAIR_END_END = _last_words(["to"], ["about", "around", "nearly", "almost", "over"])


def _refers_back(text: str, lo: int, start: int, ne: int, hi: int) -> tuple[str, int] | None:
    """Why a number with no counted noun still counts something said before.

    "Fourteen of them", "27 more are", "six were completed" (the last noun counted),
    "up by 134" (a change), "up from 613" (the same thing earlier), "the number of
    firms ... stood at 1,000" (the noun stands before the number), "enterprises with
    Uzbek capital numbered 455" (the subject is what is counted).
    """
    at = max(lo, start - 90)
    backwards = text[at:start][::-1]
    before = (
        _search_slice(_BACK_BEFORE, text, at, start) if _BACK_BEFORE_END.match(backwards) else None
    )
    if before is not None:
        kind = next(k for k in ("change", "from", "noun", "subject") if before.group(k))
        return kind, ne
    if _PAIR_END_END.match(backwards) and _search(_PAIR_END, text, at, start):
        return "from", ne  # "rose from 958 at the start of the year to 1,131"
    if _BACK_AFTER.match(text, ne, hi) is not None:
        tail = _BACK_OF.match(text, ne, hi)
        return "previous", tail.end() if tail else ne
    return None


_NP_PREMODIFIERS = {"more", "additional", "new", "other", "further", "extra", "another"}


@dataclass(slots=True)
class Figure:
    """A figure read from text, before any metric or period is given to it.

    Treat it as immutable (`dataclasses.replace` makes a changed copy). It is not frozen
    because a frozen dataclass sets each field through `object.__setattr__`, which makes
    building one, as `scan` does for nearly every number, five times as costly.
    """

    start: int
    """Start of the figure with its hedge word and currency ("almost $500 million")."""
    end: int
    num_start: int
    num_end: int
    value: Decimal
    unit: str
    kind: str
    """money, count, percent, percentage_point, times, rank, or a unit class (length...)."""
    digits: str = ""
    scale: int = 0
    precision: Decimal | None = None
    qualifier: Qualifier | None = None
    high: Decimal | None = None
    noun: str | None = None
    noun_end: int | None = None
    modifiers: tuple[str, ...] = ()
    vague: bool = False
    words: bool = False
    """The number was written in words ("ten billion")."""
    sign: int = 1
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Tables:
    """The lexicon's words as patterns and lookup tables.

    The `*_after` patterns are matched at a place (`match(text, pos, hi)`), so they
    carry no \\A: a figure reads what follows it without slicing the text each time.
    """

    digits: re.Pattern[str]
    """A number in digits with the sign before it, if any (its first character then).
    It begins with what it consumes first, a sign or a digit (the lookbehinds on it and
    on the character before come after it), so that the engine skips every other
    character at once instead of trying the whole pattern there; the first character is
    read as one of a few ASCII characters or as not ASCII, which the engine tells at
    once, where \\d would ask the Unicode database of every character."""
    number_words: re.Pattern[str]
    word_heads: tuple[str, ...] | None
    """The first words of every number in words that `number_words` matches (but "a" or
    "an" before a scale word), as folded text (see `_literals.fold`) writes them; None
    when the lexicon's number or scale words hold more than lower-case ASCII. See
    `_words`."""
    held: PatternSet | None
    """Which of the strings a match of `a_scale` holds one of (the first group), and which
    of `word_heads` (the groups after it), a sentence holds (`_literals.holding`); None
    with `word_heads`."""
    a_scale: re.Pattern[str] | None
    """"a" or "an" before a scale word, as `number_words` reads it, in folded text."""
    scale_after: re.Pattern[str]
    currency_before: re.Pattern[str]
    currency_ending: PhraseBefore
    """`currency_before`, searched backwards from where a match must end."""
    currency_after: re.Pattern[str]
    percent_after: re.Pattern[str]
    times_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qualifier_ending: PhraseBefore
    """`qualifier_before`, searched backwards from where a match must end."""
    qualifier_of: dict[str, Qualifier]
    scales: dict[str, int]
    glued_only: frozenset[str]
    currency_of: dict[str, str]
    unit_of: dict[str, tuple[str, str, Decimal]]
    numbers: dict[str, Decimal]
    rate_after: re.Pattern[str]
    rate_of: dict[str, str]
    noise_nouns: frozenset[str]
    people_nouns: frozenset[str]
    sentence: PatternSet
    """The patterns a sentence may need besides its numbers (see `_COMPOUNDS`)."""
    scale_starts: frozenset[str]
    """The ASCII characters a scale word can begin with (`scale_after` is read only
    there, or where the character is not ASCII); and so for the other `*_after`."""
    currency_starts: frozenset[str]
    unit_starts: frozenset[str]
    rate_starts: frozenset[str]
    """(After whitespace: "of" or a rate's words.)"""
    scaled_currency: frozenset[str] = frozenset()
    """Currency words that count only after a scale word ("5 billion won")."""


def _a_scale(heads: Sequence[str], scales: Sequence[str]) -> re.Pattern[str] | None:
    """`_Tables.a_scale`, or None when folded text cannot stand for the words.

    Folded text reads as the patterns' literals do: a letter in lower case, any
    whitespace a space. \b after a scale word ending in a letter is a character that is
    not a letter, a digit or _ once folded either."""
    if not all(w and w.isascii() and w == fold(w) for w in (*heads, *scales)):
        return None
    bound = r"(?![a-z0-9_])" if all(w[-1].isalpha() for w in scales) else ""
    return re.compile(rf"an? +(?:{_alt(scales)}){bound}")


def _held(heads: Sequence[str], scales: Sequence[str]) -> PatternSet | None:
    """`_Tables.held`: a match of `a_scale` holds "a" or "an", then a space and a scale
    word or two spaces."""
    if _a_scale(heads, scales) is None:
        return None
    a_scale = [f"{a} {w}" for a in ("a", "an") for w in scales] + ["a  ", "an  "]
    return holding([a_scale, *([h] for h in heads)])


def _ascii_starts(words: Sequence[str]) -> frozenset[str]:
    """The ASCII characters that match the first character of a word, ignoring case."""
    firsts = re.compile("|".join(re.escape(w[:1]) for w in words if w) or "(?!)", re.IGNORECASE)
    return frozenset(c for c in map(chr, range(128)) if firsts.fullmatch(c))


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _alt_i(words: Sequence[str]) -> str:
    """`_alt` for a case-insensitive pattern: the same matches, tried as a trie."""
    return longest_first(w.lower() for w in words)


def prepare(lexicon: Lexicon) -> None:
    """Make the shared pattern sets of this module (see `_literals.share_all`)."""
    _tables(lexicon)


@cache
def _tables(lexicon: Lexicon | None = None) -> _Tables:
    ph = (lexicon or load_lexicon()).phrases
    scales = {k.lower(): v for k, v in ph.scales.items()}
    scale_alt = _alt(list(scales))
    currency_of: dict[str, str] = {}
    before: list[str] = []
    after: list[str] = []
    for code, entry in ph.currencies.items():
        for s in (*entry.symbols, code):
            currency_of[s.lower()] = code
            before.append(s)
        for w in (*entry.words, *entry.scaled, code):
            currency_of[w.lower()] = code
            after.append(w)
    unit_of: dict[str, tuple[str, str, Decimal]] = {}
    unit_words: list[str] = []
    for name, u in ph.units.items():
        for w in u.words:
            unit_of[w if u.case else w.lower()] = (u.canonical or name, u.class_, u.factor)
            unit_words.append(w)
    rate_of = {w.lower(): suffix for suffix, ws in ph.rates.items() for w in ws}
    qualifier_of = {p.lower(): q for q, ps in ph.qualifiers.items() for p in ps}
    numbers = {k.lower(): v for k, v in ph.numbers.items()}
    tens = [w for w, v in numbers.items() if v >= 20 and v % 10 == 0 and v < 100]
    units_ = [w for w, v in numbers.items() if 1 <= v <= 9 and " " not in w and len(w) > 2]
    # every number word starts with one of these: a word that does not is passed at once
    initials = re.escape("".join(sorted({w[0] for w in numbers} | {"a", "d", "h"})))
    # every match of word_num begins with one of these
    words = [w for w in numbers if w not in ("a", "an")] + ["dozens", "hundreds"]
    heads = [w for w in words if not any(o != w and w.startswith(o) for o in words)]
    word_num = (
        rf"(?:(?:{_alt_i(tens)})-(?:{_alt_i(units_)})"
        rf"|{longest_first(w for w in numbers if w not in ('a', 'an'))}"
        rf"|an?(?=\s+(?:{scale_alt})\b)|dozens(?=\s+of\b)|hundreds(?=\s+of\b))"
    )
    currency_ending = PhraseBefore(before, r"\s(\[", r"\s?")
    qualifier_ending = PhraseBefore(qualifier_of, r"\s(", r"\s*")
    plain_digits = re.compile(
        r"(?<![\w.,/:-])([+\-−]?)" + _DIGITS.replace("{scales}", scale_alt)
    )  # what `digits` matches, in the form whose literals the sentence's set can read
    percent_after = re.compile(
        r"\s?(%|per\s?cent\b|pct\b|percentage points?\b|p\.p\.|pp\b)", re.IGNORECASE
    )
    times_after = re.compile(r"(?:\s?(times)\b|-?(fold)\b)", re.IGNORECASE)
    return _Tables(
        digits=re.compile(
            r"[+\-0-9\x80-\U0010ffff](?<=[+\-−\d])(?<![\w.,/:-][+\-−\d])"
            + rf"(?:(?<=\d){_DIGITS_REST}|(?<!\d){_DIGITS})".replace("{scales}", scale_alt)
        ),
        number_words=re.compile(rf"(?<![\w-])(?=[{initials}])({word_num})(?![\w-])", re.IGNORECASE),
        word_heads=None if _a_scale(heads, list(scales)) is None else tuple(heads),
        held=_held(heads, list(scales)),
        a_scale=_a_scale(heads, list(scales)),
        scale_after=re.compile(rf"(\s?)({_alt_i(list(scales))})\b\.?", re.IGNORECASE),
        currency_before=currency_ending.pattern,
        currency_ending=currency_ending,
        currency_after=re.compile(rf"\s?({_alt_i(after)})(?![\w])", re.IGNORECASE),
        percent_after=percent_after,
        times_after=times_after,
        unit_after=re.compile(rf"[\s-]?({_alt_i(unit_words)})(?![\w])", re.IGNORECASE),
        qualifier_before=qualifier_ending.pattern,
        qualifier_ending=qualifier_ending,
        qualifier_of=qualifier_of,
        scales=scales,
        glued_only=frozenset(w.lower() for w in ph.glued_only),
        currency_of=currency_of,
        unit_of=unit_of,
        numbers=numbers,
        rate_after=re.compile(
            rf"(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?)?\s+({_alt_i(list(rate_of))})\b(?!\s+(?:earlier|ago|before))",
            re.IGNORECASE,
        ),
        rate_of=rate_of,
        noise_nouns=frozenset(ph.noise.get("nouns", ())),
        people_nouns=frozenset(ph.noise.get("people", ())),
        scaled_currency=frozenset(w.lower() for e in ph.currencies.values() for w in e.scaled),
        scale_starts=_ascii_starts(list(scales)),
        currency_starts=_ascii_starts(after),
        unit_starts=_ascii_starts(unit_words),
        rate_starts=_ascii_starts([*rate_of, "of"]),
        sentence=PatternSet(
            [
                _COMPOUND,
                _MULTIPLE,
                _FRACTION,
                _BETWEEN_BEFORE,
                _FROM_BEFORE,
                plain_digits,
                *(re.compile(r"(?<![\w-])(?:" + f + ")", re.IGNORECASE) for f in _RANK_FORMS),
            ]
        ),
    )


def _finditer(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> Iterable[re.Match[str]]:
    """`pattern.finditer(text, lo, hi)`. In a memo scope, where the folded text is at hand,
    the pattern is tried only where a match can start (see `_literals.scan`): a pattern
    that opens with a lookbehind or ignores case is otherwise tried at every character."""
    if _memo.active():
        return _literals.scan(pattern, text, folded_text(text), lo, hi)
    return pattern.finditer(text, lo, hi)


def _search(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """`pattern.search(text, lo, hi)`, as `_finditer` runs it."""
    if _memo.active():
        return _literals.search(pattern, text, folded_text(text), lo, hi)
    return pattern.search(text, lo, hi)


def _search_slice(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """`pattern.search(text[lo:hi])`, as `_finditer` runs it."""
    if _memo.active():
        return _literals.search_slice(pattern, folded_text(text), lo, hi, text[lo:hi])
    return pattern.search(text[lo:hi])


def _overlaps(a: int, b: int, spans: Sequence[tuple[int, int]]) -> bool:
    for s, e in spans:  # noqa: SIM110 - any() over a generator costs more than a few spans
        if a < e and s < b:
            return True
    return False


def _to_decimal(digits: str, comma_decimal: bool) -> Decimal | None:
    d = digits
    if not d.isdigit():  # plain digits (the most) hold nothing to take out
        d = d.replace("\u00a0", "").replace("\u2009", "").replace("\u202f", "")
        d = d.replace(",", "." if comma_decimal else "")
        d = d.replace(" ", "")
    try:
        return Decimal(d)
    except InvalidOperation:
        return None


def _word_value(words: str, numbers: dict[str, Decimal]) -> Decimal | None:
    w = words.lower()
    if w in numbers:
        return numbers[w]
    if "-" in w:
        a, _, b = w.partition("-")
        if a in numbers and b in numbers:
            return numbers[a] + numbers[b]
    if w == "dozens":
        return Decimal(24)
    if w == "hundreds":
        return Decimal(200)
    return None


(
    _COMPOUNDS,
    _MULTIPLES,
    _FRACTIONS_AT,
    _BETWEEN,
    _FROM,
    _DIGITS_AT,
    _RANKS_FROM,
) = range(7)
"""Places in `_Tables.sentence`, the patterns a sentence may need besides its numbers,
kept in one set so that which of them can match there is learnt with one look-up for
all its figures. A rank is looked for when one of its forms can match (they come last):
each form needs words of its own ("largest" and "partner"), which few sentences hold
together, while the whole pattern needs only one of all their words ("main", "top")."""


def scan(
    text: str,
    start: int,
    end: int,
    masked: Sequence[tuple[int, int]] = (),
    lexicon: Lexicon | None = None,
) -> list[Figure]:
    """Every figure in text[start:end] outside the masked spans, left to right."""
    t = _tables(lexicon)
    patterns = t.sentence
    # which of the sentence's patterns can match is learnt once, for all its figures
    found = patterns.candidates(text, start, end)  # their places, in order
    if found and found[0] == _COMPOUNDS:
        opened = _open_compounds(text, start, end)
        if opened is not text:
            text = opened
            found = patterns.candidates(text, start, end)
    can = set(found)
    raw = _numbers(text, start, end, t, can)
    figures: list[Figure] = []
    spans: Sequence[tuple[int, int]] | None = None  # the masked spans, asked for when needed
    if raw:
        spans = _spans(masked)
        consumed_until = start
        for ns, ne, digits, is_words, sign in raw:
            if ns < consumed_until or (spans and _overlaps(ns, ne, spans)):
                continue
            fig = _read_figure(text, start, end, ns, ne, digits, is_words, sign, t, can)
            if fig is not None:
                figures.append(fig)
                whole = fig.kind != "count" or fig.high is not None  # a range reads both ends
                consumed_until = max(fig.num_end, fig.end if whole else fig.num_end)
    if _MULTIPLES in can:
        spans = _spans(masked) if spans is None else spans
        figures.extend(_multiples(text, start, end, spans, t))
    if _FRACTIONS_AT in can:
        spans = _spans(masked) if spans is None else spans
        figures.extend(_fractions(text, start, end, spans, t))
    if found and found[-1] >= _RANKS_FROM:
        spans = _spans(masked) if spans is None else spans
        forms = tuple(i - _RANKS_FROM for i in found if i >= _RANKS_FROM)
        figures.extend(_ranks(text, start, end, spans, forms))
    if len(figures) > 1:
        figures.sort(key=_num_span)
        return _dedupe(figures)
    return figures


def _spans(masked: Sequence[tuple[int, int]]) -> Sequence[tuple[int, int]]:
    """The masked spans, as a sequence that is quick to read again."""
    return masked.spans() if isinstance(masked, Masks) else list(masked)


def _numbers(
    text: str, start: int, end: int, t: _Tables, can: set[int]
) -> list[tuple[int, int, str, bool, int]]:
    """The numbers in text[start:end], in digits and in words, in text order: what
    `digits.finditer` and `number_words.finditer` find there (the numbers' start, end,
    text, whether in words, and sign). `can` holds the places in `_Tables.sentence` of
    the patterns that can match there.

    `digits` is searched for from the character before each digit, found in the folded
    text (where every digit is a 0) with `str.find`: a match begins with a digit or with
    a sign right before one, so the search from there finds the match that `finditer`
    finds next, where the engine would test every character on the way. The folded text
    is the one the sentence's literals were read in (see `_literals`), or the stretch's
    own outside a memo scope."""
    raw: list[tuple[int, int, str, bool, int]] = []
    held = t.held.candidates(text, start, end) if t.held is not None else []
    a_scale = bool(held) and held[0] == 0
    heads = [i - 1 for i in held if i]  # (the places in `t.word_heads` of those it holds)
    folded = (
        folded_text(text) if (_DIGITS_AT in can or heads or a_scale) and _memo.active() else None
    )
    if _DIGITS_AT in can:
        if folded is None:
            zeros, shift = fold(text[start:end]), start
        else:
            zeros, shift = folded, 0
        search = t.digits.search
        pos = start
        while (at := zeros.find("0", pos - shift, end - shift)) >= 0:
            at += shift
            m = search(text, at - 1 if at > pos else pos, end)
            if m is None:
                break
            at, pos = m.span()
            first = text[at]
            if first in "+-−":
                raw.append((at + 1, pos, text[at + 1 : pos], False, -1 if first != "+" else 1))
            else:
                raw.append((at, pos, m.group(), False, 1))
    words = _words(text, folded, start, end, t, heads, a_scale)
    if words:
        raw.extend(words)
        raw.sort()
    return raw


def _words(
    text: str,
    folded: str | None,
    start: int,
    end: int,
    t: _Tables,
    heads: list[int],
    a_scale: bool,
) -> list[tuple[int, int, str, bool, int]]:
    """What `number_words.finditer` finds in text[start:end], as `_numbers` gives it.

    The pattern begins with a lookbehind, which the regex engine would try at every
    character. Where folded text can stand for its words, it is tried only where a word
    begins with one of the first words of a number that the sentence holds (`heads`,
    places in `t.word_heads`, each found with `str.find`), or with "a" or "an" before a
    scale word (looked for only where `a_scale`); and not where its earlier match
    covers, as its own search would. The folded text is `folded`, the one the
    sentence's literals were read in (see `_literals`), or the stretch's own where it is
    None (outside a memo scope).
    """
    words = t.word_heads
    if words is None or t.a_scale is None:
        return [
            (m.start(1), m.end(1), m.group(1), True, 1)
            for m in t.number_words.finditer(text, start, end)
        ]
    if not (heads or a_scale):
        return []
    shift = 0
    if folded is None:
        shift = start - 1 if start else 0
        folded = fold(text[shift:end])
    lo, hi = start - shift, end - shift
    found = set()
    for i in heads:
        word = words[i]
        at = folded.find(word, lo, hi)
        while at >= 0:
            found.add(at)
            at = folded.find(word, at + 1, hi)
    if a_scale:
        m = t.a_scale.search(folded, lo, hi)
        while m is not None:  # (one place after another, as they may overlap)
            found.add(m.start())
            m = t.a_scale.search(folded, m.start() + 1, hi)
    out: list[tuple[int, int, str, bool, int]] = []
    words_from = start  # where the pattern's own search would have got to
    for at in sorted(found):
        # a word begins the text or follows what is not a letter, a digit, _ or -
        if at and folded[at - 1] in _WORD_CHARACTERS:
            continue
        at += shift
        if at >= words_from and (m := t.number_words.match(text, at, end)):
            out.append((at, m.end(1), m.group(1), True, 1))
            words_from = m.end()
    return out


_WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
"""In folded text, the characters after which `number_words` cannot match."""


def _num_span(f: Figure) -> tuple[int, int]:
    return f.num_start, f.num_end


_COMPOUND = re.compile(
    r"\b(?:[A-Za-z]+|\d+(?:\.\d+)?)(-)(?:trillion|billion|million|thousand)(-)"
    r"(?:dollar|tenge|euro|rouble|ruble|soum|yuan)\b",
    re.IGNORECASE,
)


def _open_compounds(text: str, start: int, end: int) -> str:
    """ "a ten-billion-dollar target" read as "ten billion dollar": the hyphens become
    spaces, so every offset stays where it was."""
    found = list(_COMPOUND.finditer(text, start, end))
    if not found:
        return text
    chars = list(text)
    for m in found:
        chars[m.start(1)] = chars[m.start(2)] = " "
    return "".join(chars)


def _dedupe(figs: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for f in figs:
        if out and f.num_start < out[-1].num_end:
            continue
        out.append(f)
    return out


_RANGE_FROM = re.compile(
    r"\b(?:total|totals|totalled|totaled|amount\s+to|amounts\s+to|come\s+to|comes\s+to|"
    r"range|ranges|ranged|ranging|vary|varies|varied|varying|be|estimated\s+at|put\s+at)"
    r"\s+from\s+(?:US\$|\$|€|₸|₽)?\s?\Z",
    re.IGNORECASE,
)
"""A "from" that opens a range, not the start of a change: "to total from 2.1 to 2.4
million tonnes" against "grew from 2.1 to 2.4 million tonnes"."""


_COMMA_DECIMAL = re.compile(r"\d+,\d{1,2}")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:US\$|\$|€|₸|₽)?\s?\Z", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:US\$|\$|€|₸|₽)?\s?\Z", re.IGNORECASE)
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_SENTENCE_GOES_ON = re.compile(r"\s+[a-z]")
# The ASCII characters `_RANGE_TO` and `percent_after` can begin with after their
# optional whitespace, and `times_after`: "times" (after whitespace) and "fold" (at
# once, or after a hyphen).
_RANGE_STARTS = frozenset("-t")
_PERCENT_STARTS = frozenset("%pP")
_TIMES_STARTS = frozenset("tT")
_FOLD_STARTS = frozenset("-fF")
_OF = re.compile(r"\s+of\b")
_RAISE_UP_TO = re.compile(
    r"\b(?:bring|raise|increase|boost|elevate|lift|take|grow|expand)\w*\b[^.;]*\Z", re.IGNORECASE
)
_TEN_TO = {n: Decimal(1).scaleb(n) for n in range(-20, 21)}
"""10 to the power of n, as `Decimal(1).scaleb(n)` gives it."""


def _read_figure(
    text: str,
    lo: int,
    hi: int,
    ns: int,
    ne: int,
    digits: str,
    is_words: bool,
    sign: int,
    t: _Tables,
    can: set[int],
) -> Figure | None:
    """The figure whose number is text[ns:ne], read with the words around it in
    text[lo:hi], or None. `can` holds the places in `_Tables.sentence` of the patterns that
    can match there."""
    # --- the number itself
    # "one and a half", "half a" are matched as a whole by the numbers table
    if "," not in digits and " " not in digits and digits.isprintable():
        # nothing to take out: no comma, and no space (nor any other: they are not
        # printable), as in most numbers
        norm_digits = digits
        if is_words:
            value = _word_value(digits, t.numbers)
        else:
            value = Decimal(digits) if digits.isascii() else _to_decimal(digits, False)
    else:
        comma_decimal = "," in digits and _COMMA_DECIMAL.fullmatch(digits) is not None
        value = _word_value(digits, t.numbers) if is_words else _to_decimal(digits, comma_decimal)
        # (str.split takes off what \s matches)
        norm_digits = "".join(digits.replace(",", "." if comma_decimal else "").split())
    if value is None:
        return None
    low = digits.lower() if is_words else ""
    vague = is_words and low in ("dozens", "hundreds")
    end = ne
    high: Decimal | None = None
    # --- range: "3-4 billion", "3 to 4 billion", "between 300 and 500 million"
    # (a pattern read after the number is asked only if the character its words begin
    # with, after at most one whitespace, can begin them: a regex call costs more; the
    # characters at `end` are read again only where it moves)
    at = text[ne] if ne < hi else ""
    c = text[ne + 1] if at.isspace() and ne + 1 < hi else at
    sm: re.Match[str] | None = None
    scale_read = False  # whether sm is the scale word at `end`
    # "between" and "from" are looked for only where the stretch holds them at all
    if (
        (c in _RANGE_STARTS or not c.isascii())
        and (rng := _RANGE_TO.match(text, ne, hi))
        and (
            not (_FROM in can and _search_slice(_FROM_BEFORE, text, lo, ns))
            or _search(_RANGE_FROM, text, lo, ns)
        )
    ):
        v2 = _to_decimal(rng.group(1), False)
        if v2 is not None and v2 > value:
            sm = t.scale_after.match(text, ne, hi)
            scale_read = True
            if not sm:
                high = v2
                end = rng.end()
                scale_read = False
                at = text[end] if end < hi else ""
                c = text[end + 1] if at.isspace() and end + 1 < hi else at
    # --- scale word
    scale = 0
    if not scale_read and (c in t.scale_starts or not c.isascii()):
        sm = t.scale_after.match(text, end, hi)
    cur_before = t.currency_ending.find(text, lo, ns)  # (where it starts, symbol)
    cur_code = t.currency_of[cur_before[1].lower()] if cur_before else None
    moved = end
    if sm:
        word = sm.group(2).lower()
        # "b", "m", "k" are scales only next to a currency: "$5m", "5m dollars", not "5 m"
        if (
            word not in t.glued_only
            or cur_code
            or (not sm.group(1) and t.currency_after.match(text, sm.end(), hi))
        ):
            scale = t.scales[word]
            end = sm.end()
            if text[end - 1] == "." and not _SENTENCE_GOES_ON.match(text, end, hi):
                end -= 1  # a full stop after "bn" ends the sentence too
    if high is None and _BETWEEN in can and _search_slice(_BETWEEN_BEFORE, text, lo, ns):
        am = _RANGE_AND.match(text, end, hi)
        if am:
            v2 = _to_decimal(am.group(1), False)
            if v2 is not None:
                high = v2
                end = am.end()
                sm2 = t.scale_after.match(text, end, hi)
                if sm2 and (sm2.group(2).lower() not in t.glued_only or cur_code):
                    end = sm2.end()
                    if scale == 0:
                        scale = t.scales[sm2.group(2).lower()]
    # --- unit after: each is asked only when those before it did not decide
    if end != moved:
        at = text[end] if end < hi else ""
        c = text[end + 1] if at.isspace() and end + 1 < hi else at
    if cur_code is None and (c in t.currency_starts or not c.isascii()):
        ca = t.currency_after.match(text, end, hi)
        if ca and not (ca.group(1).lower() in t.scaled_currency and not scale):
            cur_code = t.currency_of[ca.group(1).lower()]
            end = ca.end()
    if cur_code:
        kind, unit = "money", cur_code
        # "in US dollars" / "US dollars" after a symbol-less figure is handled above
        start = cur_before[0] if cur_before else ns
    elif (c in _PERCENT_STARTS or not c.isascii()) and (pa := t.percent_after.match(text, end, hi)):
        pp = pa.group(1).lower().startswith(("percentage", "p.p", "pp"))
        kind = unit = "percentage_point" if pp else "percent"
        end = pa.end()
        start = ns
    elif (
        (at in _FOLD_STARTS or c in _TIMES_STARTS or not (at + c).isascii())
        and (ta := t.times_after.match(text, end, hi))
        and (not is_words or ta.group(1))
    ):
        kind, unit = "times", "times"
        end = ta.end()
        start = ns
    elif (
        ((u := c if at != "-" else text[end + 1 : end + 2]) in t.unit_starts or not u.isascii())
        and (ua := t.unit_after.match(text, end, hi))
        and (not is_words or t.unit_of.get(ua.group(1).lower(), ("", "", 0))[1] == "duration")
    ):
        name, cls, factor = t.unit_of.get(ua.group(1)) or t.unit_of.get(
            ua.group(1).lower(), ("", "", Decimal(1))
        )
        if not name or (ua.group(1) == "t" and not scale):
            return None
        kind, unit = cls, name
        value = value * factor
        end = ua.end()
        start = ns
    else:
        kind, unit, start = "count", "count", ns
    if sign < 0 and kind not in ("percent", "percentage_point", "temperature"):
        return None  # a hyphen before a count or an amount is a dash, not a sign
    # --- hedge word before
    qual: Qualifier | None = None
    q_found = t.qualifier_ending.find(text, lo, start)
    if q_found:
        q_at, phrase = q_found
        phrase = phrase.lower()
        qual = t.qualifier_of.get(phrase)
        if phrase == "up to" and _search_slice(_RAISE_UP_TO, text, lo, q_at):
            qual = None  # "bring trade up to $10 billion": a target, not a bound
        elif phrase in ("over", "over the") and kind == "count" and not scale:
            qual = Qualifier.MORE_THAN
        if qual is not None:
            start = q_at
    if vague:
        qual = Qualifier.AT_LEAST
    mult = _TEN_TO.get(scale) or Decimal(1).scaleb(scale)
    value_b = value * mult
    high_b = high * mult if high is not None else None
    if sign < 0:
        value_b = -value_b
    precision: Decimal | None = None
    rounded = kind in ("percent", "percentage_point", "times") or (kind == "money" and scale)
    if rounded and not is_words:
        point = norm_digits.find(".")
        dec = len(norm_digits) - point - 1 if point >= 0 else 0
        precision = _TEN_TO.get(scale - dec) or Decimal(1).scaleb(scale - dec)
    noun = None
    noun_end = None
    mods: tuple[str, ...] = ()
    if kind not in ("money", "percent", "percentage_point", "times", "count", "duration"):
        rate = t.rate_after.match(text, end, hi)
        if rate is not None:
            unit = f"{unit}/{t.rate_of[rate.group(1).lower()]}"
    if kind == "count":
        vague_of = _OF.match(text, end, hi) if vague else None
        # "Fourteen of the applications": the count is of the noun after "of the"
        partitive = (
            _PARTITIVE.match(text, end, hi)
            if not vague_of and at.isspace() and (c == "o" or c.isspace())
            else None
        )
        skip = vague_of.end() - end if vague_of else (partitive.end() - end if partitive else 0)
        np_ = _noun_phrase(text, end + skip, hi)
        if np_ is None and scale >= 6:
            # "surpassing five billion": trade news states dollars without saying so
            return Figure(
                start,
                end,
                ns,
                ne,
                value * mult,
                "USD",
                "money",
                digits=norm_digits,
                scale=scale,
                qualifier=qual,
                words=is_words,
                extra={"currency": "assumed"},
            )
        if np_ is None or (
            np_[0].split()[0].lower() in _ANAPHOR_HEADS or np_[0].lower() in _THRESHOLD_NOUNS
        ):
            back = _refers_back(text, lo, start, ne, hi)
            if back is None or (is_words and low in ("a", "an", "one")):
                return None
            return Figure(
                start,
                ne,
                ns,
                ne,
                value,
                "count",
                "count",
                digits=norm_digits,
                qualifier=qual,
                words=is_words,
                noun_end=back[1],
                extra={"refers": back[0]},
            )
        noun, noun_end, mods = np_
        head = noun.rpartition(" ")[2].lower()
        if head in _TIME_NOUNS or head in t.noise_nouns:
            return None
        gap = text[noun_end : noun_end + 2]  # whitespace, then "of" or a rate's word
        rate = (
            t.rate_after.match(text, noun_end, hi)
            if gap[:1].isspace()
            and (gap[1:] in t.rate_starts or gap[1:].isspace() or not gap.isascii())
            else None
        )
        if rate is not None:
            per = t.rate_of[rate.group(1).lower()]
            unit = f"{'people' if head in t.people_nouns else head}/{per}"
            kind = "rate"
        if (is_words or value <= 10) and (head in _PAIR_NOUNS or _definite(text, lo, start)):
            return None
        if is_words and low == "one" and not scale:
            return None
        if not is_words and qual is None and _looks_like_year(digits):
            return None
    if is_words and kind == "money" and not scale and value < 100:
        return None
    # every field in order, none by keyword (binding a keyword costs a look-up, and this
    # is the figure most numbers make)
    return Figure(
        start,
        end if kind != "count" else ne if high is None else end,
        ns,
        ne,
        value_b,
        unit,
        kind,
        norm_digits,  # digits
        scale,
        precision,
        qual,  # qualifier
        high_b,  # high
        noun,
        noun_end,
        mods,  # modifiers
        vague,
        is_words,  # words
        sign,
    )


_DEFINITE = EndSearch(
    re.compile(r"\b(?:the|these|those|both|all|our|their|its|his|her)\s+\Z", re.IGNORECASE)
)


def _definite(text: str, lo: int, start: int) -> bool:
    return _DEFINITE.search(text, lo, start) is not None


def _looks_like_year(digits: str) -> bool:
    return bool(_YEAR_DIGITS.fullmatch(digits))


_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")


_IRREGULAR_PLURALS = {
    "people",
    "children",
    "men",
    "women",
    "staff",
    "personnel",
    "cattle",
    "livestock",
    "heads",
}


def _is_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return (
        word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")) and len(word) > 3
    )


def _noun_phrase(text: str, pos: int, hi: int) -> tuple[str, int, tuple[str, ...]] | None:
    """The counted noun phrase after a number: "60 industrial projects worth" gives
    "industrial projects"; a plural noun, a stop word or a participle ends it."""
    words: list[str] = []
    mod: str | None = None
    p = end = pos
    while len(words) < 4:
        m = _WORD.match(text, p, hi)
        if not m:
            break
        p = m.end()
        w = m.group(1)
        lw = w.lower()
        if not words:
            if mod is None and lw in _NP_PREMODIFIERS:
                mod = lw
                continue
            if lw in _STOP:
                break
        else:
            if lw == "and":  # "steel and cement plants" (a plural noun ends the phrase)
                continue
            if lw in _STOP or (
                lw.endswith(("ed", "ing")) and lw not in ("building", "buildings", "things")
            ):
                break
        words.append(w)
        end = p  # (the word ends the match)
        if _is_plural(lw):
            break  # "43 more projects seem promising": the plural noun ends the phrase
    if not words:
        return None
    # the head is the last plural-looking word; trailing adjectives are rare in news
    return " ".join(words), end, () if mod is None else (mod,)


_MORE_THAN_BEFORE = EndSearch(
    re.compile(r"\b(?:more than|nearly|almost|over|about|roughly)\s+\Z", re.IGNORECASE)
)
_AS_THE = re.compile(r"\s+(?:as|the)\b")
_TO_BEFORE = EndSearch(re.compile(r"\bto\s+\Z"))
_DOUBLE_NOT_A_MULTIPLE = re.compile(r"\s+(?:taxation|digit|standard)")


def _multiples(
    text: str,
    lo: int,
    hi: int,
    masked: Sequence[tuple[int, int]],
    t: _Tables,
) -> list[Figure]:
    out = []
    for m in _finditer(_MULTIPLE, text, lo, hi):
        if _overlaps(m.start(), m.end(), masked):
            continue
        w = m.group(1).lower()
        if (
            w in ("double", "triple", "twice")
            and not _MORE_THAN_BEFORE.search(text, lo, m.start())
            and not _AS_THE.match(text, m.end(), hi)
            and not (w in ("double", "triple") and _TO_BEFORE.search(text, lo, m.start()))
        ):
            continue
        if w == "double" and _DOUBLE_NOT_A_MULTIPLE.match(text, m.end(), hi):
            continue
        value = _MULTIPLE_VERBS[w]
        out.append(_word_figure(text, lo, m.start(), m.end(), value, "times", t))
    return out


_AUX_HEDGE = re.compile(
    r"\b(nearly|almost|more than|over|roughly|about)\s+(?:\w+\s+)?\Z", re.IGNORECASE
)


def _word_figure(
    text: str,
    lo: int,
    start: int,
    end: int,
    value: Decimal,
    unit: str,
    t: _Tables,
) -> Figure:
    """A figure written as a word ("doubled", "a third"), with the hedge before it.

    The hedge may stand before an auxiliary: "has nearly doubled", "nearly has doubled".
    """
    found = t.qualifier_ending.find(text, lo, start)
    if found is None:
        aux = _search_slice(_AUX_HEDGE, text, lo, start)
        found = (lo + aux.start(1), aux.group(1)) if aux else None
    qual = t.qualifier_of.get(found[1].lower()) if found else None
    return Figure(
        found[0] if found and qual is not None else start,
        end,
        start,
        end,
        value,
        unit,
        unit,
        digits=str(value),
        qualifier=qual,
        words=True,
    )


_FRACTIONS = {
    "a third": Decimal("33.33"),
    "one third": Decimal("33.33"),
    "one-third": Decimal("33.33"),
    "two thirds": Decimal("66.67"),
    "two-thirds": Decimal("66.67"),
    "a quarter": Decimal(25),
    "one quarter": Decimal(25),
    "one-quarter": Decimal(25),
    "three quarters": Decimal(75),
    "three-quarters": Decimal(75),
    "half": Decimal(50),
    "a half": Decimal(50),
    "one half": Decimal(50),
    "a fifth": Decimal(20),
    "one fifth": Decimal(20),
    "a tenth": Decimal(10),
}
_FRACTION = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(k) for k in sorted(_FRACTIONS, key=len, reverse=True))
    + r")"
    r"(?=\s+of\b(?!\s+(?:the\s+)?(?:year|month|century|decade|day))|\s+(?:on|compared|over|year)\b|[,.;]|\s*$)",
    re.I,
)


_BY_BEFORE = re.compile(r"\bby\s*\Z", re.I)
_HALF_OF_SOMETHING = re.compile(
    r"\b(?:up|make|makes|made|account\w*|about|nearly|almost|over|than|roughly)\s+\Z", re.I
)


def _fractions(
    text: str,
    lo: int,
    hi: int,
    masked: Sequence[tuple[int, int]],
    t: _Tables,
) -> list[Figure]:
    """ "a third of our shipments" (a share), "grew by a third" (a change), as percents."""
    out = []
    for m in _finditer(_FRACTION, text, lo, hi):
        if _overlaps(m.start(), m.end(), masked):
            continue
        before = text[max(lo, m.start() - 25) : m.start()]
        share = text[m.end() : m.end() + 4].lstrip().startswith("of")
        change = _BY_BEFORE.search(before)
        if not (share or change):
            continue
        if (
            m.group(1).lower() in ("half", "a half")
            and not change
            and not _HALF_OF_SOMETHING.search(before)
        ):
            continue  # "half of the delegation" is too loose to be a figure
        value = _FRACTIONS[m.group(1).lower()]
        out.append(_word_figure(text, lo, m.start(), m.end(), value, "percent", t))
    return out


_ORDINAL_WORDS = longest_first(_ORDINALS)
"""No ordinal begins another, so trying them longest first (as a trie) matches the same."""
_RANK_FORMS = (
    r"(?:the\s+)?(" + _ORDINAL_WORDS + r"|\d{1,2}(?:st|nd|rd|th))[- ]"
    r"(?:largest|biggest|leading|major|most important|main|top)\b",
    r"(?:among\s+the\s+|in\s+the\s+)?top[- ](three|five|ten|two|four|\d{1,2})\b",
    r"\b(?:ranks?|ranked|placed|places\s+it|came)\s+("
    + _ORDINAL_WORDS
    + r"|\d{1,2}(?:st|nd|rd|th))\b",
    r"\b(" + _ORDINAL_WORDS + r"|\d{1,2}(?:st|nd|rd|th))\s+(?:(?:largest|biggest|main|major)\s+)?"
    r"(?:trade|trading|commercial|economic|export|import|investment)\s+partner\b",
    r"\b(" + _ORDINAL_WORDS + r")\s+among\b",
    r"(?:(?<!of )\bthe\s+|(?<=['’]s\s))(largest|biggest|leading|main|top|principal)\s+"
    r"(?:trade\s+|trading\s+)?(?:partner|buyer|investor|supplier|importer|market)\b",
    r"\b(?:held|holds|took|takes|occupied|occupies|in)\s+(" + _ORDINAL_WORDS + r")\s+place\b",
)
"""The ways a rank is stated, each with one group: the rank's word."""
_NUM_WORD = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
_NOT_DIGITS = re.compile(r"\D")


@cache
def _rank_forms(forms: tuple[int, ...]) -> re.Pattern[str]:
    """The forms of a rank, in their order, as one pattern: with only those that can match
    in a sentence, it finds there what all of them would. Group i is form forms[i - 1]'s."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(_RANK_FORMS[f] for f in forms) + ")", re.I)


def _ranks(
    text: str,
    lo: int,
    hi: int,
    masked: Sequence[tuple[int, int]],
    forms: tuple[int, ...] = tuple(range(len(_RANK_FORMS))),
) -> list[Figure]:
    """The ranks in text[lo:hi], where the other `forms` (places in `_RANK_FORMS`) cannot
    match."""
    out: list[Figure] = []
    if not forms:
        return out
    for m in _rank_forms(forms).finditer(text, lo, hi):
        if _overlaps(m.start(), m.end(), masked):
            continue
        gi = next(i for i in range(1, len(forms) + 1) if m.group(i))
        form = forms[gi - 1]
        word = m.group(gi)
        lw = word.lower()
        if form == 5:  # "the largest partner"
            lw = "first"
        if lw in _ORDINALS:
            value = _ORDINALS[lw]
        elif lw in _NUM_WORD:
            value = _NUM_WORD[lw]
        else:
            value = int(_NOT_DIGITS.sub("", lw))
        qual = Qualifier.AT_MOST if form == 1 else None  # "top three"
        gs = m.start(gi)
        out.append(
            Figure(
                m.start(),
                m.end(),
                gs,
                gs + len(word),
                Decimal(value),
                "rank",
                "rank",
                digits=str(value),
                qualifier=qual,
                words=True,
            )
        )
    return out
