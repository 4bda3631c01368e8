"""The registry refuses bad rules at registration, naming the function and its file."""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Iterable, Sequence
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from kzuz_claims.errors import RuleRegistrationError, UnknownRuleError
from kzuz_claims.model import Claim, Finding, Severity
from kzuz_claims.rules import RuleContext, RulePluginWarning, RuleRegistry, rule, spec_of

DOC = """Flags nothing, for tests.

What it checks
--------------
Nothing.

Why it matters
--------------
Tests.

Example
-------
None.

Known false positives
---------------------
None.
"""


def _documented(func):  # type: ignore[no-untyped-def]
    func.__doc__ = DOC
    return func


@_documented
@rule(id="TST001", name="test-pair", severity=Severity.INFO, kind="pair")
def good_pair(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
    return []


def test_decorator_only_tags_the_function() -> None:
    spec = spec_of(good_pair)
    assert spec is not None
    assert (spec.id, spec.name, spec.severity, spec.kind) == (
        "TST001",
        "test-pair",
        Severity.INFO,
        "pair",
    )
    assert good_pair(None, None, None) == []  # type: ignore[arg-type]
    assert "TST001" not in RuleRegistry()


def test_register_returns_rule_with_parsed_docs() -> None:
    registry = RuleRegistry()
    registered = registry.register(good_pair)
    assert registered.id == "TST001"
    assert registered.summary == "Flags nothing, for tests."
    assert registered.sections["Why it matters"] == "Tests."
    assert registry.get("test-pair") is registered
    assert registry.get("TST001") is registered
    assert "test_rule_registry.py" in registered.source


def _refusal(func: object) -> str:
    with pytest.raises(RuleRegistrationError) as info:
        RuleRegistry().register(func)  # type: ignore[arg-type]
    text = str(info.value)
    assert func.__qualname__ in text  # type: ignore[attr-defined]
    assert "test_rule_registry.py" in text
    return text


def test_registry_refuses_bad_id_naming_function_and_file() -> None:
    @_documented
    @rule(id="KZ1", name="bad-id", kind="pair")
    def bad_id(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
        return []

    assert "'KZ1' does not match" in _refusal(bad_id)


def test_registry_refuses_lowercase_id() -> None:
    @_documented
    @rule(id="kzc001", name="lower-id", kind="pair")
    def lower_id(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
        return []

    _refusal(lower_id)


def test_registry_refuses_bad_name() -> None:
    @_documented
    @rule(id="TST002", name="Not Kebab", kind="pair")
    def bad_name(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
        return []

    assert "kebab-case" in _refusal(bad_name)


def test_registry_refuses_duplicate_id() -> None:
    @_documented
    @rule(id="TST001", name="other-name", kind="pair")
    def same_id(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
        return []

    registry = RuleRegistry()
    registry.register(good_pair)
    with pytest.raises(RuleRegistrationError) as info:
        registry.register(same_id)
    assert "same_id" in str(info.value)
    assert "id 'TST001' is already used by" in str(info.value)
    assert "good_pair" in str(info.value)


def test_registry_refuses_duplicate_name() -> None:
    @_documented
    @rule(id="TST009", name="test-pair", kind="pair")
    def same_name(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
        return []

    registry = RuleRegistry()
    registry.register(good_pair)
    with pytest.raises(RuleRegistrationError, match="name 'test-pair' is already used"):
        registry.register(same_name)


def test_registry_refuses_builtin_id_reuse(registry: RuleRegistry) -> None:
    @_documented
    @rule(id="KZC001", name="my-value-conflict", kind="pair")
    def mine(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]:
        return []

    with pytest.raises(RuleRegistrationError, match="KZC001"):
        registry.register(mine)
    assert registry.get("KZC001").name == "value-conflict"


def test_registry_refuses_missing_docstring() -> None:
    @rule(id="TST003", name="no-doc", kind="corpus")
    def no_doc(ctx: RuleContext) -> Iterable[Finding]:
        return []

    assert "has no docstring" in _refusal(no_doc)


def test_registry_refuses_missing_heading() -> None:
    @rule(id="TST004", name="half-doc", kind="corpus")
    def half_doc(ctx: RuleContext) -> Iterable[Finding]:
        """Summary.

        What it checks
        --------------
        Something.

        Why it matters
        --------------
        Reasons.
        """
        return []

    text = _refusal(half_doc)
    assert "'Example'" in text
    assert "'Known false positives'" in text
    assert "'What it checks'" not in text


def test_registry_refuses_empty_heading() -> None:
    @rule(id="TST005", name="empty-section", kind="corpus")
    def empty_section(ctx: RuleContext) -> Iterable[Finding]:
        """Summary.

        What it checks
        Why it matters
        Reasons.
        Example
        An example.
        Known false positives
        None.
        """
        return []

    assert "'What it checks'" in _refusal(empty_section)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("pair", "3 positional"), ("group", "2 positional"), ("corpus", "1 positional")],
)
def test_registry_refuses_signature_not_matching_kind(kind: str, expected: str) -> None:
    @_documented
    @rule(id="TST006", name="wrong-arity", kind=kind)  # type: ignore[arg-type]
    def wrong_arity(a: Claim, b: Claim, c: Claim, ctx: RuleContext) -> Iterable[Finding]:
        return []

    text = _refusal(wrong_arity)
    assert expected in text
    assert "wrong_arity(a: " in text


def test_registry_refuses_required_keyword_only_argument() -> None:
    @_documented
    @rule(id="TST007", name="kw-only", kind="corpus")
    def kw_only(ctx: RuleContext, *, extra: int) -> Iterable[Finding]:
        return []

    _refusal(kw_only)


def test_registry_accepts_group_rule_with_optional_extra_argument() -> None:
    @_documented
    @rule(id="TST008", name="group-ok", kind="group")
    def group_ok(claims: Sequence[Claim], ctx: RuleContext, limit: int = 3) -> Iterable[Finding]:
        return []

    assert RuleRegistry().register(group_ok).kind == "group"


def test_registry_refuses_unknown_kind_and_severity() -> None:
    @_documented
    @rule(id="TST010", name="bad-kind", kind="triple")  # type: ignore[arg-type]
    def bad_kind(ctx: RuleContext) -> Iterable[Finding]:
        return []

    @_documented
    @rule(id="TST011", name="bad-severity", severity="fatal", kind="corpus")  # type: ignore[arg-type]
    def bad_severity(ctx: RuleContext) -> Iterable[Finding]:
        return []

    assert "kind 'triple'" in _refusal(bad_kind)
    assert "severity 'fatal'" in _refusal(bad_severity)


def test_registry_refuses_untagged_function() -> None:
    def plain(ctx: RuleContext) -> Iterable[Finding]:
        return []

    assert "not tagged with @rule" in _refusal(plain)


def test_register_all_is_atomic() -> None:
    @_documented
    @rule(id="TST012", name="first-ok", kind="corpus")
    def first_ok(ctx: RuleContext) -> Iterable[Finding]:
        return []

    @rule(id="TST013", name="second-bad", kind="corpus")
    def second_bad(ctx: RuleContext) -> Iterable[Finding]:
        return []

    registry = RuleRegistry()
    with pytest.raises(RuleRegistrationError):
        registry.register_all([first_ok, second_bad])
    assert len(registry) == 0


def test_unknown_rule_suggests_closest_match(registry: RuleRegistry) -> None:
    with pytest.raises(UnknownRuleError) as info:
        registry.get("value-conflcit")
    assert "Did you mean 'value-conflict'?" in str(info.value)
    assert isinstance(info.value, LookupError)
    with pytest.raises(UnknownRuleError, match="Did you mean 'KZC001'"):
        registry.get("KZC001X")


def test_get_is_case_tolerant(registry: RuleRegistry) -> None:
    assert registry.get("kzc004").name == "partial-exceeds-whole"
    assert registry.get("Target-Mismatch").id == "KZC005"


def test_iteration_is_sorted_by_id() -> None:
    @_documented
    @rule(id="AAA001", name="comes-first", kind="corpus")
    def comes_first(ctx: RuleContext) -> Iterable[Finding]:
        return []

    registry = RuleRegistry()
    registry.register(good_pair)
    registry.register(comes_first)
    assert registry.ids == ("AAA001", "TST001")


def test_builtin_registry_holds_the_catalogue(registry: RuleRegistry) -> None:
    assert [(r.id, r.name, r.severity, r.kind) for r in registry] == [
        ("KZC001", "value-conflict", Severity.WARNING, "pair"),
        ("KZC002", "count-conflict", Severity.WARNING, "pair"),
        ("KZC003", "scope-conflict", Severity.WARNING, "pair"),
        ("KZC004", "partial-exceeds-whole", Severity.ERROR, "pair"),
        ("KZC005", "target-mismatch", Severity.WARNING, "pair"),
        ("KZC006", "name-variants", Severity.WARNING, "corpus"),
        ("KZC007", "undated-relative-period", Severity.INFO, "corpus"),
        ("KZC008", "scale-slip", Severity.ERROR, "pair"),
        ("KZC009", "unit-mismatch", Severity.INFO, "pair"),
        ("KZC010", "stale-figure", Severity.WARNING, "group"),
        ("KZC011", "count-shrinks", Severity.WARNING, "group"),
        ("KZC012", "record-contradicted", Severity.WARNING, "corpus"),
        ("KZC013", "ytd-decreasing", Severity.ERROR, "pair"),
        ("KZC014", "parts-vs-total", Severity.ERROR, "corpus"),
        ("KZC015", "change-arithmetic", Severity.WARNING, "corpus"),
        ("KZC016", "share-arithmetic", Severity.WARNING, "corpus"),
        ("KZC017", "multiple-arithmetic", Severity.WARNING, "corpus"),
        ("KZC018", "weekday-mismatch", Severity.WARNING, "corpus"),
        ("KZC019", "future-actual", Severity.WARNING, "group"),
        ("KZC020", "office-holder-conflict", Severity.WARNING, "corpus"),
    ]


def test_builtin_registries_are_fresh_and_independent() -> None:
    one, two = RuleRegistry.builtin(), RuleRegistry.builtin()
    one.register(good_pair)
    assert "TST001" in one
    assert "TST001" not in two


PLUGIN = textwrap.dedent(
    '''
    from kzuz_claims.model import Severity
    from kzuz_claims.rules import rule

    DOC = """Plugin rule.

    What it checks
    --------------
    Nothing.

    Why it matters
    --------------
    Plugins.

    Example
    -------
    None.

    Known false positives
    ---------------------
    None.
    """


    @rule(id="PLG001", name="plugin-rule", severity=Severity.INFO, kind="corpus")
    def plugin_rule(ctx):
        return []


    plugin_rule.__doc__ = DOC
    '''
)


def _entry_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[EntryPoint]:
    (tmp_path / "kzuz_test_plugin.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "kzuz_broken_plugin.py").write_text("raise ImportError('boom')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    group = "kzuz_claims.rules"
    return [
        EntryPoint("good", "kzuz_test_plugin:plugin_rule", group),
        EntryPoint("broken", "kzuz_broken_plugin", group),
        EntryPoint("clash", "kzuz_claims.rules.values:value_conflict", group),
    ]


def test_plugins_load_and_broken_plugins_are_skipped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, registry: RuleRegistry
) -> None:
    eps = _entry_points(tmp_path, monkeypatch)
    with pytest.warns(RulePluginWarning) as caught:
        added = registry.load_plugins(eps)
    assert [r.id for r in added] == ["PLG001"]
    assert registry.get("plugin-rule").id == "PLG001"
    messages = sorted(str(w.message) for w in caught)
    assert len(messages) == 2
    assert "'broken'" in messages[0]
    assert "boom" in messages[0]
    assert "'clash'" in messages[1]
    assert "KZC001" in messages[1]


def test_plugin_module_entry_point_registers_all_its_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _entry_points(tmp_path, monkeypatch)
    registry = RuleRegistry()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        registry.load_plugins([EntryPoint("mod", "kzuz_test_plugin", "kzuz_claims.rules")])
    assert registry.ids == ("PLG001",)


def test_default_registry_reads_the_entry_point_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    eps = _entry_points(tmp_path, monkeypatch)
    seen: list[str] = []

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        seen.append(group)
        return eps[:1]

    monkeypatch.setattr("kzuz_claims.rules.registry.metadata.entry_points", fake_entry_points)
    registry = RuleRegistry.default()
    assert seen == ["kzuz_claims.rules"]
    assert "PLG001" in registry
    assert "KZC007" in registry
