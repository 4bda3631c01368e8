"""KZC006 name-variants, KZC020 office-holder-conflict, and the name and office reading."""

from __future__ import annotations

import pytest
from rule_factory import document, person, run_corpus

from kzuz_claims.config import Config
from kzuz_claims.model import Document, Evidence, PersonMention, Severity
from kzuz_claims.rules._names import name_key, same_name, split_name
from kzuz_claims.rules._offices import read_office
from kzuz_claims.rules.entities import name_variants, office_holder_conflict


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


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Olzhas", "Uljas"),
        ("Aripov", "Oripov"),
        ("Bakhtiyar", "Baxtiyor"),
        ("Mukhtar", "Mukhtor"),
        ("Kassym-Jomart", "Kasym-Zhomart"),
        ("Tokayev", "TOKAEV"),
    ],
)
def test_same_name_accepts_transliterations(one: str, other: str) -> None:
    assert same_name(one, other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Murat", "Marat"),
        ("Aziz", "Aziza"),
        ("Tokayev", "Tokayeva"),
        ("Nazarbayev", "Nazarbayeva"),
        ("Nursultan", "Aisultan"),
        ("Askar", "Askat"),
        ("Rustam", "Rustem"),
        ("Olzhas", "Olzas"),
    ],
)
def test_same_name_refuses_other_names(one: str, other: str) -> None:
    assert not same_name(one, other)


def test_name_variants_keeps_murat_and_marat_nurtleu_apart() -> None:
    persons = [person("000_a", "Murat Nurtleu", 0), person("001_b", "Marat Nurtleu", 0)]
    assert run_corpus(name_variants, persons=persons) == []


def test_name_variants_never_merges_relatives_who_share_a_surname() -> None:
    persons = [
        person("000_a", "Nursultan Nazarbayev", 0),
        person("000_a", "Dariga Nazarbayeva", 30),
        person("001_b", "Aisultan Nazarbayev", 0),
        person("001_b", "Kassym-Jomart Tokayev", 30),
        person("002_c", "Kassym-Jomart Tokayeva", 0),
        person("002_c", "Timur Tokayev", 40),
    ]
    assert run_corpus(name_variants, persons=persons) == []


def test_name_variants_never_merges_people_who_share_a_given_name() -> None:
    persons = [
        person("000_a", "Olzhas Bektenov", 0),
        person("001_b", "Olzhas Saparbekuly", 0),
        person("002_c", "Oljas Suleimenov", 0),
        person("003_d", "Abdulla Aripov", 0),
        person("004_e", "Abdulla Oripov", 0),
    ]
    (finding,) = run_corpus(name_variants, persons=persons)
    assert finding.message == "one person spelled 2 ways: Abdulla Aripov, Abdulla Oripov"


def test_name_variants_is_independent_of_mention_order() -> None:
    persons = [
        person("002_c", "Uljas Bektenov", 0),
        person("000_a", "Olzhas Bektenov", 0),
        person("001_b", "Oljas Bektenov", 0),
    ]
    forward = run_corpus(name_variants, persons=persons)
    backward = run_corpus(name_variants, persons=list(reversed(persons)))
    assert forward == backward
    assert forward[0].message.endswith("Olzhas Bektenov, Oljas Bektenov, Uljas Bektenov")


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


# --- KZC020 office-holder-conflict -------------------------------------------------


def doc_with(doc: str, published: str | None, text: str) -> Document:
    return document(doc, published, text=text)


def mention(doc: Document, name: str, office: str | None, nth: int = 0) -> PersonMention:
    """The `nth` mention of `name` in the document text, with the extractor's office."""
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(name, at + 1)
    start = doc.text.rfind(".", 0, at) + 1
    end = doc.text.find(".", at + len(name))
    p = person(doc.id, name, at, office=office)
    span = p.span.model_copy(update={"sentence_start": start, "sentence_end": end + 1})
    return p.model_copy(update={"span": span})


@pytest.mark.parametrize(
    ("text", "name", "office", "expected", "phrase"),
    [
        (
            "Kazakh Prime Minister Alikhan Smailov spoke.",
            "Alikhan Smailov",
            "Prime Minister",
            ("prime_minister", "KZ"),
            "Kazakh Prime Minister",
        ),
        (
            "Prime Minister of Kazakhstan Alikhan Smailov spoke.",
            "Alikhan Smailov",
            "Prime Minister",
            ("prime_minister", "KZ"),
            "Prime Minister of Kazakhstan",
        ),
        (
            "It was led by Olzhas Bektenov, Prime Minister of Kazakhstan, and others.",
            "Olzhas Bektenov",
            "Prime Minister",
            ("prime_minister", "KZ"),
            "Prime Minister of Kazakhstan",
        ),
        (
            "Uzbekistan's President Shavkat Mirziyoyev spoke.",
            "Shavkat Mirziyoyev",
            "President",
            ("president", "UZ"),
            "Uzbekistan's President",
        ),
        (
            "President of the Republic of Kazakhstan Kassym-Jomart Tokayev spoke.",
            "Kassym-Jomart Tokayev",
            "President",
            ("president", "KZ"),
            "President of the Republic of Kazakhstan",
        ),
        (
            "Kazakh Deputy Prime Minister and Foreign Minister Murat Nurtleu spoke.",
            "Murat Nurtleu",
            "Foreign Minister",
            ("foreign_minister", "KZ"),
            "Kazakh Deputy Prime Minister and Foreign Minister",
        ),
        (
            "Uzbek Minister of Foreign Affairs Bakhtiyor Saidov spoke.",
            "Bakhtiyor Saidov",
            "Minister of Foreign Affairs",
            ("foreign_minister", "UZ"),
            "Uzbek Minister of Foreign Affairs",
        ),
        (
            "Minister of Energy of Kazakhstan Almasadam Satkaliyev spoke.",
            "Almasadam Satkaliyev",
            "Minister",
            ("energy_minister", "KZ"),
            "Minister of Energy of Kazakhstan",
        ),
        (
            "Prime Minister Olzhas Bektenov spoke.",
            "Olzhas Bektenov",
            "Prime Minister",
            ("prime_minister", None),
            "Prime Minister",
        ),
        (
            "On a visit to Uzbekistan President Kassym-Jomart Tokayev spoke.",
            "Kassym-Jomart Tokayev",
            "President",
            ("president", None),
            "President",
        ),
    ],
)
def test_read_office_reads_title_and_country(
    text: str, name: str, office: str, expected: tuple[str, str | None], phrase: str
) -> None:
    doc = doc_with("000_a", "2024-03-01", text)
    reading = read_office(mention(doc, name, office), doc)
    assert reading is not None
    assert (reading.office, reading.country) == expected
    assert reading.phrase == phrase


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        ("Deputy Prime Minister Serik Zhumangarin spoke.", "Serik Zhumangarin", "Prime Minister"),
        (
            "Uzbek Deputy Foreign Minister Bakhrom Aloyev spoke.",
            "Bakhrom Aloyev",
            "Foreign Minister",
        ),
        ("Former Prime Minister Askar Mamin spoke.", "Askar Mamin", "Prime Minister"),
        ("The Kazakh ex-Prime Minister Askar Mamin spoke.", "Askar Mamin", "Prime Minister"),
        ("The then-President Nursultan Nazarbayev spoke.", "Nursultan Nazarbayev", "President"),
        ("The first President Nursultan Nazarbayev spoke.", "Nursultan Nazarbayev", "President"),
        ("Acting President Kassym-Jomart Tokayev spoke.", "Kassym-Jomart Tokayev", "President"),
        (
            "President of the Eurasian Development Bank Nikolai Podguzov spoke.",
            "Nikolai Podguzov",
            "President",
        ),
        ("Kazakh Ambassador Yerlan Kubashev spoke.", "Yerlan Kubashev", "Ambassador"),
        ("Governor Zhanseit Tuimebayev spoke.", "Zhanseit Tuimebayev", "Governor"),
        ("Olzhas Bektenov spoke.", "Olzhas Bektenov", None),
    ],
)
def test_read_office_skips_other_and_past_offices(text: str, name: str, office: str | None) -> None:
    doc = doc_with("000_a", "2024-03-01", text)
    assert read_office(mention(doc, name, office), doc) is None


def test_read_office_reads_the_office_string_without_a_document() -> None:
    reading = read_office(
        person("000_a", "Olzhas Bektenov", office="Prime Minister of Kazakhstan"), None
    )
    assert reading is not None and (reading.office, reading.country) == ("prime_minister", "KZ")
    assert not reading.in_document


SMAILOV = "Kazakh Prime Minister Alikhan Smailov held talks in Tashkent."
BEKTENOV = "The talks were led by Olzhas Bektenov, Prime Minister of Kazakhstan, on Monday."


def test_office_holder_conflict_flags_two_prime_ministers_within_the_window() -> None:
    a = doc_with("000_a", "2024-02-20", SMAILOV)
    b = doc_with("001_b", "2024-03-01", BEKTENOV)
    persons = [
        mention(a, "Alikhan Smailov", "Prime Minister"),
        mention(b, "Olzhas Bektenov", "Prime Minister"),
    ]
    (finding,) = run_corpus(office_holder_conflict, documents=[a, b], persons=persons)
    assert finding.rule == "KZC020"
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "Prime Minister of Kazakhstan: Alikhan Smailov (000_a, 2024-02-20)"
        " vs Olzhas Bektenov (001_b, 2024-03-01)"
    )
    assert finding.claims == ()
    assert [e.quote for e in finding.evidence] == [
        "Kazakh Prime Minister Alikhan Smailov",
        "Olzhas Bektenov, Prime Minister of Kazakhstan",
    ]
    for e in finding.evidence:
        text = {"000_a": a, "001_b": b}[e.doc].text
        assert text[e.start : e.end] == e.quote
    assert "published 10 day(s) apart, within the 30-day window" in finding.explanation


def test_office_holder_conflict_flags_two_holders_in_one_article() -> None:
    a = doc_with(
        "000_a",
        "2024-03-01",
        "Uzbek President Shavkat Mirziyoyev met guests. Later President of Uzbekistan"
        " Abdulla Aripov spoke.",
    )
    persons = [
        mention(a, "Shavkat Mirziyoyev", "President"),
        mention(a, "Abdulla Aripov", "President"),
    ]
    (finding,) = run_corpus(office_holder_conflict, documents=[a], persons=persons)
    assert finding.message.startswith("President of Uzbekistan: Shavkat Mirziyoyev (000_a")


def test_office_holder_conflict_respects_the_configured_window() -> None:
    a = doc_with("000_a", "2024-02-04", SMAILOV)
    b = doc_with("001_b", "2024-03-17", BEKTENOV)
    persons = [
        mention(a, "Alikhan Smailov", "Prime Minister"),
        mention(b, "Olzhas Bektenov", "Prime Minister"),
    ]
    assert run_corpus(office_holder_conflict, documents=[a, b], persons=persons) == []
    wide = Config(office_window_days=60)
    (finding,) = run_corpus(office_holder_conflict, documents=[a, b], persons=persons, config=wide)
    assert "42 day(s) apart, within the 60-day window" in finding.explanation


def test_office_holder_conflict_takes_a_missing_country_from_the_same_person() -> None:
    a = doc_with("000_a", "2024-02-20", SMAILOV)
    b = doc_with("001_b", "2024-03-01", "Prime Minister Olzhas Bektenov paid a visit.")
    c = doc_with("002_c", "2024-06-01", "Uljas Bektenov, Prime Minister of Kazakhstan, spoke.")
    persons = [
        mention(a, "Alikhan Smailov", "Prime Minister"),
        mention(b, "Olzhas Bektenov", "Prime Minister"),
        mention(c, "Uljas Bektenov", "Prime Minister"),
    ]
    (finding,) = run_corpus(office_holder_conflict, documents=[a, b, c], persons=persons)
    assert finding.message.endswith("vs Olzhas Bektenov (001_b, 2024-03-01)")
    assert "the country comes from other mentions of the same person" in finding.explanation


def test_office_holder_conflict_ignores_spellings_of_one_person() -> None:
    a = doc_with("000_a", "2024-03-01", "Kazakh Prime Minister Olzhas Bektenov spoke.")
    b = doc_with("001_b", "2024-03-02", "Uljas Bektenov, Prime Minister of Kazakhstan, spoke.")
    persons = [
        mention(a, "Olzhas Bektenov", "Prime Minister"),
        mention(b, "Uljas Bektenov", "Prime Minister"),
    ]
    assert run_corpus(office_holder_conflict, documents=[a, b], persons=persons) == []


def test_office_holder_conflict_ignores_other_countries_deputies_and_former_holders() -> None:
    a = doc_with(
        "000_a",
        "2024-03-01",
        "Kazakh Prime Minister Olzhas Bektenov met Prime Minister of Uzbekistan Abdulla"
        " Aripov. Deputy Prime Minister Serik Zhumangarin attended. Former Prime Minister"
        " Alikhan Smailov attended. Kazakh Deputy Prime Minister and Foreign Minister Murat"
        " Nurtleu met Uzbek Foreign Minister Bakhtiyor Saidov.",
    )
    persons = [
        mention(a, "Olzhas Bektenov", "Prime Minister"),
        mention(a, "Abdulla Aripov", "Prime Minister"),
        mention(a, "Serik Zhumangarin", "Deputy Prime Minister"),
        mention(a, "Alikhan Smailov", "Prime Minister"),
        mention(a, "Murat Nurtleu", "Foreign Minister"),
        mention(a, "Bakhtiyor Saidov", "Foreign Minister"),
    ]
    assert run_corpus(office_holder_conflict, documents=[a], persons=persons) == []


def test_office_holder_conflict_skips_sentences_about_earlier_years() -> None:
    a = doc_with(
        "000_a", "2024-03-01", "In 2019, Prime Minister of Kazakhstan Askar Mamin signed it."
    )
    b = doc_with("001_b", "2024-03-02", BEKTENOV)
    persons = [
        mention(a, "Askar Mamin", "Prime Minister"),
        mention(b, "Olzhas Bektenov", "Prime Minister"),
    ]
    assert run_corpus(office_holder_conflict, documents=[a, b], persons=persons) == []


def test_office_holder_conflict_skips_undated_documents_and_unknown_countries() -> None:
    a = doc_with("000_a", None, SMAILOV)
    b = doc_with("001_b", "2024-03-01", BEKTENOV)
    c = doc_with("002_c", "2024-03-01", "Prime Minister Abdulla Aripov spoke.")
    persons = [
        mention(a, "Alikhan Smailov", "Prime Minister"),
        mention(b, "Olzhas Bektenov", "Prime Minister"),
        mention(c, "Abdulla Aripov", "Prime Minister"),
    ]
    assert run_corpus(office_holder_conflict, documents=[a, b, c], persons=persons) == []


def test_office_holder_conflict_reports_each_pair_of_articles() -> None:
    old_a = doc_with("000_a", "2024-02-05", SMAILOV)
    old_b = doc_with("001_b", "2024-02-05", BEKTENOV)
    new_b = doc_with("002_c", "2025-03-01", BEKTENOV)
    draft = doc_with("003_d", "2025-03-04", SMAILOV)
    persons = [
        mention(old_a, "Alikhan Smailov", "Prime Minister"),
        mention(old_b, "Olzhas Bektenov", "Prime Minister"),
        mention(new_b, "Olzhas Bektenov", "Prime Minister"),
        mention(draft, "Alikhan Smailov", "Prime Minister"),
    ]
    found = run_corpus(
        office_holder_conflict, documents=[old_a, old_b, new_b, draft], persons=persons
    )
    pairs = sorted(tuple(sorted({e.doc for e in f.evidence})) for f in found)
    assert pairs == [("000_a", "001_b"), ("002_c", "003_d")]
