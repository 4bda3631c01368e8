"""The persons reader's shortcuts give exactly what their plain patterns give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kzuz_claims.extract import persons
from kzuz_claims.extract._literals import longest_first

SURNAMES = ["Smith", "Tokayev", "Mirziyoyev", "O'Neil", "Lee"]

TEXT = st.lists(
    st.one_of(
        st.sampled_from(SURNAMES),
        st.sampled_from(["John ", "Kassym-Jomart ", "President ", "Mr ", "A ", "x", "-", "’"]),
        st.sampled_from([" ", "\n", ",", ".", "said ", "İ", "é", "_", "9"]),
        st.text(max_size=3),
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sets(st.sampled_from(SURNAMES), min_size=1), st.integers(0, 6))
def test_names_by_surname_are_the_plain_pattern_s(text: str, surnames: set[str], lo: int) -> None:
    alt = longest_first(surnames, ignore_case=False)
    plain = re.compile(rf"(?<![\w-])(?P<name>[A-Z][a-z’'-]+\s+(?:{alt}))\b")
    found = persons._by_surname(alt).finditer(text, lo)
    assert [m.span("name") for m in found] == [m.span("name") for m in plain.finditer(text, lo)]
