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


class Suppression(FrozenModel):
    """An inline `<!-- kzuz-claims: ignore ... -->` comment and the text it silences.

    Offsets index `Document.text`. `rules` is empty when the comment silences every
    rule. A malformed comment has a `problem` and silences nothing; the engine reports
    it as a notice naming the file and line.
    """

    start: int
    end: int
    line: int
    """1-based line of the comment's start."""
    comment: str
    """The comment as written (it is blanked out of `Document.text`)."""
    rules: tuple[str, ...] = ()
    file_wide: bool = False
    region_start: int = 0
    region_end: int = 0
    """The silenced text, `text[region_start:region_end]`: the whole document, the
    paragraph that follows a comment on its own line, or the paragraph of its line."""
    problem: str | None = None

    def silences(self, rule_id: str) -> bool:
        """Whether this comment silences findings of `rule_id` in its region."""
        return self.problem is None and (not self.rules or rule_id in self.rules)


class Document(FrozenModel):
    """One article: its full decoded text and what is known about its publication.

    `text` is the whole decoded file, header line and front matter included, so that
    claim offsets index the file; `body_start` is where the article body begins.
    `kzuz-claims:` comments are blanked out of `text` with spaces (offsets unchanged)
    and kept in `suppressions`.
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
    suppressions: tuple[Suppression, ...] = ()

    @property
    def body(self) -> str:
        """The article text after any header line or front matter."""
        return self.text[self.body_start :]


class Skipped(FrozenModel):
    """A file that was not read, and why."""

    path: str
    reason: str
