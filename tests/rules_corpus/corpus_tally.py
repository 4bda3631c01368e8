"""Match the findings of a check over the planted-inconsistency corpus to its manifest.

The corpus (`articles/`) holds planted inconsistencies, each a rule must find, and
consistent look-alikes, which no rule may flag at warning or above. `manifest.toml`
marks every item with short exact quotes of the article text. A quote is covered by a
finding when a claim the finding cites ends inside the quote (a claim's quote ends
with its figure), or when one of the finding's evidence spans (a name, a date) overlaps
the quote. A finding finds a planted item when its rule is the item's rule and it
covers every quote of the item; a look-alike is flagged when a finding at warning or
above, of any rule, covers every quote of it.

Used by `tests/rules_corpus/test_tally.py` and by `bench/rule_tally.py`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kzuz_claims.engine import check
from kzuz_claims.extract import extract
from kzuz_claims.model import Claim, Document, Finding, PersonMention, Report, Severity
from kzuz_claims.rules import RuleRegistry
from kzuz_claims.sources import load

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
MANIFEST = HERE / "manifest.toml"


@dataclass(frozen=True)
class Quote:
    """An exact substring of one article, located once in its text."""

    doc: str
    text: str
    start: int = -1

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Item:
    """A planted inconsistency (`family`, `why`) or a look-alike (`kind`)."""

    id: str
    rule: str
    quotes: tuple[Quote, ...]
    family: str = ""
    why: str = ""
    kind: str = ""
    known_issue: str = ""

    @property
    def planted(self) -> bool:
        return self.id.startswith("P")


@dataclass(frozen=True)
class Manifest:
    rules: Mapping[str, str]
    """Rule id to rule name, for every rule of issue 4."""
    planted: tuple[Item, ...]
    lookalikes: tuple[Item, ...]
    text_only_rules: frozenset[str] = frozenset()
    """Rules whose quotes mark plain text (a date) rather than a claim or a person."""

    @property
    def items(self) -> tuple[Item, ...]:
        return (*self.planted, *self.lookalikes)


def load_manifest(path: Path = MANIFEST) -> Manifest:
    """The manifest as written; quotes are not located yet (see `locate`)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))

    def items(key: str) -> tuple[Item, ...]:
        return tuple(
            Item(
                id=raw["id"],
                rule=raw["rule"],
                quotes=tuple(Quote(q["doc"], q["text"]) for q in raw["quotes"]),
                family=raw.get("family", ""),
                why=raw.get("why", ""),
                kind=raw.get("kind", ""),
                known_issue=raw.get("known_issue", ""),
            )
            for raw in data.get(key, [])
        )

    return Manifest(
        rules=dict(data["rules"]),
        planted=items("planted"),
        lookalikes=items("lookalike"),
        text_only_rules=frozenset(data.get("text_only_rules", ())),
    )


def quote_problems(manifest: Manifest, documents: Mapping[str, Document]) -> list[str]:
    """Quotes that name no article or are not found exactly once in it."""
    problems = []
    for item in manifest.items:
        for q in item.quotes:
            doc = documents.get(q.doc)
            if doc is None:
                problems.append(f"{item.id}: no article {q.doc!r}")
            elif (n := doc.text.count(q.text)) != 1:
                problems.append(f"{item.id}: {q.text!r} found {n} times in {q.doc}")
    return problems


def locate(item: Item, documents: Mapping[str, Document]) -> Item:
    """The item with each quote's start offset in its document's text."""
    quotes = tuple(Quote(q.doc, q.text, documents[q.doc].text.index(q.text)) for q in item.quotes)
    return Item(**{**item.__dict__, "quotes": quotes})


@dataclass(frozen=True)
class Run:
    """One load → extract → check over the corpus."""

    documents: Mapping[str, Document]
    claims: Mapping[str, Claim]
    persons: tuple[PersonMention, ...]
    report: Report
    rule_ids: frozenset[str]


def run(articles: Path = ARTICLES, registry: RuleRegistry | None = None) -> Run:
    """Load, extract and check the corpus with the default configuration.

    The functions come from their own modules because the lazy attribute
    `kzuz_claims.extract` turns into the subpackage once anything imports it.
    """
    registry = registry if registry is not None else RuleRegistry.default()
    loaded = load([articles])
    extraction = extract(loaded.documents)
    report = check(loaded.documents, extraction.claims, extraction.persons, registry=registry)
    return Run(
        documents={d.id: d for d in loaded.documents},
        claims={c.id: c for c in extraction.claims},
        persons=tuple(extraction.persons),
        report=report,
        rule_ids=frozenset(registry.ids),
    )


def covers(finding: Finding, quote: Quote, claims: Mapping[str, Claim]) -> bool:
    """Whether the finding cites a claim ending inside the quote, or evidence overlapping it."""
    for claim_id in finding.claims:
        claim = claims.get(claim_id)
        if (
            claim is not None
            and claim.doc == quote.doc
            and quote.start < claim.span.end <= quote.end
        ):
            return True
    return any(
        e.doc == quote.doc and e.start < quote.end and quote.start < e.end for e in finding.evidence
    )


def covers_all(finding: Finding, item: Item, claims: Mapping[str, Claim]) -> bool:
    return all(covers(finding, q, claims) for q in item.quotes)


def finders(item: Item, r: Run) -> list[Finding]:
    """Findings of the item's rule that cover all its quotes (any severity)."""
    return [f for f in r.report.findings if f.rule == item.rule and covers_all(f, item, r.claims)]


def flaggers(item: Item, r: Run) -> list[Finding]:
    """Findings at warning or above, of any rule, that cover all the item's quotes."""
    return [
        f
        for f in r.report.findings
        if f.severity.rank >= Severity.WARNING.rank and covers_all(f, item, r.claims)
    ]


def unread_quotes(item: Item, r: Run) -> list[Quote]:
    """Quotes that no extracted claim ends in and no person mention overlaps.

    Every quote of the manifest marks something the extractor must read: a claim, or a
    person's name; only the quotes of `Manifest.text_only_rules` (dates) are exempt.
    """
    missing = []
    for q in item.quotes:
        claim_hit = any(c.doc == q.doc and q.start < c.span.end <= q.end for c in r.claims.values())
        person_hit = any(
            p.doc == q.doc and p.span.start < q.end and q.start < p.span.end for p in r.persons
        )
        if not (claim_hit or person_hit):
            missing.append(q)
    return missing


@dataclass
class Row:
    """One line of the tally: one rule (family) of issue 4."""

    rule: str
    name: str
    registered: bool
    families: list[str] = field(default_factory=list)
    planted: list[str] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    lookalikes: list[str] = field(default_factory=list)
    flagged: list[tuple[str, Finding]] = field(default_factory=list)

    @property
    def missed(self) -> list[str]:
        return [i for i in self.planted if i not in self.found]


def tally(manifest: Manifest, r: Run) -> list[Row]:
    """One row per rule id of the manifest, in id order."""
    rows = {
        rule_id: Row(rule_id, name, rule_id in r.rule_ids)
        for rule_id, name in sorted(manifest.rules.items())
    }
    for item in manifest.planted:
        row = rows[item.rule]
        located = locate(item, r.documents)
        row.planted.append(item.id)
        if item.family not in row.families:
            row.families.append(item.family)
        if finders(located, r):
            row.found.append(item.id)
    for item in manifest.lookalikes:
        row = rows[item.rule]
        located = locate(item, r.documents)
        row.lookalikes.append(item.id)
        row.flagged.extend((item.id, f) for f in flaggers(located, r))
    return list(rows.values())


def render(rows: Sequence[Row], manifest: Manifest) -> str:
    """The tally as a plain-text table, then the misses and the flags in detail."""
    header = ("rule", "name", "reg", "planted", "found", "missed", "look-alikes", "flagged")
    body = [
        (
            row.rule,
            row.name,
            "yes" if row.registered else "no",
            str(len(row.planted)),
            str(len(row.found)),
            " ".join(row.missed) or "-",
            str(len(row.lookalikes)),
            " ".join(dict.fromkeys(i for i, _ in row.flagged)) or "-",
        )
        for row in rows
    ]
    flagged_ids = {i for row in rows for i, _ in row.flagged}
    totals = (
        "total",
        "",
        f"{sum(r.registered for r in rows)}/{len(rows)}",
        str(sum(len(r.planted) for r in rows)),
        str(sum(len(r.found) for r in rows)),
        str(sum(len(r.missed) for r in rows)),
        str(sum(len(r.lookalikes) for r in rows)),
        str(len(flagged_ids)),
    )
    table = [header, *body, totals]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    rule_line = "  ".join("-" * w for w in widths)
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in table
    ]
    out = [lines[0], rule_line, *lines[1:-1], rule_line, lines[-1]]

    by_id = {i.id: i for i in manifest.items}
    missed = [(row, i) for row in rows for i in row.missed]
    if missed:
        out += ["", "Missed planted items:"]
        for row, item_id in missed:
            item = by_id[item_id]
            state = "" if row.registered else f" (rule {row.rule} not registered)"
            known = f" [known issue: {item.known_issue}]" if item.known_issue else ""
            out.append(f"  {item_id} {item.family}{state}: {item.why}{known}")
    flags = [(i, f) for row in rows for i, f in row.flagged]
    if flags:
        out += ["", "Flagged look-alikes (finding at warning or above covering all quotes):"]
        for item_id, finding in flags:
            item = by_id[item_id]
            known = f" [known issue: {item.known_issue}]" if item.known_issue else ""
            out.append(
                f"  {item_id} ({item.kind}) by {finding.rule} {finding.severity.value}:"
                f" {finding.message}{known}"
            )
    return "\n".join(out)


def counts(items: Iterable[Item]) -> dict[str, int]:
    """Items per family (planted) or kind (look-alike), for the README."""
    out: dict[str, int] = {}
    for item in items:
        label = item.family or item.kind
        out[label] = out.get(label, 0) + 1
    return out
