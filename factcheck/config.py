"""Project configuration: ``[tool.factcheck]`` in pyproject.toml, or factcheck.toml /
.factcheck.toml, found by walking up from the checked file (the nearest one wins).

```toml
[tool.factcheck]
select = ["FC1"]                 # rule codes or prefixes; default: all
ignore = ["FC104"]
fail-level = "warning"           # lowest severity that makes the run fail: error|warning|info
rule-packs = ["newsroom-rules"]  # extra rule pack files or folders, relative to this file
include = ["*.md", "*.txt"]      # what a folder walk picks up
exclude = ["archive"]            # never checked, even when named (pre-commit passes names)

[tool.factcheck.severity]        # severity overrides
FC104 = "error"

[tool.factcheck.per-file-ignores]
"wire/**" = ["FC103"]

[tool.factcheck.date]            # where the publication date comes from, first match wins
from = ["front-matter", "record", "mtime", "today"]
front-matter-key = "date"

[tool.factcheck.jsonl]
text-field = "text"
id-field = "id"
date-field = "date"
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .findings import SEVERITIES

CONFIG_NAMES = (".factcheck.toml", "factcheck.toml", "pyproject.toml")
DATE_SOURCES = ("front-matter", "record", "mtime", "today")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.jsonl")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    source: str | None = None  # "path [tool.factcheck]", or None for the built-in defaults
    root: Path = field(default_factory=Path.cwd)  # relative paths and globs start here
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_level: str = "info"
    rule_packs: tuple[Path, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    date_from: tuple[str, ...] = ("front-matter", "record", "today")
    front_matter_key: str = "date"
    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"

    def to_json(self) -> dict[str, Any]:
        return {
            "config-file": self.source,
            "select": list(self.select) if self.select is not None else ["ALL"],
            "ignore": list(self.ignore),
            "fail-level": self.fail_level,
            "rule-packs": [str(p) for p in self.rule_packs],
            "include": list(self.include),
            "exclude": list(self.exclude),
            "severity": dict(self.severity),
            "per-file-ignores": {k: list(v) for k, v in self.per_file_ignores},
            "date": {"from": list(self.date_from), "front-matter-key": self.front_matter_key},
            "jsonl": {
                "text-field": self.text_field,
                "id-field": self.id_field,
                "date-field": self.date_field,
            },
        }


def _codes(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of rule codes")
    return tuple(v.strip().upper() for v in value if v.strip())


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: expected a string")
    return value


def _severity(value: Any, where: str) -> str:
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: expected one of {', '.join(SEVERITIES)}, got {value!r}")
    return str(value)


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table")
    return value


def _check_keys(table: dict[str, Any], known: set[str], where: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key '{unknown[0]}' (known: {', '.join(sorted(known))})"
        )


_TOP = {
    "select", "ignore", "fail-level", "rule-packs", "include", "exclude", "severity",
    "per-file-ignores", "date", "jsonl",
}  # fmt: skip


def parse_config(data: dict[str, Any], source: str, root: Path) -> Config:
    """A Config from the table of one file; ``source`` names it in error messages."""
    _check_keys(data, _TOP, source)
    kw: dict[str, Any] = {"source": source, "root": root}
    if "select" in data:
        kw["select"] = _codes(data["select"], f"{source}: select")
    if "ignore" in data:
        kw["ignore"] = _codes(data["ignore"], f"{source}: ignore")
    if "fail-level" in data:
        kw["fail_level"] = _severity(data["fail-level"], f"{source}: fail-level")
    if "rule-packs" in data:
        packs = _strings(data["rule-packs"], f"{source}: rule-packs")
        kw["rule_packs"] = tuple((root / p).resolve() for p in packs)
        for p in kw["rule_packs"]:
            if not p.exists():
                raise ConfigError(f"{source}: rule-packs: {p}: no such file or folder")
    if "include" in data:
        kw["include"] = _strings(data["include"], f"{source}: include")
    if "exclude" in data:
        kw["exclude"] = _strings(data["exclude"], f"{source}: exclude")
    if "severity" in data:
        table = _table(data["severity"], f"{source}: severity")
        kw["severity"] = tuple(
            (code.upper(), _severity(v, f"{source}: severity.{code}")) for code, v in table.items()
        )
    if "per-file-ignores" in data:
        table = _table(data["per-file-ignores"], f"{source}: per-file-ignores")
        kw["per_file_ignores"] = tuple(
            (pat, _codes(v, f"{source}: per-file-ignores.{pat!r}")) for pat, v in table.items()
        )
    if "date" in data:
        table = _table(data["date"], f"{source}: date")
        _check_keys(table, {"from", "front-matter-key"}, f"{source}: date")
        if "from" in table:
            sources = _strings(table["from"], f"{source}: date.from")
            for s in sources:
                if s not in DATE_SOURCES:
                    raise ConfigError(
                        f"{source}: date.from: unknown source {s!r} "
                        f"(known: {', '.join(DATE_SOURCES)})"
                    )
            kw["date_from"] = sources
        if "front-matter-key" in table:
            kw["front_matter_key"] = _string(table["front-matter-key"], f"{source}: date")
    if "jsonl" in data:
        table = _table(data["jsonl"], f"{source}: jsonl")
        _check_keys(table, {"text-field", "id-field", "date-field"}, f"{source}: jsonl")
        for key in ("text-field", "id-field", "date-field"):
            if key in table:
                kw[key.replace("-", "_")] = _string(table[key], f"{source}: jsonl.{key}")
    return Config(**kw)


def load_config_file(path: Path) -> Config | None:
    """The Config of one file; None for a pyproject.toml without [tool.factcheck]."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "factcheck" not in tool:
            return None
        return parse_config(
            _table(tool["factcheck"], f"{path} [tool.factcheck]"),
            f"{path} [tool.factcheck]",
            path.parent.resolve(),
        )
    return parse_config(data, str(path), path.parent.resolve())


@cache
def config_for_dir(directory: Path) -> Config:
    """The nearest configuration at or above ``directory``; the defaults when there is none."""
    for d in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                found = load_config_file(candidate)
                if found is not None:
                    return found
    return Config(root=Path.cwd())


def config_for(path: str | Path) -> Config:
    """The configuration that governs a file (or a folder), found by walking up from it."""
    p = Path(path).resolve()
    return config_for_dir(p if p.is_dir() else p.parent)
