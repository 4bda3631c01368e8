"""Loading files, folders and strings into Documents; bad files become Skipped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzuz_claims.errors import SourceError
from kzuz_claims.model import PublishedBasis
from kzuz_claims.sources import LoadResult, load, load_string

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOOD = "In 2023, trade between Kazakhstan and Uzbekistan amounted to $4.5 billion.\n"


def _seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def _only_doc(result: LoadResult) -> str:
    assert len(result.documents) == 1, result
    return result.documents[0].id


# --- seeds -----------------------------------------------------------------------------


def test_seed_000_is_dated_by_its_header() -> None:
    (doc,) = load([_seed("000")]).documents
    assert doc.published == date(2024, 3, 17)
    assert doc.published_basis is PublishedBasis.HEADER
    assert doc.text.startswith(" date 2024-03-17 ")
    assert doc.body.startswith("Prime Minister Olzhas Bektenov")


def test_seed_003_is_dated_from_its_own_text() -> None:
    (doc,) = load([_seed("003")]).documents
    assert doc.published == date(2024, 10, 22)
    assert doc.published_basis is PublishedBasis.INFERRED
    assert doc.published_evidence is not None
    assert "Today, October 22" in doc.published_evidence
    assert "In 2023" in doc.published_evidence
    assert "last year" in doc.published_evidence


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_undatable_seeds_have_no_date(prefix: str) -> None:
    (doc,) = load([_seed(prefix)]).documents
    assert doc.published is None
    assert doc.published_basis is PublishedBasis.UNKNOWN
    assert doc.published_evidence is None


def test_seed_folder_loads_every_seed_in_order_with_stem_ids() -> None:
    result = load([SEEDS])
    assert [d.id for d in result.documents] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert result.skipped == ()


def test_seed_text_is_what_read_text_gives() -> None:
    for doc in load([SEEDS]).documents:
        assert doc.path is not None
        assert doc.text == Path(doc.path).read_text(encoding="utf-8")


# --- header and offsets ----------------------------------------------------------------


def test_header_body_start_points_just_after_date_and_space(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2024-08-07 Body starts here.", encoding="utf-8")
    (doc,) = load([tmp_path]).documents
    assert doc.published == date(2024, 8, 7)
    assert doc.body_start == len(" date 2024-08-07 ")
    assert doc.text[doc.body_start :] == "Body starts here."


def test_header_followed_by_newline(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2024-08-07\nBody.\n", encoding="utf-8")
    (doc,) = load([tmp_path]).documents
    assert doc.body == "Body.\n"


def test_impossible_header_date_is_skipped_with_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2024-02-30 Body.", encoding="utf-8")
    result = load([tmp_path])
    assert result.documents == ()
    (skip,) = result.skipped
    assert "2024-02-30" in skip.reason and "not a calendar date" in skip.reason


def test_crlf_is_normalised_so_offsets_match_read_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b" date 2024-01-02 First line.\r\nSecond $5 billion.\rThird.\r\n")
    (doc,) = load([path]).documents
    assert doc.text == path.read_text(encoding="utf-8")
    at = doc.text.index("$5 billion")
    assert doc.text[at : at + len("$5 billion")] == "$5 billion"
    assert "\r" not in doc.text


def test_bom_is_removed_and_offsets_index_the_text_without_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf date 2024-01-02 Body.")
    (doc,) = load([path]).documents
    assert doc.text == " date 2024-01-02 Body."
    assert doc.published == date(2024, 1, 2)
    assert doc.body == "Body."


# --- front matter ----------------------------------------------------------------------


def test_front_matter_gives_date_and_metadata(tmp_path: Path) -> None:
    text = (
        "---\n"
        "date: 2024-05-03\n"
        "publisher: Kazinform\n"
        "url: https://example.org/a\n"
        "title: Trade talks\n"
        "tags: [trade]\n"
        "---\n"
        "Body text.\n"
    )
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (doc,) = load([tmp_path]).documents
    assert doc.published == date(2024, 5, 3)
    assert doc.published_basis is PublishedBasis.METADATA
    assert (doc.publisher, doc.url, doc.title) == (
        "Kazinform",
        "https://example.org/a",
        "Trade talks",
    )
    assert doc.body == "Body text.\n"
    assert doc.text == text


def test_front_matter_published_key_and_string_date(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text('---\npublished: "22 May 2023"\n---\nBody.', encoding="utf-8")
    (doc,) = load([tmp_path]).documents
    assert doc.published == date(2023, 5, 22)


def test_front_matter_without_date_falls_back_to_inference(tmp_path: Path) -> None:
    body = "Today, October 22, the forum met. In 2023 trade grew; last year it was $4 billion."
    (tmp_path / "a.md").write_text(f"---\ntitle: Forum\n---\n{body}", encoding="utf-8")
    (doc,) = load([tmp_path]).documents
    assert doc.title == "Forum"
    assert doc.published == date(2024, 10, 22)
    assert doc.published_basis is PublishedBasis.INFERRED


@pytest.mark.parametrize(
    ("front", "words"),
    [
        ("---\ndate: [2024\n---\nBody.", "not valid YAML"),
        ("---\n- a\n- b\n---\nBody.", "must be a mapping"),
        ("---\ndate: soon\n---\nBody.", "'soon' is not a date"),
        ("---\ntitle: never closed\nBody.", "never closed"),
    ],
)
def test_malformed_front_matter_is_skipped_with_reason(
    tmp_path: Path, front: str, words: str
) -> None:
    (tmp_path / "bad.md").write_text(front, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = load([tmp_path])
    assert _only_doc(result) == "good"
    (skip,) = result.skipped
    assert skip.path.endswith("bad.md")
    assert words in skip.reason


# --- bad files in a batch --------------------------------------------------------------


def test_bad_files_are_skipped_with_reasons_and_the_good_one_loads(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_blank.txt").write_bytes(b"  \n\t\n")
    (tmp_path / "d_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    cyrillic = "Товарооборот между Казахстаном и Узбекистаном составил 4,5 млрд долларов."
    (tmp_path / "e_cp1251.txt").write_bytes(cyrillic.encode("cp1251"))
    html = (
        "<!DOCTYPE html><html><head><title>x</title></head>"
        "<body><div><p>Trade grew.</p></div></body></html>"
    )
    (tmp_path / "f_page.md").write_text(html, encoding="utf-8")
    (tmp_path / "g_huge.txt").write_text("word " * 300, encoding="utf-8")
    (tmp_path / "h_latin1.txt").write_bytes("Café crème was served.".encode("latin-1"))

    result = load([tmp_path], max_bytes=1000)

    assert _only_doc(result) == "a_good"
    reasons = {Path(s.path).stem: s.reason for s in result.skipped}
    assert list(reasons) == [
        "b_empty",
        "c_blank",
        "d_binary",
        "e_cp1251",
        "f_page",
        "g_huge",
        "h_latin1",
    ]
    assert reasons["b_empty"] == "file is empty"
    assert "only whitespace" in reasons["c_blank"]
    assert "binary" in reasons["d_binary"]
    assert "not UTF-8" in reasons["e_cp1251"]
    assert "looks like cp1251 (Windows Cyrillic); re-save as UTF-8" in reasons["e_cp1251"]
    assert reasons["f_page"].startswith("HTML is not supported yet; convert to text")
    assert "1,500 bytes" in reasons["g_huge"] and "1,000" in reasons["g_huge"]
    assert "not UTF-8" in reasons["h_latin1"] and "cp1251" not in reasons["h_latin1"]


def test_binary_without_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 40)
    (skip,) = load([tmp_path]).skipped
    assert "binary" in skip.reason


def test_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_text("Trade grew.", encoding="utf-16")
    (skip,) = load([tmp_path]).skipped
    assert "UTF-16" in skip.reason


def test_markdown_with_a_stray_tag_is_not_html(tmp_path: Path) -> None:
    text = "# Trade\n\nTrade grew to $4 billion.<br>\n\nMore prose follows here, at length.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    assert _only_doc(load([tmp_path])) == "a"


def test_missing_path_raises_source_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(SourceError) as info:
        load([missing])
    assert info.value.path == str(missing)
    assert "no such file or folder" in str(info.value)
    assert isinstance(info.value, OSError)


def test_max_bytes_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        load([tmp_path], max_bytes=0)


# --- discovery and ids -----------------------------------------------------------------


def test_folder_walk_is_recursive_sorted_and_ignores_hidden_and_other_suffixes(
    tmp_path: Path,
) -> None:
    for rel in ["b.txt", "a.md", "sub/c.markdown", "sub/d.json", ".hidden.txt", ".git/e.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GOOD, encoding="utf-8")
    result = load([tmp_path])
    assert [d.id for d in result.documents] == ["a", "b", "c"]
    assert result.skipped == ()


def test_a_file_named_explicitly_is_tried_whatever_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "article.text"
    path.write_text(GOOD, encoding="utf-8")
    assert _only_doc(load([path])) == "article"


def test_a_single_path_string_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert _only_doc(load(str(tmp_path))) == "a"


def test_a_file_given_twice_is_loaded_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = load([tmp_path, tmp_path / "a.txt"])
    assert [d.id for d in result.documents] == ["a"]


def test_stem_collisions_get_folder_qualified_ids(tmp_path: Path) -> None:
    for rel in ["2023/report.txt", "2024/report.txt", "other.txt", "2024/report.md"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GOOD, encoding="utf-8")
    ids = [d.id for d in load([tmp_path]).documents]
    assert ids == ["2023/report", "2024/report.md", "2024/report.txt", "other"]
    assert ids == [d.id for d in load([tmp_path]).documents]


# --- sources.toml ----------------------------------------------------------------------


def test_sidecar_gives_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Trade grew.", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[docs."a"]\npublished = 2024-02-04\npublisher = "UzA"\nurl = "https://example.org"\n',
        encoding="utf-8",
    )
    (doc,) = load([tmp_path]).documents
    assert doc.published == date(2024, 2, 4)
    assert doc.published_basis is PublishedBasis.METADATA
    assert (doc.publisher, doc.url) == ("UzA", "https://example.org")


def test_header_date_wins_over_sidecar_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2024-03-17 Trade grew.", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[docs."a"]\npublished = 2020-01-01\ntitle = "T"\n', encoding="utf-8"
    )
    (doc,) = load([tmp_path]).documents
    assert (doc.published, doc.published_basis, doc.title) == (
        date(2024, 3, 17),
        PublishedBasis.HEADER,
        "T",
    )


def test_broken_sidecar_is_reported_and_articles_still_load(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sources.toml").write_text('[docs."a"]\nauthor = "x"\n', encoding="utf-8")
    result = load([tmp_path])
    assert _only_doc(result) == "a"
    (skip,) = result.skipped
    assert skip.path.endswith("sources.toml")
    assert "unknown key(s) author" in skip.reason


# --- load_string -----------------------------------------------------------------------


def test_load_string_applies_header_logic() -> None:
    doc = load_string(" date 2024-03-17 Body.", id="x")
    assert (doc.id, doc.published, doc.body) == ("x", date(2024, 3, 17), "Body.")
    assert doc.path is None


def test_load_string_infers_a_date() -> None:
    doc = load_string("Today, October 22, we met. In 2023 it grew; last year it was big.")
    assert doc.published == date(2024, 10, 22)
    assert doc.published_basis is PublishedBasis.INFERRED


def test_load_string_arguments_win() -> None:
    doc = load_string(" date 2024-03-17 Body.", published=date(2024, 3, 18), publisher="P")
    assert doc.published == date(2024, 3, 18)
    assert doc.published_basis is PublishedBasis.METADATA
    assert doc.publisher == "P"
    assert doc.body == "Body."


def test_load_string_without_evidence_is_undated() -> None:
    doc = load_string("December 8 - Constitution Day. Trade grew this year.")
    assert doc.published is None
    assert doc.published_basis is PublishedBasis.UNKNOWN


def test_load_string_with_broken_front_matter_raises() -> None:
    with pytest.raises(SourceError, match="never closed"):
        load_string("---\ntitle: x\n", id="draft")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_any_bytes_load_or_are_skipped_never_raise(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    result = load([path])
    assert len(result.documents) + len(result.skipped) == 1
    for doc in result.documents:
        assert doc.text == path.read_text(encoding="utf-8").removeprefix("\ufeff")
        assert 0 <= doc.body_start <= len(doc.text)
