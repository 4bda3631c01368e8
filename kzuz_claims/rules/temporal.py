"""Temporal consistency: dates a reader cannot pin down, weekdays that do not fit their
date, and actual figures for periods that had not ended when the article appeared."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from kzuz_claims.model import (
    Claim,
    Document,
    Evidence,
    Finding,
    Modality,
    PeriodBasis,
    PeriodKind,
    Severity,
)
from kzuz_claims.model.display import format_period, format_quantity
from kzuz_claims.rules import _format as fmt
from kzuz_claims.rules._weekdays import WeekdayDate, resolve_year, weekday_dates, years_fitting
from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import rule


@rule(id="KZC007", name="undated-relative-period", severity=Severity.INFO, kind="corpus")
def undated_relative_period(ctx: RuleContext) -> Iterable[Finding]:
    """A relative period ("last year") in a document without a date cannot be resolved.

    What it checks
    --------------
    Claims whose period was written in the text (`period_as_written`, e.g. "last
    year", "this year", "the same period last year") but could not be resolved
    (`period` is empty) because their document has no publication date. One finding
    per document lists the expressions and the claims that carry them.

    Why it matters
    --------------
    "Trade grew 20% last year" means nothing until the reader knows when "this year"
    was. The figures of such a document are left out of every period-based check,
    so a conflict with them can go unnoticed; giving the document a date (a header
    line, front matter or `sources.toml`) brings them back in.

    Example
    -------
    ```text
    002 (no date): ... trade turnover reached $4.4 billion last year ...
    ```
    Reported as info:
    ```text
    002: 1 relative period cannot be dated, the document has no date: "last year"
    ```

    Known false positives
    ---------------------
    - A document whose date is stated in a form the loader does not read; the fix is
      then to give the date in metadata, which also silences the finding.
    """
    undated: dict[str, list[Claim]] = defaultdict(list)
    for claim in ctx.claims:
        document = ctx.documents.get(claim.doc)
        if (
            claim.period_as_written
            and claim.period is None
            and document is not None
            and document.published is None
        ):
            undated[claim.doc].append(claim)
    return [_finding(doc, claims, ctx) for doc, claims in sorted(undated.items())]


def _finding(doc: str, claims: list[Claim], ctx: RuleContext) -> Finding:
    claims = sorted(claims, key=lambda c: (c.span.start, c.id))
    expressions = list(dict.fromkeys(c.period_as_written or "" for c in claims))
    quoted = ", ".join(f'"{e}"' for e in expressions)
    noun = "period" if len(expressions) == 1 else "periods"
    lines = [f'{c.metric}: "{c.quote}" ({c.period_as_written})' for c in claims]
    lines.append(
        f"{doc} has no publication date, so these relative expressions cannot be turned"
        " into dates and the claims are left out of period comparisons. Give the"
        " document a date (header line, front matter or sources.toml)."
    )
    return ctx.finding(
        f"{doc}: {len(expressions)} relative {noun} cannot be dated,"
        f" the document has no date: {quoted}",
        claims=(c.id for c in claims),
        explanation="\n".join(lines),
    )


@rule(id="KZC018", name="weekday-mismatch", severity=Severity.WARNING, kind="corpus")
def weekday_mismatch(ctx: RuleContext) -> Iterable[Finding]:
    """A weekday written beside a date is not the weekday of that date.

    What it checks
    --------------
    The text of every document, for a weekday written next to a day and month:
    "on Thursday, February 6", "Friday, 14 June 2024", "Monday (March 4)",
    "February 6 (Thursday)", "Thursday, 06.02.2025". The year is the one written
    with the date; without one, it is the year that puts the date nearest the
    document's publication date (so "Monday, December 30" in an article of 2 January
    2025 is 30 December 2024). A date without a written year in an undated document,
    and a day that does not exist (February 30), are skipped. When the weekday fits
    the same day and month in another year nearby, the finding names that year: the
    text may have been copied from an earlier article, or the year is wrong.
    Weekday and month words come from the date tables of `kzuz_claims.normalize.dates`
    and count only when capitalised.

    Why it matters
    --------------
    A wrong weekday means either the day or the weekday is wrong, and a reader cannot
    tell which; it is also a common trace of a text reused from an earlier year.

    Example
    -------
    ```text
    005 (2025-02-07): The agreement was signed on Wednesday, February 6.
    ```
    Reported as a warning, with the quote and its offsets as evidence:
    ```text
    005: "Wednesday, February 6": 6 February 2025 is a Thursday, not a Wednesday
    ```
    "Prime Minister Olzhas Bektenov paid a working visit ... on Friday, March 15" in
    an article of 17 March 2024 is correct and not reported.

    Known false positives
    ---------------------
    - A date without a year in an article about another year ("In 2019, on Monday,
      March 4, ..."): the year is taken from the publication date.
    - A weekday that belongs to another date in the sentence ("on Friday, March 15
      and Saturday, March 16" is read correctly; "Friday, after the March 15 vote"
      is not read at all).
    """
    found: list[Finding] = []
    for doc_id in sorted(ctx.documents):
        document = ctx.documents[doc_id]
        for written in weekday_dates(document.text, document.body_start):
            finding = _weekday_finding(document, written, ctx)
            if finding is not None:
                found.append(finding)
    return found


def _weekday_finding(document: Document, w: WeekdayDate, ctx: RuleContext) -> Finding | None:
    if w.year is not None:
        try:
            day = date(w.year, w.month, w.day)
        except ValueError:
            return None
        source = f"The year {w.year} is written with the date."
    elif document.published is not None:
        resolved = resolve_year(w.month, w.day, document.published)
        if resolved is None:
            return None
        day = resolved
        source = (
            f"No year is written; {day.year} puts the date nearest the publication date"
            f" of {document.id}, {document.published}."
        )
    else:
        return None
    if day.weekday() == w.weekday:
        return None
    actual = calendar.day_name[day.weekday()]
    stated = calendar.day_name[w.weekday]
    when = f"{day.day} {calendar.month_name[day.month]} {day.year}"
    lines = [f'{document.id} says "{w.quote}" at offset {w.start}.', source]
    lines.append(f"{when} is a {actual}, not a {stated}.")
    fits = years_fitting(w.month, w.day, w.weekday, day.year)
    if fits:
        years = " and ".join(str(y) for y in sorted(fits[:2]))
        lines.append(
            f"{calendar.month_name[day.month]} {day.day} is a {stated} in {years}: the text"
            " may come from an article of that year, or its year is wrong."
        )
    else:
        lines.append("Either the day or the weekday is wrong.")
    return ctx.finding(
        f'{document.id}: "{w.quote}": {when} is a {actual}, not a {stated}',
        explanation="\n".join(lines),
        evidence=[Evidence(doc=document.id, start=w.start, end=w.end, quote=w.quote)],
    )


@rule(id="KZC019", name="future-actual", severity=Severity.WARNING, kind="group")
def future_actual(claims: Sequence[Claim], ctx: RuleContext) -> Iterable[Finding]:
    """An actual figure is given for a period that ends after its document was published.

    What it checks
    --------------
    Claims with modality `actual` whose period (or as-of date) ends after the
    publication date of their document. A period that lies wholly after the
    publication date ("In 2025, trade reached $5 billion" in an article of 2024) is a
    forecast written as a fact or a wrong year, reported as a warning. A period still
    under way on the publication date ("trade in 2024 amounted to $4.9 billion" in
    October 2024) gives a figure so far as the whole period's; it is reported as a
    warning too when the text names the period itself (basis `explicit`), and not
    at all when "this year" was
    resolved to the whole year (basis `relative`, the figure is then the year so
    far) or the period was carried over from an earlier sentence (basis
    `inherited`). Undated documents, unresolved periods, stocks as of the
    publication date and targets, forecasts, plans and potentials are skipped.

    Why it matters
    --------------
    Nobody can report the trade of a year that has not happened yet. The figure is a
    forecast or a plan dressed as a fact, or its year is a typo (2024 for 2023), and
    either way it will be compared with the wrong actual figures.

    Example
    -------
    ```text
    006 (2024-03-17): In 2025, trade turnover between the two countries reached $5 billion.
    ```
    Reported as a warning:
    ```text
    trade_turnover 2025: actual $5 billion in 006, published 2024-03-17, before the period began
    ```
    "In 2023, trade turnover amounted to $4.5 billion" in the same article, "60
    projects are being implemented" (as of the publication date) and "trade is
    expected to reach $5 billion in 2025" are not reported.

    Known false positives
    ---------------------
    - A figure so far that the text does call one, in words the extractor does not
      read as year-to-date ("trade in 2024 has so far come to ...").
    - A forecast the extractor read as an actual figure ("trade will reach $5
      billion in 2025" phrased without a modal verb it knows).
    - A wrong publication date: an article re-dated by a website, or a date inferred
      from text that mentions a later event.
    """
    found: list[Finding] = []
    for claim in claims:
        finding = _future_finding(claim, ctx)
        if finding is not None:
            found.append(finding)
    return found


def _future_finding(c: Claim, ctx: RuleContext) -> Finding | None:
    published = ctx.published(c.doc)
    period = c.period
    if (
        published is None
        or period is None
        or c.modality is not Modality.ACTUAL
        or period.basis is PeriodBasis.UNKNOWN
        or period.end <= published
    ):
        return None
    after = period.start > published
    if not after and (
        period.basis is not PeriodBasis.EXPLICIT or period.kind is PeriodKind.YEAR_TO_DATE
    ):
        return None
    written = f' (written "{period.text}")' if period.text else ""
    when = _when(c)
    lines = [fmt.stated(c), f"Its period is {when}{written}, basis {period.basis.value}."]
    if after:
        headline = "before the period began"
        lines.append(
            f"The period starts on {period.start}, after {c.doc} was published on"
            f" {published}: an actual figure for it cannot be known yet. It is a forecast"
            " or plan written as a fact, or the year is wrong."
        )
        severity = None
    else:
        headline = "before the period ended"
        lines.append(
            f"The period ends on {period.end}, after {c.doc} was published on {published}:"
            " the figure can only be a partial one, or the year is wrong (the previous"
            " year meant)."
        )
        severity = None
    message = (
        f"{fmt.subject(c)} {when}: actual {format_quantity(c.quantity)} in {c.doc},"
        f" published {published}, {headline}"
    )
    return ctx.finding(message, claims=(c.id,), explanation="\n".join(lines), severity=severity)


def _when(c: Claim) -> str:
    period = c.period
    if period is None:
        return ""
    if period.kind is PeriodKind.POINT:
        return f"as of {period.end}"
    return format_period(period)
