"""Documents in, typed claims out: sentences -> figures -> cues -> Claim."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from kzuz_claims.config import Config, Tolerances
from kzuz_claims.extract import _literals, _memo, cues, numbers, periods, persons, sentences
from kzuz_claims.extract._literals import Alternatives, folded_text, search, share_all
from kzuz_claims.extract.lexicon import Lexicon, MetricEntry, load_lexicon
from kzuz_claims.extract.numbers import PAGE_NOISE, Figure, Masks, scan
from kzuz_claims.extract.periods import PeriodMention
from kzuz_claims.extract.persons import find_persons
from kzuz_claims.model import (
    Claim,
    Document,
    MetricKind,
    Modality,
    Period,
    PeriodBasis,
    PeriodKind,
    PersonMention,
    Quantity,
    Quote,
    Span,
    claim_id,
)
from kzuz_claims.model._base import keep_significant, trusted
from kzuz_claims.normalize.qualifiers import interval_bounds

_NOISE = Alternatives(PAGE_NOISE)
_LINK = re.compile(
    r"^[\s,]*(?:\w+\s+){0,4}?(?:worth|valued\s+at|with\s+a\s+(?:total\s+)?(?:value|cost)\s+of"
    r"|totall?ing|costing|amounting\s+to|at\s+a\s+(?:total\s+)?cost\s+of|for\s+a\s+total\s+of"
    r"|estimated\s+at|put\s+at|of|for)(?:\s+(?:about|around|some|nearly|almost|over|more\s+than))?\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Claims and person mentions of a set of documents, in document order."""

    claims: tuple[Claim, ...]
    persons: tuple[PersonMention, ...]


def extract(
    documents: Iterable[Document], *, config: Config | None = None, lexicon: Lexicon | None = None
) -> Extraction:
    """Every quantitative claim and every named person in the documents."""
    docs = list(documents)
    lex = lexicon or load_lexicon()
    cfg = config or Config()
    claims: list[Claim] = []
    _prepare(lex)
    with _memo.scope():
        for doc in docs:
            claims.extend(extract_claims(doc, config=cfg, lexicon=lex))
        persons = find_persons(docs, lex)
    return Extraction(tuple(claims), tuple(persons))


def _prepare(lex: Lexicon) -> None:
    """Every reader's shared pattern sets made before any text is read, and the shared
    literal finder made once for all of them: made as each reader first asks, during the
    first extraction, the finder would be made several times over."""
    for reader in (periods, numbers, cues, persons):
        reader.prepare(lex)
    share_all()


_BULLET = re.compile(r"[ \t]*[→•▸►▪●*»–-][ \t]")


_LINK_MARKS = ":→▸»"
"""What every link label ends with: a line without one cannot open a link list."""


@lru_cache(maxsize=8)
def _link_label(lex: Lexicon) -> re.Pattern[str] | None:
    labels = lex.phrases.noise.get("links", ())
    if not labels:
        return None
    alt = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
    return re.compile(rf"[ \t]*(?:{alt})[ \t]*[{_LINK_MARKS}]", re.I)


def _link_lists(text: str, start: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Stretches of text that link to other articles: a line opening with "Read also:" or
    "Related:", and the arrow or bullet lines right under it (decision 23 of the corpus).

    Lines are read one by one only from the first that opens with a label, found from
    the marks labels end with (most texts have none): no line before it can be a link."""
    label = _link_label(lex)
    if label is None:
        return []
    first = _first_label_line(text, start, label)
    return [] if first is None else _link_lines(text, first, label)


def _link_lines(text: str, pos: int, label: re.Pattern[str]) -> list[tuple[int, int]]:
    """The link lists of the lines from `pos` on, each line read."""
    out: list[tuple[int, int]] = []
    in_list = False
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if label.match(text, pos, end):
            out.append((pos, end))
            in_list = True
        elif in_list and _BULLET.match(text, pos, end):
            out.append((pos, end))
        elif text[pos:end].strip():
            in_list = False
        pos = end + 1
    return out


def _first_label_line(text: str, start: int, label: re.Pattern[str]) -> int | None:
    """Where the first line from `start` that opens with a link label starts: looked for
    only in the lines that hold a mark (found with str.find, which a regex of the marks
    is many times slower than)."""
    first: int | None = None
    for mark in _LINK_MARKS:
        at = text.find(mark, start)
        while at >= 0 and (first is None or at < first):
            line = max(text.rfind("\n", start, at) + 1, start)
            nl = text.find("\n", at)
            end = len(text) if nl < 0 else nl
            if label.match(text, line, end):
                first = line
                break
            at = text.find(mark, end)
    return first


@dataclass
class _State:
    """What a document has said so far that later sentences lean on."""

    metric: str | None = None
    count: tuple[str, str | None, int] | None = None
    """The last counted thing: (metric, noun, sentence index)."""
    period: Period | None = None
    carried: Period | None = None
    """The period the previous sentences set, before this sentence's own."""
    period_sentence: int = -10
    point: Period | None = None
    """The last as-of date the text named, for "on the same date"."""
    seasons: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Seasons the text has defined by their months: "the April–September growing season"
    makes "last year's growing season" April to September of last year."""
    lone: list[tuple[int, int]] = field(default_factory=list)
    """Sentences without figures since `metric` was last set; the topic they name is
    read only when a later figure asks for it (`current_metric`)."""

    _inherited: tuple[Period, Period] | None = field(default=None, init=False, repr=False)

    def inherited(self) -> Period:
        """`period` as one a figure takes from the sentences before it: every figure that
        does gets the same copy."""
        assert self.period is not None
        if self._inherited is None or self._inherited[0] is not self.period:
            copy = self.period.model_copy(update={"basis": PeriodBasis.INHERITED})
            self._inherited = (self.period, copy)
        return self._inherited[1]

    def set_metric(self, metric: str) -> None:
        self.metric = metric
        self.lone.clear()

    def current_metric(self, text: str, lex: Lexicon) -> str | None:
        """The money metric the text was last about: the last sentence without figures
        that names one ("Trade is the main topic of the talks."), else `metric`."""
        while self.lone:
            lo, hi = self.lone.pop()
            found = cues.choose_metric(text, lo, hi, _virtual(hi), lex, None)
            if found is not None and found.entry is not None and found.entry.unit == "money":
                self.set_metric(found.key)
                break
        return self.metric


def extract_claims(
    doc: Document, *, config: Config | None = None, lexicon: Lexicon | None = None
) -> list[Claim]:
    """The claims of one document, in text order."""
    _prepare(lexicon or load_lexicon())
    with _memo.scope():
        return _claims_of(doc, config=config, lexicon=lexicon)


def _claims_of(
    doc: Document, *, config: Config | None = None, lexicon: Lexicon | None = None
) -> list[Claim]:
    """`extract_claims`, inside a memo scope."""
    lex = lexicon or load_lexicon()
    cfg = config or Config()
    text = doc.text
    pub = doc.published
    sents = sentences.split(text, doc.body_start)
    source, cited = _doc_source(text, sents, doc.body_start)
    state = _State()
    out: list[Claim] = []
    links = _link_lists(text, doc.body_start, lex)
    for si, sent in enumerate(sents):
        lo, hi = sent.start, sent.end
        if any(a <= lo < b for a, b in links):
            continue
        pms = periods.find(text, lo, hi, pub)
        if pms:
            pms = [_resolve_anaphoric(p, state) for p in pms]
        masked = Masks([(p.start, p.end) for p in pms], _NOISE, text, lo, hi)
        figs = scan(text, lo, hi, masked, lex)
        state.carried = state.period
        if pms:  # most sentences name no period: nothing below would change
            pms = _seasons(text, _mark_bases(text, pms, figs), state)
            _follow(text, pms, state, si)
        # only figures and milestones (which need periods) carry it
        if not (figs or pms):
            attribution = source
        elif si in cited:
            attribution = cited[si] or source
        else:
            attribution = cues.attribution(text, lo, hi) or source
        prev_count: tuple[Figure, Claim] | None = None
        sentence_metric: str | None = None
        paired = _respectively(text, lo, hi, figs, pms, lex) if len(figs) > 1 else {}
        in_sentence = _Periods.of(pms) if figs else _NO_PERIODS
        for fi, fig in enumerate(figs):
            next_start = figs[fi + 1].start if fi + 1 < len(figs) else hi
            # in "A and B ... $1 and $2 respectively" each figure reads its own item
            seen, own = paired.get(fi, (text, in_sentence))
            claim = _claim(
                doc,
                seen,
                lo,
                hi,
                fig,
                own,
                lex,
                cfg,
                state,
                si,
                prev_count,
                next_start,
                attribution,
            )
            if claim is None:
                continue
            if seen is not text:
                claim = claim.model_copy(update={"quote": text[claim.span.start : claim.span.end]})
            converted = out[-1] if out and fi > 0 else None
            if converted is not None and _converts(text, figs[fi - 1], fig, converted, claim):
                # "4.6 billion tenge (about $9.7 million)": the same amount in another
                # currency, stated as the first one is
                claim = claim.model_copy(
                    update={
                        "modality": converted.modality,
                        "period": converted.period,
                        "period_as_written": converted.period_as_written,
                        "horizon": converted.horizon,
                    }
                )
            out.append(claim)
            if claim.quantity.unit == "count" and claim.metric != "change_abs":
                if not claim.metric.startswith("unclassified"):
                    prev_count = (fig, claim)
                # "640 of them in Shymkent, and 150 of them": what is counted is national
                state.count = (claim.metric.removeprefix("regional:"), claim.noun, si)
            if sentence_metric is None and claim.quantity.unit not in (
                "percent",
                "percentage_point",
                "times",
                "rank",
                "count",
            ):
                # "this figure" in the next sentence is the main clause's, the first one
                sentence_metric = _untargeted(claim.metric, lex)
        if pms:
            out.extend(_milestones(doc, text, lo, hi, pms, attribution))
        if sentence_metric:
            state.set_metric(sentence_metric)
        else:
            # a sentence without figures can still name the topic the next one refers to
            state.lone.append((lo, hi))
    return _merge_repeats(_merge_headline_repeats(out, sents, text))


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_ITEM = r"[\w'’-]+"
_COORDINATION = re.compile(rf"(?=\b({_ITEM})((?:,\s*{_ITEM})*),?\s+and\s+({_ITEM})\b)")


def _respectively(
    text: str,
    lo: int,
    hi: int,
    figs: Sequence[Figure],
    pms: Sequence[PeriodMention],
    lex: Lexicon,
) -> dict[int, tuple[str, _Periods]]:
    """Figures of an "A and B ... $1 and $2, respectively" list, each with what it reads.

    Figure i sees the sentence with the other items blanked out (offsets unchanged), and
    only its own period when the items are periods ("in 2022 and 2023 ... respectively").
    """
    resp = search(_RESPECTIVELY, text, folded_text(text), lo, hi)
    if resp is None:
        return {}
    run = [i for i, f in enumerate(figs) if f.end <= resp.start()]
    # the list is the figures joined by "and" / commas right before "respectively"
    listed: list[int] = []
    for i in reversed(run):
        if listed and not re.fullmatch(
            r"\s*(?:,\s*)?(?:and\s+)?", text[figs[i].end : figs[listed[-1]].start]
        ):
            break
        listed.append(i)
    listed.reverse()
    n = len(listed)
    if n < 2:
        return {}
    first, last = figs[listed[0]].start, figs[listed[-1]].end
    flows = _flow_list(text, lo, first, n, lex)
    if flows:
        return {fi: (_blank(text, flows, k), _Periods.of(pms)) for k, fi in enumerate(listed)}
    items: list[tuple[int, int]] = []
    for m in _COORDINATION.finditer(text, lo, resp.start()):
        spans = [(m.start(1), m.end(1))]
        spans += [
            (x.start(1) + m.start(2), x.end(1) + m.start(2))
            for x in re.finditer(rf",\s*({_ITEM})", m.group(2))
        ]
        spans.append((m.start(3), m.end(3)))
        if len(spans) == n and (spans[-1][1] <= first or spans[0][0] >= last):
            items = spans
            if spans[0][0] >= last:
                break
    if not items:
        return {}
    out: dict[int, tuple[str, _Periods]] = {}
    for k, fi in enumerate(listed):
        a, b = items[0][0], items[-1][1]
        ka, kb = items[k]
        seen = text[:a] + " " * (ka - a) + text[ka:kb] + " " * (b - kb) + text[b:]
        others = [span for j, span in enumerate(items) if j != k]
        own = [p for p in pms if not any(p.start < b and a < p.end for a, b in others)]
        out[fi] = (seen, _Periods.of(own))
    return out


def _flow_list(text: str, lo: int, first: int, n: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of the n flow words ("exports ... and imports") that the n figures of a
    "respectively" list answer: the words before the first figure name exactly n,
    joined by "and" or commas with at most a short phrase each ("to Uzbekistan").

    A span takes the joiner after it when nothing else stands between two flow words
    ("Kazakh exports and imports"), so that blanking it leaves "Kazakh ... imports"."""
    words = [(m.start(), m.end()) for m in _flow_words(lex).finditer(text, lo, first)]
    if len(words) != n or n < 2:
        return []
    spans = [words[0]]
    for (_, a_end), (b_start, b_end) in pairwise(words):
        if _FLOW_JOINER.fullmatch(text, a_end, b_start):
            spans[-1] = (spans[-1][0], b_start)  # "exports and" goes as one
        elif not _FLOW_PHRASE.fullmatch(text, a_end, b_start):
            return []
        spans.append((b_start, b_end))
    return spans


def _blank(text: str, spans: Sequence[tuple[int, int]], keep: int) -> str:
    """`text` with every span but the `keep`-th replaced by spaces (offsets kept)."""
    for j, (a, b) in enumerate(spans):
        if j != keep:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


@lru_cache(maxsize=8)
def _flow_words(lex: Lexicon) -> re.Pattern[str]:
    """The cue words of the export and import metrics of the lexicon, as one pattern."""
    cues_ = [p.pattern for m in lex.metrics if m.flow in ("exports", "imports") for p in m.cue_res]
    return re.compile("|".join(f"(?:{c})" for c in cues_) or r"(?!)", re.I)


_FLOW_JOINER = re.compile(r"\s*,?\s*(?:and\s+)?", re.I)
_FLOW_PHRASE = re.compile(r"\s+(?:to|from|into|of)\s[^,;.\d]{1,40}?,?\s+and\s+", re.I)


_SUBJECT = re.compile(
    r"\s*(?:(?:the|some|about|around|over|more\s+than)\s+)?([A-Z][a-z]+(?:[\s-][a-z]+)?s)\b"
    r"[^.;:]*?\bnumber(?:ed)?\s"
)
"""A sentence that opens with what a "numbered" counts: "Enterprises with Uzbek capital
in Kazakhstan numbered 455"."""

_OPENS_CONVERSION = re.compile(
    r"\s*\(\s*(?:about|approximately|around|roughly|some|nearly|~)?\s*\Z", re.I
)


def _converts(text: str, prev: Figure, fig: Figure, main: Claim, claim: Claim) -> bool:
    """Whether `fig` is `prev`'s amount converted, in brackets right after it: both
    money, other currencies, the same metric."""
    return (
        prev.kind == fig.kind == "money"
        and prev.unit != fig.unit
        and main.metric == claim.metric
        and main.span.end == prev.end
        and _OPENS_CONVERSION.match(text, prev.end, fig.start) is not None
    )


_NOUN_BEFORE = re.compile(
    r"\b(?:number|list|count|total)\s+of\s+((?:[\w-]+\s+){0,3}?[\w-]+s)\b", re.I
)


def _last(matches: Iterable[re.Match[str]]) -> re.Match[str] | None:
    """The last of the matches, or None."""
    found = None
    for found in matches:  # noqa: B007 - the loop keeps the last one
        pass
    return found


def _noun_end(fig: Figure) -> int:
    return fig.noun_end or fig.end


def _resolve_reference(
    text: str, lo: int, fig: Figure, refers: str, state: _State, si: int, lex: Lexicon
) -> tuple[Figure, cues.MetricChoice] | None:
    """What a number without a counted noun counts: see numbers._refers_back."""
    if refers == "from":
        # "the number of firms ... rose from 958", "firms numbered 455, down from 640":
        # the noun the sentence names comes first
        for kind in ("noun", "subject"):
            resolved = _resolve_reference(text, lo, fig, kind, state, si, lex)
            if resolved is not None:
                return resolved
    if refers == "subject":
        found = _SUBJECT.match(text, lo, fig.start)
        if found is None:
            return None
        named = replace(fig, noun=found.group(1), noun_end=fig.num_end)
        at_noun = replace(named, start=found.start(1), end=found.end(1))
        choice = cues.choose_metric(text, lo, fig.end, at_noun, lex, None)
        return (named, choice) if choice is not None else None
    if refers == "noun":
        found = _last(_NOUN_BEFORE.finditer(text, lo, fig.start))
        if found is None:
            return None
        named = replace(fig, noun=found.group(1), noun_end=fig.num_end)
        at_noun = replace(named, start=found.start(), end=found.end())
        choice = cues.choose_metric(text, lo, fig.end, at_noun, lex, None)
        return (named, choice) if choice is not None else None
    if state.count is None or si - state.count[2] > 3:
        return None
    metric, noun, _ = state.count
    named = replace(fig, noun=noun, noun_end=_noun_end(fig))
    if refers == "change":
        return named, cues.MetricChoice("change_abs", None, of=metric, confidence=0.7)
    return named, cues.MetricChoice(metric, lex.entry(metric), confidence=0.7)


_MILESTONE = re.compile(
    r"\b(?P<what>(?:official\s+)?(?:complet|commission|open|launch|inaugurat|finish|put\s+into\s+(?:operation|service)"
    r"|start\s+of\s+operations?|technical\s+launch)\w*)",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?P<m>due|expected|scheduled|planned|plans?|will|to\s+be|set\s+to|is\s+to|slated)\b", re.I
)


def _milestones(
    doc: Document,
    text: str,
    lo: int,
    hi: int,
    pms: Sequence[PeriodMention],
    attribution: str | None,
) -> list[Claim]:
    """ "due to be completed in 2025", "opening is expected in Q4 2026": a project milestone.

    The year is the claim's value (unit `year`); the period holds the exact window.
    """
    out = []
    for pm in pms:
        if pm.role not in ("period", "horizon") or pm.period is None:
            continue
        if pm.period.basis != PeriodBasis.EXPLICIT and pm.role != "horizon":
            continue
        folded, before = folded_text(text), max(lo, pm.start - 70)
        future = search(_FUTURE, text, folded, before, pm.start)
        if future is None:
            continue
        found = _literals.scan(_MILESTONE, text, folded, before, pm.start)
        if not found:
            continue
        what = found[-1]
        start = min(what.start(), future.start())
        word = future.group("m").lower()
        modality = Modality.FORECAST if word in ("expected", "set to") else Modality.PLAN
        verb = re.sub(r"\s+", "_", what.group("what").lower())
        scope = next((s for stem, s in _MILESTONE_SCOPES if verb.startswith(stem)), "milestone")
        year = pm.period.end.year
        span = Span(doc=doc.id, start=start, end=pm.end, sentence_start=lo, sentence_end=hi)
        out.append(
            Claim(
                id=claim_id(doc.id, start, pm.end, "milestone_date"),
                doc=doc.id,
                span=span,
                quote=text[start : pm.end],
                metric="milestone_date",
                kind=MetricKind.STOCK,
                scope=scope,
                quantity=Quantity.exact(year, "year"),
                period=pm.period,
                modality=modality,
                attribution=attribution,
                confidence=0.7,
            )
        )
    return out


_MILESTONE_SCOPES = (
    ("official_open", "official_opening"),
    ("complet", "completion"),
    ("finish", "completion"),
    ("commission", "commissioning"),
    ("technical_launch", "technical_launch"),
    ("open", "opening"),
    ("launch", "launch"),
    ("inaugurat", "opening"),
    ("put_into", "commissioning"),
    ("start_of", "launch"),
)


def _untargeted(metric: str, lex: Lexicon) -> str:
    """The metric a target is a target for (trade_target -> trade_turnover), from the lexicon."""
    return _targets_of(lex).get(metric, metric)


@lru_cache(maxsize=8)
def _targets_of(lex: Lexicon) -> dict[str, str]:
    """Each target metric of the lexicon with the first metric it is the target for."""
    out: dict[str, str] = {}
    for m in lex.metrics:
        if m.target is not None:
            out.setdefault(m.target, m.key)
    return out


def _virtual(pos: int) -> Figure:
    """A zero-width money figure at `pos`: asks which money metric a sentence names."""
    return Figure(
        start=pos, end=pos, num_start=pos, num_end=pos, value=Decimal(0), unit="USD", kind="money"
    )


_HEAD = 600
"""How far into the body the source line of a document is looked for."""


def _doc_source(
    text: str, sents: Sequence[sentences.Sentence], body_start: int
) -> tuple[str | None, dict[int, str | None]]:
    """Who the opening lines cite: the first three sentences, cut at `_HEAD` characters;
    and whom each whole sentence read for it cites, by its index, which the sentence
    loop would ask again."""
    cut = body_start + _HEAD
    read: dict[int, str | None] = {}
    for si, sent in enumerate(sents[:3]):
        end = min(sent.end, cut)
        while end > sent.start and text[end - 1].isspace():
            end -= 1
        if end <= sent.start:
            break
        who = cues.attribution(text, sent.start, end)
        if end == sent.end:
            read[si] = who
        if who:
            return who, read
    return None, read


def _resolve_anaphoric(pm: PeriodMention, state: _State) -> PeriodMention:
    """ "Over the year" is the whole year of the period the article has been talking about;
    "on the same date" is the last as-of date it named."""
    if not pm.anaphoric:
        return pm
    if "date" in pm.text.lower():
        if state.point is None:
            return replace(pm, role="date")
        return replace(pm, period=state.point.model_copy(update={"basis": PeriodBasis.INHERITED}))
    carried = state.period
    if carried is not None and "year" not in pm.text.lower():
        # "over the quarter", "in the same period": the period already under discussion
        return replace(pm, period=carried.model_copy(update={"basis": PeriodBasis.INHERITED}))
    if carried is None:
        return replace(pm, role="date")
    y = carried.end.year
    year = Period(
        start=date(y, 1, 1),
        end=date(y, 12, 31),
        kind=PeriodKind.YEAR,
        basis=PeriodBasis.INHERITED,
        text=pm.text,
    )
    return replace(pm, period=year)


def _drill_down(inner: Period | None, outer: Period | None) -> bool:
    """ "In December 2024, trade was ..." inside an article about 2024: a month or quarter of
    the period being discussed is an aside, and the next sentences go back to the whole."""
    if inner is None or outer is None or inner.kind not in (PeriodKind.MONTH, PeriodKind.QUARTER):
        return False
    return outer.start <= inner.start and inner.end <= outer.end and outer != inner


_FROM = re.compile(r"\b(?:from|against|versus|vs\.?|compared\s+(?:to|with))\s*\Z", re.I)


_SEASON = re.compile(
    r"\s*(?:'s\s+)?((?:growing|irrigation|vegetation|sowing|harvest)\s+season)\b", re.I
)


def _seasons(text: str, pms: list[PeriodMention], state: _State) -> list[PeriodMention]:
    """Learn the months of a season the text names ("the April–September growing season"),
    and give a year's season those months ("last year's growing season")."""
    out = []
    for p in pms:
        named = _SEASON.match(text, p.end)
        if named is None or p.period is None:
            out.append(p)
            continue
        name = " ".join(named.group(1).lower().split())
        per = p.period
        if per.kind == PeriodKind.RANGE and per.start.year == per.end.year:
            state.seasons[name] = (per.start.month, per.end.month)
        elif per.kind == PeriodKind.YEAR and name in state.seasons:
            m1, m2 = state.seasons[name]
            y = per.start.year
            end = date(y, m2, calendar.monthrange(y, m2)[1])
            season = per.model_copy(
                update={"start": date(y, m1, 1), "end": end, "kind": PeriodKind.RANGE}
            )
            p = replace(p, period=season)
        out.append(p)
    return out


def _mark_bases(text: str, pms: list[PeriodMention], figs: Sequence[Figure]) -> list[PeriodMention]:
    """Mark the period right after a change's starting figure ("from $207.0 million in the
    first half of 2023") as that figure's own, not the sentence's."""
    out = []
    for p in pms:
        if p.role == "period" and p.period is not None:
            prev = next((f for f in reversed(figs) if f.end <= p.start), None)
            if (
                prev is not None
                and p.start - prev.end <= 40
                and not _CLAUSE_MARK.search(text, prev.end, p.start)
                and search(_FROM, text, folded_text(text), max(0, prev.start - 16), prev.start)
            ):
                p = replace(p, base=True)
        out.append(p)
    return out


_ALONE = re.compile(r"\s*alone\b")


def _follow(text: str, pms: Sequence[PeriodMention], state: _State, si: int) -> None:
    """The period and the as-of date a sentence sets for those after it."""
    main = next((p for p in pms if p.role == "period" and not p.base), None)
    if main is not None and not (
        _ALONE.match(text, main.end, main.end + 8) or _drill_down(main.period, state.period)
    ):
        state.period, state.period_sentence = main.period, si
    for p in pms:
        if p.period is not None and p.period.kind == PeriodKind.POINT:
            state.point = p.period
            break


def _claim(
    doc: Document,
    text: str,
    lo: int,
    hi: int,
    fig: Figure,
    mentions: _Periods,
    lex: Lexicon,
    cfg: Config,
    state: _State,
    si: int,
    prev_count: tuple[Figure, Claim] | None,
    next_start: int,
    attribution: str | None,
) -> Claim | None:
    refers = fig.extra.get("refers")
    choice: cues.MetricChoice | None
    if refers is not None:
        resolved = _resolve_reference(text, lo, fig, refers, state, si, lex)
        if resolved is None:
            return None
        fig, choice = resolved
    else:
        choice = cues.choose_metric(
            text, lo, hi, fig, lex, lambda: state.current_metric(doc.text, lex)
        )
    linked: tuple[str, ...] = ()
    scope: str | None = None
    forced_modality: Modality | None = None
    if fig.kind == "money" and prev_count is not None:
        cfig, cclaim = prev_count
        between = text[_noun_end(cfig) : fig.start]
        entry = lex.entry(cclaim.metric)
        if entry is not None and entry.value and _LINK.match(between):
            vchoice = cues.MetricChoice(entry.value, lex.entry(entry.value), cue_start=cfig.start)
            choice = vchoice
            scope = cclaim.scope
            forced_modality = cclaim.modality
            linked = (cclaim.id,)
    if choice is None and fig.kind in _PHYSICAL:
        choice = cues.choose_metric(
            text, doc.body_start, lo, replace(fig, start=lo, end=lo), lex, None
        )
        if choice is not None:
            choice = replace(choice, cue_start=None, confidence=0.5)
    if fig.kind == "money":
        kinds, folded = _amount_kinds(lex), folded_text(text)
        if kinds.per_unit_after.match(text, fig.end, hi) or search(
            kinds.per_unit_before, text, folded, lo, fig.start
        ):
            # "98,000 tenge per tonne", "a kilogram of cherries sold for 1,400 tenge": a price
            choice = cues.MetricChoice("unclassified:price", None, confidence=0.5)
        elif financing := search(kinds.financing_before, text, folded, lo, fig.start):
            # "offered a loan of up to EUR 80 million": money lent or granted, not a cost
            word = financing.group(1).lower().rstrip("s").replace(" ", "_")
            choice = cues.MetricChoice(f"unclassified:{word}", None, confidence=0.5)
    if choice is None:
        slug = _head_noun(text, lo, fig.start)
        choice = cues.MetricChoice(f"unclassified:{slug}", None, confidence=0.4)
    if choice.entry is not None and choice.entry.national:
        place = cues.region(text, lo, hi, fig, lex)
        if place is not None:
            # "Jizzakh already hosts 46 companies with Kazakh capital": a part of the
            # national figure, compared with nothing national
            choice = replace(choice, key=f"regional:{choice.key}", of=place)
    elif choice.key in _CHANGE_FORMS and choice.of is not None:
        whole = lex.entry(choice.of)
        if whole is not None and whole.national and cues.region(text, lo, hi, fig, lex):
            # "trade through the Saryagash crossing grew by 11 percent"
            choice = replace(choice, of=f"regional:{choice.of}")
    entry = choice.entry
    mod = forced_modality or (entry.modality if entry and entry.modality else None)
    if mod is None:
        mod = cues.modality(text, lo, hi, fig, lex) or Modality.ACTUAL
    key = choice.key
    if mod == Modality.TARGET and entry is not None and entry.target:
        key = entry.target
    if entry is not None and scope is None:
        scope = cues.scope(text, lo, hi, fig, entry, lex)
    kind = (
        entry.kind
        if entry is not None
        else (MetricKind.STOCK if fig.kind == "count" else MetricKind.FLOW)
    )
    if key in ("growth_rate", "growth_multiple", "share"):
        kind = MetricKind.FLOW
    period, as_written, horizon, compared = _period_for(
        fig, mentions, kind, mod, doc.published, state, si, key, next_start, text, lo
    )
    if (
        mod != Modality.ACTUAL
        and forced_modality is None
        and period is not None
        and doc.published is not None
        and period.end < doc.published
        and search(_FROM, text, folded_text(text), max(lo, fig.start - 16), fig.start)
    ):
        # the base a forecast is set against is a past figure: "to reach 5.5 bcm this
        # year, against 3.4 bcm in 2024"
        mod = Modality.ACTUAL
    value = fig.value
    if key == "growth_rate" and choice.change == "down" and value > 0:
        value = -value
    unit = fig.unit
    if entry is not None and entry.per is not None and fig.kind in _PHYSICAL and "/" not in unit:
        unit = f"{unit}/{entry.per}"
    quantity = _quantity(value, unit, fig, cfg.tolerances)
    entities = _entities(text, lo, hi, entry, key, lex)
    qstart = fig.start
    if choice.cue_start is not None and choice.cue_start < fig.start:
        s, _ = cues.segment(text, lo, hi, fig.start)
        if choice.cue_start >= s and fig.start - choice.cue_start <= 160:
            qstart = choice.cue_start
    qend = _noun_end(fig) if fig.kind == "count" else fig.end
    # made trusted (see model._base.trusted): every value is of its field's type, the
    # numbers are kept as `Number` keeps them, and the span is in order (a figure and
    # its cue lie in their sentence)
    span = {"doc": doc.id, "start": qstart, "end": qend, "sentence_start": lo, "sentence_end": hi}
    return trusted(
        Claim,
        {
            "id": claim_id(doc.id, qstart, qend, key),
            "doc": doc.id,
            "span": trusted(Span, span),
            "quote": text[qstart:qend],
            "metric": key,
            "kind": kind,
            "of": choice.of,
            "scope": scope,
            "object": None,
            "noun": fig.noun,
            "entities": entities,
            "direction": choice.direction,
            "quantity": quantity,
            "period": period,
            "period_as_written": as_written,
            "horizon": horizon,
            "compared_to": compared,
            "modality": mod,
            "change": "down" if value < 0 else ("up" if choice.change == "up" else None),
            "attribution": attribution,
            "in_scope": entry.in_scope if entry is not None else True,
            "confidence": float(choice.confidence)
            * (0.8 if fig.extra.get("currency") == "assumed" else 1),
            "linked": linked,
            "also_quoted": (),
        },
        _CLAIM_GIVEN,
    )


_CLAIM_GIVEN = frozenset(Claim.model_fields) - {"object", "also_quoted"}
"""The fields a claim of a figure is given: the others keep their defaults."""


def _quantity(value: Decimal, unit: str, fig: Figure, tolerances: Tolerances) -> Quantity:
    """What `assert_interval` gives for the figure, with a range's ends ("$3-4 billion")
    for bounds, made trusted: its numbers are kept as `Number` keeps them, and its bounds
    are in order (a range written from its top, "between 700 and 250", has the lower
    figure for its low end)."""
    low, high, low_closed, high_closed = interval_bounds(
        value, fig.precision, fig.qualifier, tolerances
    )
    if fig.high is not None:
        if low is None or low > value:
            low = value
        if fig.high >= low:
            high, high_closed = fig.high, True
        else:
            low = fig.high
    precision = fig.precision
    return trusted(
        Quantity,
        {
            "value": keep_significant(value),
            "unit": unit,
            "low": None if low is None else keep_significant(low),
            "high": None if high is None else keep_significant(high),
            "low_closed": low_closed,
            "high_closed": high_closed,
            "qualifier": fig.qualifier,
            "precision": None if precision is None else keep_significant(precision),
        },
    )


def _head_noun(text: str, lo: int, pos: int) -> str:
    words: list[str] = re.findall(r"[A-Za-z][a-z-]+", text[lo:pos])
    for w in reversed(words):
        lw = w.lower()
        if (
            len(lw) > 3
            and not lw.endswith(("ed", "ing", "ly"))
            and lw
            not in (
                "with",
                "from",
                "that",
                "this",
                "than",
                "about",
                "around",
                "over",
                "nearly",
                "almost",
                "worth",
            )
        ):
            return lw
    return "amount"


def _entities(
    text: str, lo: int, hi: int, entry: MetricEntry | None, key: str, lex: Lexicon
) -> tuple[str, ...]:
    if entry is not None and entry.entities and entry.key == key:
        return tuple(sorted(entry.entities))
    found = _named_countries(text, lo, hi, lex)
    if entry is not None and entry.entities:
        found |= set(entry.entities)
    return tuple(sorted(found or {"KZ", "UZ"}))


@_memo.memoised
def _named_countries(text: str, lo: int, hi: int, lex: Lexicon) -> frozenset[str]:
    """The countries text[lo:hi] names, the pair's two when it names the pair: every
    figure of a sentence asks."""
    found = {c for _, _, c in cues.countries(text, lo, hi, lex)}
    if cues.mentions_pair(text, lo, hi, lex):
        found |= {"KZ", "UZ"}
    return frozenset(found)


_INCREMENT = {"more", "additional", "another", "further", "new", "extra"}
_INCREMENT_BEFORE = re.compile(r"\b(?:another|an?\s+additional|a\s+further|further)\s+\Z", re.I)


def _increment(text: str, fig: Figure) -> bool:
    """ "another 12 joint ventures", "12 more projects": an addition, not a level."""
    if set(fig.modifiers) & _INCREMENT:
        return True
    return bool(_INCREMENT_BEFORE.search(text, max(0, fig.start - 25), fig.start))


_LEVEL_FREE = ("growth_rate", "growth_multiple", "share")


class _AmountKinds(NamedTuple):
    """The `[amounts]` tables of the phrase lexicon as patterns for what a money figure
    is, when not its metric's amount. The searches that end at the figure are run with
    `_literals.search`, only where their words are."""

    per_unit_after: re.Pattern[str]
    per_unit_before: re.Pattern[str]
    financing_before: re.Pattern[str]


@lru_cache(maxsize=8)
def _amount_kinds(lex: Lexicon) -> _AmountKinds:
    table = lex.phrases.amounts

    def words(name: str) -> str:
        alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in table.get(name, ()))
        return f"(?:{alt})" if alt else "(?!)"

    measure = words("measures")
    return _AmountKinds(
        per_unit_after=re.compile(rf"\s*(?:a|an|per|/)\s*{measure}\b", re.I),
        per_unit_before=re.compile(
            rf"\b(?:a|one|per)\s+{measure}\s+of\b[^.;]{{0,60}}?\b(?:for|at|cost|costs|sold)\b"
            r"[^.;]{0,20}\Z",
            re.I,
        ),
        financing_before=re.compile(
            rf"\b({words('financing')})\s+(?:of|worth|totall?ing)\s*\Z", re.I
        ),
    )


_FORWARD = frozenset((Modality.TARGET, Modality.FORECAST, Modality.PLAN, Modality.POTENTIAL))
"""Modalities that look ahead: their figure may name a horizon ("by 2030")."""

_OWN_ROLES = ("period", "same_period", "horizon")
_CHANGE_OWN_ROLES = ("period", "horizon")
"""The roles of a period right after a figure that make it the figure's own; a change's
"same period" is its base."""

_CLAUSE_MARK = re.compile(r"[,;]")


class _Periods(NamedTuple):
    """A sentence's period mentions, and the lists of them that every figure of the
    sentence reads: made once per sentence, not once per figure."""

    all: Sequence[PeriodMention]
    main: Sequence[PeriodMention]
    """The periods of the sentence itself: not a change's base."""
    since: Sequence[PeriodMention]
    """The resolved "since ..." periods among `main`."""
    stated_base: Period | None
    """The base of a change the sentence states ("compared to 2013", "from ... in 2022")."""
    horizons: Sequence[PeriodMention]

    @classmethod
    def of(cls, pms: Sequence[PeriodMention]) -> _Periods:
        if not pms:
            return _NO_PERIODS
        main = [p for p in pms if p.role == "period" and not p.base]
        return cls(
            all=pms,
            main=main,
            since=[p for p in main if p.text.lower().startswith("since") and p.period is not None],
            stated_base=next(
                (p.period for p in pms if (p.role == "compared" or p.base) and p.period), None
            ),
            horizons=[p for p in pms if p.role == "horizon"],
        )


_NO_PERIODS = _Periods(all=(), main=[], since=[], stated_base=None, horizons=[])


_CHANGE_FORMS = ("growth_rate", "growth_multiple", "share", "change_abs")
"""Claim forms whose `of` names the metric they are a change or a share of."""

_PHYSICAL = ("area", "mass", "volume", "rate")


def _period_for(
    fig: Figure,
    mentions: _Periods,
    kind: MetricKind,
    mod: Modality,
    pub: date | None,
    state: _State,
    si: int,
    key: str,
    next_start: int,
    text: str,
    lo: int,
) -> tuple[Period | None, str | None, str | None, Period | None]:
    """(period, period as written when unresolved, horizon words, compared-to period).

    The figure's own period is, in order: an expression right after it (before the
    next figure and any comma), the nearest before it in the sentence, the first in
    the sentence; else a stock's as-of date, else the period the previous sentences
    set. A change's base ("compared to 2013", "the same period of 2022") is
    `compared_to`, never the figure's own period.

    A figure the text states as of now ("now exceeds", "currently holds") and a stock
    that no event verb ties to a period ("expanded the list to 42" after "since 2023")
    are as of the publication date; "six were completed last year" keeps its year.
    """
    change = key in _LEVEL_FREE
    pms, main, since = mentions.all, mentions.main, mentions.since
    compared = mentions.stated_base
    if change and compared is None:
        base = _base_for_same_period(pms, state)
        compared = next((_shift(base, p) for p in pms if p.role == "same_period"), None)
    own_roles = _CHANGE_OWN_ROLES if change else _OWN_ROLES
    after = next(
        (
            p
            for p in pms
            if p.role in own_roles
            and fig.end <= p.start < next_start
            and p.start - fig.end <= 40
            and not _CLAUSE_MARK.search(text, fig.end, p.start)
        ),
        None,
    )
    horizon: str | None = None
    if mod in _FORWARD:
        hz = mentions.horizons
        if hz:
            # "$10 billion by 2030 and to double investment in the next three years": a
            # horizon after the figure, before the next one, is the figure's own
            own = [p for p in hz if fig.end <= p.start < next_start]
            h = own[0] if own else min(hz, key=lambda p: abs(p.start - fig.end))
            horizon = h.text
            if h.period is not None:
                if (
                    mod == Modality.FORECAST
                    and pub is not None
                    and h.period.end == date(pub.year, 12, 31)
                    and not _increment(text, fig)
                ):
                    # "expected to exceed $3.2 billion by the end of the year": the year's total
                    year = Period(
                        start=date(pub.year, 1, 1),
                        end=h.period.end,
                        kind=PeriodKind.YEAR,
                        basis=PeriodBasis.RELATIVE,
                        text=h.text,
                    )
                    return year, None, horizon, compared
                return h.period, None, horizon, compared
            if mod == Modality.TARGET:
                return None, (h.text if h.relative else None), horizon, compared
        if mod == Modality.TARGET:
            return None, None, horizon, compared
        if (mod == Modality.POTENTIAL and hz) or (
            mod in (Modality.POTENTIAL, Modality.FORECAST)
            and not hz
            and _CONDITIONAL.search(text, fig.end, next_start)
        ):
            # "could be raised to 11 bcm in the medium term", "once it is fully operational"
            return None, (hz[0].text if hz else None), horizon, compared
    if mod == Modality.ACTUAL and after is None and _stated_as_now(text, lo, fig, pms):
        return _as_of(pub), None, horizon, compared
    if key == "growth_multiple":
        dur = next((p for p in pms if p.role == "duration" and p.years), None)
        anchor = (
            next((p.period for p in main if p.period and p not in since), None) or state.carried
        )
        end_year_end = anchor.end if anchor else (date(pub.year - 1, 12, 31) if pub else None)
        if since and end_year_end is not None:
            start = since[0].period.start if since[0].period else None
            if start is not None:
                return (
                    Period(
                        start=start,
                        end=end_year_end,
                        kind=PeriodKind.RANGE,
                        basis=PeriodBasis.RELATIVE,
                        text=since[0].text,
                    ),
                    None,
                    horizon,
                    compared,
                )
        if dur is not None and dur.years is not None:
            if end_year_end is None:
                return None, dur.text, horizon, compared
            y = end_year_end.year
            return (
                Period(
                    start=date(y - dur.years, 1, 1),
                    end=date(y, 12, 31),
                    kind=PeriodKind.RANGE,
                    basis=PeriodBasis.RELATIVE,
                    text=dur.text,
                ),
                None,
                horizon,
                compared,
            )
    chosen = after
    if chosen is None:
        chosen = next((p for p in reversed(main) if p.end <= fig.start), None)
    if chosen is None and (
        main and not (main[0].start >= fig.end and cues.new_clause(text, fig.end, main[0].start))
    ):
        # "300 people will be employed, and commissioning is scheduled for 2027": a
        # period in a later clause of its own dates that clause, not the figure
        chosen = main[0]
    if chosen is not None and chosen.role == "same_period":
        shifted = _shift(_base_for_same_period(pms, state), chosen)
        if shifted is not None:
            return shifted, None, horizon, compared
        return chosen.period, (chosen.text if chosen.period is None else None), horizon, compared
    if chosen is not None and chosen.role == "horizon":
        chosen = None
    if chosen is not None and kind == MetricKind.STOCK and chosen.start >= next_start:
        chosen = None  # "11 are in the pipeline, and four were completed in 2023"
    if (
        chosen is not None
        and chosen.period is not None
        and kind == MetricKind.STOCK
        and mod == Modality.ACTUAL
        and not key.startswith("unclassified:")
        and key != "change_abs"
        and chosen.period.kind != PeriodKind.POINT
        and not _EVENT.search(text, max(lo, fig.start - 80), min(next_start, fig.end + 80))
    ):
        return _as_of(pub), None, horizon, compared
    if chosen is not None:
        if chosen.period is None:
            return None, chosen.text, horizon, compared
        return chosen.period, None, horizon, compared
    unclassified_money = key.startswith("unclassified:") and fig.kind == "money"
    if kind == MetricKind.STOCK or (key.startswith("unclassified:") and not unclassified_money):
        return _as_of(pub), None, horizon, compared
    if state.period is not None and mod == Modality.ACTUAL and si - state.period_sentence <= 6:
        return state.inherited(), None, horizon, compared
    if (
        state.period is not None
        and mod != Modality.ACTUAL
        and pub is not None
        and state.period.start <= pub < state.period.end
        and si - state.period_sentence <= 2
    ):
        # "for the April–September season ... will be delivered": a plan for the period
        # under way that the article has just named
        return state.inherited(), None, horizon, compared
    if unclassified_money or mod != Modality.ACTUAL:
        return _as_of(pub), None, horizon, compared
    return None, None, horizon, compared


_NOW = re.compile(r"\b(?:now|currently|at present|presently|as things stand)\b", re.I)
_EVENT = re.compile(
    r"\b(?:launched|completed|commissioned|inaugurated|opened|signed|concluded|registered"
    r"|created|established|started|put\s+into|implemented|built|finished|set\s+up|founded"
    r"|formed)\b",
    re.I,
)
_CONDITIONAL = re.compile(r"\b(?:once|if|when|provided|should)\b", re.I)


def _stated_as_now(text: str, lo: int, fig: Figure, pms: Sequence[PeriodMention]) -> bool:
    """ "now exceeds UZS 7.4tn", "can now process 1,500 trucks a day — three times more":
    a "now" left of the figure in its sentence, with no period expression in between."""
    now = _literals.scan(_NOW, text, folded_text(text), max(lo, fig.start - 90), fig.start)
    if not now:
        return False
    found = now[-1]
    return not any(found.end() <= p.start < fig.start for p in pms if p.role != "date")


def _base_for_same_period(pms: Sequence[PeriodMention], state: _State) -> Period | None:
    """What "the same period of 2022" repeats: this sentence's period, else the last one."""
    return next((p.period for p in pms if p.role == "period" and p.period), None) or state.period


def _shift(base: Period | None, same: PeriodMention) -> Period | None:
    """The period "the same period of 2022" or "a year earlier" stands for."""
    if base is None:
        return None
    if same.period is not None:
        y = same.period.start.year
    elif same.years:
        y = base.end.year - same.years
    else:
        return None
    try:
        return _replace_year(base, y)
    except ValueError:
        return None


def _replace_year(p: Period, year: int) -> Period:
    """The same calendar stretch in another year ("the same period of 2022")."""
    end = p.end
    if end.month == 2 and end.day == 29:
        end = end.replace(day=28)
    delta = year - p.end.year
    return p.model_copy(
        update={"start": p.start.replace(year=p.start.year + delta), "end": end.replace(year=year)}
    )


@lru_cache(maxsize=64)
def _as_of(pub: date | None) -> Period | None:
    if pub is None:
        return None
    return Period(
        start=pub,
        end=pub,
        kind=PeriodKind.POINT,
        basis=PeriodBasis.RELATIVE,
        text="publication date",
    )


def _merge_headline_repeats(
    claims: list[Claim], sents: Sequence[sentences.Sentence], text: str
) -> list[Claim]:
    """A headline that repeats a body figure gives one claim: the body's, which has context,
    with the headline's quote in `also_quoted`."""
    head_end = 0
    for sent in sents[:4]:
        if text[sent.end - 1 : sent.end] in '.!?"”':
            break
        head_end = sent.end
    if head_end == 0:
        return claims
    body = [c for c in claims if c.span.start >= head_end]
    echoes: dict[str, list[Quote]] = {}
    out: list[Claim] = []
    for c in claims:
        if c.span.start < head_end:
            twin = next(
                (
                    b
                    for b in body
                    if (b.metric == c.metric or c.metric.startswith("unclassified:"))
                    and b.quantity.unit == c.quantity.unit
                    and b.quantity.overlaps(c.quantity)
                ),
                None,
            )
            if twin is not None:
                echoes.setdefault(twin.id, []).append(Quote(span=c.span, text=c.quote))
                continue
        out.append(c)
    return [_with_echoes(c, echoes.get(c.id, ())) for c in out]


def _with_echoes(claim: Claim, quotes: Sequence[Quote]) -> Claim:
    if not quotes:
        return claim
    return claim.model_copy(update={"also_quoted": (*claim.also_quoted, *quotes)})


def _merge_repeats(claims: list[Claim]) -> list[Claim]:
    """A claim that repeats an earlier one of the same document word for word is one claim,
    quoted twice."""
    first: dict[tuple[str, str, str, str], int] = {}
    out: list[Claim] = []
    for c in claims:
        key = (c.metric, str(c.quantity.value), c.quantity.unit, c.quote)
        if key in first:
            at = first[key]
            out[at] = _with_echoes(out[at], [Quote(span=c.span, text=c.quote)])
            continue
        first[key] = len(out)
        out.append(c)
    return out


__all__ = ["Extraction", "extract", "extract_claims"]
