"""Read the words around a figure: its metric, modality, scope, countries and source."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from kzuz_claims.extract._literals import PatternSet, longest_first
from kzuz_claims.extract._memo import memoised
from kzuz_claims.extract.lexicon import Lexicon, MetricEntry
from kzuz_claims.extract.numbers import Figure
from kzuz_claims.model import Modality

_SEGMENT_BREAK = re.compile(r"[;:()\[\]—]|\s–\s|\s-\s")
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


_COMMA = re.compile(r"[,;]")
_NEW_CLAUSE = re.compile(
    r";|,\s*(?:and|while|but|whereas|which|who|where|with|as|so)\b|\s(?:while|whereas)\s"
)


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
    s, e = lo, hi
    for start, end in _segment_breaks(text, lo, hi):
        if end <= pos:
            s = end
        elif start >= pos:
            e = start
            break
    return s, e


@memoised
def _segment_breaks(text: str, lo: int, hi: int) -> tuple[tuple[int, int], ...]:
    """Where text[lo:hi] breaks into segments: every figure of a sentence asks."""
    return tuple(m.span() for m in _SEGMENT_BREAK.finditer(text, lo, hi))


@cache
def _country_re(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    of: dict[str, str] = {}
    for code, names in lexicon.phrases.countries.items():
        for n in names:
            of[n.lower()] = code
    return re.compile(rf"\b(?:{longest_first(of)})(?![\w-])", re.I), of


@cache
def _pair_re(lexicon: Lexicon) -> re.Pattern[str]:
    alt = "|".join(re.escape(p) for p in lexicon.phrases.pair.get("phrases", ()))
    return re.compile(rf"\b(?:{alt})\b", re.I)


def countries(text: str, lo: int, hi: int, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Country mentions in text[lo:hi] as (start, end, ISO code)."""
    return list(_countries(text, lo, hi, lexicon))


@memoised
def _countries(text: str, lo: int, hi: int, lexicon: Lexicon) -> tuple[tuple[int, int, str], ...]:
    """`countries`, computed once per stretch of text: the same sentence is asked often."""
    pat, of = _country_re(lexicon)
    out = []
    for m in pat.finditer(text, lo, hi):
        word = m.group(0).lower().replace("’", "'")
        out.append((m.start(), m.end(), of.get(word, of.get(word.removesuffix("'s"), ""))))
    return tuple(c for c in out if c[2])


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


_REGION_TAIL = re.compile(
    r"\s+(?:of\s+them\s+)?(?:(?:are|is|were|was)\s+)?(?:(?:located|based)\s+)?"
    r"(?:in|at)\s+(?:the\s+)?",
    re.I,
)


def region(text: str, lo: int, hi: int, fig: Figure, lexicon: Lexicon) -> str | None:
    """The region or city a figure is restricted to, if its clause names one before it
    ("Jizzakh already hosts 46 companies") or right after it ("eight of them in border
    regions")."""
    pat = _region_re(lexicon)
    if pat is None:
        return None
    s, e = segment(text, lo, hi, fig.start)
    clause_start = max((m.end() for m in _NEW_CLAUSE.finditer(text, s, fig.start)), default=s)
    found = _last(pat.finditer(text, clause_start, fig.start))
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
    return bool(_pair_re(lexicon).search(text, lo, hi))


@cache
def _modality_set(lexicon: Lexicon) -> tuple[tuple[Modality, ...], PatternSet]:
    """Every modality pattern of the lexicon, with the modality each signals."""
    pairs = [(mod, p) for mod, pats in lexicon.phrases.modality_res.items() for p in pats]
    return tuple(mod for mod, _ in pairs), PatternSet(p for _, p in pairs)


def modality(text: str, lo: int, hi: int, fig: Figure, lexicon: Lexicon) -> Modality | None:
    """The nearest modality cue left of the figure in its segment, else the nearest right."""
    s, e = segment(text, lo, hi, fig.start)
    # "23 are in the pipeline, and six were completed": the left reach stops at a new clause
    clause_start = max((m.end() for m in _NEW_CLAUSE.finditer(text, s, fig.start)), default=s)
    left_start = max(clause_start, fig.start - 110)
    clause = _NEW_CLAUSE.search(text, fig.end, e)
    right_end = clause.start() if clause else e
    owners, patterns = _modality_set(lexicon)
    best: tuple[int, int, Modality] | None = None
    for i, m in patterns.finditer_slice(text, left_start, fig.start, within=(lo, hi)):
        rank = 1 if owners[i] == Modality.FORECAST else 0
        if best is None or (m.end(), rank) > best[:2]:
            best = (m.end(), rank, owners[i])
    right_hits: list[tuple[int, Modality]] = []
    right = text[fig.end : right_end]
    for i in patterns.candidates(text, lo, hi):  # those that can match in the sentence
        p = patterns.patterns[i]
        if p.pattern.endswith("$"):
            continue
        found = p.search(right)
        if found:
            right_hits.append((found.start(), owners[i]))
    nearest = min(right_hits, key=lambda h: h[0]) if right_hits else None
    found_mod = best[2] if best is not None else nearest[1] if nearest else None
    if found_mod == Modality.PLAN and any(m == Modality.POTENTIAL for _, m in right_hits):
        # "another 17 projects, estimated at $1.1 billion, look promising": a plan the
        # clause calls promising is only a potential one
        return Modality.POTENTIAL
    return found_mod


_AFTER_COMMA = re.compile(r",\s*\Z")


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
    s, e = segment(text, lo, hi, fig.start)
    # "450 permanent jobs, and about 1,200 people during construction": status words
    # before the figure count only within its clause
    clause_start = max((m.end() for m in _NEW_CLAUSE.finditer(text, s, fig.start)), default=s)
    window_start = max(clause_start, fig.start - 40)
    if _AFTER_COMMA.search(text, window_start, fig.start):
        # "Ten have been commissioned, 30 are being implemented": a figure right after
        # a comma opens its own item; the words before the comma are the last item's
        window_start = fig.start
    window_end = min(e, (fig.noun_end or fig.end) + 80)
    best: tuple[int, str] | None = None
    for sc, pats in lexicon.phrases.scope_res.items():
        if sc not in allowed:
            continue
        for p in pats:
            for m in p.finditer(text, window_start, window_end):
                # words after the next figure belong to it, not to this one
                d = fig.start - m.end() if m.end() <= fig.start else m.start() - fig.end
                if best is None or d < best[0]:
                    best = (d, sc)
    return best[1] if best else entry.default_scope


def _direction(
    text: str,
    lo: int,
    hi: int,
    cue_start: int,
    cue_end: int,
    flow: str,
    lexicon: Lexicon,
    fig_start: int | None = None,
) -> tuple[str | None, str | None]:
    """(origin, destination) ISO codes for an exports/imports/capital cue.

    Only countries near the cue count: the words just before it ("Kazakh exports",
    "Uzbekistan's imports") and the stretch from it to the figure ("exports from
    Uzbekistan to Kazakhstan ... amounted to").
    """
    s, e = segment(text, lo, hi, cue_start)
    reach = max(cue_end + 45, fig_start or 0)
    window = (max(s, cue_start - 40), min(e, reach))
    near = sorted(
        countries(text, *window, lexicon)
        + neighbours(text, *window, lexicon, lo)
        + pronouns(text, *window, lexicon, lo)
    )
    src = dst = None
    if flow == "capital":
        # "enterprises with Kazakh capital operating in Uzbekistan": the first
        # capital adjective after the cue, then the first "in X" after that
        for cs, ce, code in near:
            if cs < cue_start:
                continue
            if src is None and re.match(
                r"[\s-]*(?:capital|participation|owned|investors?|investment)",
                text[ce : ce + 20],
                re.I,
            ):
                src = code
            elif (
                src is not None
                and dst is None
                and re.search(r"\bin\s+$", text[max(s, cs - 5) : cs])
            ):
                dst = code
    else:
        for cs, ce, code in near:
            before = text[max(s, cs - 12) : cs].lower()
            if cs >= cue_end:
                if re.search(r"\b(?:from|of)\s+$", before):
                    src = src or code
                elif re.search(r"\b(?:to|into|for|in)\s+$", before):
                    dst = dst or code
            elif ce <= cue_start:
                between = text[ce:cue_start]
                if len(between) <= 25 and not re.search(
                    r"\b(?:to|from|into|and|with|of)\b|[,;]", between, re.I
                ):
                    if flow == "imports":
                        dst = dst or code
                    else:
                        src = src or code
    # "overall exports", "exports to all countries": a total, not a flow to the partner
    if (src is None or dst is None) and _TOTAL.search(
        text, max(s, cue_start - 20), min(e, cue_end + 25)
    ):
        return None, None
    # the side the text leaves out: a third country the clause names, else the pair's other
    pair = ("KZ", "UZ")
    thirds = [
        c for _, _, c in countries(text, s, e, lexicon) if c not in pair and c not in (src, dst)
    ]
    if (src is None) != (dst is None):
        known = src or dst
        other = thirds[0] if thirds else (pair[1 - pair.index(known)] if known in pair else None)
        src, dst = (src, other) if dst is None else (other, dst)
    if src == dst:
        return None, None
    return src, dst


_TOTAL = re.compile(
    r"\b(?:overall|total|all countries|all partners|the world|worldwide|global|foreign)\b", re.I
)


@cache
def _cue_set(lexicon: Lexicon) -> tuple[tuple[MetricEntry, ...], PatternSet]:
    """Every cue pattern of the lexicon, with the metric entry each belongs to."""
    pairs = [(entry, p) for entry in lexicon.metrics for p in entry.cue_res]
    return tuple(entry for entry, _ in pairs), PatternSet(p for _, p in pairs)


@memoised
def _cue_matches(
    text: str, lo: int, hi: int, lexicon: Lexicon
) -> tuple[tuple[MetricEntry, int, int], ...]:
    """Every cue of every metric in text[lo:hi], computed once per stretch of text."""
    owners, patterns = _cue_set(lexicon)
    return tuple((owners[i], m.start(), m.end()) for i, m in patterns.finditer(text, lo, hi))


def _cue_hits(
    text: str,
    lo: int,
    hi: int,
    fig: Figure,
    entries: Sequence[MetricEntry],
    lexicon: Lexicon,
    within: tuple[int, int] | None = None,
) -> list[tuple[float, MetricEntry, int, int]]:
    """Cues of `entries` near the figure, best first: left of it preferred, then nearer,
    then higher priority, then longer. Cues right of it stop at the next comma."""
    matches = _cue_matches(text, lo, hi, lexicon)
    if not matches:
        return []
    comma = _COMMA.search(text, fig.end, hi)
    right_end = comma.start() if comma else hi
    wanted = {id(e) for e in entries}
    s, e = within or (lo, hi)
    hits = []
    for entry, start, end in matches:
        if (
            id(entry) not in wanted
            or start < s
            or end > e
            or (end > right_end and start >= fig.end)
        ):
            continue
        if end <= fig.start:
            d = float(fig.start - end)
        elif start >= fig.end:
            d = 40.0 + 2.0 * (start - fig.end)
        else:
            d = 0.0
        hits.append((d - entry.priority * 3 - (end - start) * 0.1, entry, start, end))
    hits.sort(key=lambda h: (h[0], h[2]))
    return hits


@cache
def _cued(lexicon: Lexicon, units: tuple[str, ...]) -> tuple[MetricEntry, ...]:
    """The metrics of the lexicon with cue patterns whose unit is one of `units`."""
    return tuple(m for m in lexicon.metrics if m.unit in units and m.cue_res)


Previous = str | None | Callable[[], str | None]
"""The metric the text was last about, or a function that reads it when it is needed."""


def _read(previous: Previous) -> str | None:
    return previous() if callable(previous) else previous


def choose_metric(
    text: str, lo: int, hi: int, fig: Figure, lexicon: Lexicon, previous: Previous
) -> MetricChoice | None:
    """The metric of a figure from the cues of the sentence text[lo:hi]; `previous` is
    read only when the sentence refers back ("it", "the figure") or names no metric."""
    cls = _UNIT_CLASS.get(fig.kind, fig.kind)
    if cls == "count":
        return _count_metric(text, lo, hi, fig, lexicon)
    if cls in ("percent", "times"):
        return _change_metric(text, lo, hi, fig, lexicon, previous)
    if cls == "rank":
        after = text[fig.end : min(hi, fig.end + 40)].lower()
        of = (
            "trade_partner"
            if "partner" in after
            else (re.findall(r"[a-z]+", after)[:2] or ["rank"])[-1]
        )
        return MetricChoice("rank", lexicon.entry("rank"), of=of)
    s, e = lo, hi  # the segment matters only to the cues in it and to a mass figure
    if cls == "mass" or _cue_matches(text, lo, hi, lexicon):
        s, e = segment(text, lo, hi, fig.start)
    if cls == "mass":
        product = _product_after(text, fig.end, lexicon) or _flow_product(
            text, s, fig.start, lexicon
        )
        if product is not None:
            return MetricChoice("category_trade", None, of=product, confidence=0.7)
    entries = _cued(lexicon, (cls, "any"))
    hits = _cue_hits(text, lo, hi, fig, entries, lexicon, within=(s, e)) or _cue_hits(
        text, lo, hi, fig, entries, lexicon
    )
    anaphor = None
    for m in _ANAPHOR.finditer(text, lo, fig.start) if previous is not None else ():
        anaphor = m
    earlier = _read(previous) if anaphor and (not hits or hits[0][2] < anaphor.start()) else None
    if anaphor and earlier:
        entry = lexicon.entry(earlier)
        # "It will shorten the route by 90 km" after a tonnage: not the same measure
        if entry is None or entry.unit in (cls, "any"):
            return MetricChoice(earlier, entry, cue_start=anaphor.start(), confidence=0.7)
    if not hits:
        partner = _partner_country(text, lo, fig, lexicon) if cls == "money" else None
        # the metric with a third-country variant is the one partner lists report
        trade = _partner_listed(lexicon)
        if partner is not None and trade is not None:
            if partner in ("KZ", "UZ"):
                return MetricChoice(trade.key, trade, confidence=0.6)
            third = lexicon.entry(trade.third) if trade.third else None
            return MetricChoice(trade.third or trade.key, third, confidence=0.6)
        return None
    _, entry, cs, ce = hits[0]
    return _finish(text, lo, hi, fig, entry, cs, ce, lexicon)


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


def _product_after(text: str, end: int, lexicon: Lexicon) -> str | None:
    """ "600,000 tonnes of wheat" shipped or exported: the product named after the figure."""
    m = re.match(r"\s+of\s+", text[end : end + 40])
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


def _product(text: str, cs: int, ce: int, lexicon: Lexicon) -> str | None:
    """The product a flow cue is about: "wheat exports", "shipments of cement"."""
    pat = _product_re(lexicon)
    before = text[max(0, cs - 40) : cs]
    words_before = re.findall(r"[\w-]+", before)[-3:]
    named = pat.search(" ".join(words_before))
    if named:
        return named.group(1).lower()
    after = re.match(
        r"\s+(?:(?:each other|one another)\s+(?:with\s+)?|of\s+|with\s+)", text[ce : ce + 50]
    )
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


def _partner_country(text: str, lo: int, fig: Figure, lexicon: Lexicon) -> str | None:
    """The country a figure belongs to in a list of partners: "Russia – $5.1bn"."""
    pat, of = _country_re(lexicon)
    left = text[max(lo, fig.start - 60) : fig.start]
    for m in pat.finditer(left):
        tail = left[m.end() :]
        if (
            re.fullmatch(r"\s*(?:[–—:-]|,?\s*with|\([^)]*\))\s*", tail)
            or re.fullmatch(
                r"\s+(?:remained|was|is|became|stayed|ranked)\b[^,;$]{0,40}\bpartner\s+with\s*",
                tail,
            )
            or re.fullmatch(
                r"\s+(?:held|holds|took|takes|came|comes|followed|follows|ranked|ranks|was|is)"
                r"\b[^,;$]{0,30}?\s*with\s*",
                tail,
            )
        ):
            word = m.group(0).lower().replace("’", "'")
            return of.get(word, of.get(word.removesuffix("'s")))
    return None


def _finish(
    text: str, lo: int, hi: int, fig: Figure, entry: MetricEntry, cs: int, ce: int, lexicon: Lexicon
) -> MetricChoice:
    key = entry.key
    direction = None
    if (
        entry.flow in ("exports", "imports")
        and entry.unit == "money"
        and entry.key.startswith("exports_")
    ):
        product = _product(text, cs, ce, lexicon)
        if product is not None:
            src, dst = _direction(text, lo, hi, cs, ce, entry.flow, lexicon, fig.start)
            flow = f"{src}->{dst}" if src and dst else None
            return MetricChoice("category_trade", None, cue_start=cs, direction=flow, of=product)
    if entry.flow:
        src, dst = _direction(text, lo, hi, cs, ce, entry.flow, lexicon, fig.start)
        if src and dst and "{src}" in key:
            key = key.format(src=src.lower(), dst=dst.lower())
            direction = f"{src}->{dst}"
        elif src and dst:
            direction = f"{src}->{dst}"
        elif "{src}" in key:
            return MetricChoice(f"unclassified:{entry.flow}", None, cue_start=cs, confidence=0.5)
    if entry.third:
        partner = _partner_country(text, lo, fig, lexicon)
        if partner in ("KZ", "UZ"):
            return MetricChoice(key, entry, cue_start=cs)
        if partner is not None:
            return MetricChoice(
                entry.third, lexicon.entry(entry.third), cue_start=cs, confidence=0.7
            )
        a, b = sorted((cs, fig.start))
        s, e = segment(text, lo, hi, fig.start)
        others = {c for _, _, c in countries(text, max(s, a - 40), min(e, b + 40), lexicon)} - {
            "KZ",
            "UZ",
        }
        named = [c for _, _, c in countries(text, s, e, lexicon)]
        reporters = [c for _, _, c in countries(text, s, cs, lexicon) if c not in _PAIR]
        if others or (reporters and len(set(named) & set(_PAIR)) == 1):
            # "Chinese customs, which report in yuan, put their trade with Kazakhstan at
            # 294 billion yuan": a third country's trade with one of the pair
            third = lexicon.entry(entry.third)
            return MetricChoice(entry.third, third, cue_start=cs, confidence=0.7)
    return MetricChoice(key, entry, cue_start=cs, direction=direction)


def _count_metric(
    text: str, lo: int, hi: int, fig: Figure, lexicon: Lexicon
) -> MetricChoice | None:
    noun = (fig.noun or "").lower()
    head = noun.split()[-1] if noun else ""
    best: tuple[int, MetricEntry] | None = None
    s, e = segment(text, lo, hi, fig.start)
    for entry in lexicon.metrics:
        if entry.unit != "count" or not entry.nouns:
            continue
        if head not in entry.nouns and not any(noun.endswith(n) for n in entry.nouns if " " in n):
            continue
        if entry.context_res and not any(p.search(text, s, e) for p in entry.context_res):
            continue
        if any(p.search(text, s, e) for p in entry.unless_res):
            continue
        rank = entry.priority + (
            2 if any(" " in n and noun.endswith(n) for n in entry.nouns) else 0
        )
        if best is None or rank > best[0]:
            best = (rank, entry)
    if best is None:
        slug = re.sub(r"[^a-z0-9]+", "_", noun).strip("_") or "count"
        return MetricChoice(f"unclassified:{slug}", None, confidence=0.6)
    entry = best[1]
    if entry.flow:
        choice = _finish(text, lo, hi, fig, entry, fig.start, fig.end, lexicon)
        if choice.key.startswith("unclassified:"):
            slug = re.sub(r"[^a-z0-9]+", "_", noun).strip("_")
            return MetricChoice(f"unclassified:{slug}", None, confidence=0.6)
        return choice
    return MetricChoice(entry.key, entry)


def _change_metric(
    text: str, lo: int, hi: int, fig: Figure, lexicon: Lexicon, previous: Previous
) -> MetricChoice:
    """growth_rate / growth_multiple / share, with `of` the metric they refer to."""
    s, e = segment(text, lo, hi, fig.start)
    money = _cued(lexicon, ("money",))
    hits = _cue_hits(text, lo, hi, fig, money, lexicon)
    of: str | None = None
    if hits:
        _, entry, cs, ce = hits[0]
        of = _finish(text, lo, hi, fig, entry, cs, ce, lexicon).key
    else:
        of = _read(previous)
    if fig.kind == "times":
        if re.match(r"\s+as\s+(?:much|many|large|big|high|great)\b", text[fig.end : fig.end + 20]):
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
    change_word = (
        r"(?:rise|increase|growth|decline|drop|fall|decrease|jump|gain|surge|slump|reduction)"
    )
    made_up = re.search(r"\b(?:make|makes|made|making)\s+up\s*\Z", near_left, re.I)
    if (
        (re.search(r"\b(?:by|up|down|plus|minus)\s*\Z", near_left, re.I) and not made_up)
        or re.match(
            r"\s*(?:more|less|higher|lower|up|down|year[- ]on[- ]year|y/y)\b", near_right, re.I
        )
        or re.match(rf"\s*(?:year[- ]on[- ]year\s+|annual\s+)?{change_word}", near_right, re.I)
    ):
        change = (
            _change_direction(text, max(s, fig.start - 30), min(e, fig.end + 40), fig)
            or _change_direction(text, max(s, fig.start - 60), min(e, fig.end + 40), fig)
            or "up"
        )
        return MetricChoice("growth_rate", lexicon.entry("growth_rate"), of=of, change=change)
    paren_after_amount = re.search(
        r"\d\s*(?:bn|billion|million|mln|[a-z]+)?\s*\(\s*$",
        text[max(lo, fig.start - 25) : fig.start],
        re.I,
    )
    level_after_change = re.search(r"\bto\s*\Z", near_left) and (
        _CHANGE_UP.search(seg_left) or _CHANGE_DOWN.search(seg_left)
    )
    if (
        paren_after_amount
        or level_after_change
        or re.search(
            r"\b(?:share|account(?:s|ed|ing)? for|makes? up|made up|bulk|majority|most)\b",
            seg_left,
            re.I,
        )
        or re.match(r"\s*(?:share|of)\b", near_right, re.I)
    ):
        whole = re.match(
            r"\s*(?:share\s+)?of\s+((?:[\w'’-]+\s+){0,4}?(?:trade|turnover|exports|imports|total|GDP|supplies|shipments)\w*)",
            near_right,
            re.I,
        )
        share_of = whole.group(1).strip().lower().replace(" ", "_") if whole else of
        return MetricChoice("share", lexicon.entry("share"), of=share_of)
    nearby = _change_direction(text, max(s, fig.start - 60), min(e, fig.end + 40), fig)
    if nearby is not None:
        return MetricChoice("growth_rate", lexicon.entry("growth_rate"), of=of, change=nearby)
    if fig.kind == "percentage_point":
        return MetricChoice("growth_rate", lexicon.entry("growth_rate"), of=of, confidence=0.6)
    return MetricChoice("unclassified:percent", None, of=of, confidence=0.5)


def _change_direction(text: str, a: int, b: int, fig: Figure) -> str | None:
    """ "up" or "down" from the change word in text[a:b] nearest the figure, or None."""
    best: tuple[int, str] | None = None
    for pat, direction in ((_CHANGE_UP, "up"), (_CHANGE_DOWN, "down")):
        for m in pat.finditer(text, a, b):
            d = fig.start - m.end() if m.end() <= fig.start else max(0, m.start() - fig.end)
            if best is None or d < best[0]:
                best = (d, direction)
    return best[1] if best else None


_ATTR_PATTERNS = [
    re.compile(
        r"\baccording to (?:the )?((?:[A-Z][\w’'.-]*|of|the|and|for|on)"
        r"(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|for|on))*)"
    ),
    re.compile(
        r"\b(?:said|says|noted|stated|emphasized|emphasised|stressed|told|announced|reported)"
        r"\s+((?:[A-Z][\w’'-]+\s?){2,3})"
    ),
    re.compile(
        r"((?:[A-Z][\w’'-]+\s){1,2}[A-Z][\w’'-]+)\s+(?:said|says|noted|stated|emphasized|emphasised|stressed|told|announced|reported)\b"
    ),
    re.compile(
        r"\b(?:as reported by|reported by|citing|cites|quoted by|according to)\s+(?:the\s+)?"
        r"([\w.’'-]+(?:\s+[A-Z][\w.’'-]+)*)"
    ),
    re.compile(r"((?:[A-Z][\w.’'-]+\s?){1,4})\s+reports?\b"),
]


@cache
def _attribution_set() -> PatternSet:
    return PatternSet(_ATTR_PATTERNS)


def attribution(text: str, lo: int, hi: int) -> str | None:
    """Who a sentence cites: "according to X", "said X", "X reports", "citing X"."""
    patterns = _attribution_set()
    for i in patterns.candidates(text, lo, hi):
        m = patterns.patterns[i].search(text, lo, hi)
        if m:
            who = m.group(1).strip(" ,.")
            if who and who.lower() not in ("the", "he", "she", "it", "they"):
                return who
    return None
