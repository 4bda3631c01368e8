"""The period, sum and arithmetic rules on arbitrary valid claims: never raise, and give
the same findings whatever the order of their input."""

from __future__ import annotations

from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_factory import context

from kzuz_claims.model import Claim, Finding, MetricKind, Modality, Span, claim_id
from kzuz_claims.rules import RuleFunc, RuleRegistry
from kzuz_claims.testing.strategies import periods, quantities

RULE_IDS = ("KZC004", "KZC013", "KZC014", "KZC015", "KZC016", "KZC017")
RULES = [RuleRegistry.builtin().get(i) for i in RULE_IDS]

METRICS = [
    "trade_turnover",
    "exports_kz_to_uz",
    "exports_uz_to_kz",
    "uz_foreign_trade_turnover",
    "category_trade",
    "joint_projects_count",
    "growth_rate",
    "growth_multiple",
    "share",
]


@st.composite
def related_claims(draw: st.DrawFn) -> Claim:
    """Claims that share documents, sentences, metrics and periods often enough to meet."""
    doc = draw(st.sampled_from(["a", "b"]))
    sentence = draw(st.sampled_from([0, 100, 200]))
    start = sentence + draw(st.integers(min_value=0, max_value=90))
    end = start + draw(st.integers(min_value=1, max_value=9))
    metric = draw(st.sampled_from(METRICS))
    return Claim(
        id=claim_id(doc, start, end, metric),
        doc=doc,
        span=Span(
            doc=doc, start=start, end=end, sentence_start=sentence, sentence_end=sentence + 99
        ),
        quote="x" * (end - start),
        metric=metric,
        kind=draw(st.sampled_from(list(MetricKind))),
        of=draw(st.none() | st.sampled_from(["trade_turnover", "uz_foreign_trade_turnover"])),
        scope=draw(st.none() | st.sampled_from(["portfolio", "implemented", "pipeline"])),
        entities=draw(st.sampled_from([("KZ", "UZ"), ("UZ",), ("CN", "UZ")])),
        direction=draw(st.none() | st.sampled_from(["KZ->UZ", "UZ->KZ"])),
        quantity=draw(quantities()),
        period=draw(st.none() | periods()),
        compared_to=draw(st.none() | periods()),
        modality=draw(st.sampled_from([Modality.ACTUAL, Modality.PLAN])),
        change=draw(st.none() | st.sampled_from(["up", "down"])),
    )


def _run(func: RuleFunc, kind: str, claims: list[Claim]) -> list[str]:
    ctx = context(func, claims=claims)
    out: list[Finding] = []
    if kind == "corpus":
        out = list(func(ctx))
    else:
        for a, b in combinations(claims, 2):
            out.extend(func(a, b, ctx))
    for finding in out:
        assert set(finding.claims) <= {c.id for c in claims}
    return sorted(f.model_dump_json() for f in out)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(related_claims(), max_size=12, unique_by=lambda c: c.id), st.randoms())
def test_arithmetic_rules_never_raise_and_ignore_input_order(
    claims: list[Claim], rng: object
) -> None:
    shuffled = claims[:]
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    for registered in RULES:
        assert _run(registered.func, registered.kind, claims) == _run(
            registered.func, registered.kind, shuffled
        )
