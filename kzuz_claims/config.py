"""Configuration: hedge tolerances, severity thresholds, rule selection.

Read from `[tool.kzuz_claims]` in pyproject.toml or from a `kzuz_claims.toml`
(top-level keys), found by walking up from the working directory. Every value has a
default, so an empty configuration is valid.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from kzuz_claims.errors import ConfigError
from kzuz_claims.model import FrozenModel, Number, Severity


class Tolerances(FrozenModel):
    """How far hedge words widen the asserted interval, as fractions of the value."""

    approx: Number = Decimal("0.10")
    """"about $4 billion" asserts [3.6, 4.4] billion at 0.10."""
    almost: Number = Decimal("0.10")
    """"almost $500 million" asserts [450, 500] million at 0.10."""

    @field_validator("approx", "almost")
    @classmethod
    def _fraction(cls, v: Decimal) -> Decimal:
        if not (Decimal(0) <= v < Decimal(1)):
            raise ValueError("a tolerance is a fraction between 0 and 1")
        return v


class Thresholds(FrozenModel):
    """Relative gaps (0..1) at which a value conflict becomes a warning or an error."""

    warning: Number = Decimal("0.01")
    error: Number = Decimal("0.10")


class Stocks(FrozenModel):
    """Which stocks are cumulative, and how far such a count may fall over time.

    Read by stale-figure (KZC010), which follows only cumulative stocks over time,
    and count-shrinks (KZC011), which flags a cumulative count that falls.
    """

    cumulative: tuple[str, ...] = ("enterprises_", "joint_ventures_count", "joint_projects_")
    """Metric keys or key prefixes of cumulative stocks, which grow as things are added
    and fall only when they close (enterprises with foreign capital, joint ventures,
    the joint project portfolio). Other stocks describe one event or one object
    (agreements signed at a meeting, a project's cost) and are not a series."""
    event_scopes: tuple[str, ...] = ("agreed", "launched")
    """Scopes that count what happened at one event (projects launched or agreed at a
    meeting), not a standing stock."""
    shrink: Number = Decimal("0.10")
    """A cumulative count that falls by more than this fraction of the earlier count
    is flagged: at 0.10, 1,131 enterprises followed by 1,000 (an 11.6% fall) is,
    1,131 followed by 1,050 (7.2%) is not."""

    @field_validator("shrink")
    @classmethod
    def _fraction(cls, v: Decimal) -> Decimal:
        if not (Decimal(0) < v < Decimal(1)):
            raise ValueError("stocks.shrink is a fraction between 0 and 1")
        return v

    def is_cumulative(self, metric: str, scope: str | None) -> bool:
        """Whether a stock of `metric` in `scope` is a cumulative series to follow."""
        if scope is not None and scope in self.event_scopes:
            return False
        return any(metric.startswith(prefix) for prefix in self.cumulative)


class Config(FrozenModel):
    """Everything a run can be told; `source` names the file it came from."""

    tolerances: Tolerances = Tolerances()
    thresholds: Thresholds = Thresholds()
    select: tuple[str, ...] = ()
    """Rule ids or id prefixes to run; empty means all."""
    ignore: tuple[str, ...] = ()
    """Rule ids or id prefixes never to run."""
    severity: dict[str, Severity] = Field(default_factory=dict)
    """Per-rule severity overrides, keyed by rule id."""
    as_of_window_days: int = 92
    """Two stock figures are compared only when their as-of dates are this close."""
    stocks: Stocks = Stocks()
    source: str | None = None

    def rule_enabled(self, rule_id: str) -> bool:
        if any(rule_id.startswith(p) for p in self.ignore):
            return False
        return not self.select or any(rule_id.startswith(p) for p in self.select)


def load_config(start: Path | None = None, *, explicit: Path | None = None) -> Config:
    """Read the configuration for a run started in `start` (the cwd by default).

    `explicit` names a file to read instead of searching; it must exist.
    """
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("config", str(explicit), "file does not exist")
        return _from_file(explicit)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "kzuz_claims.toml"
        if own.is_file():
            return _from_file(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "kzuz_claims" in _read_toml(pyproject).get("tool", {}):
            return _from_file(pyproject)
    return Config()


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("config", str(path), f"cannot be read as TOML: {exc}") from exc


def _from_file(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("kzuz_claims", {})
    return config_from_mapping(data, source=str(path))


def config_from_mapping(data: dict[str, Any], *, source: str | None = None) -> Config:
    """Validate a mapping (as found in a TOML table) into a Config."""
    try:
        return Config.model_validate({**data, "source": source})
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "config"
        raise ConfigError(key, err.get("input"), err["msg"], source=source) from exc
