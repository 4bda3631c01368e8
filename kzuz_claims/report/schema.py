"""JSON Schemas of the public JSON contracts, generated from the models.

    python -m kzuz_claims.report.schema            # (re)write docs/schema/*.schema.json
    python -m kzuz_claims.report.schema --check    # exit 1 when the files are stale

`claim.schema.json` describes one line of `kzuz-claims extract --format jsonl`;
`quantity.schema.json` one line of `kzuz-claims quantities --format jsonl`;
`report.schema.json` describes `kzuz-claims check --format json`. They describe the
output as written: every field is always present (so every field is required), and
each finding carries its `fingerprint`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kzuz_claims.model import Claim, QuantityMention, Report

__all__ = [
    "DEFAULT_DIR",
    "claim_schema",
    "main",
    "quantity_schema",
    "render_schemas",
    "report_schema",
    "stale_schemas",
    "write_schemas",
]

DEFAULT_DIR = Path("docs/schema")
"""Where the schemas live, relative to the project root."""

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_FINGERPRINT = {
    "title": "Fingerprint",
    "description": (
        "Stable key of what was found: a hash of the rule id, each cited claim's document,"
        " metric, normalised quote and value with unit, and each evidence quote; not of"
        " offsets, claim ids, file order, wording or severity. What a baseline file records."
    ),
    "type": "string",
    "pattern": "^[0-9a-f]{16}$",
}


def _every_field_required(node: Any) -> None:
    """Mark every property of every object schema required: the JSON always has them all."""
    if isinstance(node, dict):
        if node.get("type") == "object" and isinstance(node.get("properties"), dict):
            node["required"] = list(node["properties"])
        for value in node.values():
            _every_field_required(value)
    elif isinstance(node, list):
        for value in node:
            _every_field_required(value)


def _finish(schema: dict[str, Any], description: str) -> dict[str, Any]:
    _every_field_required(schema)
    return {"$schema": _DIALECT, "$comment": description, **schema}


def claim_schema() -> dict[str, Any]:
    """Schema of one claim, one line of `kzuz-claims extract --format jsonl`."""
    schema = Claim.model_json_schema(mode="serialization")
    return _finish(schema, "One line of `kzuz-claims extract --format jsonl`.")


def quantity_schema() -> dict[str, Any]:
    """Schema of one quantity mention, one line of `kzuz-claims quantities --format jsonl`."""
    schema = QuantityMention.model_json_schema(mode="serialization")
    return _finish(schema, "One line of `kzuz-claims quantities --format jsonl`.")


def report_schema() -> dict[str, Any]:
    """Schema of `kzuz-claims check --format json`: the Report plus finding fingerprints."""
    schema = Report.model_json_schema(mode="serialization")
    finding = schema["$defs"]["Finding"]
    finding["properties"]["fingerprint"] = dict(_FINGERPRINT)
    return _finish(schema, "The output of `kzuz-claims check --format json`.")


_SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "claim.schema.json": claim_schema,
    "quantity.schema.json": quantity_schema,
    "report.schema.json": report_schema,
}


def render_schemas() -> dict[str, str]:
    """Each schema file's name and exact text (indented JSON ending in a newline)."""
    return {
        name: json.dumps(build(), indent=2, ensure_ascii=False) + "\n"
        for name, build in _SCHEMAS.items()
    }


def write_schemas(folder: Path = DEFAULT_DIR) -> list[Path]:
    """Write the schemas into `folder` (created if needed); the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def stale_schemas(folder: Path = DEFAULT_DIR) -> list[Path]:
    """The schema files in `folder` that are missing or differ from the models."""
    stale = []
    for name, text in render_schemas().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the schemas, or with --check report stale ones (exit 1)."""
    parser = argparse.ArgumentParser(
        prog="python -m kzuz_claims.report.schema",
        description="Write the JSON Schemas of the public JSON outputs, generated from the models.",
    )
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when stale")
    parser.add_argument(
        "--dir", type=Path, default=DEFAULT_DIR, help=f"schema folder (default {DEFAULT_DIR})"
    )
    args = parser.parse_args(argv)
    folder: Path = args.dir
    if args.check:
        stale = stale_schemas(folder)
        for path in stale:
            print(f"{path}: stale or missing", file=sys.stderr)
        if stale:
            print(
                "The models changed; run `python -m kzuz_claims.report.schema` and commit "
                "the result.",
                file=sys.stderr,
            )
            return 1
        return 0
    for path in write_schemas(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
