"""Character spans into a document's text."""

from __future__ import annotations

from pydantic import ValidationInfo, field_validator

from kzuz_claims.model._base import FrozenModel


class Span(FrozenModel):
    """`doc` text[start:end] is the quote; the sentence offsets give its context."""

    doc: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int

    # checked as the last field is validated, not after the model: a model validator
    # would run again each time a span is passed into a claim
    @field_validator("sentence_end")
    @classmethod
    def _ordered(cls, sentence_end: int, info: ValidationInfo) -> int:
        got = info.data
        if {"start", "end", "sentence_start"} <= got.keys() and not (
            0 <= got["sentence_start"] <= got["start"] <= got["end"] <= sentence_end
        ):
            raise ValueError(
                f"span offsets out of order: sentence {got['sentence_start']}..{sentence_end},"
                f" quote {got['start']}..{got['end']}"
            )
        return sentence_end


class Quote(FrozenModel):
    """A quote with its span: another place in a document that states the same claim."""

    span: Span
    text: str
