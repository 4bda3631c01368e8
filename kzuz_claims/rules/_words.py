"""The word tables of the rules, read from `words.toml`.

Number words for target horizons, country words that tie an office to a country,
single-holder office titles and the modifiers that change an office, and the phrases
the value rules read in a sentence (records, "latest", conversions, parts, events). The grammar is
documented at the top of the data file; `words()` validates it once and caches it.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Final

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kzuz_claims.errors import LexiconError

_PATH: Final = "kzuz_claims/rules/words.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OfficeEntry(_Strict):
    """One single-holder office: its label in messages and the titles that write it."""

    label: str
    titles: tuple[str, ...]

    @field_validator("titles")
    @classmethod
    def _some(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not v or any(not t.strip() for t in v):
            raise ValueError("an office needs at least one non-empty title")
        return v


class Modifiers(_Strict):
    """Words before a title: another office, not the current holder, or nothing new."""

    other_office: tuple[str, ...]
    not_current: tuple[str, ...]
    current: tuple[str, ...]

    @field_validator("other_office", "not_current", "current")
    @classmethod
    def _lower(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for word in v:
            if word != word.lower() or not word.strip():
                raise ValueError(f"modifier {word!r} must be a non-empty lower-case word")
        return v


class CountryEntry(_Strict):
    """The words of one country: names ("Kazakhstan") and adjectives ("Kazakh")."""

    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()


class Prepositions(_Strict):
    """Words after which a country name is a place, not an office's country."""

    place: tuple[str, ...]


class Cues(_Strict):
    """Phrases the value rules read in a claim's sentence (see the `[cues]` comment)."""

    record_high: tuple[str, ...]
    record_low: tuple[str, ...]
    record_negators: tuple[str, ...]
    current: tuple[str, ...]
    latest_period: tuple[str, ...]
    conversion: tuple[str, ...]
    part: tuple[str, ...]
    event: tuple[str, ...]
    status: dict[str, str]

    @field_validator(
        "record_high",
        "record_low",
        "record_negators",
        "current",
        "latest_period",
        "conversion",
        "part",
        "event",
    )
    @classmethod
    def _phrases(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for phrase in v:
            if phrase != phrase.lower() or not phrase.strip():
                raise ValueError(f"phrase {phrase!r} must be non-empty and lower case")
        return v


class Words(_Strict):
    """The whole file, validated."""

    numbers: dict[str, int]
    countries: dict[str, CountryEntry]
    offices: dict[str, OfficeEntry]
    modifiers: Modifiers
    prepositions: Prepositions
    cues: Cues

    @field_validator("countries")
    @classmethod
    def _codes(cls, v: dict[str, CountryEntry]) -> dict[str, CountryEntry]:
        for code, entry in v.items():
            if not re.fullmatch(r"[A-Z]{2}", code):
                raise ValueError(f"country key {code!r} is not a two-letter ISO code")
            if not entry.names:
                raise ValueError(f"country {code} has no names")
        return v

    @field_validator("numbers")
    @classmethod
    def _positive(cls, v: dict[str, int]) -> dict[str, int]:
        for word, n in v.items():
            if n <= 0 or word != word.lower():
                raise ValueError(f"number word {word!r} = {n}: lower case and above zero")
        return v

    def title_office(self, title: str) -> str | None:
        """The office key a title names (case-insensitive), or None."""
        folded = " ".join(title.split()).casefold()
        for key, entry in self.offices.items():
            if any(folded == t.casefold() for t in entry.titles):
                return key
        return None

    def country_of(self, word: str) -> tuple[str, bool] | None:
        """(ISO code, whether it is a name) of a country word ("Kazakh", "Uzbekistan's")."""
        bare = re.sub(r"['\u2019]s$", "", word)
        for code, entry in self.countries.items():
            if bare in entry.names:
                return code, True
            if bare in entry.adjectives:
                return code, False
        return None


@cache
def words() -> Words:
    """The validated word tables (read once)."""
    text = (resources.files("kzuz_claims.rules") / "words.toml").read_text("utf-8")
    try:
        return Words.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(_PATH, f"not valid TOML: {exc}") from exc
    except ValidationError as exc:
        raise LexiconError(_PATH, str(exc)) from exc
