"""Every quantity in general English text, for notebooks: `extract_quantities(text)`.

    >>> from kzuz_claims import extract_quantities
    >>> found = extract_quantities("The FTSE 100 rose 0.65 per cent.")
    >>> [(q.value, q.unit, q.change) for q in found]
    [(Decimal('0.65'), 'percent', 'up')]

The figures come from the claim extractor's number reader (`numbers.scan`), with the
same period masking, so both read "$4.5 billion" or "more than 60 projects" the same
way. What is added here is only what general news needs and claims do not: more spans
that are not quantities (clock times, phone numbers, sports scores, ordinals,
decades, product and route labels such as "Boeing 737" or "FTSE 100"), the direction
of a change ("rose 0.65 per cent", "a 38% increase"), and unit names as pint writes
them.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import cache

from kzuz_claims.extract import _memo, periods, sentences
from kzuz_claims.extract.lexicon import Lexicon, load_lexicon
from kzuz_claims.extract.numbers import PAGE_NOISE, Figure, scan
from kzuz_claims.model import Document, Span
from kzuz_claims.model.mention import BOUNDS, Change, QuantityMention

__all__ = ["extract_quantities"]

# Spans that hold digits but no quantity: the page noise the claim pipeline masks too
# (numbers.PAGE_NOISE), and what general news adds.
_NOT_QUANTITIES = re.compile(
    PAGE_NOISE + r"|\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}"  # (212) 555-0147
    r"|\b\d{3}[.-]\d{3}[.-]\d{4}\b"  # 212-555-0147
    r"|\b0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}\b"  # 0800 555 0199, 020 7946 0958
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?\s?(?:[ap]\.?\s?m\b\.?|(?:GMT|UTC|BST|CET|[ECMP][SD]T)\b)"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # 10:30, 2:01:09
    r"|\b\d{1,2}\s?[ap]\.?m\b\.?|\b\d{1,2}\s+o['’]clock\b"  # 5pm, 9 a.m.
    r"|['’]\d0s\b|\b(?:1[89]|20)?\d0s\b",  # the '90s, the 1990s, in his 60s
)
_SCORE = re.compile(r"(?<![\w.,$€£¥/:-])\d{1,3}\s?[-–—:]\s?\d{1,3}(?![\w.,/%:-]|\s?(?:%|per\b))")
_SCORE_NOUN_AFTER = re.compile(
    r"\s*(?:win|victory|defeat|loss|lead|draw|tie|scoreline|aggregate|result|triumph"
    r"|thrashing|rout|drubbing|reverse|margin|vote|decision|verdict|split)\b",
    re.IGNORECASE,
)
_SCORE_VERB_BEFORE = re.compile(
    r"\b(?:won|wins?|winning|beat|beats|beating|lost|lose|loses|losing|defeated|defeats"
    r"|drew|draws?|drawing|led|leads?|leading|trail(?:s|ed|ing)?|edged|edges|thrashed"
    r"|routed|crushed|hammered|stunned|upset|downed|overcame|swept|sweeps|scored?|scoring"
    r"|passed|rejected|approved|voted|votes?|ended|finished|victory|defeat|sets?)\b"
    r"[^.;!?]{0,30}\Z",
    re.IGNORECASE,
)
_SCORE_END = re.compile(
    r"\s*(?:[,.;:!?)]|\Z|(?:at|in|on|against|over|to|with|after|and|as|for|thanks|despite"
    r"|before|but|while|when|under|from)\b)",
    re.IGNORECASE,
)
_CONTEXT_BEFORE, _CONTEXT_AFTER = 90, 40
_DATE_BEFORE, _DATE_AFTER = 20, 15
_NUMBER_TOKEN = re.compile(r"\d[\d,./:-]*\d|\d")
_PERIOD_HINT = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
    r"|\b(?:19|20)\d\d\b|\d[:/.]\d+[:/.]|\d:\d",
    re.IGNORECASE,
)
"""What the period finder needs to mask anything: a month, weekday, year or numeric date."""
_DATE_LIKE = re.compile(r"[1-9]|[12]\d|3[01]|(?:19|20)\d\d|0\d*|\d{1,2}\.\d\d|.*[:/-].*|.*\..*\..*")
"""A day, month, year, clock time, phone number or score: what the date masks may cover."""
_LABELLED = re.compile(r"(?:\bNo\.?\s?|#|[A-Za-z]-?)\Z")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# "Boeing 737", "FTSE 100", "iPhone 15", "Level 4", "route 66": a name, not a count.
_LABEL_BEFORE = re.compile(r"(?<![\w.’'])([A-Z][A-Za-z&]*|[a-z]+[A-Z][A-Za-z]*)\s\Z")
_LABEL_NOUNS = _words(
    "version article section chapter clause paragraph page room route highway interstate"
    " platform gate terminal flight bus channel episode season level grade phase stage tier"
    " category type model size number item figure table appendix volume issue lot unit"
    " apartment suite floor row seat zone district ward block pier hole lap round act scene"
    " step rule track game match week day class form magnitude"
)
_NOT_LABELS = _words(
    "the a an and but or nor only just all both some about around nearly almost over under"
    " more less fewer than roughly approximately exactly precisely another other those these"
    " its his her their our my your each every at by in on of for from to with into after"
    " before since until between among per via as when while if then so yet still also even"
    " top last first next past least most up down additional extra further new estimated"
    " total officially reportedly perhaps maybe once twice overall altogether including"
    " excluding like unlike plus minus within across against during without through toward"
    " towards upon beyond despite says said it we they he she there here now today yesterday"
    " tomorrow already well much many few several what which who that this where how why"
    " fully barely nearly meanwhile however thus hence whereas although though because"
    " are is was were be been has have had will would can could should may might must do"
    " does did not no"
)
_LOW_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
_TITLE_WORD = re.compile(r"\b[A-Z][a-z'’-]+\b")

_UP_WORDS = _words(
    "rose rise rises rising risen increase increased increases increasing grew grow grows"
    " growing grown gain gained gains gaining climb climbed climbs climbing jump jumped jumps"
    " jumping surge surged surges surging soar soared soars soaring advance advanced advances"
    " advancing rallied rallies rallying spike spiked spikes added adds adding boost boosted"
    " boosts lift lifted lifts widened expanded hike hiked hikes up"
)
_DOWN_WORDS = _words(
    "fell fall falls falling fallen drop dropped drops dropping decline declined declines"
    " declining decrease decreased decreases decreasing slip slipped slips slid slide slides"
    " sliding sank sink sinks sinking sunk tumble tumbled tumbles plunge plunged plunges"
    " plummet plummeted plummets dip dipped dips ease eased eases retreated contracted shrank"
    " shrink shrinks shrunk slump slumped slumps lost lose loses losing shed sheds cut cuts"
    " cutting slashed slashes reduce reduced reduces reducing lower lowered lowers narrowed down"
)
_UP_BY = _UP_WORDS | _words("raise raised raises raising")
"""With "by" the verb may stand further back: "raised its forecast by 5%"."""
_UP_NOUNS = _words(
    "increase increases rise rises growth gain gains jump jumps surge surges hike hikes boost"
    " boosts climb climbs rally uptick"
)
_DOWN_NOUNS = _words(
    "decrease decreases decline declines drop drops fall falls loss losses cut cuts reduction"
    " reductions slump slumps plunge plunges dip dips contraction slide slides downturn"
)
_UP_AFTER = _UP_NOUNS | _words("more higher up")
_DOWN_AFTER = _DOWN_NOUNS | _words("less lower fewer down")
_ADDITIONAL = _words("more less fewer")
_PLAIN_AFTER = _words("more higher up less lower fewer down growth uptick contraction downturn")
"""Words after a figure that say a change whatever follows; the others are verbs too."""
_PREPOSITIONS = _words("in on of from since over compared to for year against versus at than")
_FILLERS = _words("by a an another some further additional")
"""Words between a change verb and its figure: "rose by", "fell a further"."""
_SKIP_AFTER = _words("- / year month quarter week on y annual overall")
"""Words between a figure and its change noun: "12.3% year-on-year growth"."""
_TOKENS = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")
# "set up", "made up", "shut down": particles, not changes
_PARTICLE_VERBS = _words(
    "set sets setting made make makes making sum summed shut shuts broke broken break turned"
    " turn sign signed put puts take took taken line lined back backed end ended wind wound"
    " wrap wrapped fill filled open opened hand handed give gave given count counted add adds"
    " added bring brought draw drew called call close closed track tracked"
)
_MULTIPLE_CHANGES: dict[str, Change] = {
    "doubled": "up",
    "doubling": "up",
    "tripled": "up",
    "trebled": "up",
    "tripling": "up",
    "quadrupled": "up",
    "halved": "down",
}
_NOT_NOUNS = _words(
    "worldwide nationwide globally overall altogether apiece abroad domestically annually"
    " today yesterday so"
)
"""Words the noun reader may take for the counted noun: "14 million worldwide"."""
_RATIO = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?\Z",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"\s*(?:,\s*or|\(|,\s*i\.e\.,?|—|–)\s*")
"""Between a change and the same change in other units: "312 points, or 0.8%"."""
_TO_LEVEL = re.compile(r"\s?to\s?(?=[^\d\s])")
"""The "to" of "fell $1.20 to $82.40": the second figure has its own currency sign."""
_BETWEEN = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
_MINUS = re.compile(r"\bminus\s+\Z", re.IGNORECASE)
_LEVEL_HEDGE = re.compile(
    r"(?:just\s+|well\s+|slightly\s+)?(?:below|above|beneath|under|past)\b", re.IGNORECASE
)
_NOUN_BEFORE = re.compile(
    r"\b(?:number|list|count|total)\s+of\s+((?:[\w-]+\s+){0,3}?[\w-]+s)\b", re.IGNORECASE
)
_PINT_SPELLING = {"m3": "m³"}
"""Claims keep the lexicon's historical ASCII names; quantities use pint's own spelling."""


def extract_quantities(
    source: str | Document, *, lexicon: Lexicon | None = None
) -> list[QuantityMention]:
    """Every quantity in `source` (a string or a Document), in text order.

    Offsets index the string as given (for a Document, its `text`), so
    `text[q.span.start:q.span.end] == q.quote` always holds.
    """
    if isinstance(source, Document):
        text, doc_id, body, pub = source.text, source.id, source.body_start, source.published
    else:
        text, doc_id, body, pub = source, "string", 0, None
    lex = _general_news(lexicon or load_lexicon())
    out: list[QuantityMention] = []
    with _memo.scope():  # the sets of patterns read each sentence's literals once
        for sent in sentences.split(text, body):
            out.extend(
                _in_sentence(text, sent.start, sent.end, doc=doc_id, published=pub, lexicon=lex)
            )
    return out


@cache
def _general_news(lexicon: Lexicon) -> Lexicon:
    """The lexicon without its page-furniture nouns: in general news "12,000 votes",
    "3 million shares" and "500 comments" are quantities, not widgets of a scraped page."""
    noise = {**lexicon.phrases.noise, "nouns": ()}
    phrases = lexicon.phrases.model_copy(update={"noise": noise})
    return lexicon.model_copy(update={"phrases": phrases})


def _in_sentence(
    text: str, start: int, end: int, *, doc: str, published: date | None, lexicon: Lexicon
) -> list[QuantityMention]:
    """The quantities of one sentence, text[start:end]."""
    numbers, dates = _candidates(text, start, end, lexicon)
    if not numbers:
        return []
    masked = [
        span
        for a, b in _merge(text, start, end, dates, _DATE_BEFORE, _DATE_AFTER)
        for span in _masks(text, a, b, start, published)
    ]
    figures = [
        fig
        for a, b in _merge(text, start, end, numbers, _CONTEXT_BEFORE, _CONTEXT_AFTER)
        for fig in scan(text, a, b, masked, lexicon)
    ]
    titled: bool | None = None
    out: list[QuantityMention] = []
    last_end = start
    last_noun: str | None = None
    for fig in figures:
        if fig.kind == "rank" or fig.num_start < last_end:
            continue  # ordinals are not quantities; a range's second number is read already
        if fig.kind == "count" and (_glued(text, fig) or _RATIO.search(text, start, fig.start)):
            continue  # "5G", "9am"; "three in four voters" is a share, not four voters
        if fig.kind == "count" and _after_label(text, start, fig):
            titled = _title_case(text, start, end) if titled is None else titled
            if not titled:
                continue
        for mention in _mentions(text, start, end, fig, doc, last_noun, lexicon):
            if out and mention.change is None and out[-1].change is not None:
                between = text[out[-1].span.end : mention.span.start]
                if _APPOSITION.fullmatch(between):  # "gained 312 points, or 0.8%,"
                    mention = mention.model_copy(update={"change": out[-1].change})
            out.append(mention)
            last_end = max(last_end, fig.num_end, mention.span.end)
            if mention.kind == "count" and mention.noun:
                last_noun = mention.noun
    return out


@cache
def _number_words(lexicon: Lexicon | None) -> re.Pattern[str]:
    """Words that may start a quantity written in words ("sixty", "a billion", "halved").

    The alternatives are grouped by first letter so that the regex engine skips most
    positions at once: this runs over every sentence.
    """
    phrases = (lexicon or load_lexicon()).phrases
    words = {w.split()[0].lower() for w in (*phrases.numbers, *phrases.scales)}
    words |= _words(
        "dozen dozens hundreds half third thirds quarter quarters fifth tenth twice double"
        " triple doubled doubling tripled tripling trebled quadrupled halved twofold threefold"
        " fourfold fivefold tenfold"
    )
    by_first: dict[str, list[str]] = {}
    for w in sorted(words - {"one"}, key=len, reverse=True):
        if len(w) > 2 and w.isalpha():
            by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    groups = "|".join(
        f"[{c}{c.upper()}](?:{'|'.join(rest)})" for c, rest in sorted(by_first.items())
    )
    return re.compile(rf"(?:{groups})\b")


def _candidates(
    text: str, lo: int, hi: int, lexicon: Lexicon | None
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where numbers stand in the sentence, and which of them may be dates or times.

    A date, clock time, phone number or score always holds a number of one or two
    digits, a year, a leading zero or a separator (":", "/", "-"): "4.1" or "13,300"
    cannot be part of one, so only the others need the (costly) date masks.
    """
    numbers: list[tuple[int, int]] = []
    dates: list[tuple[int, int]] = []
    for m in _NUMBER_TOKEN.finditer(text, lo, hi):
        numbers.append(m.span())
        if _DATE_LIKE.fullmatch(m.group()) or _LABELLED.search(
            text, max(lo, m.start() - 4), m.start()
        ):
            dates.append(m.span())
    for m in _number_words(lexicon).finditer(text, lo, hi):
        if m.start() == lo or not text[m.start() - 1].isalpha():
            numbers.append(m.span())
    numbers.sort()
    return numbers, dates


def _merge(
    text: str, lo: int, hi: int, spans: list[tuple[int, int]], before: int, after: int
) -> list[tuple[int, int]]:
    """Stretches of whole words around each span, overlapping ones merged.

    The number reader looks at most a few words around a number (a hedge or "between"
    before it, a unit, noun or "a year" after it), so reading these stretches finds
    what reading the whole sentence finds, at a fraction of the cost.
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        a = max(lo, text.rfind(" ", lo, max(lo, s - before)) + 1)
        space_after = text.find(" ", min(hi, e + after), hi)
        b = hi if space_after < 0 else space_after
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _masks(text: str, a: int, b: int, lo: int, published: date | None) -> list[tuple[int, int]]:
    """Dates, periods, times, phone numbers, scores in text[a:b] (of the sentence from lo)."""
    spans: list[tuple[int, int]] = []
    if _PERIOD_HINT.search(text, a, b):
        spans.extend((p.start, p.end) for p in periods.find(text, a, b, published))
    spans.extend(m.span() for m in _NOT_QUANTITIES.finditer(text, a, b))
    for m in _SCORE.finditer(text, a, b):
        if _SCORE_NOUN_AFTER.match(text, m.end(), b) or (
            _SCORE_VERB_BEFORE.search(text[max(lo, m.start() - 60) : m.start()])
            and _SCORE_END.match(text, m.end(), b)
        ):
            spans.append(m.span())
    return spans


def _title_case(text: str, lo: int, hi: int) -> bool:
    """A headline in Title Case: capitalised words there are not names."""
    low = len(_LOW_WORD.findall(text, lo, hi))
    title = len(_TITLE_WORD.findall(text, lo, hi))
    return title >= 3 and title > 2 * low


def _glued(text: str, fig: Figure) -> bool:
    """A number glued to letters is a name or a time, not a count: "5G", "60s", "9am"."""
    return fig.num_end < len(text) and text[fig.num_end].isalpha()


def _after_label(text: str, lo: int, fig: Figure) -> bool:
    """A number right after a name is part of it: "Boeing 737", "FTSE 100", "route 66"."""
    if fig.start != fig.num_start:
        return False  # a hedge word stands before it: "about 40 projects"
    before = text[max(lo, fig.start - 30) : fig.start]
    label = _LABEL_BEFORE.search(before)
    if label is not None:
        return label.group(1).lower() not in _NOT_LABELS
    word = re.search(r"\b([a-z]+)\s\Z", before)
    return word is not None and word.group(1) in _LABEL_NOUNS


def _mentions(
    text: str,
    lo: int,
    hi: int,
    fig: Figure,
    doc: str,
    last_noun: str | None,
    lexicon: Lexicon | None,
) -> list[QuantityMention]:
    start, end = fig.start, fig.end
    if fig.value < 0 and start == fig.num_start and start > lo and text[start - 1] in "-−":
        start -= 1  # "-12°C": the sign belongs to the figure
    kind, unit, noun, value = fig.kind, fig.unit, fig.noun, fig.value
    minus = _MINUS.search(text, max(lo, start - 8), start)
    if minus is not None and kind == "temperature" and value > 0:
        start, value = minus.start(), -value  # "minus 5C"
    if kind in ("count", "rate") and (fig.noun is not None or fig.extra.get("refers")):
        per = unit.partition("/")[2]
        kind, unit = "count", f"count/{per}" if per else "count"
        end = fig.noun_end if fig.noun is not None and fig.noun_end else fig.end
        noun = fig.noun or _noun_before(text, lo, fig) or last_noun
        if fig.noun is not None and fig.noun.lower() in _NOT_NOUNS:
            # "14 million worldwide": the quote stops before the adverb
            end = text.rfind(fig.noun.split()[0], fig.num_end, end)
            while end > fig.num_end and text[end - 1].isspace():
                end -= 1
            noun = last_noun
    if "/" in unit:
        rate = _rate_re(lexicon).match(text, end, hi)
        if rate is not None:
            end = rate.end()
    base, slash, per = unit.partition("/")
    unit = _PINT_SPELLING.get(base, base) + slash + per
    change = _change(text, lo, hi, fig, start, end)
    if text[end - 1 : end] == "." and (end == hi or text[end : end + 1].isspace()):
        end -= 1  # "between $3 billion and $4 billion." ends the sentence
    split = _split_change_and_level(text, fig, start, end, change)
    if split is not None and fig.high is not None:
        (a_start, a_end), (b_start, b_end) = split
        return [
            _mention(text, lo, hi, doc, a_start, a_end, value, unit, kind, noun, fig, change),
            _mention(text, lo, hi, doc, b_start, b_end, fig.high, unit, kind, noun, fig, None),
        ]
    if fig.high is not None:
        between = _BETWEEN.search(text, max(lo, start - 9), start)
        start = between.start() if between is not None else start
    mention = _mention(text, lo, hi, doc, start, end, value, unit, kind, noun, fig, change)
    if fig.high is not None:
        mention = mention.model_copy(update={"low": fig.value, "high": fig.high})
    return [mention]


def _mention(
    text: str,
    lo: int,
    hi: int,
    doc: str,
    start: int,
    end: int,
    value: Decimal,
    unit: str,
    kind: str,
    noun: str | None,
    fig: Figure,
    change: Change | None,
) -> QuantityMention:
    if change == "up" and value < 0:
        change = "down"  # "growth of -0.3%"
    return QuantityMention(
        span=Span(doc=doc, start=start, end=end, sentence_start=lo, sentence_end=hi),
        quote=text[start:end],
        value=value,
        unit=unit,
        kind=kind,
        noun=noun,
        qualifier=fig.qualifier,
        bound=BOUNDS[fig.qualifier],
        change=change,
    )


def _noun_before(text: str, lo: int, fig: Figure) -> str | None:
    """ "the number of firms ... stood at 1,000": the noun a bare number counts."""
    if fig.extra.get("refers") != "noun":
        return None
    found = None
    for found in _NOUN_BEFORE.finditer(text, max(lo, fig.start - 90), fig.start):  # noqa: B007
        pass
    return found.group(1) if found is not None else None


@cache
def _rate_re(lexicon: Lexicon | None) -> re.Pattern[str]:
    rates = (lexicon or load_lexicon()).phrases.rates
    alt = "|".join(
        sorted((re.escape(w) for ws in rates.values() for w in ws), key=len, reverse=True)
    )
    return re.compile(rf"(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?)?\s+(?:{alt})\b", re.IGNORECASE)


def _change(text: str, lo: int, hi: int, fig: Figure, start: int, end: int) -> Change | None:
    """Whether the figure is the size of a rise or a fall, from the words around it."""
    if fig.kind == "times":
        return _MULTIPLE_CHANGES.get(text[fig.num_start : fig.num_end].lower())
    if _LEVEL_HEDGE.match(text, fig.start, fig.num_start):
        return None  # "fell below 30%": a level crossed, not the size of the fall
    left = [t.lower() for t in _TOKENS.findall(text, max(lo, start - 60), start)]
    i = len(left) - 1
    while i >= 0 and (left[i] in _FILLERS or (left[i].endswith("ly") and len(left[i]) > 3)):
        i -= 1  # "rose by", "fell a further", "jumped sharply"
    if i >= 0:
        word = left[i]
        particle = word in ("up", "down") and i > 0 and left[i - 1] in _PARTICLE_VERBS
        if word in _UP_WORDS and not particle:
            return "up"
        if word in _DOWN_WORDS and not particle:
            return "down"
        if word == "of" and i > 0:  # "an increase of 5%"
            if left[i - 1] in _UP_NOUNS:
                return "up"
            if left[i - 1] in _DOWN_NOUNS:
                return "down"
    if left and left[-1] == "by":  # "cut its main rate by 25 basis points"
        for word in reversed(left[max(0, len(left) - 9) : -1]):
            if word in ("'", "’"):
                continue  # "cut the river's flow by two-thirds"
            if not word.isalpha():
                break
            if word in _UP_BY:
                return "up"
            if word in _DOWN_WORDS:
                return "down"
    right = [t.lower() for t in _TOKENS.findall(text, end, min(hi, end + 50))]
    article = bool(left) and left[-1] in ("a", "an", "the")
    for j, word in enumerate(right):
        if fig.kind == "count" and word in _ADDITIONAL:
            break  # "27 more are underway" counts others, it is no rise
        if word in _UP_AFTER or word in _DOWN_AFTER:
            # "a 5% cut", "5% drop in sales", but "90 km/h cut power" is a verb
            after = right[j + 1] if j + 1 < len(right) else "."
            if word in _PLAIN_AFTER or article or not after.isalpha() or after in _PREPOSITIONS:
                return "up" if word in _UP_AFTER else "down"
            break
        if word not in _SKIP_AFTER:
            break
    return None


def _split_change_and_level(
    text: str, fig: Figure, start: int, end: int, change: Change | None
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "fell $1.20 to $82.40": a change and the level it reached, not a range."""
    if fig.high is None or change is None:
        return None
    m = _TO_LEVEL.match(text, fig.num_end, end)
    if m is None:
        return None
    return (start, m.start()), (m.end(), end)
