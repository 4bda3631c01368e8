"""The command line: exit codes, formats, bad input, and the seed findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzuz_claims.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
GOOD = (
    " date 2024-03-01 In 2023, bilateral trade turnover between Kazakhstan and Uzbekistan"
    " amounted to $4.5 billion.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_jsonl_gives_one_claim_per_line_with_the_contract_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "extract", str(SEEDS), "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) >= 20
    text = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}
    for row in rows:
        for key in (
            "id",
            "doc",
            "span",
            "quote",
            "metric",
            "entities",
            "quantity",
            "period",
            "modality",
            "attribution",
        ):
            assert key in row
        for key in ("value", "unit", "low", "high", "qualifier"):
            assert key in row["quantity"]
        assert text[row["doc"]][row["span"]["start"] : row["span"]["end"]] == row["quote"]


def test_check_seeds_reports_the_known_discrepancies(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SEEDS), "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert set(report) >= {"documents", "claims", "findings", "skipped"}
    claims = {c["id"]: c for c in report["claims"]}

    def involved(f: dict[str, object]) -> list[tuple[str, float]]:
        ids = f["claims"]
        assert isinstance(ids, list)
        return sorted((claims[i]["doc"][:3], float(claims[i]["quantity"]["value"])) for i in ids)

    pairs = [(f["rule"], f["severity"], involved(f)) for f in report["findings"]]
    assert ("KZC001", "warning", [("000", 4.5e9), ("003", 4.4e9)]) in pairs
    assert any(r == "KZC003" and inv == [("000", 60.0), ("002", 12.0)] for r, _, inv in pairs)
    names = [f for f in report["findings"] if f["rule"] == "KZC006"]
    assert len(names) == 1
    spelled = {e["quote"] for e in names[0]["evidence"]}
    assert spelled == {"Olzhas Bektenov", "Oljas Bektenov", "Uljas Bektenov"}
    serious = [inv for _, sev, inv in pairs if sev in ("warning", "error")]
    for inv in serious:
        values = {v for _, v in inv}
        assert not (4.1e9 in values and values & {4.4e9, 4.5e9}), inv
        assert values != {1e10}, inv
        assert not ({4e9, 5e9} <= values), inv


def test_fail_on_warning_exits_one_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "check", str(SEEDS), "--fail-on", "warning")
    assert code == 1


def test_bad_files_are_skipped_with_reasons_and_the_good_one_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "cyrillic.txt").write_bytes(
        "Товарооборот вырос до 4,5 млрд долларов".encode("cp1251")
    )
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 0
    report = json.loads(out)
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert set(skipped) == {"empty.txt", "binary.txt", "cyrillic.txt"}
    assert "empty" in skipped["empty.txt"]
    assert "binary" in skipped["binary.txt"]
    assert "cp1251" in skipped["cyrillic.txt"]
    for name in skipped:
        assert name in err
    assert [c["doc"] for c in report["claims"]] == ["good"]


def test_missing_path_exits_two_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "no/such/folder")
    assert code == 2
    assert "no/such/folder" in err


def test_usage_error_exits_two(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert exc.value.code == 2


@pytest.mark.parametrize("fmt", ["md", "text", "json"])
def test_check_renders_every_format(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SEEDS), "--format", fmt)
    assert code == 0 and out.strip()


def test_against_reports_only_findings_that_involve_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        " date 2024-05-01 Bilateral trade turnover between Kazakhstan and Uzbekistan reached"
        " $3.9 billion in 2023.\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys,
        "check",
        str(draft),
        "--against",
        str(SEEDS),
        "--format",
        "json",
        "--fail-on",
        "warning",
    )
    report = json.loads(out)
    assert code == 1
    assert report["findings"]
    by_id = {c["id"]: c["doc"] for c in report["claims"]}
    for f in report["findings"]:
        assert "draft" in {by_id[i] for i in f["claims"]}


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "KZC001" in out and "value-conflict" in out
    code, out, _ = run(capsys, "explain", "KZC001")
    assert code == 0 and "What it checks" in out
    code, _, err = run(capsys, "explain", "KZC999")
    assert code == 2 and "KZC" in err


def test_against_keeps_a_draft_and_an_archive_file_of_the_same_name_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "draft").mkdir()
    (tmp_path / "archive").mkdir()
    (tmp_path / "draft" / "story.txt").write_text(
        " date 2024-05-01 Bilateral trade turnover between Kazakhstan and Uzbekistan reached"
        " $3.9 billion in 2023.\n",
        encoding="utf-8",
    )
    (tmp_path / "archive" / "story.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(
        capsys,
        "check",
        str(tmp_path / "draft"),
        "--against",
        str(tmp_path / "archive"),
        "--format",
        "json",
        "--fail-on",
        "warning",
    )
    report = json.loads(out)
    ids = [d["id"] for d in report["documents"]]
    assert len(ids) == len(set(ids)) == 2
    assert code == 1 and report["findings"]
