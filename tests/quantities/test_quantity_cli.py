"""`kzuz-claims quantities`: literal text or paths, both formats, exit codes, bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kzuz_claims.cli import main

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schema" / "quantity.schema.json"
TEXT = "Winds reached 90 km/h and the FTSE 100 rose 0.65 per cent to 7,912 points."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_literal_text_prints_a_table_of_quantities(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "quantities", TEXT)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["doc", "value", "unit", "bound", "change", "range", "noun", "quote"]
    assert set(lines[1]) <= {"-", " "}
    assert [line.split()[:3] for line in lines[2:]] == [
        ["text", "90", "km/h"],
        ["text", "0.65", "percent"],
        ["text", "7,912", "count"],
    ]
    assert "up" in lines[3] and lines[4].rstrip().endswith("7,912 points")


def test_jsonl_gives_one_mention_per_line_with_the_schema_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "quantities", "--format", "jsonl", TEXT)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for row in rows:
        assert set(row) == set(schema["properties"]) == set(schema["required"])
        assert TEXT[row["span"]["start"] : row["span"]["end"]] == row["quote"]
        assert row["bound"] in ("=", "~", "<", ">")
    assert [(r["value"], r["unit"], r["change"]) for r in rows] == [
        (90, "km/h", None),
        (0.65, "percent", "up"),
        (7912, "count", None),
    ]


def test_several_texts_and_standard_input_keep_their_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Rain: 40 mm overnight.\n"))
    code, out, _ = run(capsys, "quantities", "--format", "jsonl", "It cost $5.", "-", "Up 3%.")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["span"]["doc"], r["quote"]) for r in rows] == [
        ("text1", "$5"),
        ("stdin", "40 mm"),
        ("text3", "3%"),
    ]


def test_files_and_folders_are_read_as_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "storm.txt").write_text("About 300 homes lost power.\n", encoding="utf-8")
    (tmp_path / "match.md").write_text("Italy won 24-17 before 80,000 fans.\n", encoding="utf-8")
    code, out, _ = run(
        capsys,
        "quantities",
        "--format",
        "jsonl",
        str(tmp_path / "news"),
        str(tmp_path / "match.md"),
    )
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["span"]["doc"], r["quote"], r["noun"]) for r in rows] == [
        ("storm", "About 300 homes", "homes"),
        ("match", "80,000 fans", "fans"),
    ]


def test_bad_files_are_reported_with_reasons_and_the_good_one_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "cyrillic.txt").write_bytes("Рост на 4,5 процента".encode("cp1251"))
    (tmp_path / "good.txt").write_text("Sales rose 4.5% to 12,000 cars.\n", encoding="utf-8")
    code, out, err = run(capsys, "quantities", str(tmp_path))
    assert code == 0
    assert "4.5%" in out and "12,000 cars" in out
    for name, reason in (("empty.txt", "empty"), ("binary.txt", "binary"), ("cyrillic", "cp1251")):
        line = next(line for line in err.splitlines() if name in line)
        assert reason in line and line.startswith("kzuz-claims: skipped")


def test_only_bad_files_exit_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = run(capsys, "quantities", str(tmp_path / "empty.txt"))
    assert code == 2 and "empty" in err


def test_a_missing_file_exits_two_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "quantities", "no/such/article.txt")
    assert code == 2 and out == ""
    assert "no/such/article.txt" in err and "no such file" in err


def test_text_without_quantities_prints_only_the_heading(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "quantities", "Call 0800 555 0199 at 9am on 5 May 2024.")
    assert code == 0 and len(out.splitlines()) == 2
    code, out, _ = run(capsys, "quantities", "--format", "jsonl", "Chelsea won 3-1.")
    assert code == 0 and out == ""


@pytest.mark.parametrize("argv", [["quantities"], ["quantities", "--format", "csv", "5 km"]])
def test_usage_errors_exit_two(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
