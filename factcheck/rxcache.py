"""A persistent cache of compiled `regex` patterns, for the command line's start-up.

The `regex` module parses and compiles a pattern in Python: factcheck's few hundred
patterns (some of them tens of kilobytes of alternations) cost about 0.3 s of CPU, more than
half of a single-file check. What ``regex.compile`` produces is a list of opcodes that the C
engine takes as they are (it is what pickling a pattern stores), so a run keeps those of the
patterns it compiled in a cache file, and the next run hands them to the engine directly.

Only the command line installs it (``install()`` at the start of ``cli.main``); the library
leaves ``regex`` alone. The file is keyed by the versions of regex and Python, its entries by
pattern text and flags: an edited pattern is a new entry. The file is the user's own, like
Python's __pycache__; a file that cannot be read or written is ignored (read-only homes,
CI). FACTCHECK_NO_REGEX_CACHE=1 turns it off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex
from regex import _regex

# Entries kept in the file: those the last run used, then older ones up to this many (a
# pattern built in another order is another entry: the file must not grow without end).
_MAX_ENTRIES = 600

_store: dict[tuple[str, int], tuple] = {}
_used: dict[tuple[str, int], tuple] = {}
_new = False
_installed = False


def cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    magic = getattr(_regex, "MAGIC", 0)
    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    name = f"regex-{regex.__version__}-{magic}-v{int(regex.DEFAULT_VERSION)}-py{py}.marshal"
    return Path(base) / "factcheck" / name


def install() -> None:
    """Route ``regex.compile`` through the cache for the rest of the process."""
    global _installed
    if _installed or os.environ.get("FACTCHECK_NO_REGEX_CACHE"):
        return
    _installed = True
    try:
        path = cache_file()
    except (RuntimeError, KeyError, OSError):  # no home directory to keep it in
        return
    _store.update(_load(path))
    regex.compile = cached_compile(regex.compile)
    atexit.register(_save, path)


def cached_compile(original: Callable[..., Any]) -> Callable[..., Any]:
    """``regex.compile`` served from the cache: the same pattern objects, compiled once."""

    def compile(pattern, flags=0, ignore_unused=False, cache_pattern=None, **kwargs):
        if kwargs or type(pattern) is not str or not isinstance(flags, int):
            # Named lists and byte patterns: compiled as usual, never stored.
            return original(pattern, flags, ignore_unused, cache_pattern, **kwargs)
        key = (pattern, int(flags))
        data = _store.get(key)
        if data is not None:
            try:
                compiled = _regex.compile(*data)
            except (TypeError, ValueError, OverflowError):
                del _store[key]  # a damaged entry: compiled again below
            else:
                _used[key] = data
                return compiled
        compiled = original(pattern, flags, ignore_unused, cache_pattern)
        _remember(key, compiled)
        return compiled

    return compile


def _remember(key: tuple[str, int], compiled: Any) -> None:
    global _new
    data = getattr(compiled, "_pickled_data", None)
    if isinstance(data, tuple):
        _store[key] = _used[key] = data
        _new = True


def _load(path: Path) -> dict[tuple[str, int], tuple]:
    try:
        with path.open("rb") as fh:
            data = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        k: v
        for k, v in data.items()
        if isinstance(k, tuple) and len(k) == 2 and isinstance(k[0], str) and isinstance(v, tuple)
    }


def _save(path: Path) -> None:
    """Write the cache when this run compiled something new (atomically: a run that dies
    half-way leaves the old file)."""
    if not _new:
        return
    keep = dict(_used)
    for k, v in _store.items():
        if len(keep) >= _MAX_ENTRIES:
            break
        keep.setdefault(k, v)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(keep, fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass  # no cache: the next run compiles again
