"""The command line: exit codes, formats, bad input, and the seed findings."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
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
    assert out.splitlines()[0].split() == ["id", "name", "severity", "kind", "summary"]
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


NEW_CONFLICT = (
    " date 2024-06-10 In 2023, trade turnover between Kazakhstan and Uzbekistan reached"
    " $3.8 billion, the statistics agency said.\n"
)


def _kzuz(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kzuz_claims.cli", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_baseline_round_trip_in_ci_terms(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    assert _kzuz(tmp_path, "check", "seeds", "--fail-on", "warning").returncode == 1
    written = _kzuz(tmp_path, "check", "seeds", "--write-baseline")
    assert written.returncode == 0, written.stderr
    baseline = tmp_path / "kzuz_claims.baseline.json"
    assert "wrote 5 finding(s) to kzuz_claims.baseline.json" in written.stderr
    assert json.loads(baseline.read_text(encoding="utf-8"))["version"] == 1
    clean = _kzuz(tmp_path, "check", "seeds", "--fail-on", "warning")
    assert clean.returncode == 0, clean.stdout
    assert clean.stdout.splitlines()[-1].endswith("0 finding(s), 0 skipped, 5 baselined")
    (seeds / "new_article.txt").write_text(NEW_CONFLICT, encoding="utf-8")
    dirty = _kzuz(tmp_path, "check", "seeds", "--fail-on", "warning")
    assert dirty.returncode == 1
    assert "$3.8 billion (new_article)" in dirty.stdout
    assert "5 baselined" in dirty.stdout
    assert "$4.4 billion (003_396664d259ee8936)\n" not in dirty.stdout  # the old one stays accepted
    ignored = _kzuz(tmp_path, "check", "seeds", "--fail-on", "warning", "--no-baseline")
    assert ignored.returncode == 1 and "baselined" not in ignored.stdout


def test_baseline_survives_an_edit_elsewhere_in_an_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", "seeds", "--write-baseline", "accepted.json")[0] == 0
    first = seeds / "000_2baa5ade77b0a3aa.txt"
    text = first.read_text(encoding="utf-8")
    cut = text.index("\n") + 1
    first.write_text(
        text[:cut] + "An editor's note added later.\n\n" + text[cut:], encoding="utf-8"
    )
    code, out, _ = run(
        capsys, "check", "seeds", "--baseline", "accepted.json", "--fail-on", "warning"
    )
    assert code == 0, out
    assert "0 finding(s)" in out and "5 baselined" in out


def test_baseline_counts_stale_entries_and_reports_them_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    monkeypatch.chdir(tmp_path)
    run(capsys, "check", "seeds", "--write-baseline")
    (seeds / "002_e982cd87925f1738.txt").unlink()
    code, out, _ = run(capsys, "check", "seeds", "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert (report["baselined"], report["baseline_stale"]) == (3, 2)


def test_configured_baseline_is_relative_to_the_config_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    shutil.copytree(SEEDS, project / "seeds")
    (project / "kzuz_claims.toml").write_text('baseline = "ci/accepted.json"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "project/seeds", "--fail-on", "warning")
    assert code == 1 and "configured baseline" in err and "does not exist yet" in err
    assert run(capsys, "check", "project/seeds", "--write-baseline")[0] == 0
    assert (project / "ci" / "accepted.json").is_file()
    assert run(capsys, "check", "project/seeds", "--fail-on", "warning")[0] == 0


def test_bad_or_missing_baseline_file_exits_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "check", str(SEEDS), "--baseline", str(tmp_path / "none.json"))
    assert code == 2 and "none.json" in err and "--write-baseline" in err
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 7}', encoding="utf-8")
    code, _, err = run(capsys, "check", str(SEEDS), "--baseline", str(bad))
    assert code == 2 and "bad.json" in err and "version 7" in err


def test_strict_exits_one_with_the_full_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(SEEDS), "--strict", "--format", "json")
    assert code == 1
    assert len(json.loads(out)["findings"]) == 5
    assert "5 finding(s) in strict mode" in err
    code, _, _ = run(capsys, "check", str(SEEDS), "--strict", "--select", "KZC007")
    assert code == 0


def test_select_and_ignore_override_the_configuration(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "check", str(SEEDS), "--select", "KZC00", "--ignore", "KZC003,KZC006"
    )
    assert code == 0
    rules = {line.split()[1] for line in out.splitlines() if line.startswith(("warning", "info"))}
    assert rules == {"KZC001", "KZC007"}
    code, _, err = run(capsys, "check", str(SEEDS), "--select", "KZX")
    assert code == 2 and "on the command line" in err and "KZX" in err


def test_inline_suppression_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "<!-- kzuz-claims: ignore KZC001 -->\n"
        + NEW_CONFLICT.lstrip()
        + "\n<!-- kzuz-claims: ignroe KZC004 -->\nMore text.\n",
        encoding="utf-8",
    )
    code, out, err = run(
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
    assert report["suppressed"] == 2
    assert [f["rule"] for f in report["findings"]] == ["KZC004"]
    assert code == 1
    assert f"warning: {draft}:4: malformed kzuz-claims comment: unknown directive 'ignroe'" in err
    assert report["notices"][0]["line"] == 4


def test_config_is_found_upwards_from_the_checked_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    shutil.copytree(SEEDS, project / "articles" / "seeds")
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.kzuz_claims]\nignore = ["KZC001"]\n'
        'severity = { KZC006 = "error" }\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "project/articles/seeds", "--format", "json")
    report = json.loads(out)
    assert code == 1  # KZC006 is an error now
    assert "KZC001" not in {f["rule"] for f in report["findings"]}
    assert report["config"]["source"].endswith("pyproject.toml")
    other = tmp_path / "other.toml"
    other.write_text("select = ['KZC007']\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "project/articles/seeds", "--config", str(other))
    assert code == 0 and "KZC006" not in out


def test_bad_configuration_exits_two_naming_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kzuz_claims.toml").write_text("[tolerances]\naprox = 0.2\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert "tolerances.aprox" in err and str(tmp_path / "kzuz_claims.toml") in err
    assert "did you mean 'approx'?" in err


def test_check_exits_two_when_no_file_could_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "draft.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00 not text \x00\x00")
    code, _, err = run(capsys, "check", str(bad))
    assert code == 2
    assert "draft.txt" in err


def test_unwritable_output_or_baseline_exits_two_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "a-file"  # a file where a folder would have to be
    blocked.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "check", str(SEEDS), "-o", str(blocked / "report.md"))
    assert (code, "cannot write" in err) == (2, True)
    code, _, err = run(capsys, "check", str(SEEDS), "--write-baseline", str(blocked / "b.json"))
    assert (code, "cannot write the baseline" in err) == (2, True)
