"""Terminal output in the manner of ruff: location, rule, message, the line with the span."""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..document import Document
from ..findings import Finding

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
_CONTEXT = 50  # characters shown on each side of a span in a long line


def make_console(stream: TextIO | None = None) -> Console:
    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False)


def _snippet(doc: Document, start: int, end: int, style: str) -> tuple[Text, Text]:
    """The span's line cut to a window, with the span styled, and a caret line under it."""
    line, col = doc.line_col(start)
    src = doc.line_text(line)
    s = col - 1
    e = min(len(src), s + (end - start))
    lo = max(0, s - _CONTEXT)
    hi = min(len(src), e + _CONTEXT)
    head = ("…" if lo > 0 else "") + src[lo:s]
    tail = src[e:hi] + ("…" if hi < len(src) else "")
    text = Text(head)
    text.append(src[s:e], style=style)
    text.append(tail)
    carets = Text(" " * cell_len(head) + "^" * max(1, cell_len(src[s:e])), style=style)
    return text, carets


def print_findings(console: Console, doc: Document, findings: list[Finding]) -> None:
    for f in findings:
        line, col = doc.line_col(f.start)
        style = _STYLE.get(f.severity, "bold")
        head = Text()
        head.append(f"{doc.path}:{line}:{col}: ", style="bold")
        head.append(f"{f.rule} ", style=style)
        head.append(f"[{f.severity}] ", style=style)
        head.append(f.message)
        if f.fix:
            head.append(
                f"  (fix{'' if f.fix.safe else ', unsafe'}: '{f.fix.replacement}')", style="green"
            )
        console.print(head)
        snippet, carets = _snippet(doc, f.start, f.end, style)
        gutter = f"{line:>5} | "
        console.print(Text(gutter) + snippet)
        console.print(Text(" " * (len(gutter) - 2) + "| ") + carets)
        for r in f.related:
            rline, rcol = doc.line_col(r.start)
            rsnip, rcarets = _snippet(doc, r.start, r.end, "bold cyan")
            console.print(
                Text(f"      related {doc.path}:{rline}:{rcol}: '{r.text}'", style="cyan")
            )
            rg = f"{rline:>5} | "
            console.print(Text(rg) + rsnip)
            console.print(Text(" " * (len(rg) - 2) + "| ") + rcarets)
        console.print()


def print_date_note(console: Console, doc: Document) -> None:
    if doc.date_source == "today" and doc.date:
        console.print(
            Text(
                f"{doc.path}: publication date assumed to be {doc.date.isoformat()} (today); "
                "pass --date YYYY-MM-DD to set it",
                style="dim",
            )
        )


def print_summary(console: Console, summary: dict) -> None:
    n = summary["findings"]
    extra = ""
    if summary.get("suppressed"):
        extra += f" {summary['suppressed']} suppressed inline."
    if summary.get("fixed"):
        extra += f" {summary['fixed']} fixed."
    if n == 0 and summary["files"] == 0 and summary["input_errors"]:
        pass  # nothing was read: the input errors below say why
    elif n == 0:
        console.print(
            Text(f"No findings in {summary['files']} file(s).{extra}", style="bold green")
        )
    else:
        console.print(
            Text(
                f"Found {n} finding(s) in {summary['files']} file(s): "
                f"{summary['errors']} error(s), {summary['warnings']} warning(s), "
                f"{summary['info']} info.{extra}",
                style="bold",
            )
        )
    for err in summary["input_errors"]:
        console.print(Text(f"input error: {err}", style="red"))
