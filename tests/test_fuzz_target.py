"""The atheris target runs on its seed corpus and on odd bytes without atheris installed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("fuzz_check", ROOT / "fuzz" / "fuzz_check.py")
assert _spec and _spec.loader
fuzz_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz_check)


def test_seed_corpus_runs() -> None:
    seeds = sorted((ROOT / "fuzz" / "corpus").iterdir())
    assert seeds
    for p in seeds:
        fuzz_check.test_one_input(Path(p).read_bytes())


def test_odd_inputs() -> None:
    for data in (
        b"",
        b"\xff\xfe",
        b"\x00" * 10,
        "제".encode() * 1000,
        b"1" * 400,
        "第".encode() * 300,
        b"(" * 2000 + b"25rd",
    ):
        fuzz_check.test_one_input(data)
