"""The word tables of the target, temporal and entity rules (rules/words.toml), and the
readers built on them never raising on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzuz_claims.errors import LexiconError
from kzuz_claims.model import Document, PersonMention, Span
from kzuz_claims.rules import _words
from kzuz_claims.rules._offices import read_office
from kzuz_claims.rules._weekdays import weekday_dates
from kzuz_claims.rules._words import Words, words


def test_words_table_loads_and_names_every_office_once() -> None:
    table = words()
    titles = [t.casefold() for entry in table.offices.values() for t in entry.titles]
    assert len(titles) == len(set(titles))
    assert table.title_office("minister of foreign affairs") == "foreign_minister"
    assert table.title_office("Deputy Prime Minister") is None


def test_words_table_reads_country_names_adjectives_and_possessives() -> None:
    table = words()
    assert table.country_of("Kazakhstan's") == ("KZ", True)
    assert table.country_of("Uzbek") == ("UZ", False)
    assert table.country_of("Tashkent") is None


def test_words_table_modifier_sets_do_not_overlap() -> None:
    mods = words().modifiers
    assert not set(mods.other_office) & set(mods.not_current)
    assert not (set(mods.other_office) | set(mods.not_current)) & set(mods.current)


def test_words_table_refuses_a_bad_country_code(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def read_text(self, encoding: str) -> str:
            return '[numbers]\none = 1\n[countries.Kaz]\nnames = ["Kazakhstan"]\n'

    class Root:
        def __truediv__(self, name: str) -> Broken:
            return Broken()

    monkeypatch.setattr(_words.resources, "files", lambda package: Root())
    _words.words.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"kzuz_claims/rules/words\.toml"):
            _words.words()
    finally:
        monkeypatch.undo()
        _words.words.cache_clear()
    assert isinstance(words(), Words)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Thursday, Fbrunj 6.0219()MWon ")), max_size=60))
def test_weekday_dates_never_raise_and_quote_the_text(text: str) -> None:
    for found in weekday_dates(text):
        assert text[found.start : found.end] == found.quote
        assert 1 <= found.month <= 12


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=80),
    st.sampled_from(["Prime Minister", "President", "Foreign Minister", "Minister", "x"]),
)
def test_read_office_never_raises(text: str, office: str) -> None:
    name = "Olzhas Bektenov"
    doc = Document(id="d", text=text + name + text)
    span = Span(
        doc="d",
        start=len(text),
        end=len(text) + len(name),
        sentence_start=0,
        sentence_end=len(doc.text),
    )
    mention = PersonMention(doc="d", span=span, name=name, office=office)
    reading = read_office(mention, doc)
    if reading is not None:
        assert reading.office in words().offices
