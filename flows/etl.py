"""The newsfacts flow: local and fetched articles -> figures -> a DuckDB star schema, one Prefect task per stage and batch.

Tasks take a whole batch (Prefect costs ~25 ms per task run; one task per article would cost more
than the work). Task inputs are large and never reused, so no task caches them.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows import batch as stages
from flows import lifeline, report, star
from flows.acquire.local import Discovery, read_documents
from flows.acquire.sources import conditions_of, find_sources, sort_pages
from flows.acquire.worker import ProcessFetcher, RemotePageStream
from flows.extract.places import all_places
from flows.records import Article, Figure, RawDocument, Reject
from flows.settings import DEFAULT_BATCH_SIZE, DEFAULT_DB, DEFAULT_MAX_BYTES, FetchPolicy
from reports.build import write_report as write_html
from warehouse import load


@task(cache_policy=NO_CACHE)
def start(db_path: str, run_id: str, inputs: list[str]) -> None:
    """Create the warehouse if needed, load the gazetteer, mark runs whose process died as abandoned,
    and record this run as running."""
    load.ensure_schema(db_path, stages.places_table(all_places()))
    dead = [run for run, pid, host, began in load.running_runs(db_path) if lifeline.is_abandoned(pid, host, began)]
    load.mark_abandoned(db_path, dead, datetime.now())
    load.start_run(db_path, run_id, "newsfacts-etl", inputs, datetime.now(), os.getpid(), lifeline.this_host())


@task(cache_policy=NO_CACHE)
def find_articles(paths: list[str], url_files: list[str], limit: int | None, web: ProcessFetcher) -> Discovery:
    """Files under the paths; article URLs from URLs, URL lists, feeds and sitemaps."""
    return find_sources(paths, url_files, limit, web)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def acquire(files: list[Path], max_bytes: int) -> tuple[list[RawDocument], list[Reject]]:
    return read_documents(files, max_bytes)


@task(cache_policy=NO_CACHE)
def start_fetching(db_path: str, web: ProcessFetcher, urls: list[str]) -> RemotePageStream:
    """Fetch the URLs in the background from now on, conditionally where a version is loaded (ETag, Last-Modified)."""
    stored = load.stored_headers(db_path, [star.article_id_of(url) for url in urls])
    return web.stream(urls, conditions_of(urls, {url: stored.get(star.article_id_of(url)) for url in urls}))


@task(cache_policy=NO_CACHE)
def fetch(pages: RemotePageStream, count: int, progress: report.Progress) -> tuple[list[RawDocument], list[Reject], list[str]]:
    """The next `count` pages of the stream: documents, rejects, and the URLs that answered 304."""
    return sort_pages(pages.take(count, on_progress=progress.fetched))


@task(cache_policy=NO_CACHE)
def triage(db_path: str, documents: list[RawDocument], seen: stages.Seen, not_modified: list[str] | None = None) -> stages.Triage:
    """New, changed, unchanged (a 304 among them); copies linked to their original; a source repeated in the run refused."""
    known = load.known_versions(db_path, [star.article_id_of(d.source) for d in documents])
    canonical = load.canonical_sources(db_path, list({d.content_hash for d in documents}))
    return stages.triage(documents, known, canonical, seen, not_modified)


@task(cache_policy=NO_CACHE)
def parse(documents: list[RawDocument]) -> tuple[list[Article], list[Reject]]:
    """Decode and normalise a batch: articles, and rejects for what is empty, binary or not an article."""
    return stages.parse_documents(documents)


@task(cache_policy=NO_CACHE)
def extract(articles: list[Article]) -> tuple[list[Article], list[list[Figure]], list[Reject]]:
    """The figures of each article of a batch."""
    return stages.extract_articles(articles)


@task(cache_policy=NO_CACHE)
def validate(documents, articles, figures, rejects: list[Reject], run_id: str) -> tuple[dict, list[Reject]]:
    """Checked star-schema frames for the batch, with every reject of the batch as the `rejects` frame."""
    now = datetime.now()
    tables, row_rejects = stages.validate_batch(documents, articles, figures, run_id, now)
    rejects = rejects + row_rejects
    tables["rejects"] = stages.rejects_table(rejects, run_id, now)
    return tables, rejects


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 5])
def load_tables(db_path: str, tables: dict) -> load.BatchCounts:
    return load.load_batch(db_path, tables)


@task(cache_policy=NO_CACHE)
def finish(db_path: str, run_id: str, counts: report.RunCounts, elapsed: float) -> None:
    load.finish_run(db_path, run_id, "completed", counts.columns(), datetime.now())
    report.publish_summary(run_id, counts, elapsed)


@task(cache_policy=NO_CACHE)
def write_report(db_path: str) -> None:
    """Refresh the warehouse's HTML report beside it and link it in the UI; a failure here fails no load."""
    try:
        report.publish_report_link(write_html(db_path))
    except Exception as error:  # noqa: BLE001 - the load is committed; the report is a view of it, retried next run
        get_run_logger().warning("the HTML report of %s was not written: %s", db_path, error)
        report.publish_report_failure(db_path, error)


@flow(name="newsfacts-etl", on_failure=[report.mark_run_failed], on_crashed=[report.mark_run_failed])
def etl(
    paths: list[str],
    db_path: str = DEFAULT_DB,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    url_files: list[str] | None = None,
    limit: int | None = None,
    fetch_policy: FetchPolicy | None = None,
) -> report.RunCounts:
    """Read the articles under `paths` (files, folders, URLs, feeds, sitemaps) and in `url_files`, extract
    their figures, and load them into the DuckDB file. `limit`: articles taken from each feed or sitemap."""
    run_id, began, counts, seen = str(flow_run.id), datetime.now(), report.RunCounts(), stages.Seen()
    start(db_path, run_id, paths + (url_files or []))
    with ProcessFetcher(fetch_policy or FetchPolicy(), max_bytes) as web:  # the run's one HTTP client, in a process
        found = find_articles(paths, url_files or [], limit, quote(web))  # discover
        load_tables(db_path, {"rejects": stages.rejects_table(found.rejects, run_id, began)})
        report.tally_found(counts, found)
        progress = report.Progress.start(len(found.files) + len(found.urls))
        progress.start_fetching(len(found.urls))
        pages = start_fetching(db_path, quote(web), quote(found.urls))  # fetched in the background from here on
        # quote(): a batch goes to its task as it is; otherwise Prefect visits every element of it looking
        # for futures to wait on, which took two thirds of a run's time.
        for files in report.batches(found.files, batch_size):
            documents, refused = acquire(quote(files), max_bytes)  # read
            _process(db_path, run_id, counts, seen, documents, refused)  # triage, parse, extract, validate, load
            progress.advance(len(files))
        for urls in report.batches(found.urls, batch_size):
            documents, refused, not_modified = fetch(quote(pages), len(urls), quote(progress))  # fetch
            _process(db_path, run_id, counts, seen, documents, refused, not_modified)  # triage ... load
            progress.advance(len(urls))
    finish(db_path, run_id, counts, (datetime.now() - began).total_seconds())  # report
    write_report(db_path)  # the HTML report, refreshed
    return counts


def _process(db_path: str, run_id: str, counts: report.RunCounts, seen: stages.Seen, documents: list[RawDocument],
             refused: list[Reject], not_modified: list[str] | None = None) -> None:
    """One batch of documents, read or fetched, from triage to load, and counted. `seen` spans the run's
    batches, local and fetched alike: a page with a file's bytes is a copy of it."""
    sorted_docs = triage(db_path, quote(documents), quote(seen), not_modified)  # new, changed, unchanged, copies
    articles, parse_rejects = parse(quote(sorted_docs.to_process))  # parse and normalise
    articles, figures, extract_rejects = extract(quote(articles))  # extract
    refused = refused + sorted_docs.rejects + parse_rejects + extract_rejects
    tables, rejects = validate(*map(quote, (sorted_docs.to_process, articles, figures, refused)), run_id)  # validate
    load_tables(db_path, quote(tables))  # load
    report.tally(counts, sorted_docs, tables, rejects)
