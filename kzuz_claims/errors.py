"""Every exception kzuz_claims raises.

Misuse raises; problems in the data (a discrepancy, an unparseable amount, an
undatable relative date) are findings in the report, never exceptions.

    KzuzError
    ├── ConfigError(KzuzError, ValueError)       bad configuration value or file
    ├── BaselineError(KzuzError, ValueError)     a baseline file that cannot be used
    ├── LexiconError(KzuzError, ValueError)      a data file that breaks its grammar
    ├── SourceError(KzuzError, OSError)          a file that cannot be read as an article
    ├── UnknownRuleError(KzuzError, LookupError) a rule id or name that is not registered
    ├── RuleRegistrationError(KzuzError, TypeError)  a rule refused by the registry
    └── StrictModeError(KzuzError)               strict checking found problems; carries the report
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kzuz_claims.model import Report

__all__ = [
    "BaselineError",
    "ConfigError",
    "KzuzError",
    "LexiconError",
    "RuleRegistrationError",
    "SourceError",
    "StrictModeError",
    "UnknownRuleError",
]


class KzuzError(Exception):
    """Base class of every error raised by kzuz_claims."""


class ConfigError(KzuzError, ValueError):
    """A configuration value that cannot be used (from a file or the command line)."""

    COMMAND_LINE = "the command line"
    """The `source` of values given as command-line options."""

    def __init__(self, key: str, value: Any, reason: str, *, source: str | None = None) -> None:
        super().__init__(key, value, reason, source)
        self.key = key
        self.value = value
        self.reason = reason
        self.source = source

    def __str__(self) -> str:
        where = f" in {self.source}" if self.source else ""
        if self.source == self.COMMAND_LINE:
            where = f" on {self.source}"
        fix = (
            "Fix the option on the command line."
            if self.source == self.COMMAND_LINE
            else "Fix the value in [tool.kzuz_claims] of pyproject.toml or in kzuz_claims.toml."
        )
        return f"configuration {self.key} = {self.value!r}{where}: {self.reason}\n{fix}"


class BaselineError(KzuzError, ValueError):
    """A baseline file (of accepted findings) that is missing, unreadable or malformed."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return (
            f"baseline file {self.path}: {self.reason}\n"
            "Pass another file with --baseline FILE, or check without it (--no-baseline)."
        )


class LexiconError(KzuzError, ValueError):
    """A lexicon or unit data file that does not follow its documented grammar."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return (
            f"data file {self.path}: {self.reason}\n"
            "The grammar of the file is documented in the comment at its top."
        )


class SourceError(KzuzError, OSError):
    """A file that cannot be read as an article (missing, binary, wrong encoding...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class UnknownRuleError(KzuzError, LookupError):
    """A rule id or name that no registered rule has."""

    def __init__(self, wanted: str, known: Iterable[str]) -> None:
        self.known = sorted(known)
        super().__init__(wanted, self.known)
        self.wanted = wanted

    def __str__(self) -> str:
        close = difflib.get_close_matches(self.wanted, self.known, n=1, cutoff=0.5)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        return (
            f"unknown rule {self.wanted!r}.{hint}\n"
            f"Known rules: {', '.join(self.known) or '(none)'}; `kzuz-claims rules` lists them."
        )


class RuleRegistrationError(KzuzError, TypeError):
    """A rule function the registry refuses (bad id, duplicate, signature, docstring)."""

    def __init__(self, func: str, where: str, reason: str) -> None:
        super().__init__(func, where, reason)
        self.func = func
        self.where = where
        self.reason = reason

    def __str__(self) -> str:
        return (
            f"cannot register rule {self.func} ({self.where}): {self.reason}\n"
            "See kzuz_claims.rules.registry for what a rule must provide."
        )


class StrictModeError(KzuzError):
    """Raised by strict checking when findings exist; `report` holds all of them."""

    def __init__(self, report: Report) -> None:
        super().__init__(report)
        self.report = report

    def __str__(self) -> str:
        n = len(self.report.findings)
        first = self.report.findings[0].message if self.report.findings else ""
        return (
            f"{n} finding(s) in strict mode; first: {first}\n"
            "Inspect error.report for all findings, or check without strict=True."
        )
