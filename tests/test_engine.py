"""The engine: blocking, collect-all and strict modes, deterministic reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
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
from kzuz_claims.baseline import Baseline
from kzuz_claims.config import Config
from kzuz_claims.engine import block_key, blocks, candidate_pairs, check
from kzuz_claims.errors import StrictModeError
from kzuz_claims.model import (
    Claim,
    Document,
    Finding,
    MetricKind,
    Modality,
    PeriodBasis,
    Quantity,
    Report,
    Severity,
    Skipped,
)
from kzuz_claims.rules import RuleContext, RuleRegistry, rule
from kzuz_claims.sources import load_string
from kzuz_claims.testing import Corpus, default_corpus
from kzuz_claims.testing.strategies import corpora

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
    expected = [
        (a.id, b.id) for _, block in blocks(claims) for a, b in candidate_pairs(block, Config())
    ]
    assert calls == expected
    assert len(calls) == len({frozenset(p) for p in calls})


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


def _pair_ids(block: Sequence[Claim], config: Config | None = None) -> set[frozenset[str]]:
    return {frozenset((a.id, b.id)) for a, b in candidate_pairs(block, config or Config())}


def test_candidate_pairs_pair_flows_only_when_their_periods_overlap() -> None:
    y22 = claim(S000, "trade_turnover", bn("3.9"), period=year(2022), at=1)
    y23 = claim(S001, "trade_turnover", bn("4.5"), period=year(2023), at=2)
    jan_nov = claim(S002, "trade_turnover", bn("4.1"), period=months(2023, 1, 11), at=3)
    h1_24 = claim(S003, "trade_turnover", bn("2.1"), period=months(2024, 1, 6), at=4)
    pairs = _pair_ids([h1_24, y23, jan_nov, y22])
    assert pairs == {frozenset((y23.id, jan_nov.id))}


def test_candidate_pairs_pair_stocks_within_the_as_of_window() -> None:
    march = stock(S000, "joint_projects_count", 60, as_of="2024-03-15", at=1)
    april = stock(S001, "joint_projects_count", 55, as_of="2024-04-30", at=2)
    october = stock(S002, "joint_projects_count", 70, as_of="2024-10-22", at=3)
    assert _pair_ids([march, april, october]) == {frozenset((march.id, april.id))}
    wide = Config(as_of_window_days=365)
    assert len(_pair_ids([march, april, october], wide)) == 3
    narrow = Config(as_of_window_days=10)
    assert _pair_ids([march, april, october], narrow) == set()


def test_candidate_pairs_pair_undated_claims_and_targets_with_every_claim() -> None:
    y22 = claim(S000, "trade_turnover", bn("3.9"), period=year(2022), at=1)
    y23 = claim(S001, "trade_turnover", bn("4.5"), period=year(2023), at=2)
    undated = claim(S002, "trade_turnover", bn("4"), at=3)
    assert _pair_ids([y22, y23, undated]) == {
        frozenset((y22.id, undated.id)),
        frozenset((y23.id, undated.id)),
    }
    to_2025 = claim(S001, "trade_target", bn("5", "1"), modality=Modality.TARGET, period=year(2025))
    to_2030 = claim(
        S002, "trade_target", bn("10", "1"), modality=Modality.TARGET, period=year(2030)
    )
    assert _pair_ids([to_2025, to_2030]) == {frozenset((to_2025.id, to_2030.id))}


def test_candidate_pairs_are_in_report_order_whatever_the_input_order() -> None:
    claims = [c for c in _seed_claims() if c.metric == "trade_turnover"]
    forward = candidate_pairs(claims, Config())
    assert candidate_pairs(list(reversed(claims)), Config()) == forward
    for a, b in forward:
        assert (a.doc, a.span.start, a.id) < (b.doc, b.span.start, b.id)


def _windows_lose_nothing(documents: Sequence[Document], claims: Sequence[Claim]) -> None:
    """Calling pair rules on every pair of a block finds nothing the windows miss."""
    registry = RuleRegistry.builtin()
    config = Config()
    windowed = check(documents, claims, registry=registry, config=config)
    base = RuleContext.build(config=config, documents=documents, claims=windowed.claims)
    every: set[str] = set()
    for registered in registry:
        if registered.kind != "pair":
            continue
        ctx = base.for_rule(registered.spec)
        for _, block in blocks(windowed.claims):
            for a, b in combinations(block, 2):
                every.update(f.model_dump_json() for f in registered.func(a, b, ctx))
    pair_rules = {r.id for r in registry if r.kind == "pair"}
    found = {f.model_dump_json() for f in windowed.findings if f.rule in pair_rules}
    assert every == found


@settings(max_examples=80, deadline=None)
@given(st.lists(_random_claim(), max_size=14, unique_by=lambda c: c.id))
def test_time_windows_drop_no_finding_of_a_builtin_pair_rule(claims: list[Claim]) -> None:
    _windows_lose_nothing(SEED_DOCS, claims)


@settings(max_examples=60, deadline=None)
@given(corpora(max_claims=16))
def test_time_windows_drop_no_finding_on_random_corpora(corpus: Corpus) -> None:
    _windows_lose_nothing(corpus.documents, corpus.claims)


def test_time_windows_drop_no_finding_on_the_default_corpus() -> None:
    corpus = default_corpus()
    _windows_lose_nothing(corpus.documents, corpus.claims)


ARCHIVE = " date 2024-03-17 In 2023, trade turnover amounted to $4.5 billion.\n"


def _trade(doc: Document, figure: str, value: str) -> Claim:
    return claim(
        doc.id,
        "trade_turnover",
        bn(value),
        period=year(2023),
        at=doc.text.index(figure),
        quote=figure,
    )


def _suppression_case(draft_text: str) -> tuple[list[Document], list[Claim]]:
    archive = load_string(ARCHIVE, id="archive")
    draft = load_string(draft_text, id="draft")
    claims = [_trade(archive, "$4.5 billion", "4.5")]
    claims += [
        _trade(draft, m, m[1:4]) for m in ("$4.7 billion", "$4.9 billion") if m in draft_text
    ]
    return [archive, draft], claims


def _conflicts(draft_text: str, **kw: object) -> Report:
    docs, claims = _suppression_case(draft_text)
    return check(docs, claims, registry=RuleRegistry.builtin(), **kw)  # type: ignore[arg-type]


def test_a_paragraph_comment_silences_its_rule_and_is_counted() -> None:
    loud = _conflicts("In 2023 trade came to $4.7 billion.\n")
    assert [f.rule for f in loud.findings] == ["KZC001"] and loud.suppressed == 0
    quiet = _conflicts("<!-- kzuz-claims: ignore KZC001 -->\nIn 2023 trade came to $4.7 billion.\n")
    assert quiet.findings == () and quiet.suppressed == 1


def test_a_comment_naming_another_rule_does_not_silence() -> None:
    report = _conflicts(
        "<!-- kzuz-claims: ignore KZC008 -->\nIn 2023 trade came to $4.7 billion.\n"
    )
    assert [f.rule for f in report.findings] == ["KZC001"] and report.suppressed == 0


def test_a_comment_silences_only_its_paragraph() -> None:
    report = _conflicts(
        "<!-- kzuz-claims: ignore KZC001 -->\nIn 2023 trade came to $4.7 billion.\n\n"
        "Others said $4.9 billion for 2023.\n"
    )
    # draft vs archive for $4.7 bn is silenced; the $4.9 bn paragraph is not, and the
    # draft's own pair ($4.7 vs $4.9) has one claim outside the silenced paragraph
    remaining = sorted(f.message for f in report.findings)
    assert report.suppressed == 1
    assert len(remaining) == 2
    assert all("$4.9 billion" in m for m in remaining)


def test_ignore_file_and_id_lists_silence_every_named_rule() -> None:
    text = (
        "In 2023 trade came to $4.7 billion.\n\n"
        "<!-- kzuz-claims: ignore-file KZC008, KZC001 -->\n\n"
        "Others said $4.9 billion for 2023.\n"
    )
    report = _conflicts(text)
    assert report.findings == () and report.suppressed == 3


def test_a_crashed_rule_is_never_silenced() -> None:
    docs, claims = _suppression_case(
        "<!-- kzuz-claims: ignore-file -->\nIn 2023 trade came to $4.7 billion.\n"
    )
    report = check(docs, claims, registry=_registry_with(always_crashes))
    assert [f.name for f in report.findings] == ["rule-crashed"]
    assert report.suppressed == 1


def test_malformed_comments_and_unknown_ids_become_notices_naming_file_and_line() -> None:
    report = _conflicts(
        "Intro.\n\n<!-- kzuz-claims: ignroe KZC001 -->\nIn 2023 trade came to $4.7 billion.\n\n"
        "<!-- kzuz-claims: ignore KZC999 -->\nMore.\n"
    )
    assert [f.rule for f in report.findings] == ["KZC001"]
    assert [(n.path, n.line) for n in report.notices] == [("draft", 3), ("draft", 6)]
    assert "unknown directive 'ignroe'" in report.notices[0].message
    assert "KZC999, which is not a registered rule" in report.notices[1].message
    assert str(report.notices[0]).startswith("draft:3: malformed kzuz-claims comment")


def test_baseline_removes_accepted_findings_and_counts_stale_entries() -> None:
    claims = _seed_claims()
    first = check(SEED_DOCS, claims, registry=RuleRegistry.builtin())
    accepted = Baseline.of(first.findings, {c.id: c for c in first.claims})
    again = check(SEED_DOCS, claims, registry=RuleRegistry.builtin(), baseline=accepted)
    assert again.findings == ()
    assert (again.baselined, again.baseline_stale) == (3, 0)
    fewer = [c for c in claims if c.metric != "joint_projects_value"]
    later = check(SEED_DOCS, fewer, registry=RuleRegistry.builtin(), baseline=accepted)
    assert (later.findings, later.baselined, later.baseline_stale) == ((), 2, 1)


def test_baseline_and_suppression_apply_before_strict_mode() -> None:
    claims = _seed_claims()
    first = check(SEED_DOCS, claims, registry=RuleRegistry.builtin())
    accepted = Baseline.of(first.findings, {c.id: c for c in first.claims})
    report = check(
        SEED_DOCS, claims, registry=RuleRegistry.builtin(), baseline=accepted, strict=True
    )
    assert report.baselined == 3
    partial = Baseline.of(first.findings[:1], {c.id: c for c in first.claims})
    with pytest.raises(StrictModeError) as info:
        check(SEED_DOCS, claims, registry=RuleRegistry.builtin(), baseline=partial, strict=True)
    assert len(info.value.report.findings) == 2 and info.value.report.baselined == 1


def test_focus_keeps_findings_that_involve_the_focused_documents() -> None:
    claims = _seed_claims()
    report = check(SEED_DOCS, claims, registry=RuleRegistry.builtin(), focus=[S002])
    assert [f.rule for f in report.findings] == ["KZC003", "KZC003"]
    assert check(SEED_DOCS, claims, registry=RuleRegistry.builtin(), focus=[S004]).findings == ()


def test_focus_with_a_baseline_counts_no_archive_finding_as_stale() -> None:
    claims = _seed_claims()
    first = check(SEED_DOCS, claims, registry=RuleRegistry.builtin())
    accepted = Baseline.of(first.findings, {c.id: c for c in first.claims})
    report = check(
        SEED_DOCS, claims, registry=RuleRegistry.builtin(), baseline=accepted, focus=[S002]
    )
    assert (report.findings, report.baselined, report.baseline_stale) == ((), 2, 0)


def test_a_comment_in_the_archive_never_hides_a_drafts_conflict() -> None:
    from kzuz_claims.extract.pipeline import extract as extract_docs
    from kzuz_claims.sources import load_string

    archive = load_string(
        "<!-- kzuz-claims: ignore-file -->\nIn 2023 trade turnover between Kazakhstan and "
        "Uzbekistan amounted to $4.4 billion.\n",
        id="archive",
        published=date(2024, 2, 1),
    )
    draft = load_string(
        "In 2023 trade turnover between Kazakhstan and Uzbekistan amounted to $5.9 billion.\n",
        id="draft",
        published=date(2024, 5, 1),
    )
    docs = [archive, draft]
    claims = extract_docs(docs).claims
    against = check(docs, claims, registry=RuleRegistry.builtin(), focus=["draft"])
    assert [f.rule for f in against.findings] == ["KZC001"]
    assert against.suppressed == 0
    # without a focus the archive's author has marked the conflict as seen
    both = check(docs, claims, registry=RuleRegistry.builtin())
    assert both.findings == () and both.suppressed == 1
