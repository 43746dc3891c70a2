"""The JSON contract (version 1) that other tools parse. Keep it stable."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..document import Document
from ..facts import Fact
from ..findings import Finding

VERSION = 1


def file_findings(
    doc: Document, findings: list[Finding], suppressed: int = 0, fixed: int = 0
) -> dict[str, Any]:
    items = []
    for f in findings:
        line, col = doc.line_col(f.start)
        items.append(f.to_json(line, col))
    out: dict[str, Any] = {"path": doc.path, "findings": items}
    out["date"] = doc.date.isoformat() if doc.date else None
    out["date_source"] = doc.date_source
    if "id" in doc.meta:
        out["id"] = doc.meta["id"]
    # Added keys (compatible with version 1): findings silenced inline, and fixes applied.
    out["suppressed"] = suppressed
    out["fixed"] = fixed
    return out


def summary(files: list[dict[str, Any]], input_errors: list[str]) -> dict[str, Any]:
    by_rule: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    for f in files:
        for item in f["findings"]:
            by_rule[item["rule"]] += 1
            by_severity[item["severity"]] += 1
    return {
        "files": len(files),
        "findings": sum(by_rule.values()),
        "errors": by_severity["error"],
        "warnings": by_severity["warning"],
        "info": by_severity["info"],
        "by_rule": dict(sorted(by_rule.items())),
        "input_errors": input_errors,
        "suppressed": sum(f.get("suppressed", 0) for f in files),
        "fixed": sum(f.get("fixed", 0) for f in files),
    }


def file_facts(doc: Document, facts: list[Fact]) -> dict[str, Any]:
    out: dict[str, Any] = {"path": doc.path, "facts": [f.to_json() for f in facts]}
    out["date"] = doc.date.isoformat() if doc.date else None
    out["date_source"] = doc.date_source
    return out
