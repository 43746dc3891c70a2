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


def _example(raw: Any, where: _Where) -> Example:
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


@dataclass(frozen=True)
class RuleLines:
    """1-based lines of one rule of a pack: the rule, and each fire / pass example."""

    rule: int
    id: str = ""
    fire: tuple[int, ...] = ()
    pass_: tuple[int, ...] = ()


def rule_lines(path: Path) -> list[RuleLines]:
    """Where each rule of a pack starts, and its examples, from the YAML node tree.

    Only error messages and ``factcheck rules --verify`` need lines, so this second,
    slower parse (node marks, not just values) runs only then, never on a normal check.
    """
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []

    def get(node: Any, key: str) -> Any:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if getattr(k, "value", None) == key:
                    return v
        return None

    rules = get(root, "rules")
    out: list[RuleLines] = []
    for item in rules.value if isinstance(rules, yaml.SequenceNode) else ():
        examples = get(item, "examples")
        lines = {}
        for which in ("fire", "pass"):
            seq = get(examples, which)
            seq_items = seq.value if isinstance(seq, yaml.SequenceNode) else ()
            lines[which] = tuple(n.start_mark.line + 1 for n in seq_items)
        rid = get(item, "id")
        out.append(
            RuleLines(
                item.start_mark.line + 1,
                str(getattr(rid, "value", "")),
                lines["fire"],
                lines["pass"],
            )
        )
    return out


def _rule_line(path: Path, index: int) -> str:
    """ ":LINE" of the rule at ``index`` of a pack, or "" when it cannot be told."""
    lines = rule_lines(path)
    return f":{lines[index].rule}" if index < len(lines) else ""


class _Where:
    """Where a rule of a pack is, for error messages: "PATH:LINE: LABEL". The line needs a
    second parse of the pack (node marks), which only an error should pay for, so it is
    looked up when the message is formatted, not when the rule is loaded."""

    __slots__ = ("index", "label", "path")

    def __init__(self, path: Path, index: int, label: str):
        self.path, self.index, self.label = path, index, label

    def __str__(self) -> str:
        return f"{self.path}{_rule_line(self.path, self.index)}: {self.label}"


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
        where = _Where(path, i, f"rule #{i + 1}")
        if not isinstance(raw, dict):
            raise RuleError(f"{where}: a rule is a mapping")
        missing = [k for k in _REQUIRED if k not in raw]
        if missing:
            raise RuleError(f"{where} ({raw.get('id', '?')}): missing {', '.join(missing)}")
        where = _Where(path, i, str(raw["id"]))
        if raw["severity"] not in SEVERITIES:
            raise RuleError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
        if known_kinds is not None and raw["kind"] not in known_kinds:
            raise RuleError(f"{where}: unknown rule kind '{raw['kind']}'")
        examples = raw["examples"] or {}
        if not isinstance(examples, dict):
            raise RuleError(f"{where}: examples is a mapping with 'fire' and 'pass' lists")
        try:
            rules.append(_rule(raw, examples, where, path))
        except (TypeError, ValueError) as exc:  # a bad date or occurrence in an example
            raise RuleError(f"{where}: {exc}") from None
    return rules


def _rule(raw: dict[str, Any], examples: dict[str, Any], where: _Where, path: Path) -> Rule:
    return Rule(
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


def pack_paths(extra: list[Path] | None = None) -> list[Path]:
    paths = sorted(rules_dir().glob("*.yaml"))
    for p in extra or ():
        paths.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    return paths


def load_rules(extra: list[Path] | None = None, known_kinds: set[str] | None = None) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, tuple[Path, int]] = {}
    for path in pack_paths(extra):
        for i, rule in enumerate(load_pack(path, known_kinds)):
            if rule.id in seen:
                first, j = seen[rule.id]
                raise RuleError(
                    f"{path}{_rule_line(path, i)}: duplicate rule id {rule.id} "
                    f"(also in {first}{_rule_line(first, j)})"
                )
            seen[rule.id] = (path, i)
            rules.append(rule)
    return sorted(rules, key=lambda r: r.id)


def matches(rule_id: str, codes: list[str]) -> bool:
    """ruff-style selection: 'FC1' selects FC101, FC102 ...; 'ALL' selects everything."""
    return any(c == "ALL" or rule_id.startswith(c) for c in codes)
