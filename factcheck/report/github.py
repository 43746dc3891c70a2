"""GitHub Actions workflow commands: one ``::error file=…,line=…,col=…::message`` per finding,
which GitHub shows as an annotation on the pull request's diff."""

from __future__ import annotations

from typing import TextIO

from ..document import Document
from ..findings import Finding
from .locations import locate

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    # GitHub's escaping for a command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    # Properties also end at ',' and ':'.
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(doc: Document, f: Finding) -> str:
    loc = locate(doc, f.start, f.end)
    props = [f"file={_prop(loc.path)}", f"line={loc.line}"]
    if not loc.in_record:
        props += [f"col={loc.column}", f"endLine={loc.end_line}", f"endColumn={loc.end_column}"]
    props.append(f"title={_prop(f'{f.rule} {f.name}')}")
    message = f.message
    if loc.in_record:
        message = f"{doc.meta.get('id', '')}: {message}".lstrip(": ")
    return f"::{_LEVEL.get(f.severity, 'warning')} {','.join(props)}::{_data(message)}"


def write_github(stream: TextIO, results: list[tuple[Document, list[Finding]]]) -> None:
    for doc, findings in results:
        for f in findings:
            stream.write(annotation(doc, f) + "\n")
