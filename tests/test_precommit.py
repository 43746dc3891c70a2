"""The pre-commit hook, run for real: `pre-commit try-repo` against a temporary git repo.

pre-commit installs the hook repository into an environment of its own with pip, the way a
newsroom repository would get it, so this exercises .pre-commit-hooks.yaml, the packaging
and the console script together. The hook repository is a fresh git repository holding the
project's working tree (committed or not), so the test sees the tree under test, locally
and in a fresh CI clone alike.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytest.importorskip("pre_commit")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

GIT_ENV = {
    "GIT_AUTHOR_NAME": "factcheck tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "factcheck tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
}


def _git(cwd: Path, *args: str) -> str:
    r = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


def _tree_files() -> list[str]:
    """The project's files as git sees them: tracked and new ones, never ignored ones."""
    out = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    return [p for p in out.split("\0") if p and (ROOT / p).is_file()]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    repo = tmp_path_factory.mktemp("factcheck-hook-repo")
    for rel in _tree_files():
        dest = repo / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest)
    assert (repo / ".pre-commit-hooks.yaml").is_file()
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "factcheck under test")
    return repo


def _newsroom(tmp_path: Path, drafts: dict[str, str]) -> Path:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    for name, text in drafts.items():
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    return repo


def _try_repo(newsroom: Path, hook_repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hook_repo),
            "factcheck",
            "--all-files",
        ],
        cwd=newsroom,
        capture_output=True,
        text=True,
        env=env,
        timeout=1200,
    )


CLEAN = "---\ndate: 2023-11-25\n---\nThe 25th conference opened on the 21st.\n"
DEFECT = "---\ndate: 2023-11-25\n---\nHe attended the 23th conference.\n"


def test_hook_passes_on_a_clean_draft(tmp_path: Path, hook_repo: Path, env) -> None:
    repo = _newsroom(tmp_path, {"clean.md": CLEAN, "notes.py": "x = '23th'\n"})
    r = _try_repo(repo, hook_repo, env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "factcheck" in r.stdout and "Passed" in r.stdout


def test_hook_fails_and_shows_the_finding(tmp_path: Path, hook_repo: Path, env) -> None:
    repo = _newsroom(tmp_path, {"clean.md": CLEAN, "draft.md": DEFECT})
    r = _try_repo(repo, hook_repo, env)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Failed" in r.stdout
    assert "draft.md:4:17: FC101" in r.stdout
    assert "'23th' has the wrong ordinal suffix" in r.stdout
    assert "clean.md:" not in r.stdout
