"""One writer per warehouse, the Prefect way where a server exists: a global concurrency limit of one slot
keyed by the warehouse file, held by the flow run, then the warehouse's own file lock (warehouse/writer.py),
which alone covers runs on temporary servers (each has its own, so Prefect's limits cannot see the others).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from uuid import UUID

from prefect.client.orchestration import get_client
from prefect.concurrency._asyncio import AcquireConcurrencySlotTimeoutError
from prefect.concurrency.sync import concurrency
from prefect.exceptions import ObjectNotFound
from prefect.settings import get_current_settings
from prefect.types._concurrency import ConcurrencyLeaseHolder

from warehouse import writer


def limit_name(db_path: str | Path) -> str:
    """`newsfacts-warehouse-<file stem>-<hash of its absolute path>`: one limit per file, readable in the UI."""
    resolved = Path(db_path).expanduser().resolve()
    digest = hashlib.sha1(str(resolved).encode()).hexdigest()[:10]
    return f"newsfacts-warehouse-{resolved.stem}-{digest}"


@contextmanager
def one_writer(db_path: str, run_id: str, run_name: str, wait_seconds: float) -> Iterator[Path]:
    """Hold the warehouse for this run and yield the working copy to load into (see warehouse/writer.py).

    Waits at most `wait_seconds` in all, then raises writer.WarehouseBusy naming the warehouse and its holder.
    """
    holder = {"run_id": run_id, "run_name": run_name}
    began = time.monotonic()
    with _server_slot(db_path, run_id, wait_seconds):
        left = max(wait_seconds - (time.monotonic() - began), 0.0)
        with writer.hold(db_path, holder, left) as work:
            yield work


@contextmanager
def _server_slot(db_path: str, run_id: str, wait_seconds: float) -> Iterator[None]:
    if not get_current_settings().api.url:  # a temporary server serves this process alone: the file lock decides
        yield
        return
    name = limit_name(db_path)
    _ensure_limit(name)
    with ExitStack() as held:
        try:  # only the wait for the slot may time out here, not the run inside it
            held.enter_context(concurrency(name, occupy=1, timeout_seconds=wait_seconds, strict=True,
                                           holder=ConcurrencyLeaseHolder(type="flow_run", id=UUID(run_id))))
        except AcquireConcurrencySlotTimeoutError:
            raise writer.WarehouseBusy(f"warehouse {db_path} is busy: run {writer.describe_holder(db_path)} is loading it "
                                       f"(Prefect concurrency limit {name}); waited {wait_seconds:g} s") from None
        yield


def _ensure_limit(name: str) -> None:
    """Create the one-slot limit the first time a warehouse is loaded through this server."""
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate

    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(name)
        except ObjectNotFound:
            try:
                client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=1))
            except Exception:  # noqa: BLE001 - another run created it first: the limit exists, which is the point
                client.read_global_concurrency_limit_by_name(name)
