"""Claims that stand in a real article text, for rules that read the claim's sentence.

`rule_factory.claim` places a claim at an offset of a placeholder text; the rules that
look for words around a figure ("a record $4.3 billion", "according to the latest
data") need the sentence itself. `article` builds a document from sentences and
`quoted` a claim on an exact quote of it, with the sentence offsets the extractor
would give; `run_pair_among` and `run_group` run a rule with the whole run's claims
in its context, as the engine does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from rule_factory import claim, context

from kzuz_claims.model import Claim, Document, Finding, Span
from kzuz_claims.rules import RuleFunc


def article(doc: str, published: str | None, *sentences: str) -> Document:
    """A document whose text is `sentences` joined by single spaces."""
    return Document(
        id=doc,
        text=" ".join(sentences),
        published=date.fromisoformat(published) if published else None,
    )


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from after the previous ". " to its full stop."""
    before = text.rfind(". ", 0, start)
    first = 0 if before < 0 else before + 2
    stop = text.find(".", end)
    while stop >= 0 and stop + 1 < len(text) and text[stop + 1].isdigit():
        stop = text.find(".", stop + 1)
    last = len(text) if stop < 0 else stop + 1
    return first, last


def quoted(document: Document, quote: str, metric: str, *args: Any, **kw: Any) -> Claim:
    """A claim of `metric` on the first occurrence of `quote` in `document`."""
    start = document.text.index(quote)
    end = start + len(quote)
    first, last = _sentence_bounds(document.text, start, end)
    made = claim(document.id, metric, *args, at=start, quote=quote, **kw)
    span = Span(doc=document.id, start=start, end=end, sentence_start=first, sentence_end=last)
    return made.model_copy(update={"span": span})


def run_pair_among(
    func: RuleFunc, a: Claim, b: Claim, claims: Sequence[Claim], **kw: Any
) -> list[Finding]:
    """`rule_factory.run_pair` with the run's other claims in the context too."""
    forward = list(func(a, b, context(func, claims=claims, **kw)))
    backward = list(func(b, a, context(func, claims=list(reversed(claims)), **kw)))
    assert {f.identity for f in forward} == {f.identity for f in backward}
    return forward


def run_group(func: RuleFunc, claims: Sequence[Claim], **kw: Any) -> list[Finding]:
    """Findings of group rule `func` over the block `claims`, which must not depend on
    the order of the claims."""
    forward = list(func(list(claims), context(func, claims=claims, **kw)))
    backward = list(
        func(list(reversed(claims)), context(func, claims=list(reversed(claims)), **kw))
    )
    assert forward == backward
    return forward
