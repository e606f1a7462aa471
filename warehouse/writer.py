"""One writer per warehouse, and readers that never stop it: a file lock, a working copy, a published snapshot.

DuckDB lets one process write a file or many read it, never both. So a run never writes the file people read:
under the warehouse's lock it copies `newsfacts.duckdb` to `newsfacts.duckdb.writing`, loads into that copy,
and after each committed batch publishes it back with an atomic rename. A reader (`newsfacts sql`, the
`duckdb` CLI, a notebook) opens the published file whenever it likes and sees the last published batch; a
reader that keeps its connection open keeps the snapshot it opened (the old inode lives until it closes).

Why not short write windows and readers that retry: DuckDB refuses a writer while any other process has the
file open, so a notebook that keeps a read-only connection would stall or fail every load, whatever the
retries; the issue measured three loads of three failing with a reader polling every 0.1 s. The price here
is one copy of the file per batch (`bench/flow_throughput.py` counts it in).

The lock is `filelock` (an OS lock the kernel drops when its process dies, so a killed run never leaves the
warehouse locked); beside it, `newsfacts.duckdb.holder` names the run holding it, for the message a waiting
run fails with.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

DEFAULT_WAIT_SECONDS = 600  # a batch of 1,000 articles takes ~10 s: ten minutes is a run, not a glitch


class WarehouseBusy(TimeoutError):
    """Another run held the warehouse for longer than this run would wait."""


def lock_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.lock")


def working_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.writing")


def holder_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.holder")


@contextmanager
def hold(db_path: str | Path, holder: dict, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> Iterator[Path]:
    """Hold the warehouse for the block and yield the working copy to write to; publish it when the block ends.

    `holder` (run id and name) is what a run kept waiting is told. Raises WarehouseBusy after `wait_seconds`.
    The working copy is published whether the block ends well or not: what it holds is committed batches only.
    """
    db = Path(db_path)
    db.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(db), thread_local=False)
    try:
        lock.acquire(timeout=wait_seconds)
    except Timeout:
        raise WarehouseBusy(f"warehouse {db} is busy: run {describe_holder(db)} is loading it; "
                            f"waited {wait_seconds:g} s") from None
    try:
        holder_path(db).write_text(json.dumps({**holder, "pid": os.getpid(), "host": socket.gethostname(),
                                               "since": datetime.now().isoformat(timespec="seconds")}))
        work = _working_copy(db)
        try:
            yield work
        finally:
            if work.exists():
                publish(work, db)
            _remove(work)
            _remove(Path(f"{work}.wal"))
    finally:
        _remove(holder_path(db))
        lock.release()


def describe_holder(db_path: str | Path) -> str:
    """The run holding the warehouse as `name (id), pid N since T`, or what is known of it."""
    try:
        held = json.loads(holder_path(db_path).read_text())
    except (OSError, ValueError):
        return "(unknown: no holder record)"
    return f"{held.get('run_name', '?')!r} ({held.get('run_id', '?')}), pid {held.get('pid')} since {held.get('since')}"


def publish(work: Path, db: Path) -> float:
    """Copy the working file next to the warehouse and rename it over it: a reader opens the old or the new
    file, never half of one. Returns the seconds it took. The working file must have no open connection."""
    began = time.perf_counter()
    staged = Path(f"{db}.publishing")
    shutil.copyfile(work, staged)
    _remove(Path(f"{db}.wal"))  # a client's log of the old file, already in the working copy: it must not replay onto the new
    os.replace(staged, db)
    return time.perf_counter() - began


def _working_copy(db: Path) -> Path:
    """A fresh copy of the published warehouse (with its write-ahead log, if a client left one) to write to."""
    work = working_path(db)
    _remove(work)
    _remove(Path(f"{work}.wal"))
    if db.exists():
        shutil.copyfile(db, work)
        if Path(f"{db}.wal").exists():
            shutil.copyfile(f"{db}.wal", f"{work}.wal")
    return work


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
