"""Which task runner a CLI run uses: Prefect's threads (the default) or Dask through prefect-dask.

Dask workers are separate processes that report their task runs to Prefect themselves, so they need a server's
address: without PREFECT_API_URL each would start a temporary server of its own (~20 s each, measured), so a
Dask run without one starts a single temporary server here and hands its address to the workers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager


@contextmanager
def task_runner(kind: str, dask_address: str | None = None, dask_workers: int = 2) -> Iterator:
    """The etl flow with the chosen task runner; anything started for it is stopped when the block ends."""
    from flows.etl import etl

    if kind == "thread":
        yield etl
        return
    with ExitStack() as stack:
        if not os.environ.get("PREFECT_API_URL"):
            stack.enter_context(shared_temporary_server())
        from flows.dask_runner import KeyedDaskTaskRunner  # here: a thread run never imports Dask

        runner = (KeyedDaskTaskRunner(address=dask_address) if dask_address else
                  KeyedDaskTaskRunner(cluster_kwargs=local_cluster_options(dask_workers)))
        yield etl.with_options(task_runner=runner)


def local_cluster_options(workers: int) -> dict:
    """A local Dask cluster of `workers` one-thread processes (the stages hold the GIL), warmed up as they start."""
    return {"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None,
            "preload": ["flows.warmup"]}


@contextmanager
def shared_temporary_server() -> Iterator[str]:
    """Prefect's temporary server started once, its address in this process's settings and its children's environment."""
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    server.start(timeout=float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 180)))
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            try:
                yield server.api_url
            finally:
                send_queued_logs_and_events()
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


def send_queued_logs_and_events(timeout: float = 10) -> None:
    """Send the logs and events Prefect still queues in this process, as Prefect's own test harness does before it
    stops its server. Left queued, they are sent at exit to a server already stopped: `newsfacts run --task-runner
    dask` then printed `Error logging to API` and took 75 s more to exit."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=timeout)
    EventsWorker.drain_all(timeout=timeout)


def batches_ahead(runner) -> int:
    """Batches the flow keeps submitted beyond the one it loads: enough to keep the task runner's workers busy.

    Threads: one. The stages hold the GIL, so a thread pool runs one batch's stages at a time; one batch ahead
    overlaps them with the load (DuckDB releases the GIL). More ahead only interleave batches, whose stages then
    evict each other's tables from the CPU caches: 10,000 articles took 21.3 s with three ahead, 19.0 s with one.
    Dask: one a worker thread, and one queued, so a worker never waits for the flow to hand it a batch.
    """
    from prefect.task_runners import ThreadPoolTaskRunner

    if isinstance(runner, ThreadPoolTaskRunner):
        return 1
    client = getattr(runner, "client", None)  # prefect-dask's runner: the cluster it is connected to
    return sum(client.nthreads().values()) + 1 if client is not None else 2
