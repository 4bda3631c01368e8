"""docs/rules/ is generated from the rule docstrings and must not be stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzuz_claims.rules import HEADINGS, RuleRegistry
from kzuz_claims.rules import docs as rule_docs

REPO_DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_generated_rule_docs_are_up_to_date() -> None:
    stale = rule_docs.stale(REPO_DOCS)
    assert stale == [], (
        f"stale rule docs in {REPO_DOCS}: {stale}; run `python -m kzuz_claims.rules.docs`"
    )


def test_every_builtin_rule_has_a_page_with_all_headings(registry: RuleRegistry) -> None:
    files = rule_docs.expected_files(registry)
    for registered in registry:
        page = files[f"{registered.id}.md"]
        assert page.startswith(f"# {registered.id} `{registered.name}`")
        for heading in HEADINGS:
            assert f"\n## {heading}\n" in page
        assert (
            f"| [{registered.id}]({registered.id}.md) | `{registered.name}` |" in files["README.md"]
        )


def test_docs_check_exits_1_when_stale_and_0_after_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rules"
    assert rule_docs.main(["--check", "--out", str(out)]) == 1
    assert "KZC001.md" in capsys.readouterr().err
    assert rule_docs.main(["--out", str(out)]) == 0
    assert rule_docs.main(["--check", "--out", str(out)]) == 0
    (out / "KZC003.md").write_text("edited by hand\n", encoding="utf-8")
    (out / "KZC999.md").write_text("page of a removed rule\n", encoding="utf-8")
    assert rule_docs.stale(out) == ["KZC003.md", "KZC999.md"]
    assert rule_docs.write(out) == ["KZC003.md", "KZC999.md"]
    assert not (out / "KZC999.md").exists()
    assert rule_docs.stale(out) == []
