"""Unattended operation with real parts: one writer per warehouse, readers during loads, failed runs that tell
what they committed, and the Dask task runner on a real local cluster."""

from __future__ import annotations

import contextvars
import json
import logging
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from flows import batch as stages
from flows.etl import etl
from flows.runners import local_cluster_options
from tests.conftest import SAMPLES, SEEDS
from tests.flow.helpers import rows, run
from tests.flow.test_etl import artifacts_of
from warehouse import writer

pytestmark = pytest.mark.usefixtures("prefect_server")


def copies_of_samples(folder: Path, copies: int) -> int:
    """`copies` distinct copies of each plain-text sample article (a line of its own makes each distinct)."""
    folder.mkdir(parents=True)
    samples = sorted(SAMPLES.glob("*.txt"))
    for n in range(copies):
        for sample in samples:
            (folder / f"{n:05d}_{sample.name}").write_text(f"{sample.read_text(encoding='utf-8')}\n(copy {n})\n",
                                                           encoding="utf-8")
    return copies * len(samples)


def in_threads(*calls):
    """Run each call in a thread of its own, in a copy of this context (it holds the session server's URL)."""
    with ThreadPoolExecutor(len(calls)) as pool:
        futures = [pool.submit(contextvars.copy_context().run, call) for call in calls]
        return [future.result() for future in futures]


def test_two_runs_on_one_warehouse_load_one_after_the_other_every_row_once(tmp_path, warehouse):
    both = [[SEEDS], [SEEDS, SAMPLES]]  # the seeds in both: whichever run comes second finds them unchanged
    states = in_threads(*(lambda p=p: etl(paths=[str(x) for x in p], db_path=str(warehouse), batch_size=1,
                                          return_state=True) for p in both))
    assert all(s.is_completed() for s in states), [s.message for s in states]
    spans = sorted(rows(warehouse, "select started_at, finished_at from etl_run where status = 'completed'"))
    assert len(spans) == 2 and spans[0][1] <= spans[1][0]  # one after the other, never overlapping
    one = tmp_path / "one.duckdb"
    run([SEEDS, SAMPLES], one)
    for same in ("select count(*), count(distinct source) from dim_article",
                 "select count(*), count(distinct figure_id), round(sum(value)) from fact_figure",
                 "select count(*) from raw_document"):
        assert rows(warehouse, same) == rows(one, same), same
    new, unchanged = rows(warehouse, "select sum(articles_new), sum(articles_unchanged) from etl_run")[0]
    assert (new, unchanged) == (11, 5)


def test_a_run_that_cannot_get_the_warehouse_fails_naming_it_and_its_holder(warehouse):
    warehouse.parent.mkdir(parents=True)
    with writer.hold(warehouse, {"run_id": "holder-run-id", "run_name": "inbox 2026-12-06 04:30"}):
        state = etl(paths=[str(SEEDS)], db_path=str(warehouse), wait_seconds=1, return_state=True)
    assert state.is_failed()
    assert str(warehouse) in state.message and "inbox 2026-12-06 04:30" in state.message, state.message


# A reader with short-lived connections (as `newsfacts sql` opens them), polling every 0.1 s.
READER = """
import json, os, sys, time, duckdb
db, stop = sys.argv[1], sys.argv[2]
while not os.path.exists(db):
    time.sleep(0.05)
while not os.path.exists(stop):
    try:
        con = duckdb.connect(db, read_only=True)
        try:
            articles, figures, counted = con.execute(
                "select (select count(*) from dim_article), (select count(*) from fact_figure),"
                " (select coalesce(sum(figure_count), 0) from dim_article)").fetchall()[0]
        finally:
            con.close()
        print(json.dumps({"ok": True, "articles": articles, "figures": figures, "counted": counted}), flush=True)
    except Exception as error:
        print(json.dumps({"ok": False, "error": str(error)}), flush=True)
    time.sleep(0.1)
"""

# A reader holding its connection open all along, as a notebook would; it keeps the snapshot it opened.
NOTEBOOK = """
import os, sys, time, duckdb
db, stop = sys.argv[1], sys.argv[2]
while not os.path.exists(db):
    time.sleep(0.05)
con = duckdb.connect(db, read_only=True)
while not os.path.exists(stop):
    con.execute("select count(*) from fact_figure").fetchall()
    time.sleep(0.1)
print(con.execute("select count(*) from dim_article").fetchall()[0][0])
"""


def test_readers_polling_during_a_2000_article_load_never_fail_it_nor_see_half_a_batch(tmp_path, warehouse):
    corpus = tmp_path / "corpus"
    total = copies_of_samples(corpus, 1000)  # 2 plain-text samples: 2,000 articles
    batch_size = 250
    warehouse.parent.mkdir(parents=True)
    stop = tmp_path / "stop"
    reader, notebook = (subprocess.Popen([sys.executable, "-c", code, str(warehouse), str(stop)], stdout=subprocess.PIPE,
                                         text=True) for code in (READER, NOTEBOOK))
    try:
        counts = run([corpus], warehouse, batch_size=batch_size)
    finally:
        stop.touch()
        out, _ = reader.communicate(timeout=60)
        notebook_saw, _ = notebook.communicate(timeout=60)
    assert int(notebook_saw) < total  # it kept the snapshot it opened, and the load went on around it
    reads = [json.loads(line) for line in out.splitlines()]
    assert counts.articles_new == total
    assert len(reads) > 20 and all(r["ok"] for r in reads), [r for r in reads if not r["ok"]][:3]
    seen = {r["articles"] for r in reads}
    assert seen <= set(range(0, total + 1, batch_size)), seen  # whole batches only
    assert len(seen) > 2  # the reader saw the load move
    assert all(r["figures"] == r["counted"] for r in reads)  # every article's figures, no more, no fewer


def test_a_failed_run_keeps_and_tells_what_its_committed_batches_loaded_and_a_rerun_finishes(tmp_path, warehouse,
                                                                                             monkeypatch):
    corpus = tmp_path / "corpus"
    copies_of_samples(corpus, 5)  # 10 articles, in batches of 2: the fourth batch fails
    real_validate = stages.validate_batch

    def fails_on_copy_3(documents, *args):
        if any("00003_" in d.source for d in documents):
            raise RuntimeError("injected failure in batch 4")
        return real_validate(documents, *args)

    monkeypatch.setattr(stages, "validate_batch", fails_on_copy_3)
    state = etl(paths=[str(corpus)], db_path=str(warehouse), batch_size=2, return_state=True)
    assert state.is_failed() and "injected failure" in state.message
    run_id = str(state.state_details.flow_run_id)
    loaded = rows(warehouse, "select count(*) from dim_article")[0][0]
    assert loaded == 6  # batches 1-3 committed; batch 5 was in flight, but batches load in order
    status, new, figures = rows(warehouse, "select status, articles_new, figures_loaded from etl_run")[0]
    assert (status, new) == ("failed", loaded)
    assert figures == rows(warehouse, "select count(*) from fact_figure")[0][0] > 0
    published = artifacts_of(run_id)
    assert published["newsfacts-run-summary"].description.split(" ")[3] == "failed:"
    summary = {r["measure"]: r["count"] for r in json.loads(published["newsfacts-run-summary"].data)}
    assert summary["articles new"] == loaded
    monkeypatch.setattr(stages, "validate_batch", real_validate)
    counts = run([corpus], warehouse, batch_size=2)
    assert (counts.articles_new, counts.articles_unchanged) == (10 - loaded, loaded)


class Kept(logging.Handler):
    """The flow run's log records, as Prefect's handlers get them (these tests send no logs to the server)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def flow_run_errors():
    kept, logger = Kept(), logging.getLogger("prefect.flow_runs")
    logger.addHandler(kept)
    yield kept.messages
    logger.removeHandler(kept)


def test_a_run_whose_inbox_and_url_list_are_missing_ends_failed_and_records_why(tmp_path, warehouse, flow_run_errors):
    # a scheduled deployment pointed at an inbox that is not there must not look like a quiet empty run
    inbox, url_list = tmp_path / "inbox", tmp_path / "sources.txt"
    state = etl(paths=[str(inbox)], db_path=str(warehouse), url_files=[str(url_list)], return_state=True)
    assert state.is_failed() and "nothing to read" in state.message
    assert any("nothing to read" in m and str(inbox) in m and str(url_list) in m for m in flow_run_errors), flow_run_errors
    assert rows(warehouse, "select status, rejected, documents_read from etl_run") == [("failed", 2, 0)]
    assert sorted(rows(warehouse, "select reason from rejects")) == [("not_found",), ("unreadable",)]


def test_a_failure_in_discovery_ends_failed_with_an_etl_run_row_and_a_rerun_completes(tmp_path, warehouse,
                                                                                      flow_run_errors):
    # ~user with no such user: Python cannot expand the path, and discovery raises before any batch
    state = etl(paths=["~no-such-user-newsfacts/inbox"], db_path=str(warehouse), return_state=True)
    assert state.is_failed() and "home directory" in state.message
    assert any("home directory" in m for m in flow_run_errors), flow_run_errors
    run_id = str(state.state_details.flow_run_id)
    assert rows(warehouse, "select run_id, status from etl_run") == [(run_id, "failed")]
    assert artifacts_of(run_id)["newsfacts-run-summary"].description.split(" ")[3] == "failed:"
    counts = run([SAMPLES], warehouse)
    assert counts.articles_new > 0
    assert rows(warehouse, "select status from etl_run order by started_at") == [("failed",), ("completed",)]


def test_the_dask_runner_on_a_local_cluster_loads_the_same_rows_as_the_default(tmp_path):
    from flows.dask_runner import KeyedDaskTaskRunner

    # Copies of the samples, each with a line of its own (the same story republished), spread over batches that
    # two workers validate at once: the first loaded must stay the canonical one, as on the default runner
    # (whether a later batch is validated first here depends on timing; test_warehouse pins that case)
    copies_of_samples(tmp_path / "copies", 4)
    inputs = [str(SEEDS), str(SAMPLES), str(tmp_path / "copies")]
    default_db, dask_db = tmp_path / "thread.duckdb", tmp_path / "dask.duckdb"
    run(inputs, default_db, batch_size=2)
    dask_etl = etl.with_options(task_runner=KeyedDaskTaskRunner(cluster_kwargs=local_cluster_options(2)))  # as `run` makes it
    began = time.monotonic()
    state = dask_etl(paths=inputs, db_path=str(dask_db), batch_size=2, return_state=True)
    assert state.is_completed(), state.message
    assert time.monotonic() - began < 240
    for table, key in (("fact_figure", "figure_id"), ("dim_article", "article_id"), ("rejects", "source, reason")):
        query = f"select * exclude (run_id{', loaded_at' if table == 'dim_article' else ''}" \
                f"{', rejected_at' if table == 'rejects' else ''}) from {table} order by {key}"
        assert rows(dask_db, query) == rows(default_db, query), table
    con = duckdb.connect(str(dask_db), read_only=True)
    try:
        assert con.execute("select count(*) from fact_figure").fetchall()[0][0] > 100
        assert con.execute("select count(*) from dim_article where canonical_article_id is not null").fetchall()[0][0] >= 6
    finally:
        con.close()
    # the workers reported each batch's task run to the flow's server, with the flow's settings
    task_runs = _task_runs_of(state.state_details.flow_run_id)
    transforms = [t for t in task_runs if t.name.startswith("transform")]
    loads = [t for t in task_runs if t.name.startswith("load_tables")]
    assert len(transforms) > 5 and len(loads) == len(transforms) + 1  # a load a batch, and one of discovery's rejects
    assert {t.state.type.value for t in transforms} == {"COMPLETED"}


def _task_runs_of(flow_run_id) -> list:
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        return client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))


def test_run_on_dask_with_no_server_starts_one_and_exits_promptly(tmp_path):
    # `newsfacts run --task-runner dask` with no PREFECT_API_URL: one temporary server for the flow and the workers,
    # and every log and event sent before it stops (left queued, they held the exit up for 75 s, then failed)
    # as a user runs it: none of the tests' Prefect settings (their runs log nothing to the API, for one)
    env = {name: value for name, value in os.environ.items() if not name.startswith("PREFECT_")}
    began = time.monotonic()
    done = subprocess.run([str(Path(sys.executable).with_name("newsfacts")), "run", str(SAMPLES), "--db",
                           str(tmp_path / "w.duckdb"), "--task-runner", "dask", "--dask-workers", "1"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert time.monotonic() - began < 120
    assert "Error logging to API" not in done.stdout + done.stderr
    assert rows(tmp_path / "w.duckdb", "select status from etl_run") == [("completed",)]
    assert rows(tmp_path / "w.duckdb", "select count(*) > 50 from fact_figure") == [(True,)]
