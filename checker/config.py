"""Settings: one frozen dataclass, built from defaults, config files and flags.

Config lives where Python projects already keep tool settings: a `[statlint]`
section in setup.cfg or a `[tool.statlint]` table in pyproject.toml, found by
walking up from the working directory (the first directory holding either
wins; setup.cfg is looked at before pyproject.toml). Command-line flags
override single keys. Every value, from a file or a flag, goes through the
same validation, and anything statlint cannot use raises ConfigError naming
the file and key: a typo in `fail-on` silently ignored would let a CI check
pass that should fail.
"""
from __future__ import annotations

import configparser
import os
import tomllib
from dataclasses import dataclass
from typing import Any, Mapping

import regex

from checker.model import Severity


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ()  # code prefixes or symbols; empty = all
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    min_confidence: float = 0.0
    fail_on: Severity = Severity.INFO
    quotes: str = "keep"  # "keep" or "drop" findings inside direct quotations

    def wants(self, code: str, name: str) -> bool:
        """Whether a rule is enabled by select/ignore (prefix of code, or exact name)."""

        def hit(items: tuple[str, ...]) -> bool:
            return any(code.startswith(i.upper()) or name == i.lower() for i in items)

        if self.select and not hit(self.select):
            return False
        return not hit(self.ignore)


class ConfigError(Exception):
    """A config file or flag value that cannot be used; the CLI exits 2 with it."""


KEYS = ("select", "ignore", "min-severity", "min-confidence", "fail-on", "quotes")
SECTION = "statlint"  # [statlint] in setup.cfg, [tool.statlint] in pyproject.toml
COMMAND_LINE = "command line"

# A selector is a code prefix ("G", "G1", "G101") or a rule name ("growth-rate-mismatch").
_SELECTOR = regex.compile(r"[A-Za-z][A-Za-z0-9-]*+")
_SPLIT = regex.compile(r"[\s,]++")


def load_settings(
    start_dir: str = ".",
    config_file: str | None = None,
    no_config: bool = False,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Defaults, then the config file (explicit or discovered), then overrides.

    `overrides` uses the config keys (`min-severity` or `min_severity`);
    None values mean "not given" and are skipped.
    """
    values: dict[str, Any] = {}
    if not no_config:
        found = read_config_file(config_file) if config_file else find_config(start_dir)
        if found is not None:
            path, raw = found
            values.update(_parse(raw, path))
    if overrides:
        values.update(_parse({k: v for k, v in overrides.items() if v is not None}, COMMAND_LINE))
    return Settings(**values)


def find_config(start_dir: str) -> tuple[str, Mapping[str, Any]] | None:
    """The first statlint config from start_dir upwards: (file, raw key/values)."""
    directory = os.path.abspath(start_dir)
    while True:
        for name in ("setup.cfg", "pyproject.toml"):
            path = os.path.join(directory, name)
            if os.path.isfile(path):
                raw = _read(path, required=False)
                if raw is not None:
                    return path, raw
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def read_config_file(path: str) -> tuple[str, Mapping[str, Any]]:
    """An explicitly named config file: it must exist and hold a statlint section."""
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: config file not found")
    raw = _read(path, required=True)
    assert raw is not None
    return path, raw


def _read(path: str, required: bool) -> Mapping[str, Any] | None:
    if path.endswith(".toml"):
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config: {exc}") from None
        table = data.get("tool", {}).get(SECTION) if isinstance(data.get("tool"), dict) else None
        if table is None:
            if required:
                raise ConfigError(f"{path}: no [tool.{SECTION}] table")
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.{SECTION}] must be a table")
        return table
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        with open(path, encoding="utf-8") as fh:
            parser.read_file(fh)
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    if not parser.has_section(SECTION):
        if required:
            raise ConfigError(f"{path}: no [{SECTION}] section")
        return None
    return dict(parser.items(SECTION))


def _parse(raw: Mapping[str, Any], source: str) -> dict[str, Any]:
    """Validate raw key/values into Settings field values."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        norm = str(key).strip().lower().replace("_", "-")
        where = f"{source}: {key}" if source == COMMAND_LINE else f"{source}: key {key!r}"
        if norm not in KEYS:
            raise ConfigError(f"{where}: unknown key (known keys: {', '.join(KEYS)})")
        try:
            out[norm.replace("-", "_")] = _PARSERS[norm](value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return out


def _selectors(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        items = [value]
    elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        raise TypeError(f"expected a comma-separated string or a list of strings, got {value!r}")
    out = []
    for item in items:
        for part in _SPLIT.split(item.strip()):
            if not part:
                continue
            if not _SELECTOR.fullmatch(part):
                raise ValueError(f"{part!r} is neither a rule code prefix (e.g. G1) nor a rule name")
            out.append(part)
    return tuple(out)


def _severity(value: Any) -> Severity:
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected info, warning or error, got {value!r}")
    return Severity.parse(value)


def _confidence(value: Any) -> float:
    if isinstance(value, bool):
        raise TypeError(f"expected a number between 0 and 1, got {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"expected a number between 0 and 1, got {value!r}") from None
    if not 0.0 <= number <= 1.0:  # also rejects nan
        raise ValueError(f"expected a number between 0 and 1, got {value!r}")
    return number


def _quotes(value: Any) -> str:
    if not isinstance(value, str) or value.strip().lower() not in ("keep", "drop"):
        raise ValueError(f"expected keep or drop, got {value!r}")
    return value.strip().lower()


_PARSERS = {
    "select": _selectors,
    "ignore": _selectors,
    "min-severity": _severity,
    "min-confidence": _confidence,
    "fail-on": _severity,
    "quotes": _quotes,
}
