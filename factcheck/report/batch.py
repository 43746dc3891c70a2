"""The batch report on the terminal: a progress bar while checking, then summary tables.

The progress bar is for people watching a terminal: it stays off when stderr is not a TTY
or when CI is set, so CI logs and pipes get no control characters.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from ..inputs import Article
    from ..pipeline import Result


def progress_wanted(mode: str, stream=None) -> bool:
    if mode != "auto":
        return mode == "on"
    stream = stream or sys.stderr
    in_ci = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
    return bool(getattr(stream, "isatty", lambda: False)()) and not in_ci


def run_with_progress(
    articles: Sequence[Article], check: Callable[[Article], Result], show: bool
) -> list[Result]:
    if not show:
        return [check(a) for a in articles]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    results = []
    console = Console(file=sys.stderr, force_terminal=True)
    columns = (
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=len(articles))
        for a in articles:
            progress.update(task, description=a.doc.path[-40:])
            results.append(check(a))
            progress.advance(task)
    return results


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
