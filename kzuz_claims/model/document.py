"""Documents (articles) and the record of files that could not be read."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from kzuz_claims.model._base import FrozenModel


class PublishedBasis(StrEnum):
    """Where a document's publication date came from."""

    HEADER = "header"
    METADATA = "metadata"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


class Document(FrozenModel):
    """One article: its full decoded text and what is known about its publication.

    `text` is the whole decoded file, header line and front matter included, so that
    claim offsets index the file; `body_start` is where the article body begins.
    """

    id: str
    text: str
    body_start: int = 0
    published: date | None = None
    published_basis: PublishedBasis = PublishedBasis.UNKNOWN
    published_evidence: str | None = None
    publisher: str | None = None
    url: str | None = None
    title: str | None = None
    path: str | None = None

    @property
    def body(self) -> str:
        """The article text after any header line or front matter."""
        return self.text[self.body_start :]


class Skipped(FrozenModel):
    """A file that was not read, and why."""

    path: str
    reason: str
