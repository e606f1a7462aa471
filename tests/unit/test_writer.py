"""One writer per warehouse, and readers that never stop it: the lock, the working copy, the published snapshot."""

from __future__ import annotations

import subprocess
import sys
import threading

import duckdb
import pytest

from warehouse import load, writer
from warehouse.query import run_query


def test_a_second_writer_waits_then_fails_naming_the_warehouse_and_the_run_holding_it(db):
    with writer.hold(db, {"run_id": "r-1", "run_name": "inbox 2026-12-06 04:30"}), \
            pytest.raises(writer.WarehouseBusy) as busy, writer.hold(db, {"run_id": "r-2", "run_name": "cli"}, wait_seconds=0.3):
        pass
    assert str(db) in str(busy.value) and "inbox 2026-12-06 04:30" in str(busy.value) and "r-1" in str(busy.value)
    with writer.hold(db, {"run_id": "r-2", "run_name": "cli"}, wait_seconds=0.3):  # free again once the first is done
        pass


def test_the_lock_is_waited_for_not_refused(db):
    """A run that finds the warehouse busy gets it as soon as the holder is done, within its wait."""
    first_in = threading.Event()

    def hold_briefly():
        with writer.hold(db, {"run_id": "r-1", "run_name": "first"}):
            first_in.set()
            threading.Event().wait(0.5)

    holder = threading.Thread(target=hold_briefly)
    holder.start()
    first_in.wait(5)
    with writer.hold(db, {"run_id": "r-2", "run_name": "second"}, wait_seconds=10):
        assert not holder.is_alive()
    holder.join()


def test_writes_go_to_the_working_copy_and_readers_see_them_once_published(db, make_batch):
    reader = duckdb.connect(str(db), read_only=True)  # a notebook that keeps its connection open all along
    try:
        with writer.hold(db, {"run_id": "r-1", "run_name": "load"}) as work:
            assert work != db
            load.load_batch(work, make_batch())  # the reader above would make this fail on the published file
            assert count_in_another_process(db) == 0  # not yet published
            writer.publish(work, db)
            assert count_in_another_process(db) == 1  # a new reader sees the batch
        # the open reader keeps the snapshot it opened, whole
        assert reader.execute("select count(*) from dim_article").fetchall() == [(0,)]
    finally:
        reader.close()
    assert not writer.working_path(db).exists() and not writer.holder_path(db).exists()


def test_a_block_that_fails_publishes_what_was_committed_before_it(db, make_batch):
    with pytest.raises(RuntimeError), writer.hold(db, {"run_id": "r-1", "run_name": "load"}) as work:
        load.load_batch(work, make_batch())
        raise RuntimeError("the next batch failed")
    assert run_query(db, "select count(*) from dim_article")[1] == [(1,)]


def count_in_another_process(db) -> int:
    """dim_article's rows as a new reader sees them (in this process DuckDB would reuse the open reader's database)."""
    code = f"import duckdb; print(duckdb.connect({str(db)!r}, read_only=True).execute('select count(*) from dim_article').fetchall()[0][0])"
    return int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60).stdout)
