"""The metric lexicon and phrase tables: data files validated on load.

The files live in `kzuz_claims/data/` with their grammar documented at the top.
Users extend the metric lexicon with their own TOML file of `[[metric]]` tables
(`load_lexicon(extra=[path])`); an entry whose key already exists replaces it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kzuz_claims.errors import LexiconError
from kzuz_claims.model import MetricKind, Modality, Qualifier

UnitClass = Literal[
    "money",
    "count",
    "percent",
    "times",
    "rank",
    "length",
    "mass",
    "area",
    "volume",
    "duration",
    "rate",
    "speed",
    "temperature",
    "power",
    "energy",
    "data",
    "frequency",
    "any",
]


def _compile(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, re.IGNORECASE))
        except re.error as exc:
            raise ValueError(f"bad regular expression {p!r}: {exc}") from exc
    return tuple(out)


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


class MetricEntry(_Strict):
    """One `[[metric]]` table of the metric lexicon."""

    key: str
    kind: MetricKind
    unit: UnitClass
    cues: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    """For counts: regular expressions none of which may match in the clause around the
    figure ("currently" makes registered joint ventures a standing count, not new ones)."""
    flow: Literal["exports", "imports", "capital"] | None = None
    entities: tuple[str, ...] = ()
    target: str | None = None
    value: str | None = None
    third: str | None = None
    scoped: bool = False
    scopes: tuple[str, ...] = ()
    """The `[scope]` entries this metric takes; empty: all of them."""
    default_scope: str | None = None
    modality: Modality | None = None
    priority: int = 0
    in_scope: bool = True
    national: bool = False
    """A total for the whole pair; the same figure for one region is `regional:<key>`."""
    per: Literal["yr", "day"] | None = None
    """The rate a physical amount of this metric is stated in when the text names none:
    gas flows are counted by the year, so "5.5 bcm this year" is 5.5e9 m3/yr."""

    cue_res: tuple[re.Pattern[str], ...] = Field(default=(), exclude=True)
    context_res: tuple[re.Pattern[str], ...] = Field(default=(), exclude=True)
    unless_res: tuple[re.Pattern[str], ...] = Field(default=(), exclude=True)

    @field_validator("key")
    @classmethod
    def _key_shape(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]*(?:\{src\}|\{dst\}|[a-z0-9_])*", v):
            raise ValueError(f"metric key {v!r} must be lower_snake_case ({{src}}/{{dst}} allowed)")
        return v

    def compiled(self) -> MetricEntry:
        return self.model_copy(
            update={
                "cue_res": _compile(self.cues),
                "context_res": _compile(self.context),
                "unless_res": _compile(self.unless),
            }
        )


class CurrencyEntry(_Strict):
    symbols: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    scaled: tuple[str, ...] = ()
    """Words that name the currency only after a scale word ("5 billion won")."""


class UnitEntry(_Strict):
    """A physical unit: `words` written after a figure; `factor` converts to `canonical`."""

    class_: UnitClass = Field(alias="class")
    words: tuple[str, ...]
    case: bool = False
    canonical: str | None = None
    factor: Decimal = Decimal(1)


class Phrases(_Strict):
    """The phrase tables of `phrases.toml`."""

    glued_only: tuple[str, ...] = ()
    scales: dict[str, int]
    currencies: dict[str, CurrencyEntry]
    numbers: dict[str, Decimal]
    qualifiers: dict[Qualifier, tuple[str, ...]]
    modality: dict[Modality, tuple[str, ...]]
    scope: dict[str, tuple[str, ...]]
    countries: dict[str, tuple[str, ...]]
    pair: dict[str, tuple[str, ...]]
    offices: dict[str, tuple[str, ...]]
    units: dict[str, UnitEntry] = {}
    rates: dict[str, tuple[str, ...]] = {}
    noise: dict[str, tuple[str, ...]] = {}
    products: dict[str, tuple[str, ...]] = {}
    regions: dict[str, tuple[str, ...]] = {}
    amounts: dict[str, tuple[str, ...]] = {}

    modality_res: dict[Modality, tuple[re.Pattern[str], ...]] = Field(default={}, exclude=True)
    scope_res: dict[str, tuple[re.Pattern[str], ...]] = Field(default={}, exclude=True)

    def compiled(self) -> Phrases:
        return self.model_copy(
            update={
                "modality_res": {m: _compile(p) for m, p in self.modality.items()},
                "scope_res": {s: _compile(p) for s, p in self.scope.items()},
            }
        )


class Lexicon(_Strict):
    """All metric entries, in file order, plus the phrase tables."""

    metrics: tuple[MetricEntry, ...]
    phrases: Phrases

    # compiled tables are cached per lexicon object, so identity is the right key; the
    # object hash gives it without a Python call, and caches hash a lexicon on every call
    __hash__ = object.__hash__

    def entry(self, key: str) -> MetricEntry | None:
        """The entry of a metric key; a directed key ("exports_kz_to_uz") finds the
        entry whose key holds {src} and {dst}."""
        return _entry(self, key)


@lru_cache(maxsize=1024)
def _entry(lexicon: Lexicon, key: str) -> MetricEntry | None:
    """`Lexicon.entry`, looked up once per lexicon and key: claims ask for it often."""
    for m in lexicon.metrics:
        if m.key == key:
            return m
    for m in lexicon.metrics:
        if "{" in m.key and _template(m.key).fullmatch(key):
            return m
    return None


@lru_cache(maxsize=64)
def _template(key: str) -> re.Pattern[str]:
    """A directed metric key as a pattern: {src} and {dst} stand for country codes."""
    parts = re.split(r"\{(?:src|dst)\}", key)
    return re.compile("[a-z]{2}".join(re.escape(p) for p in parts))


def _read(path: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(path, f"not valid TOML: {exc}") from exc


def _metrics_from(path: str, data: dict[str, Any]) -> list[MetricEntry]:
    rows = data.get("metric", [])
    if not isinstance(rows, list):
        raise LexiconError(path, "expected [[metric]] tables")
    out = []
    for n, row in enumerate(rows, 1):
        try:
            out.append(MetricEntry.model_validate(row).compiled())
        except (ValidationError, ValueError) as exc:
            raise LexiconError(path, f"metric #{n} ({row.get('key', '?')}): {exc}") from exc
    return out


@cache
def _builtin() -> Lexicon:
    data_dir = resources.files("kzuz_claims") / "data"
    mpath, ppath = "kzuz_claims/data/metrics.toml", "kzuz_claims/data/phrases.toml"
    metrics = _metrics_from(mpath, _read(mpath, (data_dir / "metrics.toml").read_text("utf-8")))
    try:
        phrases = Phrases.model_validate(
            _read(ppath, (data_dir / "phrases.toml").read_text("utf-8"))
        ).compiled()
    except (ValidationError, ValueError) as exc:
        raise LexiconError(ppath, str(exc)) from exc
    return Lexicon(metrics=tuple(metrics), phrases=phrases)


def load_lexicon(extra: Sequence[Path] = ()) -> Lexicon:
    """The built-in lexicon, extended (or overridden key by key) by user files."""
    base = _builtin()
    if not extra:
        return base
    metrics = list(base.metrics)
    for path in extra:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(str(path), f"cannot be read: {exc}") from exc
        for entry in _metrics_from(str(path), _read(str(path), text)):
            metrics = [m for m in metrics if m.key != entry.key or m.flow != entry.flow]
            metrics.insert(0, entry)
    return Lexicon(metrics=tuple(metrics), phrases=base.phrases)


def metric_keys(lexicon: Lexicon | None = None) -> list[str]:
    """Every metric key the lexicon can produce, with directed keys expanded for KZ/UZ."""
    lex = lexicon or _builtin()
    keys: set[str] = set()
    for m in lex.metrics:
        if "{src}" in m.key:
            keys.add(m.key.format(src="kz", dst="uz"))
            keys.add(m.key.format(src="uz", dst="kz"))
        else:
            keys.add(m.key)
    return sorted(keys)
