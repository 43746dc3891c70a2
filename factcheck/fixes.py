"""Applying fixes: to a string, shown as a diff, or written back to the file atomically."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .findings import Finding


def fixable(findings: Iterable[Finding], unsafe: bool = False) -> list[Finding]:
    """The findings whose fix may be applied: safe ones, and unsafe ones when asked for."""
    return [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def apply_fixes(
    text: str, findings: Iterable[Finding], unsafe: bool = False
) -> tuple[str, list[Finding]]:
    """The text with the fixes applied, and the findings that were fixed.

    Fixes whose spans overlap one already taken are left for the next run, as ruff does:
    two edits of the same characters cannot both be right.
    """
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(fixable(findings, unsafe), key=lambda f: (f.start, -f.end)):
        if f.start < last_end:
            continue
        # A fix is only applied where the text still is what the finding saw.
        if text[f.start : f.end] != f.text:
            continue
        chosen.append(f)
        last_end = f.end
    out = text
    for f in reversed(chosen):
        assert f.fix is not None
        out = out[: f.start] + f.fix.replacement + out[f.end :]
    return out, chosen


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff that `git apply` and `patch -p1` take for a relative path."""
    rel = not os.path.isabs(path)
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}" if rel else path,
        tofile=f"b/{path}" if rel else path,
    )
    out = []
    for line in lines:
        out.append(
            line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        )
    return "".join(out)


class FixError(Exception):
    """A fix that was not written; str() is the one line shown to the user."""


def write_fix(
    path: Path, text: str, bom: bool = False, encoding: str = "utf-8", exact: bool = True
) -> None:
    """Write fixed text back to ``path`` in its encoding, or raise FixError (nothing written).

    Refused: a read-only file (no write bit, or no write access: the rename would replace it
    anyway, so the permission is checked here), a file whose bytes did not survive decoding
    (``exact``), and a fix that the file's encoding cannot represent.
    """
    try:
        st = path.stat()
    except OSError as exc:
        raise FixError(f"{path}: not fixed: {exc.strerror or exc}") from None
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise FixError(f"{path}: read-only file, not fixed")
    if not exact:
        raise FixError(
            f"{path}: not fixed: its bytes do not read back the same as {encoding}, "
            "so rewriting it could change more than the fix"
        )
    try:
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise FixError(
            f"{path}: not fixed: {text[exc.start : exc.end]!r} cannot be written in {encoding}"
        ) from None
    try:
        write_atomically(path, text, bom, encoding)
    except OSError as exc:
        raise FixError(f"{path}: not fixed: {exc.strerror or exc}") from None


def write_atomically(path: Path, text: str, bom: bool = False, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` so that a reader sees the old file or the new one.

    The temporary file is made in the same folder (os.replace is atomic only within one
    file system), flushed to disk before the rename, and given the original file's mode.
    The text is written in ``encoding`` with no newline translation, so CRLF files stay
    CRLF, and the encoding's byte-order mark is put back if the file had one. A process
    killed before the rename leaves the original untouched (and, at worst, a stray
    ``.NAME.*.factcheck`` temporary file beside it).
    """
    from .charsets import bom_of

    data = (bom_of(encoding) if bom else b"") + text.encode(encoding)
    mode = path.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".factcheck", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
