"""Where a finding is in the file, for the formats that name files (SARIF, GitHub).

A JSONL record is reported at its line in the batch file; offsets inside the record are
kept as extra data, since they do not point into the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    in_record: bool  # True: line is the JSONL record's line, columns are not meaningful


def locate(doc: Document, start: int, end: int) -> Location:
    if "line" in doc.meta:
        path = doc.path.rsplit(":", 1)[0]
        line = int(doc.meta["line"])
        return Location(path, line, 1, line, 1, True)
    line, col = doc.line_col(start)
    eline, ecol = doc.line_col(max(end, start))
    return Location(doc.path, line, col, eline, ecol, False)
