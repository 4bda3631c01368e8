"""A small mixed corpus for rule tests: six articles with planted problems and look-alikes.

    from kzuz_claims.testing import default_corpus
    corpus = default_corpus()
    corpus.documents, corpus.claims, corpus.persons

The claims are built by hand (not extracted), so the corpus does not change when the
extractor does; every quote is found in its document's text at the claim's offsets.
It holds at least one planted case of every rule family of the built-in catalogue
(value, count and scope conflicts, a million/billion slip, a currency mismatch, a stale
figure, a shrinking count, a contradicted record, parts of a period above the whole, a
year-to-date series that goes down, parts above their total, change, share and multiple
arithmetic, targets, a wrong weekday, an actual figure from the future, an undated
relative period, name variants, two holders of one office) next to figures that agree
(different years, a third country, a consistent record). `check_rule` runs a rule over
it by default; a rule that finds nothing here should bring a case of its own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

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
    Span,
    claim_id,
)

__all__ = ["Corpus", "default_corpus"]

_BN = Decimal(10) ** 9
_MN = Decimal(10) ** 6


@dataclass(frozen=True)
class Corpus:
    """Documents, claims and person mentions that belong together."""

    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    persons: tuple[PersonMention, ...] = ()

    def shuffled(self, rng: random.Random) -> Corpus:
        """The same corpus with each sequence in a random order."""
        docs, claims, persons = list(self.documents), list(self.claims), list(self.persons)
        rng.shuffle(docs)
        rng.shuffle(claims)
        rng.shuffle(persons)
        return Corpus(tuple(docs), tuple(claims), tuple(persons))


def _rounded(value: str, scale: Decimal, step: str, unit: str = "USD") -> Quantity:
    v, p = Decimal(value) * scale, Decimal(step) * scale
    return Quantity(
        value=v, unit=unit, low=v - p / 2, high=v + p / 2, high_closed=False, precision=p
    )


def _exact(value: str, unit: str = "count") -> Quantity:
    return Quantity.exact(Decimal(value), unit)


def _year(y: int) -> Period:
    return Period(start=date(y, 1, 1), end=date(y, 12, 31), kind=PeriodKind.YEAR)


def _ytd(y: int, last_month: int) -> Period:
    end = date(y + 1, 1, 1) if last_month == 12 else date(y, last_month + 1, 1)
    return Period(start=date(y, 1, 1), end=end - timedelta(days=1), kind=PeriodKind.YEAR_TO_DATE)


def _on(iso: str) -> Period:
    d = date.fromisoformat(iso)
    return Period(start=d, end=d, kind=PeriodKind.POINT, basis=PeriodBasis.EXPLICIT)


def _by(y: int) -> Period:
    return Period(start=date(y, 1, 1), end=date(y, 12, 31), kind=PeriodKind.OPEN_TARGET)


@dataclass
class _Doc:
    id: str
    published: str | None
    text: str
    claims: list[Claim] = field(default_factory=list)
    persons: list[PersonMention] = field(default_factory=list)

    def _span(self, quote: str, nth: int = 0) -> Span:
        at = -1
        for _ in range(nth + 1):
            at = self.text.index(quote, at + 1)
        end = at + len(quote)
        s_start = self.text.rfind(". ", 0, at) + 2 if ". " in self.text[:at] else 0
        s_end = self.text.find(".", end)
        return Span(
            doc=self.id,
            start=at,
            end=end,
            sentence_start=s_start,
            sentence_end=s_end + 1 if s_end >= 0 else len(self.text),
        )

    def claim(self, quote: str, metric: str, quantity: Quantity, **kw: Any) -> None:
        span = self._span(quote)
        kw.setdefault("entities", ("KZ", "UZ"))
        self.claims.append(
            Claim(
                id=claim_id(self.id, span.start, span.end, metric),
                doc=self.id,
                span=span,
                quote=quote,
                metric=metric,
                quantity=quantity,
                **kw,
            )
        )

    def person(self, name: str, office: str | None = None, nth: int = 0) -> None:
        self.persons.append(
            PersonMention(doc=self.id, span=self._span(name, nth), name=name, office=office)
        )

    def document(self) -> Document:
        published = date.fromisoformat(self.published) if self.published else None
        return Document(id=self.id, text=self.text, published=published)


def _article_a() -> _Doc:
    a = _Doc(
        "000_a",
        "2024-03-17",
        "In 2023, bilateral trade turnover between Kazakhstan and Uzbekistan amounted to"
        " a record $4.5 billion, up 30% from $3.9 billion in 2022. Kazakh exports to Uzbekistan"
        " came to $3.0 billion in 2023 and imports from Uzbekistan to $2.0 billion."
        " Kazakh Prime Minister Olzhas Bektenov said the portfolio holds 60 joint projects worth"
        " $2.6 billion. Kazakhstan's trade with China reached $31.5 billion in 2023."
        " Trade with Uzbekistan in 2024 reached $5.2 billion. The talks took place on"
        " Monday, March 12, 2024, and continued on Thursday, March 14, 2024."
        " Kazakhstan accounted for 9% of Uzbekistan's foreign trade, which reached"
        " $62.6 billion in 2023.",
    )
    a.claim(
        "accounted for 9% of Uzbekistan's foreign trade",
        "share",
        _exact("9", "percent"),
        period=_year(2023),
        of="uz_foreign_trade_turnover",
    )
    a.claim(
        "Uzbekistan's foreign trade, which reached $62.6 billion",
        "uz_foreign_trade_turnover",
        _rounded("62.6", _BN, "0.1"),
        period=_year(2023),
        entities=("UZ",),
    )
    a.claim(
        "trade turnover between Kazakhstan and Uzbekistan amounted to a record $4.5 billion",
        "trade_turnover",
        _rounded("4.5", _BN, "0.1"),
        period=_year(2023),
    )
    a.claim(
        "up 30%",
        "growth_rate",
        _exact("30", "percent"),
        period=_year(2023),
        compared_to=_year(2022),
        of="trade_turnover",
        change="up",
    )
    a.claim(
        "$3.9 billion in 2022", "trade_turnover", _rounded("3.9", _BN, "0.1"), period=_year(2022)
    )
    a.claim(
        "exports to Uzbekistan came to $3.0 billion",
        "exports_kz_to_uz",
        _rounded("3.0", _BN, "0.1"),
        period=_year(2023),
        direction="KZ->UZ",
    )
    a.claim(
        "imports from Uzbekistan to $2.0 billion",
        "exports_uz_to_kz",
        _rounded("2.0", _BN, "0.1"),
        period=_year(2023),
        direction="UZ->KZ",
    )
    a.claim(
        "60 joint projects",
        "joint_projects_count",
        _exact("60"),
        kind=MetricKind.STOCK,
        period=_on("2024-03-15"),
        scope="portfolio",
        noun="projects",
    )
    a.claim(
        "60 joint projects worth $2.6 billion",
        "joint_projects_value",
        _rounded("2.6", _BN, "0.1"),
        kind=MetricKind.STOCK,
        period=_on("2024-03-15"),
        scope="portfolio",
    )
    a.claim(
        "trade with China reached $31.5 billion",
        "trade_turnover",
        _rounded("31.5", _BN, "0.1"),
        period=_year(2023),
        entities=("CN", "KZ"),
        in_scope=False,
    )
    a.claim(
        "Trade with Uzbekistan in 2024 reached $5.2 billion",
        "trade_turnover",
        _rounded("5.2", _BN, "0.1"),
        period=_year(2024),
    )
    a.person("Olzhas Bektenov", "Prime Minister")
    return a


def _article_b() -> _Doc:
    b = _Doc(
        "001_b",
        "2024-02-04",
        "Trade in January-March 2023 was $1.2 billion, in January-June 2023 $1.1 billion"
        " and in January-November 2023 $4.6 billion. The sides aim to raise trade to"
        " $10 billion by 2030. The portfolio counts 55 joint projects. Trade grew by 30%"
        " in 2023 compared to 2022, that is 2.5 times. Uzbekistan's share of"
        " Kazakhstan's exports reached 80% of turnover. Oljas Bektenov attended.",
    )
    for quote, value, month in (
        ("January-March 2023 was $1.2 billion", "1.2", 3),
        ("January-June 2023 $1.1 billion", "1.1", 6),
        ("January-November 2023 $4.6 billion", "4.6", 11),
    ):
        b.claim(quote, "trade_turnover", _rounded(value, _BN, "0.1"), period=_ytd(2023, month))
    b.claim(
        "raise trade to $10 billion by 2030",
        "trade_target",
        _rounded("10", _BN, "1"),
        modality=Modality.TARGET,
        period=_by(2030),
        horizon="by 2030",
    )
    b.claim(
        "55 joint projects",
        "joint_projects_count",
        _exact("55"),
        kind=MetricKind.STOCK,
        period=_on("2024-02-01"),
        scope="portfolio",
        noun="projects",
    )
    b.claim(
        "grew by 30% in 2023 compared to 2022",
        "growth_rate",
        _exact("30", "percent"),
        period=_year(2023),
        compared_to=_year(2022),
        of="trade_turnover",
        change="up",
    )
    b.claim(
        "2.5 times",
        "growth_multiple",
        _exact("2.5", "times"),
        period=_year(2023),
        compared_to=_year(2022),
        of="trade_turnover",
        change="up",
    )
    b.claim(
        "reached 80% of turnover",
        "share",
        _exact("80", "percent"),
        period=_year(2023),
        of="exports_kz_to_uz_in_trade_turnover",
    )
    b.person("Oljas Bektenov")
    return b


def _article_c() -> _Doc:
    c = _Doc(
        "002_c",
        None,
        "Trade in 2023 reached $4.4 billion. Last year trade was $4 billion. Twelve of"
        " them, 12 joint projects, are under way. The goal is $5 billion by 2025."
        " Exports from Uzbekistan fell by 32% in 2023.",
    )
    c.claim(
        "Trade in 2023 reached $4.4 billion",
        "trade_turnover",
        _rounded("4.4", _BN, "0.1"),
        period=_year(2023),
    )
    c.claim(
        "Last year trade was $4 billion",
        "trade_turnover",
        _rounded("4", _BN, "1"),
        period_as_written="last year",
    )
    c.claim(
        "12 joint projects",
        "joint_projects_count",
        _exact("12"),
        kind=MetricKind.STOCK,
        scope="under_implementation",
        noun="projects",
    )
    c.claim(
        "$5 billion by 2025",
        "trade_target",
        _rounded("5", _BN, "1"),
        modality=Modality.TARGET,
        period=_by(2025),
        horizon="by 2025",
    )
    c.claim(
        "fell by 32% in 2023",
        "growth_rate",
        _exact("-32", "percent"),
        period=_year(2023),
        of="exports_uz_to_kz",
        change="down",
    )
    return c


def _article_d() -> _Doc:
    d = _Doc(
        "003_d",
        "2024-10-01",
        "In 2022 trade was $3.9 million. In 2021 trade reached EUR 2.8 billion.",
    )
    d.claim(
        "In 2022 trade was $3.9 million",
        "trade_turnover",
        _rounded("3.9", _MN, "0.1"),
        period=_year(2022),
    )
    d.claim(
        "In 2021 trade reached EUR 2.8 billion",
        "trade_turnover",
        _rounded("2.8", _BN, "0.1", unit="EUR"),
        period=_year(2021),
    )
    return d


def _article_e() -> _Doc:
    e = _Doc(
        "004_e",
        "2024-09-15",
        "The latest annual figure: trade was $3.9 billion in 2022. In 2021 trade reached"
        " a record $3.0 billion, after $3.3 billion in 2019. Kazakh capital is behind"
        " 1,000 enterprises in Uzbekistan. Prime Minister Olzhas Bektenov spoke.",
    )
    e.claim(
        "trade was $3.9 billion in 2022",
        "trade_turnover",
        _rounded("3.9", _BN, "0.1"),
        period=_year(2022),
    )
    e.claim(
        "In 2021 trade reached a record $3.0 billion",
        "trade_turnover",
        _rounded("3.0", _BN, "0.1"),
        period=_year(2021),
    )
    e.claim(
        "$3.3 billion in 2019", "trade_turnover", _rounded("3.3", _BN, "0.1"), period=_year(2019)
    )
    e.claim(
        "1,000 enterprises",
        "enterprises_kz_capital_in_uz",
        _exact("1000"),
        kind=MetricKind.STOCK,
        period=_on("2024-09-15"),
        direction="KZ->UZ",
        noun="enterprises",
    )
    e.person("Olzhas Bektenov", "Prime Minister")
    return e


def _article_f() -> _Doc:
    f = _Doc(
        "005_f",
        "2024-03-18",
        "Kazakh Prime Minister Alikhan Smailov said 1,500 enterprises with Kazakh capital work"
        " in Uzbekistan.",
    )
    f.claim(
        "1,500 enterprises",
        "enterprises_kz_capital_in_uz",
        _exact("1500"),
        kind=MetricKind.STOCK,
        period=_on("2024-03-18"),
        direction="KZ->UZ",
        noun="enterprises",
    )
    f.person("Alikhan Smailov", "Prime Minister")  # the day after Bektenov in 000_a
    return f


def default_corpus() -> Corpus:
    """The built-in mixed corpus (see the module docstring); a fresh, equal one each call."""
    articles = [_article_a(), _article_b(), _article_c(), _article_d(), _article_e(), _article_f()]
    return Corpus(
        documents=tuple(a.document() for a in articles),
        claims=tuple(c for a in articles for c in a.claims),
        persons=tuple(p for a in articles for p in a.persons),
    )
