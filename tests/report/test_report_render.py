"""Renderers: each format for a small hand-built Report, deterministic, exact."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from kzuz_claims.baseline import fingerprint
from kzuz_claims.model import (
    Claim,
    Gap,
    Notice,
    Period,
    PeriodBasis,
    PeriodKind,
    Report,
    Skipped,
)
from kzuz_claims.report import (
    FORMATS,
    claims_table,
    claims_to_jsonl,
    format_amount,
    format_period,
    render,
    to_json,
    to_markdown,
    to_text,
)
from kzuz_claims.report._format import format_gap


@pytest.mark.parametrize("fmt", ["md", "json", "text"])
def test_each_format_renders_deterministically(report: Report, fmt: str) -> None:
    first = render(report, fmt)
    again = Report.model_validate_json(report.model_dump_json())
    assert render(again, fmt) == first
    assert render(report, fmt) == first
    assert first.endswith("\n") and not first.endswith("\n\n")


def test_render_dispatches_to_the_named_functions(report: Report) -> None:
    assert render(report, "md") == to_markdown(report)
    assert render(report, "json") == to_json(report)
    assert render(report, "text") == to_text(report)
    assert FORMATS == ("json", "md", "text")


def test_unknown_format_error_lists_the_known_ones(report: Report) -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'") as info:
        render(report, "pdf")
    assert "json, md, text" in str(info.value)


def test_json_is_the_model_json_plus_fingerprints(report: Report) -> None:
    data = json.loads(to_json(report))
    expected = report.model_dump(mode="json")
    fingerprints = [f.pop("fingerprint") for f in data["findings"]]
    assert data == expected
    claims = {c.id: c for c in report.claims}
    assert fingerprints == [fingerprint(f, claims) for f in report.findings]
    assert list(data) == [
        "version",
        "config",
        "documents",
        "claims",
        "persons",
        "findings",
        "skipped",
        "suppressed",
        "baselined",
        "baseline_stale",
        "notices",
    ]


def test_json_numbers_are_numbers_and_text_is_not_ascii_escaped(report: Report) -> None:
    text = to_json(report)
    data = json.loads(text)
    assert data["claims"][0]["quantity"]["value"] == 4_500_000_000
    assert data["findings"][1]["gap"]["relative"] == pytest.approx(0.0222)
    cyrillic = report.model_copy(update={"skipped": (Skipped(path="Ж.txt", reason="Ждём"),)})
    assert '"path": "Ж.txt"' in to_json(cyrillic)


def test_json_round_trips_to_an_equal_report(report: Report) -> None:
    data = json.loads(to_json(report))
    for finding in data["findings"]:
        del finding["fingerprint"]
    assert Report.model_validate(data) == report


def test_markdown_shows_summary_quotes_side_by_side_and_skipped(report: Report) -> None:
    md = to_markdown(report)
    assert "| Documents read | 2 |" in md
    assert "| Findings | 2 (1 warning, 1 info) |" in md
    assert "| Files skipped | 1 |" in md
    # the warning comes before the info although the report lists the info first
    assert md.index("WARNING · KZC001 value-conflict") < md.index("INFO · KZC040")
    assert (
        "| 000_a | “bilateral trade turnover amounted to \\$4.5 billion” | \\$4.5 billion |" in md
    )
    assert "about \\$4.4 billion" in md
    assert "2023 (relative)" in md
    assert "Gap: \\$100 million (2.2%)" in md
    assert "4.5 - 4.4 = 0.1 billion" in md  # explanation verbatim, in a fenced block
    assert "## Skipped files" in md
    assert "| in/bad.txt | file is binary (it contains NUL bytes), not text |" in md
    claims = {c.id: c for c in report.claims}
    assert f"fingerprint {fingerprint(report.findings[1], claims)}" in md
    assert "| Suppressed inline | 0 |" in md
    assert "| Baselined | 0 |" in md


def test_reports_show_suppressed_baselined_and_notices(report: Report) -> None:
    counted = report.model_copy(
        update={
            "suppressed": 2,
            "baselined": 3,
            "baseline_stale": 1,
            "notices": (Notice(path="draft.md", line=4, message="malformed kzuz-claims comment"),),
        }
    )
    md = to_markdown(counted)
    assert "| Suppressed inline | 2 |" in md and "| Baselined | 3 |" in md
    assert "| Stale baseline entries | 1 |" in md
    assert "| draft.md | 4 | malformed kzuz-claims comment |" in md
    lines = to_text(counted).splitlines()
    assert lines[-2] == "notice draft.md:4: malformed kzuz-claims comment"
    assert lines[-1].endswith(", 2 suppressed inline, 3 baselined, 1 stale baseline entries")
    data = json.loads(to_json(counted))
    assert (data["suppressed"], data["baselined"], data["baseline_stale"]) == (2, 3, 1)
    assert data["notices"] == [
        {"path": "draft.md", "line": 4, "message": "malformed kzuz-claims comment"}
    ]


def test_markdown_for_a_clean_report_says_so() -> None:
    md = to_markdown(Report(version="0.1.0"))
    assert "No findings" in md
    assert "## Skipped files" not in md


def test_markdown_escapes_table_breaking_characters(report: Report) -> None:
    finding = report.findings[0].model_copy(update={"message": "a | b * c"})
    md = to_markdown(report.model_copy(update={"findings": (finding,)}))
    assert "a \\| b \\* c" in md


def test_text_has_one_line_per_finding_indented_quotes_and_summary_last(report: Report) -> None:
    lines = to_text(report).splitlines()
    assert lines[0] == (
        "warning KZC001 value-conflict: trade_turnover 2023: $4.5 billion vs about $4.4 billion"
    )
    assert lines[1].startswith('    000_a: "bilateral trade turnover amounted to $4.5 billion"')
    assert lines[1].endswith("= $4.5 billion [2023]")
    assert any(line.startswith("info KZC040 relative-date-inferred:") for line in lines)
    assert "skipped in/bad.txt: file is binary (it contains NUL bytes), not text" in lines
    assert lines[-1] == ("2 document(s), 4 claim(s), 2 finding(s) (1 warning, 1 info), 1 skipped")


def test_text_names_a_claim_missing_from_the_report(report: Report) -> None:
    finding = report.findings[0].model_copy(update={"claims": ("deadbeef",)})
    text = to_text(report.model_copy(update={"findings": (finding,)}))
    assert "(claim deadbeef is not in the report)" in text


def test_jsonl_has_one_claim_per_line_that_round_trips(report: Report) -> None:
    text = claims_to_jsonl(report.claims)
    lines = text.splitlines()
    assert len(lines) == len(report.claims)
    assert [Claim.model_validate_json(line) for line in lines] == list(report.claims)
    assert claims_to_jsonl([]) == ""


def test_claims_table_is_aligned_and_readable(report: Report) -> None:
    table = claims_table(report.claims)
    lines = table.splitlines()
    assert lines[0].split() == [
        "doc",
        "metric",
        "value",
        "qualifier",
        "period",
        "modality",
        "quote",
    ]
    assert set(lines[1]) <= {"-", " "}
    assert "$4.5 billion" in lines[2]
    assert "approx" in lines[3] and "$4.4 billion" in lines[3] and "about" not in lines[3][:40]
    assert "-32%" in lines[4]
    assert "60 projects" in lines[5]
    value_column = lines[0].index("value")
    assert all(line[value_column - 2 : value_column] == "  " for line in lines[2:])


def test_claims_table_truncates_long_quotes(report: Report) -> None:
    claim = report.claims[0].model_copy(update={"quote": "word " * 40})
    (row,) = claims_table([claim]).splitlines()[2:]
    assert row.endswith("…")


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (Decimal(4_500_000_000), "USD", "$4.5 billion"),
        (Decimal(156_000_000), "USD", "$156 million"),
        (Decimal(1_200_000_000_000), "KZT", "1.2 trillion KZT"),
        (Decimal(-1_400_000_000), "USD", "-$1.4 billion"),
        (Decimal(1_234_567_891), "USD", "$1,234,567,891"),
        (Decimal(950_000), "USD", "$950,000"),
        (Decimal(13_300), "count", "13,300"),
        (Decimal("16.4"), "percent", "16.4%"),
        (Decimal(-32), "percent", "-32%"),
        (Decimal("1.5"), "percentage_point", "1.5 pp"),
        (Decimal(2), "times", "2 times"),
        (Decimal(3), "rank", "#3"),
        (Decimal(125), "km", "125 km"),
    ],
)
def test_format_amount_reads_like_a_newsroom(value: Decimal, unit: str, expected: str) -> None:
    assert format_amount(value, unit) == expected


def test_report_period_names_the_months_and_how_they_were_resolved() -> None:
    jan_nov = Period(
        start=date(2023, 1, 1),
        end=date(2023, 11, 30),
        kind=PeriodKind.YEAR_TO_DATE,
        basis=PeriodBasis.RELATIVE,
    )
    assert format_period(jan_nov) == "Jan\u2013Nov 2023 (relative)"
    assert format_period(jan_nov.model_copy(update={"basis": PeriodBasis.EXPLICIT})) == (
        "Jan\u2013Nov 2023"
    )
    assert format_period(None) == "-"


def test_gap_percent_reads_like_the_explanation() -> None:
    small = Gap(absolute=Decimal(10_000_000), relative=Decimal("0.002227"), unit="USD")
    assert format_gap(small) == "$10 million (0.22%)"
    tiny = Gap(absolute=Decimal(1), relative=Decimal("0.0000754"), unit="count")
    assert format_gap(tiny) == "1 (0.0075%)"
