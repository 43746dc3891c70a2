"""`factcheck report --engine dask`: the same checks, on a Dask cluster.

The client (this process) reads the inputs, files and JSONL shards alike, exactly as a local
run does, and submits chunks of articles as tasks (distributed futures); each task runs
factcheck.parallel.check_chunk on a worker and sends back findings. The workers therefore
need factcheck installed (the same version) but no access to the client's files, and the
results are the local run's, in the same order, so every report is byte for byte the same.

Optional: needs ``pip install 'factcheck[dask]'``. Imported only for ``--engine dask``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .parallel import AHEAD, EngineError, check_chunk, chunked, in_order

if TYPE_CHECKING:
    from .inputs import Article
    from .pipeline import Result, RuleChoice

LOCAL_WORKERS = 2
CONNECT_TIMEOUT_S = 30


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise EngineError("--engine dask needs Dask: pip install 'factcheck[dask]'") from None
    return distributed


def _worker_version() -> str:
    from . import __version__

    return __version__


@contextlib.contextmanager
def client_for(scheduler: str | None, workers: int = LOCAL_WORKERS) -> Iterator[Any]:
    """A Client of the cluster at ``scheduler``, or of a LocalCluster started (and stopped)
    here with ``workers`` worker processes of one thread each."""
    distributed = _distributed()
    # Dask logs start-up and shutdown at INFO on stderr; a report run shows only its own lines.
    quiet = logging.ERROR
    with contextlib.ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(
                distributed.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    # Any free loopback port: two runs at once never fight over 8787.
                    dashboard_address="127.0.0.1:0",
                    silence_logs=quiet,
                )
            )
            address: Any = cluster
        else:
            address = scheduler
        try:
            client = stack.enter_context(
                distributed.Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
            )
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as exc:
            where = scheduler or "the local cluster"
            raise EngineError(f"--scheduler {where}: cannot connect: {exc}") from None
        _check_workers(client)
        yield client


def _check_workers(client: Any) -> None:
    """Every worker must run the client's factcheck: another version finds other things."""
    from . import __version__

    try:
        versions = client.run(_worker_version)
    except Exception as exc:  # a worker that cannot even unpickle the call: no factcheck
        raise EngineError(
            f"dask workers cannot run factcheck (installed on every worker?): "
            f"{type(exc).__name__}: {exc}"
        ) from None
    wrong = sorted({v for v in versions.values() if v != __version__})
    if wrong:
        raise EngineError(
            f"dask workers run factcheck {', '.join(wrong)}, this client {__version__}"
        )


def _portable(article: Article) -> Article:
    # Per-file ignores resolve the article's path; a worker would resolve a relative one
    # against its own working folder. Resolved here, it means what it means locally.
    if article.origin is None or article.origin.is_absolute():
        return article
    return dataclasses.replace(article, origin=article.origin.resolve())


def check_on_dask(
    articles: Iterable[Article],
    choice: RuleChoice,
    scheduler: str | None = None,
    workers: int = LOCAL_WORKERS,
) -> Iterator[Result]:
    """Each article's Result, in input order, checked on the cluster."""
    with client_for(scheduler, workers) as client:
        # One slot per worker thread: the cluster's whole width, whatever its shape.
        width = max(1, sum(client.nthreads().values()))
        first, rest = chunked(articles, width)

        def submit(chunk: list[Article]) -> Any:
            # pure=False: two equal chunks (a batch read twice) are still two tasks.
            return client.submit(check_chunk, [_portable(a) for a in chunk], choice, pure=False)

        yield from in_order(submit, itertools.chain(first, rest), AHEAD * width + 2)
