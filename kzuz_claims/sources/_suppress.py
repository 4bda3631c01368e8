"""Inline suppression comments: `<!-- kzuz-claims: ignore KZC001 -->` in a draft.

Grammar (docs/suppression.md):

    <!-- kzuz-claims: ignore -->                    every rule, in one paragraph
    <!-- kzuz-claims: ignore KZC001, KZC008 -->     those rules, in one paragraph
    <!-- kzuz-claims: ignore-file KZC005 -->        that rule, in the whole document
    <!-- kzuz-claims: ignore-file -->               every rule, in the whole document

A comment alone on its line applies to the paragraph that follows it; a comment on a
line with text applies to the paragraph of that line. A paragraph is a run of lines
that are not blank. The comments are blanked out with spaces (newlines kept), so the
extractor never reads them and every offset still indexes the file. A comment that
starts with `kzuz-claims` but does not follow the grammar is kept with a `problem`.
"""

from __future__ import annotations

import difflib
import re
from typing import Final

from kzuz_claims.model import Suppression

__all__ = ["DIRECTIVES", "read_suppressions"]

DIRECTIVES: Final = ("ignore", "ignore-file")

_COMMENT = re.compile(
    r"<!--\s*kzuz[-_]claims\b(?:(?P<body>(?:(?!\n[ \t]*\n).)*?)-->|(?P<open>[^\n]*))",
    re.S | re.I,
)
"""A kzuz-claims comment: closed before the next blank line, or else (never closed) only
the rest of its line, so an unclosed comment cannot blank out the text after it."""
_BODY = re.compile(r"\A\s*:\s*(?P<directive>[A-Za-z][\w-]*)(?P<ids>.*)\Z", re.S)
_RULE_ID = re.compile(r"\A[A-Z]{2,5}[0-9]{3}\Z")
_ID_SEP = re.compile(r"[\s,]+")


def read_suppressions(text: str) -> tuple[str, tuple[Suppression, ...]]:
    """The text with every `kzuz-claims` comment blanked out, and the comments read."""
    matches = list(_COMMENT.finditer(text))
    if not matches:
        return text, ()
    chars = list(text)
    for m in matches:
        for i in range(m.start(), m.end()):
            if chars[i] != "\n":
                chars[i] = " "
    blank = "".join(chars)
    return blank, tuple(_read(m, text, blank) for m in matches)


def _read(m: re.Match[str], text: str, blank: str) -> Suppression:
    start, end = m.start(), m.end()
    base = Suppression(
        start=start,
        end=end,
        line=text.count("\n", 0, start) + 1,
        comment=text[start:end],
    )
    if m["body"] is None:
        return _bad(base, "the comment is never closed with -->")
    body = _BODY.match(m["body"])
    if body is None:
        return _bad(
            base,
            "expected `kzuz-claims: ignore [RULE, ...]` or `kzuz-claims: ignore-file"
            " [RULE, ...]` (a colon after kzuz-claims, then a directive)",
        )
    directive = body["directive"].lower()
    if directive not in DIRECTIVES:
        close = difflib.get_close_matches(directive, DIRECTIVES, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return _bad(
            base,
            f"unknown directive {body['directive']!r}{hint} (known: {', '.join(DIRECTIVES)})",
        )
    tokens = [t for t in _ID_SEP.split(body["ids"]) if t]
    bad = [t for t in tokens if not _RULE_ID.match(t.upper())]
    if bad:
        return _bad(
            base,
            f"{bad[0]!r} is not a rule id; name rules by id, e.g."
            " `kzuz-claims: ignore KZC001, KZC008`",
        )
    rules = tuple(sorted({t.upper() for t in tokens}))
    if directive == "ignore-file":
        return base.model_copy(update={"rules": rules, "file_wide": True, "region_end": len(text)})
    region = _paragraph_region(blank, start, end)
    if region is None:
        return _bad(base, "no paragraph follows the comment, so it silences nothing")
    return base.model_copy(
        update={"rules": rules, "region_start": region[0], "region_end": region[1]}
    )


def _bad(base: Suppression, problem: str) -> Suppression:
    return base.model_copy(update={"problem": f"malformed kzuz-claims comment: {problem}"})


def _lines(blank: str) -> list[tuple[int, int]]:
    """(start, end) of every line of the blanked text, newline excluded."""
    out, pos = [], 0
    for line in blank.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _paragraph_region(blank: str, start: int, end: int) -> tuple[int, int] | None:
    lines = _lines(blank)
    first = next(i for i, (s, e) in enumerate(lines) if s <= start <= e)
    last = next(i for i, (s, e) in enumerate(lines) if s <= max(start, end - 1) <= e)

    def is_blank(i: int) -> bool:
        s, e = lines[i]
        return not blank[s:e].strip()

    own_line = all(is_blank(i) for i in range(first, last + 1))
    if own_line:
        i = last + 1
        while i < len(lines) and is_blank(i):
            i += 1
        if i == len(lines):
            return None
        top = i
    else:
        top = next(i for i in range(first, last + 1) if not is_blank(i))
        while top > 0 and not is_blank(top - 1):
            top -= 1
    bottom = top
    while bottom + 1 < len(lines) and not is_blank(bottom + 1):
        bottom += 1
    return lines[top][0], lines[bottom][1]
