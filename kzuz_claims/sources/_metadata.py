"""What an article says about itself: the date header, YAML front matter, `sources.toml`.

Publication dates are taken, in order, from the seeds' header line (` date YYYY-MM-DD`),
from front matter, from a `sources.toml` sidecar, and last from the text itself
(`kzuz_claims.normalize.dates.infer_published`). PyYAML and tomllib are imported only
when a file actually has front matter or a sidecar, to keep `import kzuz_claims` fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kzuz_claims.model import PublishedBasis
from kzuz_claims.normalize.dates import coerce_date, infer_published

__all__ = [
    "SIDECAR_NAME",
    "BadMetadata",
    "Metadata",
    "Sidecar",
    "read_article",
    "read_sidecar",
]

SIDECAR_NAME = "sources.toml"
"""The per-folder metadata file: `[docs."<stem>"]` tables of published/publisher/url/title."""

_HEADER = re.compile(r"\A[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})(?:[ \t]|\n|\Z)")
_FRONT_OPEN = re.compile(r"\A---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.MULTILINE)
_TEXT_KEYS = ("publisher", "url", "title")
_SIDECAR_KEYS = frozenset({"published", "date", *_TEXT_KEYS})


class BadMetadata(Exception):
    """Metadata that is present but cannot be used; `reason` says what and how to fix it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Sidecar:
    """One `[docs."<stem>"]` entry of a `sources.toml`."""

    published: date | None = None
    publisher: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """Everything known about an article apart from its text."""

    body_start: int = 0
    published: date | None = None
    basis: PublishedBasis = PublishedBasis.UNKNOWN
    evidence: str | None = None
    publisher: str | None = None
    url: str | None = None
    title: str | None = None


def read_article(text: str, sidecar: Sidecar | None = None) -> Metadata:
    """The metadata of an article's (decoded, newline-normalised) text.

    Raises BadMetadata for a header or front matter that is there but broken: a date
    that does not exist, YAML that does not parse, front matter that never closes.
    """
    side = sidecar or Sidecar()
    header = _HEADER.match(text)
    if header is not None:
        day = _valid_date(header["date"], f"header line {header[0].strip()!r}")
        return Metadata(
            body_start=header.end(),
            published=day,
            basis=PublishedBasis.HEADER,
            publisher=side.publisher,
            url=side.url,
            title=side.title,
        )
    front, body_start = _front_matter(text)
    publisher = _text_value(front, "publisher") or side.publisher
    url = _text_value(front, "url") or side.url
    title = _text_value(front, "title") or side.title
    published = _front_date(front) or side.published
    basis = PublishedBasis.METADATA if published is not None else PublishedBasis.UNKNOWN
    evidence = None
    if published is None:
        inferred = infer_published(text[body_start:])
        if inferred is not None:
            published, evidence = inferred.published, inferred.evidence
            basis = PublishedBasis.INFERRED
    return Metadata(
        body_start=body_start,
        published=published,
        basis=basis,
        evidence=evidence,
        publisher=publisher,
        url=url,
        title=title,
    )


def _valid_date(written: str, where: str) -> date:
    try:
        return date.fromisoformat(written)
    except ValueError as exc:
        raise BadMetadata(
            f"{where} holds {written!r}, which is not a calendar date; fix it to YYYY-MM-DD"
        ) from exc


def _front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The YAML mapping at the very top of the text and where the body starts after it."""
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        return {}, 0
    closing = _FRONT_CLOSE.search(text, opening.end())
    if closing is None:
        raise BadMetadata(
            "front matter opened with '---' on the first line is never closed; "
            "end it with a '---' line, or remove the opening '---'"
        )
    import yaml  # only articles with front matter pay for PyYAML

    block = text[opening.end() : closing.start()]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BadMetadata(
            f"front matter is not valid YAML{where}: {problem}; fix the YAML between the "
            "'---' lines"
        ) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise BadMetadata(
            f"front matter must be a mapping of keys (date, title, url, publisher), "
            f"not a {type(data).__name__}"
        )
    return {str(k): v for k, v in data.items()}, closing.end()


def _front_date(front: dict[str, Any]) -> date | None:
    found: dict[str, date] = {}
    for key in ("date", "published"):
        if front.get(key) is None:
            continue
        value = front[key]
        parsed = coerce_date(value)
        if parsed is None:
            raise BadMetadata(
                f"front matter {key}: {value!r} is not a date; write it as YYYY-MM-DD"
            )
        found[key] = parsed
    if len(set(found.values())) > 1:
        raise BadMetadata(
            f"front matter gives two dates, date: {found['date']} and published: "
            f"{found['published']}; keep one"
        )
    return next(iter(found.values()), None)


def _text_value(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise BadMetadata(f"{key} must be a single value, not {value!r}")
    text = str(value).strip()
    return text or None


def read_sidecar(path: Path) -> dict[str, Sidecar]:
    """The entries of a `sources.toml`, keyed by file stem.

    Grammar: a `[docs."<stem>"]` table per article with any of `published` (or
    `date`: a TOML date or a date string), `publisher`, `url` and `title`.
    Raises BadMetadata when the file cannot be read or breaks the grammar.
    """
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BadMetadata(f"cannot be read as UTF-8 text: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise BadMetadata(f"is not valid TOML: {exc}; fix the file") from exc
    extra = sorted(set(data) - {"docs"})
    if extra:
        raise BadMetadata(
            f'unknown top-level key(s) {", ".join(extra)}; entries go in [docs."<stem>"] tables'
        )
    docs = data.get("docs", {})
    if not isinstance(docs, dict):
        raise BadMetadata('docs must be a table of [docs."<stem>"] entries')
    entries: dict[str, Sidecar] = {}
    for stem, entry in sorted(docs.items()):
        where = f'[docs."{stem}"]'
        if not isinstance(entry, dict):
            raise BadMetadata(f"{where} must be a table of published/publisher/url/title")
        unknown = sorted(set(entry) - _SIDECAR_KEYS)
        if unknown:
            raise BadMetadata(
                f"{where} has unknown key(s) {', '.join(unknown)}; "
                f"known keys: {', '.join(sorted(_SIDECAR_KEYS))}"
            )
        try:
            entries[stem] = Sidecar(
                published=_front_date(entry),
                publisher=_text_value(entry, "publisher"),
                url=_text_value(entry, "url"),
                title=_text_value(entry, "title"),
            )
        except BadMetadata as exc:
            raise BadMetadata(f"{where}: {exc.reason.removeprefix('front matter ')}") from exc
    return entries
