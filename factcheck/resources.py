"""Where the rule packs and lexicons live, in a source tree and in an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

# libyaml's loader is ~10x faster than the pure-Python one; start-up time matters for hooks.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_PKG = Path(__file__).resolve().parent


def rules_dir() -> Path:
    # The wheel ships rules/ as factcheck/_rules; a source checkout has it beside the package.
    for candidate in (_PKG / "_rules", _PKG.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("factcheck rule packs not found (expected factcheck/_rules or rules/)")


@cache
def lexicon(name: str) -> dict[str, Any]:
    """Load rules/lexicon/NAME.yaml (cached: lexicons are read-only data)."""
    path = rules_dir() / "lexicon" / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=SafeLoader)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a lexicon must be a mapping")
    return data
