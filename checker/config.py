"""Settings: one frozen dataclass, built from defaults, config files and flags.

Config lives where projects already keep tool settings: `.statlint.toml`
(top-level keys), a `[statlint]` section in setup.cfg or a `[tool.statlint]`
table in pyproject.toml. It is found by walking up from the checked file's
folder (the first directory holding any of them wins; they are looked at in
that order), so an article repository can keep different settings per
desk. Command-line flags override single keys. Every value, from a file or a
flag, goes through the same validation, and anything statlint cannot use
raises ConfigError naming the file, line and key: a typo in `fail-on`
silently ignored would let a CI check pass that should fail.

Path patterns (`per-file-ignores`, `extend-exclude`) are globs relative to
the directory of the config file that sets them, like ruff's: the same
config gives the same answer whichever directory statlint runs from.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
from typing import Any, Mapping

import regex

from statlint.checker.model import Severity
from statlint.checker.selectors import matches, parse_selectors


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ()  # code prefixes or symbols; empty = all
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    min_confidence: float | None = None  # None: the confidence model's default cut (confidence_cut)
    fail_on: Severity = Severity.INFO
    quotes: str = "keep"  # "keep" or "drop" findings inside direct quotations
    sort: str = "position"  # findings of a file in text order, or "confidence": the surest first
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors)
    extend_exclude: tuple[str, ...] = ()  # globs of files and folders not to check
    root: str = field(default="", compare=False)  # folder the globs are relative to

    def __post_init__(self) -> None:
        """Normalise every field the way a config file's value is read, or raise ValueError naming it.

        So the library takes what the command line takes (`Settings(min_severity="error")`,
        `Settings(select="P102")`) and an unknown rule is an error, never an empty selection.
        """
        for name, parse in _FIELD_PARSERS:
            value = getattr(self, name)
            try:
                object.__setattr__(self, name, parse(value))
            except (TypeError, ValueError) as exc:
                raise ValueError(f"Settings({name}={value!r}): {exc}") from None

    def confidence_cut(self, rule: str) -> float:
        """The lowest confidence shown for a finding of `rule`: min_confidence, or the default cut measured
        with the confidence model (checker.confidence.cut_for)."""
        from statlint.checker.confidence import cut_for

        return cut_for(rule, self.min_confidence)

    def wants(self, code: str, name: str) -> bool:
        """Whether a rule is enabled by select/ignore (prefix of code, or exact name)."""
        if self.select and not matches(self.select, code, name):
            return False
        return not matches(self.ignore, code, name)

    def for_path(self, path: str) -> "Settings":
        """These settings with the per-file-ignores that match `path` added to `ignore`."""
        extra = tuple(s for pattern, sels in self.per_file_ignores if self._match(pattern, path) for s in sels)
        return replace(self, ignore=self.ignore + extra) if extra else self

    def excludes(self, path: str) -> bool:
        """Whether `path` (or a folder it is in) matches an extend-exclude glob."""
        return any(self._match(pattern, path) for pattern in self.extend_exclude)

    def _match(self, pattern: str, path: str) -> bool:
        # A glob matches the path relative to root, any folder on the way, or (without a "/") the name.
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root or "."))
        parts = rel.replace(os.sep, "/").split("/")
        pattern = pattern.strip("/")
        if "/" not in pattern and any(fnmatch.fnmatchcase(p, pattern) for p in parts):
            return True
        return any(fnmatch.fnmatchcase("/".join(parts[:i]), pattern) for i in range(1, len(parts) + 1))


class ConfigError(Exception):
    """A config file or flag value that cannot be used; the CLI exits 2 with it."""


KEYS = ("select", "ignore", "per-file-ignores", "extend-exclude", "min-severity", "min-confidence",
        "fail-on", "quotes", "sort")
SECTION = "statlint"  # [statlint] in setup.cfg, [tool.statlint] in pyproject.toml
CONFIG_NAMES = (".statlint.toml", "setup.cfg", "pyproject.toml")  # looked at in this order
COMMAND_LINE = "command line"



def load_settings(
    start_dir: str = ".",
    config_file: str | None = None,
    no_config: bool = False,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Defaults, then the config file (explicit or discovered), then overrides.

    `overrides` uses the config keys (`min-severity` or `min_severity`);
    None values mean "not given" and are skipped. Without a config file,
    globs are relative to the working directory.
    """
    values: dict[str, Any] = {"root": os.getcwd()}
    if not no_config:
        found = read_config_file(config_file) if config_file else find_config(start_dir)
        if found is not None:
            path, raw = found
            values.update(_parse(raw, path))
            values["root"] = os.path.dirname(os.path.abspath(path))
    if overrides:
        values.update(_parse({k: v for k, v in overrides.items() if v is not None}, COMMAND_LINE))
    return Settings(**values)


class Resolver:
    """Settings for each checked file, from the config nearest to its folder.

    One lookup per folder, not per file: an archive of 100,000 articles in a
    few hundred folders reads each config once. An explicit `--config` or
    `--no-config` gives every file the same settings.
    """

    def __init__(self, config_file: str | None = None, no_config: bool = False,
                 overrides: Mapping[str, Any] | None = None):
        self._fixed = None
        self._overrides = overrides
        self._by_dir: dict[str, Settings] = {}
        if config_file or no_config:
            self._fixed = load_settings(".", config_file=config_file, no_config=no_config, overrides=overrides)

    def for_file(self, path: str | None) -> Settings:
        """Settings for a file (None: standard input, which uses the working directory's config)."""
        if self._fixed is not None:
            base = self._fixed
        else:
            folder = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
            if folder not in self._by_dir:
                self._by_dir[folder] = load_settings(folder, overrides=self._overrides)
            base = self._by_dir[folder]
        return base.for_path(path) if path else base


def find_config(start_dir: str) -> tuple[str, Mapping[str, Any]] | None:
    """The first statlint config from start_dir upwards: (file, raw key/values)."""
    directory = os.path.abspath(start_dir)
    while True:
        for name in CONFIG_NAMES:
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
    # imported here, not at import: most checks find no config file, and a cold start pays every import
    if path.endswith(".toml"):
        import tomllib

        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config: {exc}") from None
        if os.path.basename(path) == CONFIG_NAMES[0]:
            return data  # .statlint.toml: the whole file is statlint's
        table = data.get("tool", {}).get(SECTION) if isinstance(data.get("tool"), dict) else None
        if table is None:
            if required:
                raise ConfigError(f"{path}: no [tool.{SECTION}] table")
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}:{_line_of(path, SECTION) or ''}: [tool.{SECTION}] must be a table")
        return table
    import configparser

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
        if source == COMMAND_LINE:
            where = f"{source}: {key}"
        else:
            line = _line_of(source, str(key))
            where = f"{source}:{line}: key {key!r}" if line else f"{source}: key {key!r}"
        if norm not in KEYS:
            raise ConfigError(f"{where}: unknown key (known keys: {', '.join(KEYS)})")
        try:
            out[norm.replace("-", "_")] = _PARSERS[norm](value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return out


def _line_of(path: str, key: str) -> int | None:
    """The 1-based line where `key` is set in statlint's section of `path`, for error messages.

    Neither configparser nor tomllib keeps positions, so this re-reads the
    file: the first line naming the key (bare, or quoted in TOML) after the
    section header, or the header's line for a key given as a [table].
    """
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    whole_file = os.path.basename(path) == CONFIG_NAMES[0]
    header = regex.compile(r"\s*\[\s*(?:tool\s*\.\s*)?" + SECTION + r"\s*\]") if not whole_file else None
    key_re = regex.compile(r"\s*[\"']?" + regex.escape(key) + r"[\"']?\s*[=:]")
    table_re = regex.compile(r"\s*\[[^\]]*\b" + regex.escape(key) + r"[\"']?\s*\]")
    inside = whole_file
    for number, text in enumerate(lines, 1):
        if header is not None and header.match(text):
            inside = True
            if key == SECTION:
                return number
            continue
        if inside and (key_re.match(text) or table_re.match(text)):
            return number
        if inside and not whole_file and text.lstrip().startswith("[") and SECTION not in text:
            inside = False
    return None


def _per_file_ignores(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A TOML table {glob: codes}, (setup.cfg) lines of `glob: codes`, or (glob, codes) pairs."""
    if isinstance(value, dict):
        pairs = list(value.items())
    elif isinstance(value, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in value):
        pairs = [tuple(p) for p in value]
    elif isinstance(value, str):
        pairs = []
        for line in value.splitlines():
            if not line.strip():
                continue
            pattern, sep, codes = line.partition(":")
            if not sep or not pattern.strip():
                raise ValueError(f"expected lines of 'glob: codes', got {line.strip()!r}")
            pairs.append((pattern, codes))
    else:
        raise TypeError(f"expected a table of glob = codes, got {value!r}")
    out = []
    for pattern, codes in pairs:
        if not isinstance(pattern, str) or not pattern.strip():
            raise ValueError(f"empty glob in {value!r}")
        selectors = parse_selectors(codes)
        if not selectors:
            raise ValueError(f"no codes for {pattern.strip()!r}")
        out.append((pattern.strip(), selectors))
    return tuple(out)


def _globs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        items = [part for line in value.splitlines() for part in line.split(",")]
    elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        raise TypeError(f"expected a list of globs, got {value!r}")
    return tuple(item.strip() for item in items if item.strip())


def _severity(value: Any) -> Severity:
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected info, warning or error, got {value!r}")
    return Severity.parse(value)


def _confidence(value: Any) -> float | None:
    if value is None:  # the model's default cut
        return None
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


def _sort(value: Any) -> str:
    if not isinstance(value, str) or value.strip().lower() not in ("position", "confidence"):
        raise ValueError(f"expected position or confidence, got {value!r}")
    return value.strip().lower()


_PARSERS = {
    "select": parse_selectors,
    "ignore": parse_selectors,
    "per-file-ignores": _per_file_ignores,
    "extend-exclude": _globs,
    "min-severity": _severity,
    "min-confidence": _confidence,
    "fail-on": _severity,
    "quotes": _quotes,
    "sort": _sort,
}
# Settings fields and the parser each goes through (the same ones the config keys use).
_FIELD_PARSERS = tuple((key.replace("-", "_"), parse) for key, parse in _PARSERS.items())
