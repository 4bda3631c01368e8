"""The engine: blocking, collect-all and strict modes, deterministic reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rules.rule_factory import (
    bn,
    claim,
    document,
    exact,
    months,
    person,
    point,
    stock,
    year,
)

import kzuz_claims
from kzuz_claims.config import Config
from kzuz_claims.engine import block_key, blocks, check
from kzuz_claims.errors import StrictModeError
from kzuz_claims.model import (
    Claim,
    Finding,
    MetricKind,
    Modality,
    PeriodBasis,
    Quantity,
    Severity,
    Skipped,
)
from kzuz_claims.rules import RuleContext, RuleRegistry, rule

DOC = """{summary}

What it checks
--------------
Test.

Why it matters
--------------
Test.

Example
-------
Test.

Known false positives
---------------------
Test.
"""

S000, S001, S002, S003, S004 = (
    "000_2baa5ade77b0a3aa",
    "001_8c5d2d7de5debb63",
    "002_e982cd87925f1738",
    "003_396664d259ee8936",
    "004_cd7b60f6df8fe946",
)
SEED_DOCS = [
    document(S000, "2024-03-17"),
    document(S001, "2024-02-04"),
    document(S002),
    document(S003),
    document(S004),
]


def _seed_claims() -> list[Claim]:
    """The seed scenario: the claims of the gold annotations that the rules compare."""
    target = {"modality": Modality.TARGET}
    return [
        claim(S000, "trade_turnover", bn("4.5"), period=year(2023), at=300),
        stock(S000, "joint_projects_count", 60, as_of="2024-03-15", scope="portfolio", at=500),
        claim(
            S000,
            "joint_projects_value",
            bn("2.6"),
            period=point("2024-03-15"),
            kind=MetricKind.STOCK,
            scope="portfolio",
            at=520,
        ),
        claim(S001, "trade_turnover", bn("5", "1"), period=year(2022), at=200),
        claim(
            S001,
            "trade_turnover",
            bn("4.1"),
            period=months(2023, 1, 11),
            period_as_written="first 11 months of last year",
            at=400,
        ),
        claim(S001, "trade_target", bn("10", "1"), horizon="unspecified", at=600, **target),  # type: ignore[arg-type]
        claim(S002, "trade_target", bn("10", "1"), at=100, **target),  # type: ignore[arg-type]
        stock(S002, "joint_projects_count", 12, as_of=None, scope="under_implementation", at=300),
        claim(
            S002,
            "joint_projects_value",
            bn("0.156", "0.001"),
            kind=MetricKind.STOCK,
            scope="under_implementation",
            at=330,
        ),
        claim(
            S003,
            "trade_turnover",
            bn("4.4"),
            period=year(2023, PeriodBasis.RELATIVE),
            period_as_written="last year",
            at=700,
        ),
        claim(S003, "trade_target", bn("10", "1"), horizon="in the coming years", at=900, **target),  # type: ignore[arg-type]
        claim(S004, "trade_turnover", bn("4", "1"), modality=Modality.FORECAST, at=150),
    ]


def _builtin_check(claims: Iterable[Claim], **kw: object) -> tuple[str, ...]:
    report = check(SEED_DOCS, claims, registry=RuleRegistry.builtin(), **kw)  # type: ignore[arg-type]
    return tuple(f"{f.rule} {f.severity.value}: {f.message}" for f in report.findings)


def test_seed_scenario_gives_exactly_the_expected_findings() -> None:
    claims = _seed_claims()
    report = check(SEED_DOCS, claims, registry=RuleRegistry.builtin())
    assert [(f.rule, f.severity) for f in report.findings] == [
        ("KZC001", Severity.WARNING),
        ("KZC003", Severity.WARNING),
        ("KZC003", Severity.WARNING),
    ]
    value, projects, project_value = report.findings
    assert value.message == (
        f"trade_turnover 2023: $4.5 billion ({S000}) vs $4.4 billion ({S003})"
        " \u2014 outside rounding"
    )
    assert value.cause == "outside-rounding"
    assert sorted([projects.message, project_value.message]) == [
        f"joint_projects_count: 60 (portfolio, {S000}) vs 12 (under_implementation, {S002})"
        " \u2014 differ in scope",
        f"joint_projects_value: $2.6 billion (portfolio, {S000})"
        f" vs $156 million (under_implementation, {S002}) \u2014 differ in scope",
    ]


def test_seed_scenario_jan_nov_below_full_year_is_not_flagged() -> None:
    claims = [c for c in _seed_claims() if c.metric == "trade_turnover"]
    assert not any(line.startswith("KZC004") for line in _builtin_check(claims))


def test_seed_scenario_equal_targets_and_forecast_vs_actual_are_not_flagged() -> None:
    claims = [
        c
        for c in _seed_claims()
        if c.metric == "trade_target" or c.modality is Modality.FORECAST or c.doc == S001
    ]
    assert _builtin_check(claims) == ()


def _spy_registry(calls: list[tuple[str, ...]], kind: str = "pair") -> RuleRegistry:
    if kind == "pair":

        @rule(id="SPY001", name="spy-pair", severity=Severity.INFO, kind="pair")
        def spy(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
            calls.append((a.id, b.id))
            return []

    elif kind == "group":

        @rule(id="SPY001", name="spy-group", severity=Severity.INFO, kind="group")
        def spy(claims: Sequence[Claim], ctx: RuleContext) -> Iterable[Finding]:
            calls.append(tuple(c.id for c in claims))
            return []

    else:

        @rule(id="SPY001", name="spy-corpus", severity=Severity.INFO, kind="corpus")
        def spy(ctx: RuleContext) -> Iterable[Finding]:
            calls.append(tuple(c.id for c in ctx.claims))
            return []

    spy.__doc__ = DOC.format(summary="Spy.")
    registry = RuleRegistry()
    registry.register(spy)
    return registry


def test_pair_rule_never_sees_claims_from_different_blocks() -> None:
    claims = _seed_claims()
    calls: list[tuple[str, ...]] = []
    check(SEED_DOCS, claims, registry=_spy_registry(calls))
    by_id = {c.id: c for c in claims}
    assert calls
    for a, b in calls:
        assert block_key(by_id[a]) == block_key(by_id[b])
    expected = sum(len(block) * (len(block) - 1) // 2 for _, block in blocks(claims))
    assert len(calls) == expected == len({frozenset(p) for p in calls})


def test_blocks_keep_claims_that_differ_only_in_scope_together() -> None:
    a = stock(S000, "joint_projects_count", 60, as_of="2024-03-15", scope="portfolio")
    b = stock(S002, "joint_projects_count", 12, as_of=None, scope="under_implementation")
    assert block_key(a) == block_key(b)


def test_blocks_separate_direction_modality_and_of_but_not_entity_order() -> None:
    base = claim(S000, "category_trade", bn("1"), period=year(2023), of="wheat", direction="KZ->UZ")
    swapped = base.model_copy(update={"entities": ("UZ", "KZ")})
    assert block_key(base) == block_key(swapped)
    for change in (
        {"direction": "UZ->KZ"},
        {"modality": Modality.FORECAST},
        {"of": "flour"},
        {"object": "Tashkent-Almaty"},
        {"metric": "trade_turnover"},
    ):
        assert block_key(base) != block_key(base.model_copy(update=change))


def test_group_rule_is_called_once_per_block_and_corpus_rule_once() -> None:
    claims = _seed_claims()
    group_calls: list[tuple[str, ...]] = []
    check(SEED_DOCS, claims, registry=_spy_registry(group_calls, "group"))
    assert len(group_calls) == len(blocks(claims))
    corpus_calls: list[tuple[str, ...]] = []
    check(SEED_DOCS, claims, registry=_spy_registry(corpus_calls, "corpus"))
    assert len(corpus_calls) == 1
    assert len(corpus_calls[0]) == len(claims)


def _registry_with(*funcs: object) -> RuleRegistry:
    registry = RuleRegistry.builtin()
    for func in funcs:
        func.__doc__ = DOC.format(summary="Test rule.")  # type: ignore[attr-defined]
        registry.register(func)  # type: ignore[arg-type]
    return registry


@rule(id="TST001", name="always-crashes", kind="pair")
def always_crashes(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    raise ZeroDivisionError("division by zero")


@rule(id="TST002", name="returns-garbage", kind="corpus")
def returns_garbage(ctx: RuleContext) -> Iterable[Finding]:
    return ["not a finding"]  # type: ignore[list-item]


def test_crashing_rule_becomes_a_finding_and_the_run_goes_on() -> None:
    report = check(SEED_DOCS, _seed_claims(), registry=_registry_with(always_crashes))
    crashes = [f for f in report.findings if f.rule == "TST001"]
    assert len(crashes) == 1
    (crash,) = crashes
    assert crash.name == "rule-crashed"
    assert crash.severity is Severity.ERROR
    assert (
        crash.message == "rule TST001 (always-crashes) crashed: ZeroDivisionError: division by zero"
    )
    assert "test_engine.py:" in crash.explanation
    assert "call(s) failed this way" in crash.explanation
    assert len(crash.claims) == 2
    assert any(f.rule == "KZC001" for f in report.findings)


def test_rule_returning_non_findings_is_reported_as_crashed() -> None:
    report = check(SEED_DOCS, [], registry=_registry_with(returns_garbage))
    (crash,) = [f for f in report.findings if f.rule == "TST002"]
    assert "TypeError: rule returned a str, not a Finding" in crash.message


def test_strict_mode_raises_with_the_full_report() -> None:
    claims = _seed_claims()
    with pytest.raises(StrictModeError) as info:
        check(SEED_DOCS, claims, registry=RuleRegistry.builtin(), strict=True)
    collected = check(SEED_DOCS, claims, registry=RuleRegistry.builtin())
    assert info.value.report == collected
    assert "3 finding(s) in strict mode" in str(info.value)


def test_strict_mode_passes_when_only_info_findings_exist() -> None:
    claims = [c for c in _seed_claims() if c.doc == S002]
    claims.append(claim(S002, "trade_turnover", bn("4"), at=999, period_as_written="last year"))
    report = check(SEED_DOCS, claims, registry=RuleRegistry.builtin(), strict=True)
    assert [f.rule for f in report.findings] == ["KZC007"]


def test_config_selects_ignores_and_overrides_rules() -> None:
    claims = _seed_claims()
    ignored = _builtin_check(claims, config=Config(ignore=("KZC001",)))
    assert [line[:6] for line in ignored] == ["KZC003", "KZC003"]
    selected = _builtin_check(claims, config=Config(select=("KZC001",)))
    assert [line[:6] for line in selected] == ["KZC001"]
    overridden = _builtin_check(
        claims, config=Config.model_validate({"severity": {"KZC003": "error"}})
    )
    assert [line[:14] for line in overridden] == ["KZC003 error: "] * 2 + ["KZC001 warning"]


def test_findings_are_sorted_and_deduplicated() -> None:
    @rule(id="TST003", name="says-twice", severity=Severity.ERROR, kind="corpus")
    def says_twice(ctx: RuleContext) -> Iterable[Finding]:
        same = ctx.finding("twice", claims=("b", "a"))
        return [same, same, ctx.finding("info", severity=Severity.INFO)]

    report = check(SEED_DOCS, _seed_claims(), registry=_registry_with(says_twice))
    assert [(f.rule, f.severity.value, f.message[:5]) for f in report.findings] == [
        ("TST003", "error", "twice"),
        ("KZC001", "warning", "trade"),
        ("KZC003", "warning", "joint"),
        ("KZC003", "warning", "joint"),
        ("TST003", "info", "info"),
    ]


def test_report_carries_version_config_and_sorted_inputs() -> None:
    config = Config(as_of_window_days=30)
    claims = _seed_claims()
    persons = [person(S001, "Alikhan Smailov", 40), person(S000, "Olzhas Bektenov", 10)]
    skipped = [Skipped(path="z.bin", reason="binary"), Skipped(path="a.html", reason="empty")]
    report = check(
        {d.id: d for d in reversed(SEED_DOCS)},
        reversed(claims),
        persons,
        config=config,
        registry=RuleRegistry.builtin(),
        skipped=skipped,
    )
    assert report.version == kzuz_claims.__version__
    assert report.config == config.model_dump(mode="json")
    assert [d.id for d in report.documents] == sorted(d.id for d in SEED_DOCS)
    order = [(c.doc, c.span.start, c.id) for c in report.claims]
    assert order == sorted(order)
    assert [p.doc for p in report.persons] == [S000, S001]
    assert [s.path for s in report.skipped] == ["a.html", "z.bin"]


def test_identical_duplicates_are_dropped_and_conflicting_ids_refused() -> None:
    claims = _seed_claims()
    report = check(SEED_DOCS, claims + claims[:3], registry=RuleRegistry.builtin())
    assert len(report.claims) == len(claims)
    clash = claims[0].model_copy(update={"quote": "something else"})
    with pytest.raises(ValueError, match="share the id"):
        check(SEED_DOCS, [*claims, clash], registry=RuleRegistry.builtin())


def test_check_defaults_to_the_default_registry_and_config() -> None:
    report = check(SEED_DOCS, _seed_claims())
    assert {f.rule for f in report.findings} >= {"KZC001", "KZC003"}
    assert report.config == Config().model_dump(mode="json")


def test_report_json_round_trips() -> None:
    report = check(SEED_DOCS, _seed_claims(), registry=RuleRegistry.builtin())
    assert type(report).model_validate_json(report.model_dump_json()) == report


@settings(max_examples=60, deadline=None)
@given(st.permutations(_seed_claims()), st.permutations(SEED_DOCS))
def test_report_is_identical_for_any_input_order(claims: list[Claim], docs: list[object]) -> None:
    expected = check(SEED_DOCS, _seed_claims(), registry=RuleRegistry.builtin())
    shuffled = check(docs, claims, registry=RuleRegistry.builtin())  # type: ignore[arg-type]
    assert shuffled.model_dump_json() == expected.model_dump_json()


_METRICS = st.sampled_from(["trade_turnover", "joint_projects_count", "trade_target"])


@st.composite
def _random_claim(draw: st.DrawFn) -> Claim:
    doc = draw(st.sampled_from([S000, S001, S002, S003]))
    metric = draw(_METRICS)
    value = draw(st.integers(min_value=1, max_value=60))
    at = draw(st.integers(min_value=0, max_value=5000))
    scope = draw(st.sampled_from([None, "portfolio", "under_implementation"]))
    if metric == "joint_projects_count":
        as_of = draw(st.sampled_from([None, "2024-03-15", "2024-04-30", "2024-10-22"]))
        return stock(doc, metric, value, as_of=as_of, scope=scope, at=at)
    quantity: Quantity = (
        bn(str(Decimal(value) / 10)) if draw(st.booleans()) else exact(value * 10**8, "USD")
    )
    period = draw(st.sampled_from([None, year(2023), months(2023, 1, 11), year(2022)]))
    modality = Modality.TARGET if metric == "trade_target" else Modality.ACTUAL
    return claim(doc, metric, quantity, period=period, scope=scope, modality=modality, at=at)


@settings(max_examples=60, deadline=None)
@given(st.lists(_random_claim(), max_size=12, unique_by=lambda c: c.id), st.randoms())
def test_random_corpora_give_the_same_report_in_any_order(claims: list[Claim], rnd: object) -> None:
    shuffled = claims[:]
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    one = check(SEED_DOCS, claims, registry=RuleRegistry.builtin())
    two = check(SEED_DOCS, shuffled, registry=RuleRegistry.builtin())
    assert one.model_dump_json() == two.model_dump_json()
    assert not [f for f in one.findings if f.name == "rule-crashed"]
    for finding in one.findings:
        assert set(finding.claims) <= {c.id for c in claims}
    for a, b in combinations(one.claims, 2):
        assert (a.doc, a.span.start, a.id) <= (b.doc, b.span.start, b.id)
