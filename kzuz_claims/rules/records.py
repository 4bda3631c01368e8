"""Record claims: a figure called a record that an earlier figure of its series beats."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kzuz_claims.engine import subject_key
from kzuz_claims.model import Claim, Evidence, Finding, MetricKind, Modality, Severity
from kzuz_claims.model.display import format_period, format_quantity, format_ratio
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._compare import (
    as_of,
    claim_key,
    graded,
    same_series_earlier,
    value_gap,
)
from kzuz_claims.rules._cues import Cue, record_cue
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule

_SubjectKey = tuple[str, str, str, tuple[str, ...], str, str, str]

_RECORD_MODALITIES = frozenset({Modality.ACTUAL, Modality.FORECAST})


@dataclass(frozen=True)
class _Record:
    claim: Claim
    cue: Cue
    high: bool


def _subject(c: Claim) -> _SubjectKey:
    """What must match for two figures to be one series: metric, of, object,
    entities, direction, scope and unit (not modality: a forecast record is checked
    against actual figures)."""
    return (*subject_key(c), c.scope or "", c.quantity.unit)


@rule(id="KZC012", name="record-contradicted", severity=Severity.WARNING, kind="corpus")
def record_contradicted(ctx: RuleContext) -> Iterable[Finding]:
    """A figure called a record is below an earlier figure of the same series.

    What it checks
    --------------
    Claims (actual, or forecast: "expected to reach a record $4 billion") whose
    sentence calls them a record: "record", "record high", "all-time high", "highest
    ever", "unprecedented" (the phrases are a table in `kzuz_claims.rules._cues`;
    "record low", "all-time low" and "lowest ever" call a figure the lowest). The
    phrase must belong to the claim: it is the claim nearest to the phrase in its
    sentence, so in "a record $1.32 bln ($1.09 bln a year earlier)" only the first
    figure is a record, and a phrase after "below the", "near", "the previous" or
    "not a" speaks of another figure and is ignored.

    Each record is compared with the actual figures of the same metric, `of`,
    `object`, entities, direction, scope and unit from any article: for flows, those
    for an earlier period of the same kind, length and months of the year (a record
    year against earlier years, a record first quarter against earlier first
    quarters, never against a second quarter); for stocks,
    those with an earlier as-of date. It is reported when an earlier figure is
    higher beyond rounding and hedges (lower, for a record low), against the
    earlier figure that beats it most. Severity follows the relative gap, as for
    value-conflict (KZC001).

    Why it matters
    --------------
    "Record" is the word a press release reaches for, and the one readers
    remember. A record that an earlier year beat is either a wrong figure, a
    different series (a narrower definition of trade), or a claim that should not
    have been made.

    Example
    -------
    ```text
    A (2024-03-17): In 2023, trade turnover amounted to $4.5 billion.
    B (2025-01-25): Trade turnover reached a record $4.3 billion in 2024.
    ```
    Reported as a warning:
    ```text
    trade_turnover: "record" 2024 figure $4.3 billion (B) is below the 2023 figure
      $4.5 billion (A) — record contradicted
    ```
    Not reported: a record $4.6 billion in 2024 after $4.5 billion in 2023; a record
    for January–June 2024 against the full year 2023 (a different length); a record
    of Uzbekistan's trade with Russia against its trade with Kazakhstan (different
    entities); "$4.3 billion, below the record of 2023".

    Known false positives
    ---------------------
    - A record of a narrower series than the extractor recognised ("a record for
      non-commodity exports" read as all exports).
    - A record in another unit or currency ("a record in tenge terms" while the
      dollar figure fell): figures in different units are not compared, so this
      only arises when the extractor reads both in one unit.
    """
    series: dict[_SubjectKey, list[Claim]] = defaultdict(list)
    for c in ctx.claims:
        if c.modality is Modality.ACTUAL and c.period is not None:
            series[_subject(c)].append(c)
    out: list[Finding] = []
    for c in sorted(ctx.claims, key=claim_key):
        if c.modality not in _RECORD_MODALITIES or c.period is None:
            continue
        earlier = series.get(_subject(c))
        if not earlier:
            continue
        found = record_cue(c, ctx)
        if found is None:
            continue
        record = _Record(c, *found)
        beaten_by = [e for e in earlier if e.id != c.id and _beats(e, record)]
        if beaten_by:
            sign = -1 if record.high else 1
            best = min(beaten_by, key=lambda e: (sign * e.quantity.value, claim_key(e)))
            out.append(_finding(record, best, ctx))
    return out


def _earlier(e: Claim, r: Claim) -> bool:
    """Whether `e` is an earlier figure of `r`'s series (period or as-of date)."""
    if e.period is None or r.period is None or e.kind is not r.kind:
        return False
    if r.kind is MetricKind.STOCK:
        d_e, d_r = as_of(e), as_of(r)
        return d_e is not None and d_r is not None and d_e < d_r
    # a record first quarter stands against earlier first quarters, not any quarter
    same_months = (e.period.start.month, e.period.end.month) == (
        r.period.start.month,
        r.period.end.month,
    )
    return same_series_earlier(e.period, r.period) and same_months


def _beats(e: Claim, record: _Record) -> bool:
    """Whether earlier figure `e` is above a record high (below a record low)."""
    r = record.claim
    if not _earlier(e, r) or e.quantity.overlaps(r.quantity):
        return False
    above = e.quantity.value > r.quantity.value
    return above if record.high else not above


def _label(c: Claim) -> str:
    if c.kind is MetricKind.STOCK:
        return f"{format_quantity(c.quantity)} as of {as_of(c)}"
    return f"{format_period(c.period)} figure {format_quantity(c.quantity)}"


def _finding(record: _Record, earlier: Claim, ctx: RuleContext) -> Finding:
    r = record.claim
    relation = "below" if record.high else "above"
    kind = "highest" if record.high else "lowest"
    message = (
        f'{fmt.subject(r)}: "{record.cue.text}" {_label(r)} ({r.doc}) is {relation} the'
        f" {_label(earlier)} ({earlier.doc}) \u2014 record contradicted"
    )
    gap = value_gap(r, earlier)
    forecast = " (a forecast)" if r.modality is Modality.FORECAST else ""
    explanation = "\n".join(
        [
            fmt.stated(r),
            fmt.stated(earlier),
            f'{r.doc} calls its figure{forecast} "{record.cue.text}", the {kind} of the'
            f" series, but {earlier.doc} gives {format_quantity(earlier.quantity)} for"
            f" an earlier {'date' if r.kind is MetricKind.STOCK else 'period'}, and the"
            " intervals do not overlap.",
            f"Gap: {fmt.arithmetic(r.quantity, earlier.quantity, gap)}"
            f" (warning from {format_ratio(ctx.config.thresholds.warning)}).",
        ]
    )
    evidence = Evidence(
        doc=r.doc, start=record.cue.start, end=record.cue.end, quote=record.cue.text
    )
    return ctx.finding(
        message,
        claims=(r.id, earlier.id),
        explanation=explanation,
        evidence=(evidence,),
        gap=gap,
        severity=graded(gap, ctx),
    )
