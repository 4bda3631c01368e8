"""KZC006 name-variants and the transliteration folding behind it."""

from __future__ import annotations

import pytest
from rule_factory import document, person, run_corpus

from kzuz_claims.model import Evidence, Severity
from kzuz_claims.rules._names import name_key, split_name
from kzuz_claims.rules.entities import name_variants


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Olzhas", "Oljas"),
        ("Olzhas", "Uljas"),
        ("Tokayev", "Tokaev"),
        ("Kassym-Jomart", "Kasym-Zhomart"),
        ("Mirziyoyev", "Mirziyoev"),
        ("Abdulla", "Abdula"),
        ("Aripov", "Oripov"),
        ("Yerlan", "Erlan"),
        ("Alikhan", "Alihan"),
        ("Bakhtiyor", "Baxtiyor"),
        ("Saidov", "Saidov"),
        ("O\u2018ktam", "Oktam"),
    ],
)
def test_name_key_folds_transliteration_variants(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Aripov", "Smailov"), ("Askar", "Alikhan"), ("Bektenov", "Beknazarov")],
)
def test_name_key_keeps_different_names_apart(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def test_split_name_skips_initials_and_single_words() -> None:
    assert split_name("O. Bektenov") is None
    assert split_name("Bektenov") is None
    parts = split_name("Olzhas Abayevich Bektenov")
    assert parts is not None and parts.spelling == "Olzhas Bektenov"


def test_name_variants_flags_one_person_spelled_three_ways() -> None:
    docs = [
        document("000_a", text="Prime Minister Olzhas Bektenov met Olzhas Bektenov."),
        document("001_b", text="Oljas Bektenov said. Later Oljas Bektenov added."),
        document("002_c", text="Uljas Bektenov and Olzhas Bektenov."),
    ]
    persons = [
        person("000_a", "Olzhas Bektenov", 15),
        person("000_a", "Olzhas Bektenov", 35),
        person("001_b", "Oljas Bektenov", 0),
        person("001_b", "Oljas Bektenov", 27),
        person("002_c", "Uljas Bektenov", 0),
        person("002_c", "Olzhas Bektenov", 19),
    ]
    (finding,) = run_corpus(name_variants, documents=docs, persons=persons)
    assert finding.rule == "KZC006"
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "one person spelled 3 ways: Olzhas Bektenov, Oljas Bektenov, Uljas Bektenov"
    )
    assert finding.evidence == (
        Evidence(doc="000_a", start=15, end=30, quote="Olzhas Bektenov"),
        Evidence(doc="001_b", start=0, end=14, quote="Oljas Bektenov"),
        Evidence(doc="002_c", start=0, end=14, quote="Uljas Bektenov"),
        Evidence(doc="002_c", start=19, end=34, quote="Olzhas Bektenov"),
    )
    assert '"Olzhas Bektenov": 3 mention(s) in 000_a, 002_c' in finding.explanation


def test_name_variants_does_not_merge_different_people() -> None:
    persons = [
        person("000_a", "Abdulla Aripov", 0),
        person("000_a", "Alikhan Smailov", 20),
        person("001_b", "Askar Mamin", 0),
        person("001_b", "Alikhan Mamin", 20),
        person("002_c", "Kassym-Jomart Tokayev", 0),
        person("002_c", "Shavkat Mirziyoyev", 30),
    ]
    assert run_corpus(name_variants, persons=persons) == []


def test_name_variants_takes_murat_and_marat_nurtleu_for_one_person() -> None:
    persons = [person("000_a", "Murat Nurtleu", 0), person("001_b", "Marat Nurtleu", 0)]
    (finding,) = run_corpus(name_variants, persons=persons)
    assert finding.message == "one person spelled 2 ways: Murat Nurtleu, Marat Nurtleu"


def test_name_variants_ignores_case_middle_names_and_initials() -> None:
    persons = [
        person("000_a", "Olzhas Bektenov", 0),
        person("001_b", "OLZHAS BEKTENOV", 0),
        person("002_c", "Olzhas Abayevich Bektenov", 0),
        person("003_d", "O. Bektenov", 0),
    ]
    assert run_corpus(name_variants, persons=persons) == []


def test_name_variants_uses_the_mention_name_when_the_document_is_missing() -> None:
    persons = [person("000_a", "Abdulla Aripov", 5), person("001_b", "Abdulla Oripov", 7)]
    (finding,) = run_corpus(name_variants, persons=persons)
    assert [e.quote for e in finding.evidence] == ["Abdulla Aripov", "Abdulla Oripov"]
