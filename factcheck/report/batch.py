"""The batch report on the terminal: a progress bar while checking, then summary tables.

The progress bar is for people watching a terminal: it stays off when stderr is not a TTY
or when CI is set, so CI logs and pipes get no control characters.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from ..pipeline import Result


def progress_wanted(mode: str, stream=None) -> bool:
    if mode != "auto":
        return mode == "on"
    stream = stream or sys.stderr
    in_ci = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
    return bool(getattr(stream, "isatty", lambda: False)()) and not in_ci


def with_progress(results: Iterable[Result], total: int, show: bool) -> list[Result]:
    """Collect results, with a progress bar on stderr when ``show``.

    The bar is redrawn here as results arrive (auto_refresh off): rich's refresh thread would
    be running while the pool forks its workers, and forking a threaded process is unsafe.
    """
    if not show:
        return list(results)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    out: list[Result] = []
    console = Console(file=sys.stderr, force_terminal=True)
    columns = (
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("", total=total)
        drawn = 0.0
        for res in results:
            out.append(res)
            progress.update(task, advance=1, description=res.article.doc.path[-40:])
            # Results come a chunk at a time; redrawing for each would cost more than checking.
            now = time.monotonic()
            if now - drawn > 0.1:
                progress.refresh()
                drawn = now
        progress.refresh()
    return out


def summary_tables(
    results: Sequence[Result], errors: Sequence[str], console: Console | None = None
) -> None:
    console = console or Console(highlight=False, soft_wrap=False)
    by_rule: Counter[str] = Counter()
    names: dict[str, tuple[str, str]] = {}
    for r in results:
        for f in r.findings:
            by_rule[f.rule] += 1
            names[f.rule] = (f.name, f.severity)
    t = Table(title="Findings per rule", highlight=False)
    t.add_column("rule")
    t.add_column("name")
    t.add_column("severity")
    t.add_column("findings", justify="right")
    for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        t.add_row(rule, names[rule][0], names[rule][1], str(n))
    console.print(t)
    f = Table(title="Findings per file (worst first)", highlight=False)
    f.add_column("file")
    f.add_column("errors", justify="right")
    f.add_column("warnings", justify="right")
    f.add_column("info", justify="right")
    f.add_column("suppressed", justify="right")
    for r in sorted(results, key=badness, reverse=True):
        sev = Counter(x.severity for x in r.findings)
        f.add_row(
            r.article.doc.path,
            str(sev["error"]),
            str(sev["warning"]),
            str(sev["info"]),
            str(len(r.suppressed)),
        )
    console.print(f)
    total = sum(by_rule.values())
    suppressed = sum(len(r.suppressed) for r in results)
    console.print(
        f"{total} finding(s) in {len(results)} article(s), {suppressed} suppressed inline, "
        f"{len(errors)} input error(s)."
    )


def badness(r: Result) -> tuple[int, int, int]:
    """Sort key: the article with the most errors, then warnings, then findings, is worst."""
    sev = Counter(x.severity for x in r.findings)
    return (sev["error"], sev["warning"], len(r.findings))
