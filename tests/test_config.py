"""Configuration: both file kinds, discovery, every key, and errors naming file and key."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kzuz_claims.config import Config, config_from_mapping, find_config, load_config
from kzuz_claims.errors import ConfigError
from kzuz_claims.model import Severity

FULL = """
select = ["KZC0", "KZC01"]
ignore = ["KZC007"]
as_of_window_days = 60
baseline = "ci/kzuz_claims.baseline.json"

[severity]
KZC001 = "error"
KZC007 = "warning"

[tolerances]
approx = 0.05
almost = 0.02

[thresholds]
warning = 0.02
error = 0.2
"""


def _check_full(config: Config, path: Path) -> None:
    assert config.select == ("KZC0", "KZC01")
    assert config.ignore == ("KZC007",)
    assert config.as_of_window_days == 60
    assert config.severity == {"KZC001": Severity.ERROR, "KZC007": Severity.WARNING}
    assert config.tolerances.approx == Decimal("0.05")
    assert config.tolerances.almost == Decimal("0.02")
    assert (config.thresholds.warning, config.thresholds.error) == (Decimal("0.02"), Decimal("0.2"))
    assert config.source == str(path)
    assert config.resolve(config.baseline or "") == path.parent / "ci/kzuz_claims.baseline.json"


def test_kzuz_claims_toml_is_read_from_its_top_level(tmp_path: Path) -> None:
    path = tmp_path / "kzuz_claims.toml"
    path.write_text(FULL, encoding="utf-8")
    _check_full(load_config(tmp_path), path)


def test_pyproject_is_read_from_its_tool_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    table = FULL.replace("[severity]", "[tool.kzuz_claims.severity]")
    for key in ("tolerances", "thresholds"):
        table = table.replace(f"[{key}]", f"[tool.kzuz_claims.{key}]")
    path.write_text('[project]\nname = "x"\n\n[tool.kzuz_claims]\n' + table, encoding="utf-8")
    _check_full(load_config(tmp_path), path)


def test_discovery_walks_up_from_the_checked_path_and_prefers_kzuz_claims_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    article = deep / "story.txt"
    article.write_text("text", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.kzuz_claims]\n", encoding="utf-8")
    assert find_config([article]) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config([deep]) == tmp_path / "pyproject.toml"  # no tool table: not ours
    (tmp_path / "kzuz_claims.toml").write_text("", encoding="utf-8")
    assert find_config([deep]) == tmp_path / "kzuz_claims.toml"
    elsewhere = tmp_path.parent / f"{tmp_path.name}-cwd"
    elsewhere.mkdir()
    (elsewhere / "kzuz_claims.toml").write_text("as_of_window_days = 5\n", encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    assert load_config().as_of_window_days == 5
    assert load_config([article]).source == str(tmp_path / "kzuz_claims.toml")


def test_no_file_gives_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_config([tmp_path]) == Config()


def test_explicit_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file does not exist"):
        load_config(explicit=tmp_path / "nope.toml")
    other = tmp_path / "team.toml"
    other.write_text("ignore = ['KZC006']\n", encoding="utf-8")
    assert load_config(explicit=other).ignore == ("KZC006",)


@pytest.mark.parametrize(
    ("toml", "key", "reason"),
    [
        ("selct = ['KZC001']", "selct", "unknown key; did you mean 'select'?"),
        ("source = 'x'", "source", "unknown key"),
        ("[tolerances]\naprox = 0.2", "tolerances.aprox", "did you mean 'approx'?"),
        ("[thresholds]\nwarn = 0.2", "thresholds.warn", "did you mean 'warning'?"),
        ("[tolerances]\napprox = 1.5", "tolerances.approx", "must be a fraction"),
        ("[thresholds]\nwarning = 0.5\nerror = 0.1", "thresholds", "must not be above error"),
        ("as_of_window_days = '30'", "as_of_window_days", "valid integer"),
        ("as_of_window_days = -1", "as_of_window_days", "greater than or equal to 0"),
        ("select = ['kzc001']", "select", "not a rule id or id prefix"),
        ("select = 'KZC001'", "select", "valid tuple"),
        ("[severity]\nKZC001 = 'fatal'", "severity.KZC001", "'info', 'warning' or 'error'"),
        ("[severity]\nKZC = 'info'", "severity", "is not a rule id"),
        ("baseline = 3", "baseline", "valid string"),
        ("[stocks]\ncumulative = ['']", "stocks.cumulative", "not a lower-case metric key"),
        ("[stocks]\ncumulative = ['Enterprises']", "stocks.cumulative", "metric key"),
        ("office_window_days = -3", "office_window_days", "greater than or equal to 0"),
        ("select = [", "file", "cannot be read as TOML"),
    ],
)
def test_bad_values_raise_naming_the_file_and_the_key(
    tmp_path: Path, toml: str, key: str, reason: str
) -> None:
    path = tmp_path / "kzuz_claims.toml"
    path.write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    message = str(info.value)
    assert info.value.key == key
    assert str(path) in message and reason in message, message


def test_a_pyproject_tool_entry_that_is_not_a_table_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool]\nkzuz_claims = "on"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="must be a table"):
        load_config(tmp_path)


@pytest.mark.parametrize(
    ("select", "ignore", "on"),
    [
        ((), (), {"KZC001", "KZC010", "KZC012", "TST001"}),
        (("KZC01",), (), {"KZC010", "KZC012"}),
        (("KZC01",), ("KZC012",), {"KZC010"}),
        (("KZC012",), ("KZC01",), {"KZC012"}),
        ((), ("KZC",), {"TST001"}),
        (("KZC001",), ("KZC001",), set()),
    ],
)
def test_selection_by_prefix_most_specific_wins(
    select: tuple[str, ...], ignore: tuple[str, ...], on: set[str]
) -> None:
    config = Config(select=select, ignore=ignore)
    ids = {"KZC001", "KZC010", "KZC012", "TST001"}
    assert {i for i in ids if config.rule_enabled(i)} == on


def test_command_line_overrides_replace_select_and_add_to_ignore() -> None:
    config = config_from_mapping({"select": ["KZC0"], "ignore": ["KZC007"]}, source="f.toml")
    both = config.with_overrides(select=["KZC001"], ignore=["KZC006"])
    assert both.select == ("KZC001",) and both.ignore == ("KZC006", "KZC007")
    assert config.with_overrides(ignore=["KZC006"]).select == ("KZC0",)
    with pytest.raises(ConfigError, match="on the command line"):
        config.with_overrides(select=["bad id"])


def test_rule_ids_are_checked_against_the_registered_rules() -> None:
    known = ["KZC001", "KZC002", "KZC010"]
    Config(select=("KZC0",), ignore=("KZC010",)).check_rule_ids(known)
    for bad in (Config(select=("KZC02",)), Config(ignore=("KZC003",))):
        with pytest.raises(ConfigError, match="matches no registered rule"):
            bad.check_rule_ids(known)
    with pytest.raises(ConfigError, match="did you mean 'KZC010'"):
        Config.model_validate({"severity": {"KZC011": "info"}}).check_rule_ids(known)
