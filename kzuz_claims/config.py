"""Configuration: rule selection, severities, hedge tolerances, thresholds, baseline.

Read from `[tool.kzuz_claims]` in pyproject.toml or from a `kzuz_claims.toml`
(top-level keys), found by walking up from the first checked path, then from the
working directory (`find_config`). Every value has a default, so an empty
configuration is valid; an unknown key or a bad value raises `ConfigError` naming the
file and the key. Every key is documented in docs/configuration.md.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Final

from pydantic import Field, ValidationError, field_validator, model_validator

from kzuz_claims.errors import ConfigError
from kzuz_claims.model import FrozenModel, Number, Severity

__all__ = [
    "CONFIG_NAME",
    "DEFAULT_BASELINE",
    "Config",
    "Thresholds",
    "Tolerances",
    "config_from_mapping",
    "find_config",
    "load_config",
]

CONFIG_NAME: Final = "kzuz_claims.toml"
"""The project's own configuration file; its keys are top level."""

DEFAULT_BASELINE: Final = "kzuz_claims.baseline.json"
"""Where `kzuz-claims check --write-baseline` writes when no path is given or configured."""

_RULE_ID = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
_RULE_PREFIX = re.compile(r"^[A-Z]{1,5}[0-9]{0,3}$")


def _fraction(v: Decimal) -> Decimal:
    if not (Decimal(0) <= v < Decimal(1)):
        raise ValueError("must be a fraction from 0 (inclusive) to 1 (exclusive), e.g. 0.1")
    return v


class Tolerances(FrozenModel):
    """How far hedge words widen the asserted interval, as fractions of the value."""

    approx: Number = Decimal("0.10")
    """"about $4 billion" asserts [3.6, 4.4] billion at 0.10."""
    almost: Number = Decimal("0.10")
    """"almost $500 million" asserts [450, 500) million at 0.10."""

    _check = field_validator("approx", "almost")(_fraction)


class Thresholds(FrozenModel):
    """Relative gaps (0..1) at which a value conflict becomes a warning or an error."""

    warning: Number = Decimal("0.01")
    error: Number = Decimal("0.10")

    _check = field_validator("warning", "error")(_fraction)

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.warning > self.error:
            raise ValueError(
                f"warning ({self.warning}) must not be above error ({self.error}):"
                " a gap grades as an error from `error` on, as a warning from `warning` on"
            )
        return self


def _prefixes(values: tuple[str, ...]) -> tuple[str, ...]:
    for v in values:
        if not _RULE_PREFIX.match(v):
            raise ValueError(
                f"{v!r} is not a rule id or id prefix (capital letters then up to 3"
                " digits: KZC001, KZC01, KZC)"
            )
    return tuple(sorted(set(values)))


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

    @field_validator("cumulative", "event_scopes")
    @classmethod
    def _keys(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for item in v:
            if not re.fullmatch(r"[a-z][a-z0-9_]*", item):
                raise ValueError(
                    f"{item!r} is not a lower-case metric key, key prefix or scope"
                    ' (e.g. "enterprises_")'
                )
        return v

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

    select: tuple[str, ...] = ()
    """Rule ids or id prefixes to run ("KZC01" is KZC010-KZC019); empty means all."""
    ignore: tuple[str, ...] = ()
    """Rule ids or id prefixes never to run."""
    severity: dict[str, Severity] = Field(default_factory=dict)
    """Per-rule severity overrides, keyed by rule id."""
    tolerances: Tolerances = Tolerances()
    thresholds: Thresholds = Thresholds()
    as_of_window_days: Annotated[int, Field(strict=True, ge=0, le=3660)] = 92
    """Two stock figures are compared only when their as-of dates are this close."""
    office_window_days: Annotated[int, Field(strict=True, ge=0, le=3660)] = 30
    """Two holders of one single-holder office conflict when their documents are
    published at most this many days apart (office-holder-conflict)."""
    baseline: str | None = None
    """The baseline file, relative to the configuration file's folder."""
    stocks: Stocks = Stocks()
    source: str | None = None
    """The file this configuration was read from (set by the loader, not by users)."""

    _select = field_validator("select", "ignore")(_prefixes)

    @field_validator("severity")
    @classmethod
    def _severity_ids(cls, v: dict[str, Severity]) -> dict[str, Severity]:
        for key in v:
            if not _RULE_ID.match(key):
                raise ValueError(f"{key!r} is not a rule id (e.g. KZC001); severities are per rule")
        return dict(sorted(v.items()))

    def rule_enabled(self, rule_id: str) -> bool:
        """Whether a rule runs: the longest matching prefix in select/ignore decides.

        With `select = ["KZC01"]` and `ignore = ["KZC012"]`, KZC012 is off and the rest
        of KZC010-KZC019 on; with `select = ["KZC012"]` and `ignore = ["KZC01"]`, KZC012
        is on. An empty `select` selects everything; on a tie, ignore wins.
        """
        selected = [len(p) for p in self.select if rule_id.startswith(p)]
        if not self.select:
            selected.append(0)
        ignored = [len(p) for p in self.ignore if rule_id.startswith(p)]
        if not selected:
            return False
        return not ignored or max(selected) > max(ignored)

    def with_overrides(
        self, *, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
    ) -> Config:
        """This configuration with a command line's --select (replaces) and --ignore (adds)."""
        data = self.model_dump()
        if select is not None:
            data["select"] = tuple(select)
        data["ignore"] = (*self.ignore, *ignore)
        try:
            return Config.model_validate(data)
        except ValidationError as exc:
            raise _config_error(exc, ConfigError.COMMAND_LINE) from exc

    def check_rule_ids(
        self, known: Iterable[str], *, given: Sequence[str] = (), origin: str | None = None
    ) -> None:
        """Refuse a select/ignore prefix or severity key that matches no known rule.

        `given` are ids that came from `origin` (the command line) rather than the file.
        """
        ids = sorted(known)
        for key, values in (
            ("select", self.select),
            ("ignore", self.ignore),
            ("severity", tuple(self.severity)),
        ):
            for value in values:
                exact = key == "severity"
                if not any(i == value if exact else i.startswith(value) for i in ids):
                    close = difflib.get_close_matches(value, ids, n=1, cutoff=0.6)
                    hint = f"; did you mean {close[0]!r}?" if close else ""
                    raise ConfigError(
                        key,
                        value,
                        f"matches no registered rule{hint} (`kzuz-claims rules` lists them)",
                        source=origin if value in given else self.source,
                    )

    def resolve(self, path: str) -> Path:
        """A path from the configuration, relative to the folder of its file."""
        p = Path(path)
        if p.is_absolute() or self.source is None:
            return p
        return Path(self.source).parent / p


def find_config(starts: Iterable[Path] = ()) -> Path | None:
    """The configuration file for a run: searched upwards from each start, then the cwd.

    In each folder a `kzuz_claims.toml` wins over a pyproject.toml, which counts only
    when it has a `[tool.kzuz_claims]` table.
    """
    tried: set[Path] = set()
    for start in (*starts, Path.cwd()):
        here = start.resolve()
        if not here.is_dir():
            here = here.parent
        for folder in (here, *here.parents):
            if folder in tried:
                break
            tried.add(folder)
            own = folder / CONFIG_NAME
            if own.is_file():
                return own
            pyproject = folder / "pyproject.toml"
            if pyproject.is_file() and "kzuz_claims" in _read_toml(pyproject).get("tool", {}):
                return pyproject
    return None


def load_config(
    start: Path | Sequence[Path] | None = None, *, explicit: Path | None = None
) -> Config:
    """Read the configuration for a run over `start` (paths; the cwd by default).

    `explicit` names a file to read instead of searching; it must exist. A file named
    `pyproject.toml` is read from its `[tool.kzuz_claims]` table, any other file from
    its top level. No file found gives the defaults.
    """
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("--config", str(explicit), "file does not exist")
        return _from_file(explicit)
    starts = [start] if isinstance(start, Path) else list(start or ())
    found = find_config(starts)
    return _from_file(found) if found is not None else Config()


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("file", str(path), f"cannot be read as TOML: {exc}") from exc


def _from_file(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("kzuz_claims", {})
        if not isinstance(table, dict):
            raise ConfigError("tool.kzuz_claims", table, "must be a table", source=str(path))
        data = table
    return config_from_mapping(data, source=str(path))


def config_from_mapping(data: dict[str, Any], *, source: str | None = None) -> Config:
    """Validate a mapping (as found in a TOML table) into a Config."""
    if "source" in data:
        raise ConfigError("source", data["source"], _unknown_key("source"), source=source)
    try:
        return Config.model_validate({**data, "source": source})
    except ValidationError as exc:
        raise _config_error(exc, source) from exc


def _config_error(exc: ValidationError, source: str | None) -> ConfigError:
    err = exc.errors()[0]
    loc = [str(p) for p in err["loc"]]
    key = ".".join(loc) or "config"
    if err["type"] == "extra_forbidden":
        return ConfigError(key, err.get("input"), _unknown_key(*loc), source=source)
    reason = err["msg"].removeprefix("Value error, ")
    return ConfigError(key, err.get("input"), reason, source=source)


def _unknown_key(*loc: str) -> str:
    model: type[FrozenModel] = Config
    for part in loc[:-1]:
        field = model.model_fields.get(part)
        annotation = field.annotation if field is not None else None
        if isinstance(annotation, type) and issubclass(annotation, FrozenModel):
            model = annotation
    known = [k for k in model.model_fields if k != "source"]
    close = difflib.get_close_matches(loc[-1], known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown key; {hint}known keys here: {', '.join(known)}"
