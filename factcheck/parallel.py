"""Checking many articles at once: chunks of articles to worker processes, results in order.

The main process reads the inputs (so input errors are noted in the same order as a serial
run, and configuration lookups happen once, where the files are) and sends chunks of
articles to workers, which run only ``check_article``. A worker sends back the findings
alone; the main process pairs them with its own copy of each article, so the results are
the serial run's objects and every report format prints the same bytes.

At most a few chunks per worker are in flight, so a batch of any size is streamed through the
pool rather than loaded into it. The same chunk function runs on Dask (factcheck.dask_engine).

Importing this module is cheap (``factcheck check one.txt`` does): concurrent.futures and
multiprocessing are imported only when a pool starts, and a pool starts only for --jobs
other than 1 and at least two articles.
"""

from __future__ import annotations

import itertools
import math
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from .pipeline import Result, RuleChoice, check_article

if TYPE_CHECKING:
    from .findings import Finding
    from .inputs import Article

CHUNK = 50  # articles per task: big enough that pickling and queueing cost little per article
AHEAD = 2  # chunks in flight per worker: one running, one queued, so no worker waits

# (kept findings, suppressed findings, why the article could not be checked or None)
Outcome = tuple[list["Finding"], list["Finding"], str | None]


class EngineError(Exception):
    """An engine that cannot run (Dask missing, no cluster); str() is the one line shown."""


def cpu_count() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the host's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def jobs_value(text: str) -> int:
    """argparse type of --jobs: 0 means one process per core."""
    from argparse import ArgumentTypeError  # its message is shown as it is, on one line

    try:
        n = int(text)
    except ValueError:
        raise ArgumentTypeError(f"not a number: {text!r}") from None
    if n < 0:
        raise ArgumentTypeError(f"must be 0 (one per core) or a positive number, not {n}")
    return n


def check_chunk(articles: list[Article], choice: RuleChoice) -> list[Outcome]:
    """The work of one task, in a worker: the findings of each article, in order."""
    out: list[Outcome] = []
    for article in articles:
        res = check_article(article, choice)
        out.append((res.findings, res.suppressed, getattr(res, "error", None)))
    return out


def chunked(articles: Iterable[Article], workers: int) -> tuple[list[list[Article]], Iterator]:
    """(chunks read so far, the rest as an iterator of chunks).

    The first CHUNK articles are read to see how big the input is. A small input that fits
    in them is cut into one chunk per worker instead, so two workers share even 10 articles.
    """
    it = iter(articles)
    first = list(itertools.islice(it, CHUNK))
    nxt = next(it, None)
    if nxt is None:
        size = max(1, math.ceil(len(first) / max(1, workers)))
        return [first[i : i + size] for i in range(0, len(first), size)], iter(())
    rest = itertools.chain([nxt], it)

    def more() -> Iterator[list[Article]]:
        while chunk := list(itertools.islice(rest, CHUNK)):
            yield chunk

    return [first], more()


class _Future(Protocol):
    def result(self) -> Any: ...


def in_order(
    submit: Callable[[list[Article]], _Future],
    chunks: Iterable[list[Article]],
    window: int,
) -> Iterator[Result]:
    """Submit chunks with at most ``window`` in flight; yield their results in input order.

    The articles of a chunk stay here until its findings come back, so the results carry
    the very Article objects that were read (fixes write through them), not copies.
    """
    pending: deque[tuple[_Future, list[Article]]] = deque()
    it = iter(chunks)
    for chunk in itertools.islice(it, window):
        pending.append((submit(chunk), chunk))
    while pending:
        future, chunk = pending.popleft()
        outcomes = future.result()
        nxt = next(it, None)  # refill before yielding, so workers stay busy meanwhile
        if nxt is not None:
            pending.append((submit(nxt), nxt))
        for article, (kept, suppressed, error) in zip(chunk, outcomes, strict=True):
            res = Result(article, kept, suppressed)
            if error is not None:  # an article over its time budget: the caller reports it
                res.error = error  # type: ignore[attr-defined]
            yield res


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: the main process handles it and stops the pool;
    # a worker would only print a traceback of its own.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context():
    """fork where the platform has it: a worker inherits the loaded rules and imports, so the
    pool starts in milliseconds. Elsewhere the platform default (spawn) works the same, only
    slower to start."""
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def check_articles(
    articles: Iterable[Article], choice: RuleChoice, jobs: int = 1
) -> Iterator[Result]:
    """Each article's Result, in input order, on ``jobs`` processes (0: every core).

    One process checks in this process, as does an input of a single article: a pool would
    cost more to start than it saves.
    """
    workers = cpu_count() if jobs == 0 else jobs
    if workers <= 1:
        for article in articles:
            yield check_article(article, choice)
        return
    first, rest = chunked(articles, workers)
    if sum(len(c) for c in first) < 2:
        for chunk in first:
            for article in chunk:
                yield check_article(article, choice)
        return
    if len(first) > 1:  # the whole input is these chunks: no more workers than chunks
        workers = min(workers, len(first))
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_worker_init)
    try:
        yield from in_order(
            lambda chunk: pool.submit(check_chunk, chunk, choice),
            itertools.chain(first, rest),
            AHEAD * workers,
        )
    finally:
        # On an error or Ctrl-C, queued chunks are dropped; a running one ends on its own.
        pool.shutdown(wait=True, cancel_futures=True)


def report_results(
    articles: list[Article],
    choice: RuleChoice,
    show: bool,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> list[Result]:
    """The results of ``factcheck report`` on local processes or on Dask, in input order."""
    if engine == "dask":
        from .dask_engine import LOCAL_WORKERS, check_on_dask

        # --jobs sizes the local cluster when given; a real cluster is as wide as it is.
        workers = LOCAL_WORKERS if jobs == 1 else (cpu_count() if jobs == 0 else jobs)
        stream = check_on_dask(articles, choice, scheduler, workers)
    else:
        stream = check_articles(articles, choice, jobs)
    from .report.batch import with_progress

    return with_progress(stream, len(articles), show)
