"""Output formats: jsonl, SARIF 2.1.0 (validated against the official schema), GitHub
workflow commands, and --output-file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsroom import run

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
SEED = "anyang-press-release.txt"


def _sarif(*args: str) -> dict:
    r = run("check", *args, "--date", "2023-11-25", "--format", "sarif")
    assert r.returncode in (0, 1, 2), r.stderr
    return json.loads(r.stdout)


def _validate(log: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_sarif_is_schema_valid_and_complete(fixtures: Path, tmp_path: Path) -> None:
    md = tmp_path / "d.md"
    md.write_text("The 1th.\n<!-- factcheck: ignore -->\nThe 2th.\n", encoding="utf-8")
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"id": "r1", "text": "The 3th."}\nnot json\n', encoding="utf-8")
    log = _sarif(str(fixtures / SEED), str(md), str(batch))
    _validate(log)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {"FC101", "FC102", "FC103", "FC104"} <= {r["id"] for r in rules}
    results = run_["results"]
    by_text = {
        r["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text"): r
        for r in results
    }
    mismatch = by_text["23th"]
    assert mismatch["ruleId"] == "FC102" and rules[mismatch["ruleIndex"]]["id"] == "FC102"
    region = mismatch["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (2, 68)
    assert (
        mismatch["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "제25회"
    )
    fix = by_text["25rd"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "25th"
    suppressed = [r for r in results if r.get("suppressions")]
    assert len(suppressed) == 1 and suppressed[0]["suppressions"][0]["kind"] == "inSource"
    record = [r for r in results if r["properties"].get("record") == "r1"]
    assert record[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert run_["invocations"][0]["executionSuccessful"] is False  # the bad JSONL line


def test_sarif_of_a_clean_run_is_valid(fixtures: Path) -> None:
    log = _sarif(str(fixtures / "clean-summit.txt"))
    _validate(log)
    assert log["runs"][0]["results"] == []


def test_github_annotations(tmp_path: Path) -> None:
    p = tmp_path / "a, b.md"
    p.write_text("Intro.\nHe came 23th, 100% sure.\n", encoding="utf-8")
    r = run("check", str(p), "--date", "2023-11-25", "--format", "github")
    assert r.returncode == 1
    (line,) = r.stdout.splitlines()
    assert line.startswith("::error file=")
    assert "a%2C b.md,line=2,col=9,endLine=2,endColumn=13,title=FC101 ordinal-suffix::" in line
    assert line.endswith("::'23th' has the wrong ordinal suffix; write '23rd'")


def test_jsonl_one_finding_per_line(fixtures: Path) -> None:
    r = run("check", str(fixtures / SEED), "--date", "2023-11-25", "--format", "jsonl")
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 5 and all(x["path"].endswith(SEED) for x in lines)
    assert {x["rule"] for x in lines} == {"FC101", "FC102", "FC103", "FC104"}


def test_output_file(fixtures: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    r = run(
        "check", str(fixtures / SEED), "--date", "2023-11-25", "--format", "sarif", "-o", str(out)
    )
    assert r.returncode == 1 and r.stdout == ""
    _validate(json.loads(out.read_text(encoding="utf-8")))
    r = run("check", str(fixtures / SEED), "--output-file", str(tmp_path / "no" / "such" / "x"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1
