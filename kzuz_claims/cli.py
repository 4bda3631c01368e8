"""`kzuz-claims`: parse arguments, call the API, pick a renderer, set the exit code.

Exit codes: 0 clean, 1 findings at or above --fail-on (or any warning with --strict),
2 usage or input error (bad arguments, configuration, baseline file, missing path).
`--fail-on` and `--strict` look at the findings left after inline suppression and
the baseline.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kzuz_claims.config import DEFAULT_BASELINE
from kzuz_claims.errors import ConfigError, KzuzError

if TYPE_CHECKING:
    from kzuz_claims.baseline import Baseline
    from kzuz_claims.config import Config
    from kzuz_claims.sources import LoadResult

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _rule_ids(text: str) -> list[str]:
    """A comma-separated list of rule ids or prefixes (`KZC001,KZC01`)."""
    return [part.strip().upper() for part in text.split(",") if part.strip()]


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="kzuz-claims",
        description="Extract the figures in news articles and check that they agree.",
    )
    p.add_argument("--config", type=Path, help="configuration file (default: search upwards)")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ex = sub.add_parser("extract", help="print every quantitative claim")
    ex.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or folders of .txt/.md articles"
    )
    ex.add_argument("--format", choices=("jsonl", "table"), default="table")
    ck = sub.add_parser("check", help="cross-check the claims and report discrepancies")
    ck.add_argument("paths", nargs="+", metavar="PATH")
    ck.add_argument(
        "--against",
        nargs="+",
        default=[],
        metavar="ARCHIVE",
        help="already published articles: report only findings that involve PATH",
    )
    ck.add_argument("--format", choices=("md", "json", "text"), default="text")
    ck.add_argument("--fail-on", choices=("info", "warning", "error"), default="error")
    ck.add_argument(
        "--strict",
        action="store_true",
        help="strict mode: exit 1 when any finding at warning or above is left",
    )
    ck.add_argument("--output", "-o", type=Path, help="write the report here instead of stdout")
    ck.add_argument(
        "--config",
        type=Path,
        default=argparse.SUPPRESS,
        help="configuration file (default: search upwards from PATH, then the cwd)",
    )
    ck.add_argument(
        "--select",
        type=_rule_ids,
        metavar="IDS",
        help="comma-separated rule ids or prefixes to run; replaces the configured select",
    )
    ck.add_argument(
        "--ignore",
        type=_rule_ids,
        default=[],
        metavar="IDS",
        help="comma-separated rule ids or prefixes not to run; added to the configured ignore",
    )
    bl = ck.add_mutually_exclusive_group()
    bl.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="drop the findings accepted in FILE (default: the configured baseline or"
        f" {DEFAULT_BASELINE}, when it exists)",
    )
    bl.add_argument("--no-baseline", action="store_true", help="do not read any baseline")
    bl.add_argument(
        "--write-baseline",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help="accept every current finding: write them to FILE (default: the configured"
        f" baseline or {DEFAULT_BASELINE}) and exit 0",
    )
    qt = sub.add_parser(
        "quantities", help="print every quantity (money, units, percents, counts) in text"
    )
    qt.add_argument(
        "inputs",
        nargs="+",
        metavar="TEXT-OR-PATH",
        help="literal text, - for standard input, or files or folders of .txt/.md articles",
    )
    qt.add_argument("--format", choices=("jsonl", "table"), default="table")
    sub.add_parser("rules", help="list the rules")
    xp = sub.add_parser("explain", help="print the documentation of one rule")
    xp.add_argument("rule", metavar="RULE", help="rule id (KZC001) or name (value-conflict)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `kzuz-claims` command."""
    args = _parser().parse_args(argv)
    try:
        return _run(args, sys.stdout, sys.stderr)
    except KzuzError as exc:
        print(f"kzuz-claims: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `kzuz-claims extract ... | head`: the reader left; not an error of ours. Point
        # stdout at devnull so the interpreter's final flush does not fail again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kzuz_claims.config import load_config

    if args.command == "quantities":
        return _quantities(args.inputs, args.format, out, err)
    if args.command == "rules":
        from kzuz_claims.rules import RuleRegistry

        rules = list(RuleRegistry.default())
        width = max((len(r.name) for r in rules), default=4)
        out.write(f"{'id':<7} {'name':<{width}}  {'severity':<8}  {'kind':<6}  summary\n")
        for r in rules:
            out.write(
                f"{r.id:<7} {r.name:<{width}}  {r.severity.value:<8}  {r.kind:<6}  {r.summary}\n"
            )
        return EXIT_CLEAN
    if args.command == "explain":
        from kzuz_claims.rules import RuleRegistry
        from kzuz_claims.rules.docs import render_page

        out.write(render_page(RuleRegistry.default().get(args.rule)))
        return EXIT_CLEAN

    from kzuz_claims.extract import extract
    from kzuz_claims.sources import load

    config_file = getattr(args, "config", None)
    config = (
        load_config(explicit=config_file)
        if config_file
        else load_config([Path(p) for p in args.paths])
    )
    against = getattr(args, "against", [])
    # one load call, so a draft and an archive file with the same name get distinct ids
    loaded = load([*args.paths, *against])
    for skip in loaded.skipped:
        err.write(f"kzuz-claims: skipped {skip.path}: {skip.reason}\n")
    if args.command == "extract":
        from kzuz_claims.report import claims_table, claims_to_jsonl

        extraction = extract(loaded.documents, config=config)
        out.write(
            claims_to_jsonl(extraction.claims)
            if args.format == "jsonl"
            else claims_table(extraction.claims)
        )
        return EXIT_CLEAN if loaded.documents or not loaded.skipped else EXIT_USAGE

    return _check(args, config, loaded, against, out, err)


def _check(
    args: argparse.Namespace,
    config: Config,
    loaded: LoadResult,
    against: Sequence[str],
    out: TextIO,
    err: TextIO,
) -> int:
    """`kzuz-claims check`: extract, run the rules, apply the baseline, report."""
    from kzuz_claims.baseline import Baseline
    from kzuz_claims.engine import check
    from kzuz_claims.errors import StrictModeError
    from kzuz_claims.extract import extract
    from kzuz_claims.model import Severity
    from kzuz_claims.report import render
    from kzuz_claims.rules import RuleRegistry

    registry = RuleRegistry.default()
    if args.select is not None or args.ignore:
        config = config.with_overrides(select=args.select, ignore=args.ignore)
    config.check_rule_ids(
        registry.ids,
        given=[*(args.select or ()), *args.ignore],
        origin=ConfigError.COMMAND_LINE,
    )
    writing = args.write_baseline is not None
    baseline = None if writing else _read_baseline(args, config, err)

    documents = loaded.documents
    focus = None
    if against:
        drafts = [Path(p).resolve() for p in args.paths]
        focus = {d.id for d in documents if d.path and _under(Path(d.path), drafts)}
    extraction = extract(documents, config=config)
    try:
        report = check(
            documents,
            extraction.claims,
            extraction.persons,
            config=config,
            registry=registry,
            skipped=loaded.skipped,
            strict=args.strict and not writing,
            baseline=baseline,
            focus=focus,
        )
        failed = False
    except StrictModeError as exc:
        report, failed = exc.report, True
        err.write(f"kzuz-claims: {str(exc).splitlines()[0]}\n")
    for notice in report.notices:
        err.write(f"kzuz-claims: warning: {notice}\n")

    if writing:
        path = _baseline_path(args.write_baseline or None, config)
        accepted = Baseline.of(report.findings, {c.id: c for c in report.claims})
        from kzuz_claims.baseline import write_baseline

        try:
            write_baseline(path, accepted)
        except OSError as exc:
            err.write(f"kzuz-claims: cannot write the baseline {path}: {exc.strerror or exc}\n")
            return EXIT_USAGE
        err.write(f"kzuz-claims: wrote {len(accepted.findings)} finding(s) to {path}\n")
        return EXIT_CLEAN

    text = render(report, args.format)
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            err.write(f"kzuz-claims: cannot write {args.output}: {exc.strerror or exc}\n")
            return EXIT_USAGE
    else:
        out.write(text if text.endswith("\n") else text + "\n")
    if failed:
        return EXIT_FINDINGS
    if loaded.skipped and not loaded.documents:
        return EXIT_USAGE  # nothing could be read: an unreadable draft never passes
    threshold = Severity(args.fail_on)
    return EXIT_FINDINGS if report.at_or_above(threshold) else EXIT_CLEAN


def _baseline_path(given: str | None, config: Config) -> Path:
    """The baseline file: given on the command line, else configured, else the default."""
    if given:
        return Path(given)
    if config.baseline:
        return config.resolve(config.baseline)
    return Path(DEFAULT_BASELINE)


def _read_baseline(args: argparse.Namespace, config: Config, err: TextIO) -> Baseline | None:
    """The baseline to apply: --baseline FILE (must exist), else the default if it exists."""
    from kzuz_claims.baseline import read_baseline

    if args.no_baseline:
        return None
    if args.baseline is not None:
        return read_baseline(args.baseline)
    path = _baseline_path(None, config)
    if path.is_file():
        return read_baseline(path)
    if config.baseline:
        err.write(
            f"kzuz-claims: the configured baseline {path} does not exist yet;"
            " write it with --write-baseline\n"
        )
    return None


_PATH_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".csv", "/")


def _looks_like_path(item: str) -> bool:
    """A missing path, not text: one word that ends like a file or folder, or starts like a path."""
    if any(c.isspace() for c in item):
        return False
    return item.lower().endswith(_PATH_SUFFIXES) or item.startswith(("./", "../", "/", "~"))


def _quantities(inputs: Sequence[str], fmt: str, out: TextIO, err: TextIO) -> int:
    """`kzuz-claims quantities`: literal texts first, in order, then the files' documents."""
    from kzuz_claims.errors import SourceError
    from kzuz_claims.extract.quantities import extract_quantities
    from kzuz_claims.model import Document
    from kzuz_claims.report import quantities_table, quantities_to_jsonl
    from kzuz_claims.sources import load

    texts: list[Document] = []
    paths: list[str] = []
    literal = [i for i in inputs if i != "-" and not Path(i).exists()]
    for position, item in enumerate(inputs, 1):
        if item == "-":
            texts.append(Document(id="stdin", text=sys.stdin.read()))
        elif Path(item).exists():
            paths.append(item)
        elif _looks_like_path(item):
            raise SourceError(item, "no such file or folder; check the path")
        else:
            name = "text" if len(literal) == 1 else f"text{position}"  # its argument position
            texts.append(Document(id=name, text=item))
    loaded = load(paths) if paths else None
    documents = [*texts, *(loaded.documents if loaded else ())]
    for skip in loaded.skipped if loaded else ():
        err.write(f"kzuz-claims: skipped {skip.path}: {skip.reason}\n")
    mentions = [m for doc in documents for m in extract_quantities(doc)]
    out.write(quantities_to_jsonl(mentions) if fmt == "jsonl" else quantities_table(mentions))
    return EXIT_CLEAN if documents else EXIT_USAGE


def _under(path: Path, roots: Sequence[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == r or r in resolved.parents for r in roots)


if __name__ == "__main__":
    raise SystemExit(main())
