"""Glob patterns for include / exclude / per-file-ignores, matched against relative paths.

``*`` and ``?`` stay inside one path component, ``**`` crosses directories. A pattern with no
``/`` matches any single component (a file name like ``*.draft.md`` or a folder like
``archive``), as .gitignore does.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePath


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        out.append({"*": "[^/]*", "?": "[^/]"}.get(c, re.escape(c)))
        i += 1
    return re.compile("".join(out) + r"(?:/.*)?\Z")  # a folder pattern covers what is inside


def glob_match(pattern: str, path: str | PurePath) -> bool:
    rel = PurePath(path).as_posix().lstrip("/")
    pattern = pattern.strip().removeprefix("./")
    if "/" not in pattern.rstrip("/"):
        rx = _regex(pattern.rstrip("/"))
        return any(rx.match(part) for part in rel.split("/"))
    return bool(_regex(pattern.strip("/")).match(rel))


def any_match(patterns: list[str], path: str | PurePath) -> bool:
    return any(glob_match(p, path) for p in patterns)
