"""The value rules on claims the extractor reads from articles, not on hand-built claims.

Five short articles plant one case of each cause (and a count that shrinks, a record
below an earlier year) next to look-alikes that must stay quiet: a history paragraph,
a January–November figure, a third-country figure.
"""

from __future__ import annotations

from datetime import date

from kzuz_claims.engine import check
from kzuz_claims.extract import extract
from kzuz_claims.rules import RuleRegistry
from kzuz_claims.sources import load_string

ARTICLES = {
    "a": (
        "2024-03-17",
        "In 2023, trade turnover between Kazakhstan and Uzbekistan amounted to $4.5 billion,"
        " according to the Bureau of National Statistics. As of January 1, 2024, 1,131"
        " enterprises with Kazakh capital operated in Uzbekistan. Uzbekistan's trade with"
        " Russia reached $9.8 billion in 2023.",
    ),
    "b": (
        "2024-06-02",
        "According to the latest data, trade turnover between Kazakhstan and Uzbekistan"
        " reached $5 billion in 2022. Exports of Kazakhstan to Uzbekistan totalled $3.1"
        " billion in 2023. In January-November 2023, trade turnover between Kazakhstan and"
        " Uzbekistan stood at $4.1 billion.",
    ),
    "c": (
        "2025-01-25",
        "Trade turnover between Kazakhstan and Uzbekistan reached a record $4.3 billion in"
        " 2024. Uzbekistan is home to 870 enterprises with Kazakh capital, the ministry said."
        " Kazakhstan's exports to Uzbekistan came to $3.1 million in 2023. In 2022, trade"
        " turnover between Kazakhstan and Uzbekistan was $5 billion.",
    ),
    "d": (
        "2024-04-10",
        "Mutual trade between Kazakhstan and Uzbekistan exceeded $5 billion in 2023. In 2023"
        " trade turnover between Kazakhstan and Uzbekistan reached 2.1 trillion tenge.",
    ),
    "e": (
        "2024-04-20",
        "Trade turnover between Kazakhstan and Uzbekistan reached $4.9 billion in 2023,"
        " the ministry said.",
    ),
}
MINE = {"KZC001", "KZC002", "KZC003", "KZC008", "KZC009", "KZC010", "KZC011", "KZC012"}


def test_value_rules_find_the_planted_cases_in_extracted_claims() -> None:
    docs = [
        load_string(text, id=doc, published=date.fromisoformat(published))
        for doc, (published, text) in ARTICLES.items()
    ]
    extraction = extract(docs)
    report = check(docs, extraction.claims, registry=RuleRegistry.builtin())
    by_doc = {c.id: c.doc for c in report.claims}
    found = sorted(
        (f.rule, f.cause or "", tuple(sorted(by_doc[i] for i in f.claims)))
        for f in report.findings
        if f.rule in MINE
    )
    assert found == [
        ("KZC001", "hedge-incompatible", ("a", "d")),  # $4.5 billion vs "exceeded $5 billion"
        ("KZC001", "hedge-incompatible", ("d", "e")),  # "exceeded $5 billion" vs $4.9 billion
        ("KZC001", "outside-rounding", ("a", "e")),  # $4.5 billion vs $4.9 billion
        ("KZC008", "scale-slip", ("b", "c")),  # $3.1 billion vs $3.1 million
        ("KZC009", "unit-mismatch", ("a", "d")),  # $4.5 billion vs 2.1 trillion tenge
        ("KZC009", "unit-mismatch", ("d", "e")),
        ("KZC010", "stale-figure", ("a", "b")),  # "latest data" for 2022, after 2023 was out
        ("KZC011", "", ("a", "c")),  # 1,131 enterprises, then 870
        ("KZC012", "", ("b", "c")),  # a "record" 2024 below 2022
    ]
