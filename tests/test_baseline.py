"""Baseline fingerprints and the baseline file: stable, sorted, versioned, reviewable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rules.rule_factory import bn, claim, year

from kzuz_claims.baseline import (
    BASELINE_VERSION,
    Baseline,
    fingerprint,
    read_baseline,
    write_baseline,
)
from kzuz_claims.engine import check
from kzuz_claims.errors import BaselineError
from kzuz_claims.extract import extract
from kzuz_claims.model import Claim, Evidence, Finding, Report, Severity
from kzuz_claims.rules import RuleRegistry
from kzuz_claims.sources import load_string

A = " date 2024-03-17 In 2023, bilateral trade turnover amounted to $4.5 billion.\n"
B = " date 2024-04-02 Trade between the two countries reached $4.2 billion in 2023.\n"


def _report(*texts: tuple[str, str]) -> Report:
    docs = [load_string(text, id=name) for name, text in texts]
    extraction = extract(docs)
    return check(docs, extraction.claims, extraction.persons, registry=RuleRegistry.builtin())


def _prints(report: Report) -> list[str]:
    claims = {c.id: c for c in report.claims}
    return sorted(fingerprint(f, claims) for f in report.findings)


def test_fingerprints_survive_reruns_reordering_and_edits_elsewhere_in_the_article() -> None:
    first = _prints(_report(("a", A), ("b", B)))
    assert len(first) == 1
    assert _prints(_report(("a", A), ("b", B))) == first
    assert _prints(_report(("b", B), ("a", A))) == first
    edited = B.replace(" date 2024-04-02 ", " date 2024-04-02 Officials met on Tuesday. ")
    assert _report(("a", A), ("b", edited)).claims[-1].span.start > 0
    assert _prints(_report(("a", A), ("b", edited))) == first


def test_fingerprints_ignore_severity_message_and_claim_ids() -> None:
    a = claim("a", "trade_turnover", bn("4.5"), period=year(2023), at=10, quote="$4.5 billion")
    b = claim("b", "trade_turnover", bn("4.2"), period=year(2023), at=20, quote="$4.2 billion")
    moved = claim("b", "trade_turnover", bn("4.2"), period=year(2023), at=99, quote="$4.2 billion")
    found = Finding(
        rule="KZC001",
        name="value-conflict",
        severity=Severity.WARNING,
        message="x",
        claims=(a.id, b.id),
    )
    reworded = found.model_copy(
        update={"severity": Severity.ERROR, "message": "y", "claims": (moved.id, a.id)}
    )
    assert fingerprint(found, {a.id: a, b.id: b}) == fingerprint(
        reworded, {a.id: a, moved.id: moved}
    )


@pytest.mark.parametrize(
    "change",
    [
        {"rule": "KZC002"},
        {"claims": ("other",)},
        {"evidence": (Evidence(doc="a", start=0, end=3, quote="Bob"),)},
    ],
)
def test_fingerprints_change_with_what_was_found(change: dict[str, object]) -> None:
    a = claim("a", "trade_turnover", bn("4.5"), at=1)
    found = Finding(rule="KZC001", name="n", severity=Severity.INFO, message="m", claims=(a.id,))
    claims: dict[str, Claim] = {a.id: a}
    assert fingerprint(found, claims) != fingerprint(found.model_copy(update=change), claims)


def test_fingerprints_change_with_the_figure_or_the_quote() -> None:
    a = claim("a", "trade_turnover", bn("4.5"), at=1, quote="$4.5 billion")
    found = Finding(rule="KZC001", name="n", severity=Severity.INFO, message="m", claims=(a.id,))
    base = fingerprint(found, {a.id: a})
    for other in (
        a.model_copy(update={"quantity": bn("4.6")}),
        a.model_copy(update={"quote": "$4.5 bn"}),
        a.model_copy(update={"doc": "b"}),
        a.model_copy(update={"metric": "exports"}),
    ):
        assert fingerprint(found, {a.id: other}) != base
    spaced = a.model_copy(update={"quote": "$4.5  Billion"})
    assert fingerprint(found, {a.id: spaced}) == base


def test_baseline_file_is_versioned_sorted_and_shows_rule_message_and_quotes(
    tmp_path: Path,
) -> None:
    report = _report(("a", A), ("b", B), ("c", B.replace("$4.2", "$4.1").replace("04-02", "04-03")))
    baseline = Baseline.of(report.findings, {c.id: c for c in report.claims})
    path = tmp_path / "sub" / "baseline.json"
    write_baseline(path, baseline)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == BASELINE_VERSION
    entries = data["findings"]
    assert len(entries) == len(report.findings) == 3
    assert [(e["rule"], e["fingerprint"]) for e in entries] == sorted(
        (e["rule"], e["fingerprint"]) for e in entries
    )
    first = entries[0]
    assert set(first) == {"fingerprint", "rule", "name", "severity", "message", "quotes"}
    assert len(first["quotes"]) == 2
    assert all(q["doc"] in "abc" and "billion" in q["quote"] for q in first["quotes"])
    assert read_baseline(path) == baseline
    assert path.read_text(encoding="utf-8") == baseline.to_json()


def test_crashed_rules_are_never_baselined() -> None:
    crash = Finding(rule="KZC001", name="rule-crashed", severity=Severity.ERROR, message="boom")
    assert Baseline.of([crash], {}).findings == ()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "cannot be read as JSON"),
        ('{"version": 99, "findings": []}', "version 99 is not 1"),
        ("[]", "version 'list' is not 1"),
        ('{"version": 1, "findings": [{"rule": "KZC001"}]}', "findings.0.fingerprint"),
    ],
)
def test_bad_baseline_files_raise_naming_the_file(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as info:
        read_baseline(path)
    assert str(path) in str(info.value) and reason in str(info.value)


def test_missing_baseline_file_says_how_to_write_one(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match="--write-baseline"):
        read_baseline(tmp_path / "nope.json")


def test_the_fingerprint_does_not_depend_on_which_other_files_are_loaded() -> None:
    def finding_for(doc: str) -> tuple[Finding, dict[str, Claim]]:
        c = claim(doc, "trade_turnover", bn("4.4"), period=year(2023))
        f = Finding(
            rule="KZC001",
            name="value-conflict",
            severity=Severity.WARNING,
            message="m",
            claims=(c.id,),
        )
        return f, {c.id: c}

    alone = fingerprint(*finding_for("trade"))
    assert fingerprint(*finding_for("03/trade")) == alone
    assert fingerprint(*finding_for("2024/03/trade.md")) == alone
    assert fingerprint(*finding_for("visit")) != alone
