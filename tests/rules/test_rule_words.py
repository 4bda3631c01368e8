"""The word tables of the target, temporal and entity rules (kzuz_claims/rules/words.toml)."""

from __future__ import annotations

import pytest

from kzuz_claims.errors import LexiconError
from kzuz_claims.rules import _words
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
