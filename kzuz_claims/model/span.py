"""Character spans into a document's text."""

from __future__ import annotations

from pydantic import model_validator

from kzuz_claims.model._base import FrozenModel


class Span(FrozenModel):
    """`doc` text[start:end] is the quote; the sentence offsets give its context."""

    doc: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if not (0 <= self.sentence_start <= self.start <= self.end <= self.sentence_end):
            raise ValueError(
                f"span offsets out of order: sentence {self.sentence_start}..{self.sentence_end},"
                f" quote {self.start}..{self.end}"
            )
        return self


class Quote(FrozenModel):
    """A quote with its span: another place in a document that states the same claim."""

    span: Span
    text: str
