"""Files, folders and strings into Documents; bad files into Skipped records."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from kzuz_claims.errors import SourceError
from kzuz_claims.model import Document, FrozenModel, PublishedBasis, Skipped
from kzuz_claims.sources._decode import NotAnArticle, decode_article, normalize_newlines
from kzuz_claims.sources._metadata import (
    SIDECAR_NAME,
    BadMetadata,
    Sidecar,
    read_article,
    read_sidecar,
)
from kzuz_claims.sources._suppress import read_suppressions

__all__ = ["ARTICLE_SUFFIXES", "DEFAULT_MAX_BYTES", "LoadResult", "load", "load_string"]

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
"""Suffixes read from folders; a file named explicitly is tried whatever its suffix."""

DEFAULT_MAX_BYTES = 5_000_000


class LoadResult(FrozenModel):
    """The documents read, in input order, and the files that were not, with reasons."""

    documents: tuple[Document, ...] = ()
    skipped: tuple[Skipped, ...] = ()


def load(
    paths: Iterable[str | Path] | str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadResult:
    """Read articles from files and folders.

    Folders are read recursively in sorted order, keeping `.txt`, `.md` and `.markdown`
    files and ignoring hidden files and folders; a file named explicitly is read
    whatever its suffix. A document's id is its file stem; when stems collide, ids get
    as many parent folders as needed to be unique (`2023/report`, `2024/report`).

    Each `Document.text` is the file decoded as UTF-8 with a leading BOM removed and
    newlines normalised to `\\n`, which is the text `Path.read_text(encoding="utf-8")`
    gives (less the BOM), with `<!-- kzuz-claims: ... -->` comments blanked out by
    spaces (kept in `Document.suppressions`); all claim offsets index that text.

    A missing path raises SourceError: that is misuse. A file that is not an article
    (empty, binary, not UTF-8, HTML, larger than `max_bytes`, broken front matter)
    is recorded in `LoadResult.skipped` with the reason, and loading goes on; so is a
    broken `sources.toml`, whose metadata is then not applied.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive number of bytes, not {max_bytes!r}")
    files = _discover([paths] if isinstance(paths, str | Path) else paths)
    documents: list[Document] = []
    skipped: list[Skipped] = []
    sidecars: dict[Path, dict[str, Sidecar]] = {}
    for path, doc_id in zip(files, _unique_ids(files), strict=True):
        entries = _sidecar_for(path.parent, sidecars, skipped)
        try:
            documents.append(_load_file(path, doc_id, max_bytes, entries.get(path.stem)))
        except (NotAnArticle, BadMetadata) as exc:
            skipped.append(Skipped(path=str(path), reason=exc.reason))
    return LoadResult(documents=tuple(documents), skipped=tuple(skipped))


def load_string(
    text: str,
    *,
    id: str = "string",
    published: date | None = None,
    publisher: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Document:
    """A Document from text in memory, read exactly as a file with that text would be.

    A leading BOM is removed and newlines are normalised to `\\n`; the date header,
    front matter and date inference apply. Arguments given here win over what the text
    says; a `published` given here has basis `metadata`.
    Raises SourceError when the text's header or front matter is broken.
    """
    clean, suppressions = read_suppressions(normalize_newlines(text.removeprefix("\ufeff")))
    try:
        meta = read_article(clean)
    except BadMetadata as exc:
        raise SourceError(f"<string {id}>", exc.reason) from exc
    day = published.date() if isinstance(published, datetime) else published
    return Document(
        id=id,
        text=clean,
        body_start=meta.body_start,
        published=day if day is not None else meta.published,
        published_basis=PublishedBasis.METADATA if day is not None else meta.basis,
        published_evidence=None if day is not None else meta.evidence,
        publisher=publisher if publisher is not None else meta.publisher,
        url=url if url is not None else meta.url,
        title=title if title is not None else meta.title,
        suppressions=suppressions,
    )


def _load_file(path: Path, doc_id: str, max_bytes: int, sidecar: Sidecar | None) -> Document:
    data = _read_bytes(path, max_bytes)
    text, suppressions = read_suppressions(decode_article(data))
    meta = read_article(text, sidecar)
    return Document(
        id=doc_id,
        text=text,
        body_start=meta.body_start,
        published=meta.published,
        published_basis=meta.basis,
        published_evidence=meta.evidence,
        publisher=meta.publisher,
        url=meta.url,
        title=meta.title,
        path=str(path),
        suppressions=suppressions,
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    too_big = (
        f"is larger than the limit of {max_bytes:,} bytes; split it, or pass a larger max_bytes"
    )
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise NotAnArticle(f"file of {size:,} bytes {too_big}")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise NotAnArticle(f"file cannot be read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise NotAnArticle(f"file {too_big}")
    return data


def _sidecar_for(
    folder: Path, cache: dict[Path, dict[str, Sidecar]], skipped: list[Skipped]
) -> dict[str, Sidecar]:
    """The `sources.toml` entries of a folder, read once; a broken one is reported."""
    if folder not in cache:
        path = folder / SIDECAR_NAME
        cache[folder] = {}
        if path.is_file():
            try:
                cache[folder] = read_sidecar(path)
            except BadMetadata as exc:
                reason = f"{exc.reason} (its metadata was not applied)"
                skipped.append(Skipped(path=str(path), reason=reason))
    return cache[folder]


def _discover(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named by `paths`, in order, each once."""
    files: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _walk(path)
        elif path.is_file():
            found = [path]
        elif path.exists():
            raise SourceError(str(path), "is neither a regular file nor a folder")
        else:
            raise SourceError(str(path), "no such file or folder; check the path")
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files


def _walk(folder: Path) -> list[Path]:
    """Article files under `folder`, sorted by their path below it, hidden ones left out."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(root)
        for name in names:
            file = base / name
            if name.startswith(".") or file.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            found.append((file.relative_to(folder).parts, file))
    found.sort(key=lambda item: item[0])
    return [file for _, file in found]


def _unique_ids(files: list[Path]) -> list[str]:
    """File stems; files sharing a stem get the fewest parent folders that tell them apart.

    Two files in one folder that differ only by suffix keep their suffix too
    (`2024/report.md`, `2024/report.txt`). The result depends only on the paths.
    """
    ids = [f.stem for f in files]
    groups: dict[str, list[int]] = {}
    for i, stem in enumerate(ids):
        groups.setdefault(stem, []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        parents = Counter(files[i].resolve().parent for i in members)
        keys = []
        for i in members:
            folder = files[i].resolve().parent
            last = files[i].name if parents[folder] > 1 else files[i].stem
            keys.append((*folder.parts[1:], last))
        longest = max(len(k) for k in keys)
        names = ["/".join(k) for k in keys]
        for depth in range(2, longest + 1):
            names = ["/".join(k[-depth:]) for k in keys]
            if len(set(names)) == len(names):
                break
        for i, name in zip(members, names, strict=True):
            ids[i] = name
    counts = Counter(ids)
    if len(counts) < len(ids):  # a stem that looks like another file's name: number them
        return [f"{x}#{i}" if counts[x] > 1 else x for i, x in enumerate(ids)]
    return ids
