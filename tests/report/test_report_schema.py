"""The committed JSON Schemas match the models, and the JSON output matches them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kzuz_claims.model import Report
from kzuz_claims.report import claims_to_jsonl, to_json
from kzuz_claims.report.schema import main, render_schemas, stale_schemas

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "docs" / "schema"

_TYPES: dict[str, type | tuple[type, ...]] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
}


def _errors(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str) -> list[str]:
    """A small structural validator: $ref, anyOf, type, enum, required, extra properties."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return _errors(value, root["$defs"][name], root, at)
    if "anyOf" in schema:
        options = [_errors(value, option, root, at) for option in schema["anyOf"]]
        return [] if any(not o for o in options) else [f"{at}: matches no anyOf branch"]
    problems: list[str] = []
    kind = schema.get("type")
    if kind == "null":
        return [] if value is None else [f"{at}: expected null"]
    if kind is not None:
        if isinstance(value, bool) and kind not in ("boolean",):
            return [f"{at}: expected {kind}, got bool"]
        if not isinstance(value, _TYPES[kind]):
            return [f"{at}: expected {kind}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{at}: {value!r} not in {schema['enum']}")
    if isinstance(value, dict) and "properties" in schema:
        props = schema["properties"]
        problems += [f"{at}: missing {k}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            problems += [f"{at}: unexpected {k}" for k in value if k not in props]
        for key, item in value.items():
            if key in props:
                problems += _errors(item, props[key], root, f"{at}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            problems += _errors(item, schema["items"], root, f"{at}[{i}]")
    return problems


def test_committed_schemas_are_up_to_date() -> None:
    stale = stale_schemas(SCHEMA_DIR)
    assert not stale, (
        f"stale JSON Schemas: {', '.join(map(str, stale))}; "
        "run `python -m kzuz_claims.report.schema` and commit docs/schema/"
    )


def test_check_mode_exits_1_when_stale_and_0_after_writing(tmp_path: Path) -> None:
    assert main(["--check", "--dir", str(tmp_path)]) == 1
    assert main(["--dir", str(tmp_path)]) == 0
    assert main(["--check", "--dir", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(render_schemas())


def test_report_json_validates_against_its_schema(report: Report) -> None:
    schema = json.loads((SCHEMA_DIR / "report.schema.json").read_text(encoding="utf-8"))
    assert _errors(json.loads(to_json(report)), schema, schema, "report") == []


def test_schema_catches_a_missing_fingerprint(report: Report) -> None:
    schema = json.loads((SCHEMA_DIR / "report.schema.json").read_text(encoding="utf-8"))
    data = report.model_dump(mode="json")
    assert "report.findings[0]: missing fingerprint" in _errors(data, schema, schema, "report")


def test_jsonl_lines_validate_against_the_claim_schema(report: Report) -> None:
    schema = json.loads((SCHEMA_DIR / "claim.schema.json").read_text(encoding="utf-8"))
    for n, line in enumerate(claims_to_jsonl(report.claims).splitlines()):
        assert _errors(json.loads(line), schema, schema, f"line {n}") == []
