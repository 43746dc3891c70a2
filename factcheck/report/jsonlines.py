"""JSON Lines: one finding per line, each carrying its file, for grep, jq and log pipelines."""

from __future__ import annotations

import json
from typing import TextIO

from ..document import Document
from ..findings import Finding


def write_jsonl(stream: TextIO, results: list[tuple[Document, list[Finding]]]) -> None:
    for doc, findings in results:
        for f in findings:
            line, col = doc.line_col(f.start)
            rec = {"path": doc.path, **f.to_json(line, col)}
            if "id" in doc.meta:
                rec["id"] = doc.meta["id"]
            stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
