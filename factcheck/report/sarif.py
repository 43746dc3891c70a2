"""SARIF 2.1.0, the format code-scanning services read (GitHub code scanning among them).

Columns and character offsets count Unicode code points (``columnKind``), as every other
factcheck output does. Findings suppressed inline are included with an ``inSource``
suppression, so a scanning service shows them as dismissed rather than forgetting them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from ..document import Document
from ..findings import Finding
from ..rulepack import Rule
from .locations import locate

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> dict[str, Any]:
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return {"uri": p.as_uri()}
    return {"uri": p.as_posix(), "uriBaseId": "SRCROOT"}


def _location(doc: Document, start: int, end: int, message: str | None = None) -> dict[str, Any]:
    loc = locate(doc, start, end)
    region: dict[str, Any] = {"startLine": loc.line}
    if not loc.in_record:
        region.update(
            startColumn=loc.column,
            endLine=loc.end_line,
            endColumn=loc.end_column,
            charOffset=start,
            charLength=end - start,
            snippet={"text": doc.text[start:end]},
        )
    out: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": _uri(loc.path), "region": region}
    }
    if message is not None:
        out["message"] = {"text": message}
    return out


def _result(doc: Document, f: Finding, index: dict[str, int], suppressed: bool) -> dict[str, Any]:
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "level": _LEVEL.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [_location(doc, f.start, f.end)],
    }
    if f.rule in index:
        res["ruleIndex"] = index[f.rule]
    if f.related:
        res["relatedLocations"] = [
            {"id": i, **_location(doc, r.start, r.end, f"related: '{r.text}'")}
            for i, r in enumerate(f.related)
        ]
    loc = locate(doc, f.start, f.end)
    if f.fix is not None and not loc.in_record:
        res["fixes"] = [
            {
                "description": {
                    "text": f"Replace '{f.text}' with '{f.fix.replacement}'"
                    + ("" if f.fix.safe else " (unsafe)")
                },
                "artifactChanges": [
                    {
                        "artifactLocation": _uri(loc.path),
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "charOffset": f.start,
                                    "charLength": f.end - f.start,
                                },
                                "insertedContent": {"text": f.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    props: dict[str, Any] = {"severity": f.severity, "name": f.name}
    if "id" in doc.meta:
        props.update(record=doc.meta["id"], recordStart=f.start, recordEnd=f.end)
    res["properties"] = props
    if suppressed:
        res["suppressions"] = [{"kind": "inSource"}]
    return res


def sarif_log(
    results: list[tuple[Document, list[Finding], list[Finding]]],
    rules: list[Rule],
    input_errors: list[str],
    version: str,
) -> dict[str, Any]:
    """The SARIF log of one run: (document, findings, suppressed findings) per article."""
    index = {r.id: i for i, r in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "factcheck",
        "version": version,
        "semanticVersion": version,
        "rules": [
            {
                "id": r.id,
                "name": r.name,
                "shortDescription": {"text": r.message},
                "fullDescription": {"text": r.explanation},
                "help": {"text": r.explanation},
                "defaultConfiguration": {"level": _LEVEL.get(r.severity, "warning")},
                "properties": {"kind": r.kind},
            }
            for r in rules
        ],
    }
    out_results = []
    for doc, findings, suppressed in results:
        out_results += [_result(doc, f, index, False) for f in findings]
        out_results += [_result(doc, f, index, True) for f in suppressed]
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "results": out_results,
        "invocations": [
            {
                "executionSuccessful": not input_errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": e}} for e in input_errors
                ],
            }
        ],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def write_sarif(stream: TextIO, log: dict[str, Any]) -> None:
    json.dump(log, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
