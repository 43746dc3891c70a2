"""Configuration files found by walking up from the checked file, and `factcheck config`."""

from __future__ import annotations

import json
import os
from pathlib import Path

from newsroom import check_json, findings, run

SEED_LINE = "He attended the 23th conference, founded in 19, with 1999 people since 3.\n"

PACK = """rules:
  - id: NR901
    name: newsroom-ordinal
    kind: ordinal-suffix
    severity: info
    message: "house style: '{text}' should be '{fix}'"
    explanation: A newsroom's own copy of the ordinal rule, to show extra packs load.
    examples:
      fire:
        - {text: "The 11st floor.", span: "11st", fix: "11th"}
      pass:
        - "The 11th floor."
"""


def _project(tmp_path: Path, pyproject: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    drafts = tmp_path / "drafts" / "2023"
    drafts.mkdir(parents=True)
    (drafts / "a.txt").write_text(SEED_LINE, encoding="utf-8")
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "b.txt").write_text(SEED_LINE, encoding="utf-8")
    return tmp_path


def test_select_ignore_severity_and_per_file_ignores(tmp_path: Path) -> None:
    _project(
        tmp_path,
        """[project]
name = "newsroom"

[tool.factcheck]
ignore = ["FC104"]

[tool.factcheck.severity]
FC101 = "warning"

[tool.factcheck.per-file-ignores]
"wire/**" = ["FC101"]
""",
    )
    data = check_json(str(tmp_path / "drafts" / "2023" / "a.txt"), "--date", "2023-11-25")
    rules = {(r, t) for _, r, t in findings(data)}
    assert ("FC101", "23th") in rules and not any(r == "FC104" for r, _ in rules)
    sev = {i["rule"]: i["severity"] for i in data["files"][0]["findings"]}
    assert sev["FC101"] == "warning"
    data = check_json(str(tmp_path / "wire" / "b.txt"), "--date", "2023-11-25")
    assert not any(r in ("FC101", "FC104") for _, r, _ in findings(data))
    # The command line's --select wins over the file's selection.
    data = check_json(str(tmp_path / "wire"), "--date", "2023-11-25", "--select", "FC103")
    assert {r for _, r, _ in findings(data)} == {"FC103"}


def test_fail_level_and_nearest_file_wins(tmp_path: Path) -> None:
    _project(tmp_path, '[tool.factcheck]\nfail-level = "error"\nselect = ["FC104"]\n')
    # FC104 is a warning: reported, but below the fail level, so exit 0.
    r = run("check", str(tmp_path / "drafts"), "--date", "2023-11-25")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "FC104" in r.stdout
    # A factcheck.toml nearer the file replaces the pyproject table entirely.
    (tmp_path / "drafts" / "factcheck.toml").write_text('fail-level = "warning"\n')
    r = run("check", str(tmp_path / "drafts"), "--date", "2023-11-25", "--select", "FC104")
    assert r.returncode == 1
    r = run(
        "check", str(tmp_path / "drafts"), "--date", "2023-11-25", "--select", "FC104",
        "--fail-level", "error",
    )  # fmt: skip
    assert r.returncode == 0


def test_extra_rule_packs_and_date_from_mtime(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "ordinals.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".factcheck.toml").write_text(
        'rule-packs = ["house"]\nselect = ["NR"]\n[date]\nfrom = ["mtime"]\n'
    )
    p = tmp_path / "story.txt"
    p.write_text("The 11st floor.\n")
    stamp = 1700870400  # 2023-11-25 00:00 UTC
    os.utime(p, (stamp + 43200, stamp + 43200))
    data = check_json(str(p))
    (item,) = data["files"][0]["findings"]
    assert item["rule"] == "NR901" and item["severity"] == "info"
    assert item["message"] == "house style: '11st' should be '11th'"
    assert data["files"][0]["date_source"] == "mtime"
    assert data["files"][0]["date"] in ("2023-11-25", "2023-11-26", "2023-11-24")


def test_config_command_shows_the_merged_result(tmp_path: Path) -> None:
    _project(
        tmp_path,
        '[tool.factcheck]\nignore = ["fc104"]\n'
        '[tool.factcheck.date]\nfrom = ["front-matter", "mtime"]\n',
    )
    r = run("config", str(tmp_path / "drafts" / "2023" / "a.txt"), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["config-file"].endswith("pyproject.toml [tool.factcheck]")
    assert data["ignore"] == ["FC104"] and data["select"] == ["ALL"]
    assert data["date"]["from"] == ["front-matter", "mtime"]
    assert data["fail-level"] == "info"  # a default, merged in
    r = run("config", str(tmp_path / "drafts"))
    assert r.returncode == 0
    assert 'ignore = ["FC104"]' in r.stdout and "pyproject.toml" in r.stdout
    r = run("config", str(tmp_path), "--isolated")
    assert "built-in defaults" in r.stdout


def test_bad_config_is_one_line_exit_2(tmp_path: Path) -> None:
    for body, words in (
        ('fail-level = "fatal"\n', "fail-level"),
        ("selec = []\n", "unknown key 'selec'"),
        ("select = [\n", "invalid TOML"),
        ('[date]\nfrom = ["tomorrow"]\n', "date.from"),
        ('rule-packs = ["nope"]\n', "no such file"),
    ):
        (tmp_path / "factcheck.toml").write_text(body)
        (tmp_path / "a.txt").write_text("The 11st.\n")
        r = run("check", str(tmp_path / "a.txt"))
        assert r.returncode == 2, body
        assert r.stderr.count("\n") == 1 and words in r.stderr, (body, r.stderr)
        assert "Traceback" not in r.stderr


def test_per_file_ignores_cover_jsonl_batches(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('[per-file-ignores]\n"feeds/*.jsonl" = ["FC101"]\n')
    (tmp_path / "feeds").mkdir()
    batch = tmp_path / "feeds" / "wire.jsonl"
    batch.write_text('{"id": 1, "text": "The 11st floor."}\n', encoding="utf-8")
    assert findings(check_json(str(batch), "--date", "2023-11-25")) == []
    data = check_json(str(batch), "--date", "2023-11-25", "--isolated")
    assert [r for _, r, _ in findings(data)] == ["FC101"]
