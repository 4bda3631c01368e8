"""Claims placed in real sentences, for the rules that look at what stands next to what.

`Article` holds a document's text; `Article.claim(quote, ...)` finds the quote in the
text and builds the claim with its true span and the span of its sentence, so that
same-sentence lookups and the words between two figures ("(", "of") are those of
the text. Everything else is as in `rule_factory.claim`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rule_factory import claim, document

from kzuz_claims.model import Claim, Document, Quantity, Span

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass
class Article:
    """One document and the claims placed in it."""

    doc: str
    text: str
    published: str | None = None
    claims: list[Claim] = field(default_factory=list)

    @property
    def document(self) -> Document:
        return document(self.doc, self.published, self.text)

    def claim(
        self, quote: str, metric: str, quantity: Quantity, *, nth: int = 0, **kw: Any
    ) -> Claim:
        """The claim stated by the `nth` occurrence of `quote` (an exact substring)."""
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(quote, start + 1)
        end = start + len(quote)
        sentence_start, sentence_end = self._sentence(start, end)
        made = claim(self.doc, metric, quantity, at=start, quote=quote, **kw)
        span = Span(
            doc=self.doc,
            start=start,
            end=end,
            sentence_start=sentence_start,
            sentence_end=sentence_end,
        )
        placed = made.model_copy(update={"span": span})
        self.claims.append(placed)
        return placed

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(self.text)), len(self.text)]
        first = max(b for b in bounds if b <= start)
        last = min((b for b in bounds if b >= end), default=len(self.text))
        return first, last
