"""factcheck: a fact-consistency checker for mixed-language news articles and press drafts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "Document",
    "Fact",
    "Finding",
    "InputError",
    "check_file",
    "check_text",
    "extract_text",
    "fix_text",
]

if TYPE_CHECKING:
    from .api import check_file, fix_text
    from .document import Document
    from .engine import check_text, extract_text
    from .facts import Fact
    from .findings import Finding
    from .inputs import InputError

_LAZY = {
    "check_text": "engine",
    "extract_text": "engine",
    "check_file": "api",
    "fix_text": "api",
    "InputError": "inputs",
    "Document": "document",
    "Fact": "facts",
    "Finding": "findings",
}


def __getattr__(name: str) -> Any:
    # Lazy, so that `import factcheck` stays cheap for the CLI and pre-commit.
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(name)
