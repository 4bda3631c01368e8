"""Typed quantitative claims, and the person mentions the entity rules read.

The extractor makes its claims (their spans and quantities) and person mentions with
`_base.trusted`, not by validating values it already guarantees valid: the objects are
the ones validation gives (tests/extract/test_trusted.py holds them to it). Every public
constructor validates.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Literal

from kzuz_claims.model._base import FrozenModel
from kzuz_claims.model.period import Period
from kzuz_claims.model.quantity import Quantity
from kzuz_claims.model.span import Quote, Span


class Modality(StrEnum):
    """What kind of statement carries the figure.

    A change ("fell by 32%") is not a modality of its own here: it is a claim whose
    metric is `growth_rate`, `growth_multiple` or `change_abs`, with `change` set to
    the direction, and whose modality follows its tense like any other claim.
    """

    ACTUAL = "actual"
    TARGET = "target"
    FORECAST = "forecast"
    PLAN = "plan"
    POTENTIAL = "potential"


class MetricKind(StrEnum):
    FLOW = "flow"
    STOCK = "stock"


def claim_id(doc: str, start: int, end: int, metric: str) -> str:
    """Stable id: the same document, span and metric always give the same id."""
    digest = hashlib.sha1(f"{doc}\x00{start}\x00{end}\x00{metric}".encode()).hexdigest()
    return digest[:16]


class Claim(FrozenModel):
    """One quantitative statement, typed, with the exact quote it comes from."""

    id: str
    doc: str
    span: Span
    quote: str
    metric: str
    kind: MetricKind = MetricKind.FLOW
    of: str | None = None
    scope: str | None = None
    object: str | None = None
    noun: str | None = None
    entities: tuple[str, ...] = ()
    direction: str | None = None
    quantity: Quantity
    period: Period | None = None
    period_as_written: str | None = None
    horizon: str | None = None
    compared_to: Period | None = None
    modality: Modality = Modality.ACTUAL
    change: Literal["up", "down"] | None = None
    attribution: str | None = None
    in_scope: bool = True
    confidence: float = 1.0
    linked: tuple[str, ...] = ()
    also_quoted: tuple[Quote, ...] = ()
    """Other places in the same document that state this claim: a headline that repeats
    the body figure, a summary line that repeats it word for word."""


class PersonMention(FrozenModel):
    """A named person in a document, with the office the text gives them if any."""

    doc: str
    span: Span
    name: str
    office: str | None = None
