"""The `@rule` marker and the `RuleRegistry` that collects and validates rules.

Markers mark, registries register: `@rule(...)` only attaches a frozen `RuleSpec` to a
function. A `RuleRegistry` instance decides what runs; it checks each rule when it is
registered (id format, duplicate id or name, signature for its kind, documentation
headings) and refuses it with a `RuleRegistrationError` naming the function and its
file. Nothing global is mutated at import: `RuleRegistry.default()` builds a fresh
registry from the built-in rule modules and the `kzuz_claims.rules` entry points.

A rule function has one of three shapes, chosen by `kind`:

- `pair`:   `f(a: Claim, b: Claim, ctx: RuleContext) -> Iterable[Finding]`, called once
  per unordered pair of claims in a block;
- `group`:  `f(claims: Sequence[Claim], ctx: RuleContext) -> Iterable[Finding]`, called
  once per block;
- `corpus`: `f(ctx: RuleContext) -> Iterable[Finding]`, called once per run.

Its docstring is its user documentation: a one-line summary, then the four headings
`What it checks`, `Why it matters`, `Example`, `Known false positives` (a heading is a
line of its own, optionally underlined with dashes or prefixed with `#`).
"""

from __future__ import annotations

import importlib
import inspect
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from types import MappingProxyType, ModuleType
from typing import Any, Final, Literal, TypeVar, get_args

from kzuz_claims.errors import RuleRegistrationError, UnknownRuleError
from kzuz_claims.model import Finding, Severity

__all__ = [
    "BUILTIN_MODULES",
    "ENTRY_POINT_GROUP",
    "HEADINGS",
    "Rule",
    "RuleFunc",
    "RuleKind",
    "RulePluginWarning",
    "RuleRegistry",
    "RuleSpec",
    "parse_docstring",
    "rule",
    "spec_of",
]

RuleKind = Literal["pair", "group", "corpus"]
"""How the engine calls a rule: per pair in a block, per block, or once per run."""

RuleFunc = Callable[..., Iterable[Finding]]
"""Any rule function; its exact signature depends on its kind (see the module docstring)."""

F = TypeVar("F", bound=RuleFunc)

ENTRY_POINT_GROUP: Final = "kzuz_claims.rules"
"""Entry-point group under which third-party packages publish rules."""

BUILTIN_MODULES: Final = (
    "kzuz_claims.rules.values",
    "kzuz_claims.rules.counts",
    "kzuz_claims.rules.scopes",
    "kzuz_claims.rules.periods",
    "kzuz_claims.rules.sums",
    "kzuz_claims.rules.arithmetic",
    "kzuz_claims.rules.targets",
    "kzuz_claims.rules.entities",
    "kzuz_claims.rules.temporal",
    "kzuz_claims.rules.stale",
    "kzuz_claims.rules.stocks",
    "kzuz_claims.rules.records",
)
"""Modules holding the built-in rules, one per rule family."""

HEADINGS: Final = ("What it checks", "Why it matters", "Example", "Known false positives")
"""The docstring headings every rule must have, in this order in the generated pages."""

_SPEC_ATTR: Final = "__kzuz_rule__"
_ID_RE: Final = re.compile(r"^[A-Z]{2,5}\d{3}$")
_NAME_RE: Final = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_KIND_ARITY: Final[Mapping[str, int]] = MappingProxyType({"pair": 3, "group": 2, "corpus": 1})
_KIND_SIGNATURE: Final[Mapping[str, str]] = MappingProxyType(
    {
        "pair": "f(a: Claim, b: Claim, ctx: RuleContext)",
        "group": "f(claims: Sequence[Claim], ctx: RuleContext)",
        "corpus": "f(ctx: RuleContext)",
    }
)
_UNDERLINE_RE: Final = re.compile(r"^[-=~]{3,}$")


class RulePluginWarning(UserWarning):
    """A third-party rule plugin could not be loaded or registered and was skipped."""


@dataclass(frozen=True)
class RuleSpec:
    """What a rule declares about itself; attached to the function by `@rule`.

    Kept as given: the registry, not the decorator, validates it, so that a bad
    declaration is reported with the function's name and file.
    """

    id: str
    name: str
    severity: Severity
    kind: RuleKind


def rule(
    *, id: str, name: str, severity: Severity = Severity.WARNING, kind: RuleKind = "pair"
) -> Callable[[F], F]:
    """Tag a function as a rule; the function is returned unchanged otherwise.

    Registering is a separate step (`RuleRegistry.register`), so importing a module of
    rules has no side effect.
    """

    def tag(func: F) -> F:
        setattr(func, _SPEC_ATTR, RuleSpec(id=id, name=name, severity=severity, kind=kind))
        return func

    return tag


def spec_of(func: object) -> RuleSpec | None:
    """The `RuleSpec` a function was tagged with by `@rule`, or None."""
    spec = getattr(func, _SPEC_ATTR, None)
    return spec if isinstance(spec, RuleSpec) else None


@dataclass(frozen=True, eq=False)
class Rule:
    """A registered rule: its declaration, its function and its parsed documentation."""

    spec: RuleSpec
    func: RuleFunc = field(repr=False)
    summary: str
    sections: Mapping[str, str] = field(repr=False)
    """Heading (one of `HEADINGS`) to its text, dedented."""
    module: str
    qualname: str
    source: str
    """Where the function is defined, `path:line`."""

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def severity(self) -> Severity:
        return self.spec.severity

    @property
    def kind(self) -> RuleKind:
        return self.spec.kind


class RuleRegistry:
    """An ordered, validated collection of rules; iterate to get them sorted by id."""

    def __init__(self) -> None:
        self._by_id: dict[str, Rule] = {}
        self._by_name: dict[str, Rule] = {}

    @classmethod
    def builtin(cls) -> RuleRegistry:
        """A fresh registry holding only the rules that ship with kzuz_claims."""
        registry = cls()
        for module_name in BUILTIN_MODULES:
            registry.register_module(importlib.import_module(module_name))
        return registry

    @classmethod
    def default(cls) -> RuleRegistry:
        """A fresh registry with the built-ins plus every installed plugin that loads."""
        registry = cls.builtin()
        registry.load_plugins()
        return registry

    def register(self, func: RuleFunc) -> Rule:
        """Validate a `@rule`-tagged function and add it; returns the registered rule."""
        (registered,) = self.register_all([func])
        return registered

    def register_module(self, module: ModuleType) -> tuple[Rule, ...]:
        """Register every `@rule`-tagged function defined in `module`, all or none."""
        return self.register_all(_tagged_in(module))

    def register_all(self, funcs: Iterable[RuleFunc]) -> tuple[Rule, ...]:
        """Register several rules atomically: if one is refused, none is added."""
        by_id = dict(self._by_id)
        by_name = dict(self._by_name)
        added: list[Rule] = []
        for func in funcs:
            new = _build_rule(func)
            for what, value in (("id", new.id), ("name", new.name)):
                clash = by_id.get(value) or by_name.get(value)
                if clash is not None:
                    raise _refuse(
                        func,
                        f"{what} {value!r} is already used by {clash.module}.{clash.qualname}"
                        f" ({clash.source}); rule ids and names are never reused",
                    )
            by_id[new.id] = new
            by_name[new.name] = new
            added.append(new)
        self._by_id = by_id
        self._by_name = by_name
        return tuple(added)

    def load_plugins(
        self, entry_points: Iterable[metadata.EntryPoint] | None = None
    ) -> tuple[Rule, ...]:
        """Register the rules published under the `kzuz_claims.rules` entry-point group.

        An entry point may name a rule function, a module (all its tagged functions)
        or a list of functions. A plugin that fails to import or to register is skipped
        with a `RulePluginWarning`; the others still load.
        """
        if entry_points is None:
            entry_points = metadata.entry_points(group=ENTRY_POINT_GROUP)
        added: list[Rule] = []
        for ep in sorted(entry_points, key=lambda e: (e.name, e.value)):
            try:
                funcs = _plugin_functions(ep.load())
                added.extend(self.register_all(funcs))
            except Exception as exc:
                warnings.warn(
                    f"skipping rule plugin {ep.name!r} ({ep.value}): {type(exc).__name__}: {exc}",
                    RulePluginWarning,
                    stacklevel=2,
                )
        return tuple(added)

    def get(self, id_or_name: str) -> Rule:
        """The rule with this id (`KZC001`) or name (`value-conflict`)."""
        found = self._by_id.get(id_or_name) or self._by_name.get(id_or_name)
        if found is None:
            found = self._by_id.get(id_or_name.upper()) or self._by_name.get(id_or_name.lower())
        if found is None:
            raise UnknownRuleError(id_or_name, [*self._by_id, *self._by_name])
        return found

    def __contains__(self, id_or_name: object) -> bool:
        return id_or_name in self._by_id or id_or_name in self._by_name

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._by_id.values(), key=lambda r: r.id))

    def __len__(self) -> int:
        return len(self._by_id)

    def __repr__(self) -> str:
        return f"RuleRegistry({', '.join(r.id for r in self)})"

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self)


def parse_docstring(doc: str) -> tuple[str, dict[str, str]]:
    """Split a rule docstring into its summary and its sections by heading.

    Unknown headings are not recognised, so their text stays in the section above.
    """
    lines = inspect.cleandoc(doc).splitlines()
    wanted = {h.lower(): h for h in HEADINGS}
    summary_lines: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] = summary_lines
    for line in lines:
        key = line.strip().lstrip("#").strip().rstrip(":").strip().lower()
        if key in wanted and wanted[key] not in sections:
            current = sections.setdefault(wanted[key], [])
        elif _UNDERLINE_RE.match(line.strip()) and current is not summary_lines and not current:
            continue
        else:
            current.append(line)
    summary = " ".join(_first_paragraph(summary_lines))
    return summary, {k: "\n".join(v).strip("\n") for k, v in sections.items()}


def _first_paragraph(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out:
                break
            continue
        out.append(line.strip())
    return out


def _where(func: object) -> str:
    try:
        path = inspect.getsourcefile(func)  # type: ignore[arg-type]
        _, line = inspect.getsourcelines(func)  # type: ignore[arg-type]
    except (TypeError, OSError):
        return getattr(func, "__module__", None) or "<unknown file>"
    return f"{path}:{line}"


def _qualname(func: object) -> str:
    module = getattr(func, "__module__", None) or "<unknown module>"
    name = getattr(func, "__qualname__", None) or repr(func)
    return f"{module}.{name}"


def _refuse(func: object, reason: str) -> RuleRegistrationError:
    return RuleRegistrationError(_qualname(func), _where(func), reason)


def _build_rule(func: RuleFunc) -> Rule:
    spec = spec_of(func)
    if spec is None:
        raise _refuse(func, "it is not tagged with @rule(id=..., name=..., severity=..., kind=...)")
    if not isinstance(spec.id, str) or not _ID_RE.match(spec.id):
        raise _refuse(
            func,
            f"id {spec.id!r} does not match {_ID_RE.pattern}"
            " (2 to 5 capital letters, then 3 digits, e.g. KZC001)",
        )
    if not isinstance(spec.name, str) or not _NAME_RE.match(spec.name):
        raise _refuse(
            func,
            f"name {spec.name!r} is not lower-case kebab-case (e.g. value-conflict)",
        )
    try:
        severity = Severity(spec.severity)
    except ValueError:
        choices = ", ".join(s.value for s in Severity)
        raise _refuse(func, f"severity {spec.severity!r} is not one of {choices}") from None
    if spec.kind not in get_args(RuleKind):
        raise _refuse(func, f"kind {spec.kind!r} is not one of pair, group, corpus")
    _check_signature(func, spec.kind)
    summary, sections = _check_docstring(func)
    return Rule(
        spec=RuleSpec(id=spec.id, name=spec.name, severity=severity, kind=spec.kind),
        func=func,
        summary=summary,
        sections=MappingProxyType(sections),
        module=getattr(func, "__module__", None) or "<unknown module>",
        qualname=getattr(func, "__qualname__", None) or repr(func),
        source=_where(func),
    )


def _check_signature(func: RuleFunc, kind: str) -> None:
    expected = _KIND_SIGNATURE[kind]
    if not callable(func):
        raise _refuse(func, f"it is not callable; a {kind} rule is {expected}")
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError) as exc:
        raise _refuse(func, f"its signature cannot be read ({exc})") from exc
    positional = [
        p
        for p in sig.parameters.values()
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    required = [p for p in positional if p.default is inspect.Parameter.empty]
    kw_required = [
        p.name
        for p in sig.parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is inspect.Parameter.empty
    ]
    varargs = any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in sig.parameters.values())
    arity = _KIND_ARITY[kind]
    fits = len(required) <= arity and (len(positional) >= arity or varargs) and not kw_required
    if not fits:
        raise _refuse(
            func,
            f"a {kind} rule takes {arity} positional argument(s), {expected},"
            f" but its signature is {func.__name__}{sig}",
        )


def _check_docstring(func: RuleFunc) -> tuple[str, dict[str, str]]:
    doc = inspect.getdoc(func)
    if not doc or not doc.strip():
        raise _refuse(
            func,
            "it has no docstring; a rule's docstring is its documentation, with the"
            f" headings {', '.join(HEADINGS)}",
        )
    summary, sections = parse_docstring(doc)
    missing = [h for h in HEADINGS if not sections.get(h, "").strip()]
    if missing:
        raise _refuse(
            func,
            f"its docstring lacks the heading(s) {', '.join(repr(h) for h in missing)}"
            " (each on a line of its own, followed by text)",
        )
    if not summary:
        summary = _first_paragraph(sections[HEADINGS[0]].splitlines())[0]
    return summary, sections


def _tagged_in(module: ModuleType) -> list[RuleFunc]:
    found: list[RuleFunc] = []
    for value in vars(module).values():
        if spec_of(value) is not None and getattr(value, "__module__", None) == module.__name__:
            found.append(value)
    return sorted(found, key=lambda f: str(getattr(spec_of(f), "id", "")))


def _plugin_functions(obj: Any) -> list[RuleFunc]:
    if isinstance(obj, ModuleType):
        funcs = _tagged_in(obj)
        if not funcs:
            raise TypeError(f"module {obj.__name__} defines no @rule-tagged function")
        return funcs
    if callable(obj):
        return [obj]
    if isinstance(obj, list | tuple):
        return list(obj)
    raise TypeError(
        f"entry point gives a {type(obj).__name__}; expected a rule, a module or a list of rules"
    )
