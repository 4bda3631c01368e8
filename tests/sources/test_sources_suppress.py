"""Inline suppression comments: read, blanked out of the text, regions found."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzuz_claims.sources import load, load_string

DRAFT = """\
 date 2024-05-01 Trade turnover reached $4.6 billion in 2023.

<!-- kzuz-claims: ignore KZC001 -->
The ministry said trade came to $4.7 billion in 2023.
It added more.

Exports rose. <!-- kzuz-claims: ignore KZC001, KZC008 -->
Imports fell.

Last paragraph.
"""


def test_comments_are_blanked_with_spaces_and_offsets_keep_their_place() -> None:
    doc = load_string(DRAFT)
    assert len(doc.text) == len(DRAFT)
    assert "kzuz-claims" not in doc.text and "<!--" not in doc.text
    assert doc.text.count("\n") == DRAFT.count("\n")
    for i, (was, now) in enumerate(zip(DRAFT, doc.text, strict=True)):
        inside = any(s.start <= i < s.end for s in doc.suppressions)
        assert now == (" " if inside and was != "\n" else was)
    assert doc.published is not None and doc.published.isoformat() == "2024-05-01"


def test_a_comment_on_its_own_line_silences_the_next_paragraph() -> None:
    doc = load_string(DRAFT)
    first = doc.suppressions[0]
    assert (first.line, first.rules, first.file_wide, first.problem) == (
        3,
        ("KZC001",),
        False,
        None,
    )
    region = doc.text[first.region_start : first.region_end]
    assert region == "The ministry said trade came to $4.7 billion in 2023.\nIt added more."


def test_a_comment_after_text_silences_the_paragraph_of_its_line() -> None:
    doc = load_string(DRAFT)
    second = doc.suppressions[1]
    assert second.rules == ("KZC001", "KZC008")
    region = doc.text[second.region_start : second.region_end]
    assert region.startswith("Exports rose.") and region.endswith("Imports fell.")
    assert second.silences("KZC008") and not second.silences("KZC005")


@pytest.mark.parametrize(
    ("comment", "rules"),
    [
        ("<!-- kzuz-claims: ignore-file KZC005 -->", ("KZC005",)),
        ("<!--kzuz-claims:ignore-file kzc005,KZC001-->", ("KZC001", "KZC005")),
        ("<!-- kzuz-claims: ignore-file -->", ()),
    ],
)
def test_ignore_file_covers_the_whole_document(comment: str, rules: tuple[str, ...]) -> None:
    doc = load_string(f"Trade was $1 billion.\n\n{comment}\n\nMore text.\n")
    (s,) = doc.suppressions
    assert s.file_wide and s.rules == rules and s.problem is None
    assert (s.region_start, s.region_end) == (0, len(doc.text))
    assert s.silences("KZC005") and s.silences("KZC001") is (not rules or "KZC001" in rules)


def test_ignore_without_ids_silences_every_rule() -> None:
    doc = load_string("<!-- kzuz-claims: ignore -->\nTrade was $1 billion.\n")
    (s,) = doc.suppressions
    assert s.rules == () and s.silences("KZC001") and s.silences("XYZ123")


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        (
            "<!-- kzuz-claims: ignroe KZC001 -->",
            "unknown directive 'ignroe'; did you mean 'ignore'?",
        ),
        ("<!-- kzuz-claims ignore KZC001 -->", "a colon after kzuz-claims"),
        ("<!-- kzuz-claims: ignore value-conflict -->", "'value-conflict' is not a rule id"),
        ("<!-- kzuz-claims: ignore KZC1 -->", "'KZC1' is not a rule id"),
        ("<!-- kzuz-claims: ignore KZC001", "never closed with -->"),
    ],
)
def test_a_malformed_comment_is_kept_with_its_problem_and_silences_nothing(
    comment: str, problem: str
) -> None:
    doc = load_string(f"First paragraph.\n\n{comment}\nTrade was $1 billion.\n")
    (s,) = doc.suppressions
    assert s.line == 3
    assert s.problem is not None and problem in s.problem
    assert s.problem.startswith("malformed kzuz-claims comment")
    assert not s.silences("KZC001")
    assert "kzuz-claims" not in doc.text


def test_a_comment_with_no_paragraph_after_it_is_reported() -> None:
    doc = load_string("Trade was $1 billion.\n\n<!-- kzuz-claims: ignore KZC001 -->\n\n")
    (s,) = doc.suppressions
    assert s.problem is not None and "no paragraph follows" in s.problem


def test_other_html_comments_are_left_alone() -> None:
    text = "<!-- an editor's note -->\nTrade was $1 billion.\n"
    doc = load_string(text)
    assert doc.text == text and doc.suppressions == ()


def test_files_are_read_the_same_way(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    (doc,) = load([tmp_path]).documents
    assert doc.suppressions == load_string(DRAFT, id="draft").suppressions
    assert doc.text == load_string(DRAFT).text


def test_an_unclosed_comment_blanks_only_its_own_line() -> None:
    doc = load_string(
        "First paragraph.\n\n<!-- kzuz-claims: ignore KZC001\nTrade was $1 billion.\n\n"
        "Exports were $2 billion.\n"
    )
    (s,) = doc.suppressions
    assert s.problem is not None and "never closed" in s.problem
    assert "Trade was $1 billion." in doc.text
    assert "Exports were $2 billion." in doc.text


def test_a_closed_comment_may_span_two_lines() -> None:
    doc = load_string("<!-- kzuz-claims: ignore\n KZC001 -->\nTrade was $1 billion.\n")
    (s,) = doc.suppressions
    assert s.problem is None and s.silences("KZC001")
