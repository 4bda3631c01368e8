"""What the property tests of the pattern shortcuts assert: `_literals.scan`, `search` and
their slice forms give exactly what the plain pattern gives."""

from __future__ import annotations

import re

from kzuz_claims.extract import _literals as literals


def assert_shortcuts_agree(p: re.Pattern[str], text: str, folded: str, lo: int, hi: int) -> None:
    """The four shortcuts, run on text[lo:hi] (`folded` is fold(text)), against `p`."""
    part = text[lo:hi]
    assert [m.span() for m in literals.scan(p, text, folded, lo, hi)] == [
        m.span() for m in p.finditer(text, lo, hi)
    ], p.pattern
    found, expected = literals.search(p, text, folded, lo, hi), p.search(text, lo, hi)
    assert (found and found.span()) == (expected and expected.span()), p.pattern
    assert [m.span() for m in literals.scan_slice(p, folded, lo, hi, part)] == [
        m.span() for m in p.finditer(part)
    ], p.pattern
    found, expected = literals.search_slice(p, folded, lo, hi, part), p.search(part)
    assert (found and found.span()) == (expected and expected.span()), p.pattern
