"""The newsfacts flow: local and fetched articles -> figures -> a DuckDB star schema.

A batch is two Prefect tasks. `transform` (parse, extract, validate: the CPU-bound stages) is submitted to the flow's
task runner, so batches overlap (threads by default, a Dask cluster with `newsfacts run --task-runner dask`);
`load_tables` runs in the flow's process, one batch at a time, in order. Reading and triage are plain calls in the
flow. Each stage logs what it did (counts, seconds) at INFO, so the run's logs tell the stages apart.

Why not a task per stage: each task run costs CPU in the process that runs it and in the Prefect server, which on
two cores competes with the Dask workers. With seven task runs a batch (read, triage, parse, extract, validate,
transform, load), a 10,000-article Dask run cost the server 3.6-4.4 s of CPU; with two, 1.4-2.2 s, and the run
was 13-15 s instead of 17-21 s (tasks of a whole batch already: one task per article would cost more than the work).
Task inputs are large and never reused, so no task caches them.
"""

from __future__ import annotations

import os
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows import batch as stages
from flows import lifeline, report, star
from flows.acquire.local import Discovery, read_documents
from flows.acquire.sources import conditions_of, find_sources, require_something_to_read, sort_pages
from flows.acquire.worker import ProcessFetcher, RemotePageStream
from flows.extract.places import all_places
from flows.ownership import one_writer
from flows.records import RawDocument, Reject
from flows.runners import batches_ahead
from flows.settings import DEFAULT_BATCH_SIZE, DEFAULT_DB, DEFAULT_MAX_BYTES, DEFAULT_WAIT_SECONDS, FetchPolicy
from reports.build import ReportProcess
from warehouse import load, writer


@task(cache_policy=NO_CACHE)
def start(db_path: Path, run_id: str, inputs: list[str]) -> None:
    """Create the warehouse if needed, load the gazetteer, mark runs whose process died as abandoned,
    and record this run as running. Called under the writer lock, so no live run is among the `running` rows
    but one of another host (lifeline.is_abandoned leaves those alone)."""
    load.ensure_schema(db_path, stages.places_table(all_places()))
    dead = [run for run, pid, host, began in load.running_runs(db_path) if lifeline.is_abandoned(pid, host, began)]
    load.mark_abandoned(db_path, dead, datetime.now())
    load.start_run(db_path, run_id, "newsfacts-etl", inputs, datetime.now(), os.getpid(), lifeline.this_host())


@task(cache_policy=NO_CACHE)
def find_articles(paths: list[str], url_files: list[str], limit: int | None, web: ProcessFetcher) -> Discovery:
    """Files under the paths; article URLs from URLs, URL lists, feeds and sitemaps."""
    found = find_sources(paths, url_files, limit, web)
    get_run_logger().info("discover: %d article files and %d pages under %d sources, %d sources refused",
                          len(found.files), len(found.urls), len(paths) + len(url_files), len(found.rejects))
    return found


def acquire(files: list[Path], max_bytes: int) -> tuple[list[RawDocument], list[Reject]]:
    """Read a batch of files. A plain call, not a task with retries: a file that cannot be read is a reject (its
    reason kept), never an error to retry."""
    began = time.perf_counter()
    documents, refused = read_documents(files, max_bytes)
    get_run_logger().info("read: %d files -> %d documents, %d refused in %.2f s", len(files), len(documents),
                          len(refused), time.perf_counter() - began)
    return documents, refused


@task(cache_policy=NO_CACHE)
def start_fetching(db_path: Path, web: ProcessFetcher, urls: list[str]) -> RemotePageStream:
    """Fetch the URLs in the background from now on, conditionally where a version is loaded (ETag, Last-Modified)."""
    stored = load.stored_headers(db_path, [star.article_id_of(url) for url in urls])
    return web.stream(urls, conditions_of(urls, {url: stored.get(star.article_id_of(url)) for url in urls}))


@task(cache_policy=NO_CACHE)
def fetch(pages: RemotePageStream, count: int, progress: report.Progress) -> tuple[list[RawDocument], list[Reject], list[str]]:
    """The next `count` pages of the stream: documents, rejects, and the URLs that answered 304."""
    return sort_pages(pages.take(count, on_progress=progress.fetched))


def triage(db_path: Path, documents: list[RawDocument], seen: stages.Seen, not_modified: list[str] | None = None) -> stages.Triage:
    """New, changed, unchanged (a 304 among them); copies linked to their original; a source repeated in the run refused.

    Runs in the flow, batch after batch, before earlier batches have loaded: `seen` covers those."""
    began = time.perf_counter()
    known, canonical = load.loaded_versions(db_path, [star.article_id_of(d.source) for d in documents],
                                            list({d.content_hash for d in documents}))
    sorted_docs = stages.triage(documents, known, canonical, seen, not_modified)
    get_run_logger().info("triage: %d new, %d changed, %d unchanged, %d repeated in the run, in %.2f s", len(sorted_docs.new),
                          len(sorted_docs.changed), len(sorted_docs.unchanged) + len(sorted_docs.not_modified),
                          len(sorted_docs.rejects), time.perf_counter() - began)
    return sorted_docs


class Parcel:
    """A batch handed to a submitted task as one opaque object. quote() cannot do it there: Dask rebuilds tuples
    (quote is a namedtuple) and so drops it, and without it Prefect walks every article looking for futures."""

    __slots__ = ("documents", "refused")

    def __init__(self, documents: list[RawDocument], refused: list[Reject]) -> None:
        self.documents, self.refused = documents, refused


@task(cache_policy=NO_CACHE)
def transform(parcel: Parcel, run_id: str) -> tuple[dict, list[Reject]]:
    """Parse, extract and validate one batch where the task runner puts it (a thread, a Dask worker)."""
    logger, took = get_run_logger(), {}
    documents = parcel.documents
    with timed(took, "parse"):
        articles, parse_rejects = stages.parse_documents(documents)
    with timed(took, "extract"):
        articles, figures, extract_rejects = stages.extract_articles(articles)
    with timed(took, "validate"):
        now = datetime.now()
        tables, row_rejects = stages.validate_batch(documents, articles, figures, run_id, now)
        rejects = parcel.refused + parse_rejects + extract_rejects + row_rejects
        tables["rejects"] = stages.rejects_table(rejects, run_id, now)
    logger.info("transform: %d documents -> %d articles, %d figures, %d rejects; %s", len(documents),
                len(articles), sum(map(len, figures)), len(rejects),
                ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in took.items()))
    return tables, rejects


@contextmanager
def timed(took: dict[str, float], stage: str):
    """Adds the block's seconds to took[stage]."""
    began = time.perf_counter()
    try:
        yield
    finally:
        took[stage] = took.get(stage, 0.0) + time.perf_counter() - began


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 5])
def load_tables(work_db: Path, db_path: str, tables: dict, run_id: str, counts: report.RunCounts) -> load.BatchCounts:
    """Load a batch and the run's counts so far in one transaction, then publish the warehouse to readers."""
    loaded = load.load_batch(work_db, tables, run=(run_id, counts.columns()))
    seconds = writer.publish(work_db, Path(db_path))
    get_run_logger().info("load: %d articles, %d figures, %d rejects; published to readers in %.2f s",
                          loaded.articles, loaded.figures, loaded.rejects, seconds)
    return loaded


@task(cache_policy=NO_CACHE)
def finish(work_db: Path, run_id: str, counts: report.RunCounts, elapsed: float, status: str = "completed") -> None:
    load.finish_run(work_db, run_id, status, counts.columns(), datetime.now())
    report.publish_summary(run_id, counts, elapsed, status, load.run_digest(work_db, run_id))


@task(cache_policy=NO_CACHE)
def write_report(db_path: str, child: ReportProcess) -> None:
    """Refresh the warehouse's HTML report beside it, in the process started for it, and link it in the UI; a failure
    here fails no load."""
    try:
        written = child.write(db_path)
        get_run_logger().info("report: %s, %.1f MB, in %.1f s; its process peaked at %.0f MB", written.path,
                              written.size_bytes / 1e6, written.seconds, written.peak_mb or 0)
        report.publish_report_link(written)
    except Exception as error:  # noqa: BLE001 - the load is committed; the report is a view of it, retried next run
        get_run_logger().warning("the HTML report of %s was not written: %s", db_path, error)
        report.publish_report_failure(db_path, error)


@flow(name="newsfacts-etl", flow_run_name=report.run_name, on_crashed=[report.mark_run_crashed])
def etl(
    paths: list[str],
    db_path: str = DEFAULT_DB,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    wait_seconds: float = DEFAULT_WAIT_SECONDS,
    url_files: list[str] | None = None,
    limit: int | None = None,
    fetch_policy: FetchPolicy | None = None,
) -> report.RunCounts:
    """Read the articles under `paths` (files, folders, URLs, feeds, sitemaps) and in `url_files`, extract their
    figures, and load them into the DuckDB file. `limit`: articles taken from each feed or sitemap.

    One run at a time per warehouse: a run waits up to `wait_seconds` for another to finish, then fails.
    """
    run_id, began = str(flow_run.id), datetime.now()
    with ReportProcess() as report_child:  # started now, while the run's start leaves a core idle: ready when due
        with one_writer(db_path, run_id, flow_run.name, wait_seconds) as work_db:  # readers keep reading db_path
            start(work_db, run_id, paths + (url_files or []))
            ahead = batches_ahead(FlowRunContext.get().task_runner)
            run = Committed(work_db, db_path, run_id, stages.Seen(), report.RunCounts(), ahead)
            # a failed run, before its batches or during them, still tells what its committed batches loaded
            with failure_recorded(run, began), ProcessFetcher(fetch_policy or FetchPolicy(), max_bytes) as web:
                found = find_articles(paths, url_files or [], limit, quote(web))  # discover
                run.found(found, began)  # its rejects loaded, its progress published
                require_something_to_read(found)  # a missing inbox fails the run, once its rejects are recorded
                # fetched in the background from here on; a run with no URLs has no task run for it
                pages = start_fetching(work_db, quote(web), quote(found.urls)) if found.urls else None
                # quote(): a batch goes to its task as it is; otherwise Prefect visits every element of it looking
                # for futures to wait on, which took two thirds of a run's time.
                for files in report.batches(found.files, batch_size):
                    documents, refused = acquire(files, max_bytes)  # read
                    run.submit(len(files), documents, refused)  # triage; parse, extract, validate overlapping; load
                for urls in report.batches(found.urls, batch_size):
                    documents, refused, not_modified = fetch(quote(pages), len(urls), quote(run.progress))  # fetch
                    run.submit(len(urls), documents, refused, not_modified)
                run.load_ready(keep=0)
            finish(work_db, run_id, run.counts, (datetime.now() - began).total_seconds())  # report
        write_report(db_path, quote(report_child))  # the HTML report of the published warehouse, refreshed
    return run.counts


@dataclass
class Committed:
    """A run's batches in flight and what its committed batches loaded (the counts etl_run holds)."""

    work_db: Path
    db_path: str
    run_id: str
    seen: stages.Seen  # spans the run's batches, local and fetched alike: a page with a file's bytes is a copy of it
    counts: report.RunCounts
    ahead: int  # batches submitted beyond the one loading (runners.batches_ahead)
    progress: report.Progress | None = None  # once discovery has found what there is to do
    in_flight: deque = field(default_factory=deque)

    def found(self, found: Discovery, began: datetime) -> None:
        """Load what discovery refused and count what it found, then publish the run's progress artifacts."""
        counts = report.tallied_found(self.counts, found)
        load_tables(self.work_db, self.db_path, {"rejects": stages.rejects_table(found.rejects, self.run_id, began)},
                    self.run_id, counts)
        self.counts = counts  # only once the rejects and the counts have committed together
        self.progress = report.Progress.start(len(found.files) + len(found.urls))
        self.progress.start_fetching(len(found.urls))

    def submit(self, items: int, documents: list[RawDocument], refused: list[Reject],
               not_modified: list[str] | None = None) -> None:
        """Triage a batch here (new, changed, unchanged, copies), submit its parse, extract and validate, so batches
        overlap on the task runner, and load the oldest ones while more than `ahead` are in flight."""
        sorted_docs = triage(self.work_db, documents, self.seen, not_modified)
        parcel = Parcel(sorted_docs.to_process, refused + sorted_docs.rejects)
        self.in_flight.append((items, sorted_docs, transform.submit(parcel, self.run_id)))
        self.load_ready(keep=self.ahead)  # load, in order

    def load_ready(self, keep: int) -> None:
        """Load the oldest batches, in order, until at most `keep` are in flight."""
        while len(self.in_flight) > keep:
            items, sorted_docs, future = self.in_flight.popleft()
            tables, rejects = future.result()
            counts = report.tallied(self.counts, sorted_docs, tables, rejects)
            loaded = load_tables(self.work_db, self.db_path, quote(tables), self.run_id, counts)
            # figures a near-duplicate link took out of fact_figure were not loaded (etl_run says the same)
            counts.figures_loaded -= tables["fact_figure"].height - loaded.figures if "fact_figure" in tables else 0
            self.counts = counts  # only once the batch and its counts have committed together
            self.progress.advance(items)


@contextmanager
def failure_recorded(run: Committed, began: datetime):
    """On any error: etl_run and the summary artifact say `failed` with the committed batches' counts; re-raise."""
    try:
        yield
    except Exception as failure:
        get_run_logger().error("the run failed: %s", failure)
        run.in_flight.clear()  # batches after the failing one are not loaded: the warehouse stays as before it
        try:
            finish(run.work_db, run.run_id, run.counts, (datetime.now() - began).total_seconds(), status="failed")
        except Exception as error:  # noqa: BLE001 - the run's own error is the one to report
            get_run_logger().error("could not record the failed run in %s: %s", run.db_path, error)
        raise
