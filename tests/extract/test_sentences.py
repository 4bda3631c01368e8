"""Sentences and paragraphs of a text, with their offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kzuz_claims.extract import sentences
from kzuz_claims.extract.sentences import split


def _texts(text: str, start: int = 0) -> list[tuple[str, int]]:
    return [(text[s.start : s.end], s.paragraph) for s in split(text, start)]


def test_split_reads_sentences_lines_and_paragraphs() -> None:
    text = "Title\nExports rose 5%. Imports fell.\n\nIn 2023, Mr. Smith said so."
    assert _texts(text) == [
        ("Title", 0),
        ("Exports rose 5%.", 0),
        ("Imports fell.", 0),
        ("In 2023, Mr. Smith said so.", 1),
    ]


def test_split_keeps_abbreviations_initials_and_lower_case_continuations() -> None:
    text = "The U.S. and the EU agreed, i.e. both. It grew 5 p.p. to 7%. Q: yes… no."
    assert _texts(text) == [
        ("The U.S. and the EU agreed, i.e. both.", 0),
        ("It grew 5 p.p. to 7%.", 0),
        ("Q: yes…", 0),
        ("no.", 0),
    ]


def test_a_stop_before_a_line_break_ends_its_line_only_once() -> None:
    text = "First line ends here.\n  Second (quoted.”) \u00a0\n \n Third!"
    assert _texts(text, 0) == [
        ("First line ends here.", 0),
        ("Second (quoted.”)", 0),
        ("Third!", 1),
    ]
    assert _texts(text, 6) == [("line ends here.", 0), ("Second (quoted.”)", 0), ("Third!", 1)]


STOPS = st.lists(
    st.sampled_from([*".!?…\"'”’»)] \n\t\u00a0", "Mr. ", "5.5", "Trade rose", "x", "İ"]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(STOPS, st.integers(0, 10))
def test_ascii_stops_are_the_stops_of_a_text_without_an_ellipsis(text: str, start: int) -> None:
    text = text.replace("…", "")
    assert [m.span() for m in sentences._ASCII_END.finditer(text, start)] == [
        m.span() for m in sentences._END.finditer(text, start)
    ]
