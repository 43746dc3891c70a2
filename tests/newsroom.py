"""Helpers shared by the newsroom-integration tests (issue 5)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def run(*args: str, cwd: Path | None = None, stdin: str | None = None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=180,
        env=env,
    )


def check_json(*args: str, cwd: Path | None = None, stdin: str | None = None) -> dict[str, Any]:
    r = run("check", *args, "--format", "json", cwd=cwd, stdin=stdin)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


def findings(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(file name, rule, text) of every finding, for compact assertions."""
    return [
        (Path(f["path"]).name, i["rule"], i["text"]) for f in data["files"] for i in f["findings"]
    ]
