"""The rule engine's rules: the `@rule` marker, the registry, and the rule context.

Built-in rules live in one module per family (`values`, `counts`, `scopes`, `stale`,
`stocks`, `records`, `periods`, `sums`, `arithmetic`, `targets`, `entities`,
`temporal`); they are registered by `RuleRegistry.builtin()` / `RuleRegistry.default()`,
never at import.
"""

from kzuz_claims.rules.context import RuleContext
from kzuz_claims.rules.registry import (
    ENTRY_POINT_GROUP,
    HEADINGS,
    Rule,
    RuleFunc,
    RuleKind,
    RulePluginWarning,
    RuleRegistry,
    RuleSpec,
    rule,
    spec_of,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "HEADINGS",
    "Rule",
    "RuleContext",
    "RuleFunc",
    "RuleKind",
    "RulePluginWarning",
    "RuleRegistry",
    "RuleSpec",
    "rule",
    "spec_of",
]
