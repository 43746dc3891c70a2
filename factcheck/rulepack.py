"""Rule packs: YAML files in rules/ that instantiate the rule kinds with parameters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .findings import SEVERITIES
from .resources import SafeLoader, rules_dir


class RuleError(ValueError):
    """A rule pack that cannot be used; the message names the file (and line)."""


@dataclass(frozen=True)
class Example:
    text: str
    span: str | None = None
    occurrence: int = 0
    related: tuple[str, ...] = ()
    fix: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    severity: str
    message: str
    explanation: str
    params: dict[str, Any] = field(default_factory=dict)
    fire: tuple[Example, ...] = ()
    pass_: tuple[Example, ...] = ()
    source: str = ""


def _example(raw: Any, where: str) -> Example:
    if isinstance(raw, str):
        return Example(text=raw)
    if not isinstance(raw, dict) or "text" not in raw:
        raise RuleError(f"{where}: an example is a string or a mapping with 'text'")
    date = raw.get("date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    related = raw.get("related") or ()
    if isinstance(related, str):
        related = (related,)
    return Example(
        text=str(raw["text"]),
        span=raw.get("span"),
        occurrence=int(raw.get("occurrence", 0)),
        related=tuple(related),
        fix=raw.get("fix"),
        date=date,
    )


_REQUIRED = ("id", "name", "kind", "severity", "message", "explanation", "examples")


def load_pack(path: Path, known_kinds: set[str] | None = None) -> list[Rule]:
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise RuleError(
            f"{path}{line}: YAML syntax error: {getattr(exc, 'problem', exc)}"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule pack: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError(f"{path}: a rule pack is a mapping with a 'rules' list")
    rules = []
    for i, raw in enumerate(data["rules"]):
        where = f"{path}: rule #{i + 1}"
        if not isinstance(raw, dict):
            raise RuleError(f"{where}: a rule is a mapping")
        missing = [k for k in _REQUIRED if k not in raw]
        if missing:
            raise RuleError(f"{where} ({raw.get('id', '?')}): missing {', '.join(missing)}")
        where = f"{path}: {raw['id']}"
        if raw["severity"] not in SEVERITIES:
            raise RuleError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
        if known_kinds is not None and raw["kind"] not in known_kinds:
            raise RuleError(f"{where}: unknown rule kind '{raw['kind']}'")
        examples = raw["examples"] or {}
        if not isinstance(examples, dict):
            raise RuleError(f"{where}: examples is a mapping with 'fire' and 'pass' lists")
        rules.append(
            Rule(
                id=str(raw["id"]),
                name=str(raw["name"]),
                kind=str(raw["kind"]),
                severity=str(raw["severity"]),
                message=str(raw["message"]).strip(),
                explanation=str(raw["explanation"]).strip(),
                params=dict(raw.get("params") or {}),
                fire=tuple(_example(e, where) for e in examples.get("fire") or ()),
                pass_=tuple(_example(e, where) for e in examples.get("pass") or ()),
                source=str(path),
            )
        )
    return rules


def pack_paths(extra: list[Path] | None = None) -> list[Path]:
    paths = sorted(rules_dir().glob("*.yaml"))
    for p in extra or ():
        paths.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    return paths


def load_rules(extra: list[Path] | None = None, known_kinds: set[str] | None = None) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in pack_paths(extra):
        for rule in load_pack(path, known_kinds):
            if rule.id in seen:
                raise RuleError(f"{path}: duplicate rule id {rule.id} (also in {seen[rule.id]})")
            seen[rule.id] = str(path)
            rules.append(rule)
    return sorted(rules, key=lambda r: r.id)


def matches(rule_id: str, codes: list[str]) -> bool:
    """ruff-style selection: 'FC1' selects FC101, FC102 ...; 'ALL' selects everything."""
    return any(c == "ALL" or rule_id.startswith(c) for c in codes)
