"""The `newsfacts` command: flags -> settings -> flow, plus read-only SQL, the HTML report and one-text extraction.

Prefect is imported only by `run`, so `sql` and `extract` answer in well under a second.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

from flows.acquire.urls import is_url
from flows.settings import FetchPolicy, Settings, prefect_environment
from reports import default_report_path

EPILOG_RUN = ("example: newsfacts run articles/ more/page.html --db data/newsfacts.duckdb\n"
              "         newsfacts run https://news.example.cn/rss.xml --limit 50 --urls more-urls.txt")
EPILOG_SQL = ('example: newsfacts sql "select place, sum(value) from facts where unit = \'CNY\' and not is_change '
              'and not is_threshold group by place"')
EPILOG_REPORT = "example: newsfacts report --db data/newsfacts.duckdb --out report.html --where year=2023-2024 --where province=云南"
EPILOG_EXTRACT = 'example: newsfacts extract --text "2024年，全区签约项目15个，协议资金96.35亿元。" --published 2024-03-01'


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        status = args.command(args)
        sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
        return status
    except KeyboardInterrupt:
        print("newsfacts: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `newsfacts extract ... | head -1`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's own recipe: no second error at exit
        return 141  # as a process ended by SIGPIPE
    except Exception as exc:
        if args.debug:
            raise
        print(f"newsfacts: {type(exc).__name__}: {_first_line(exc)} (--debug shows the traceback)", file=sys.stderr)
        return 1


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else ""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsfacts", description="Figures from Chinese economic news, into DuckDB.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and Prefect's own log lines")
    # --debug also after the command (newsfacts run x --debug); SUPPRESS keeps a subcommand's default
    # from overwriting the flag given before it
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    run = commands.add_parser("run", help="load articles into the warehouse", epilog=EPILOG_RUN, parents=[debug],
                              formatter_class=argparse.RawDescriptionHelpFormatter,
                              description="Read article files and folders (.txt .html .htm .md .json .jsonl) and fetch "
                                          "web pages, feeds and sitemaps, extract their figures and load them into the "
                                          "DuckDB warehouse.")
    run.add_argument("paths", nargs="*", metavar="SOURCE",
                     help="article file, folder (searched recursively), page URL, RSS/Atom feed or sitemap URL")
    run.add_argument("--db", help="DuckDB file (default: $NEWSFACTS_DB or data/newsfacts.duckdb)")
    run.add_argument("--urls", action="append", default=[], metavar="FILE", help="file of URLs, one a line, # comments")
    run.add_argument("--limit", type=int, help="articles taken from each feed or sitemap (default: all)")
    polite = run.add_argument_group("fetching (defaults: $NEWSFACTS_FETCH_<NAME>, else as shown)")
    defaults = FetchPolicy()
    polite.add_argument("--concurrency", type=int, help=f"requests in flight in all (default {defaults.concurrency})")
    polite.add_argument("--per-host", type=int, help=f"requests in flight to one host (default {defaults.per_host})")
    polite.add_argument("--delay", type=float, dest="host_delay",
                        help=f"seconds between two requests to one host (default {defaults.host_delay:g}; "
                             "a longer robots.txt Crawl-delay wins)")
    polite.add_argument("--timeout", type=float, dest="total_timeout",
                        help=f"seconds for one attempt at one page (default {defaults.total_timeout:g})")
    polite.add_argument("--retries", type=int, help=f"attempts after a timeout, connection error, 429 or 5xx "
                                                    f"(default {defaults.retries})")
    polite.add_argument("--user-agent", help=f"User-Agent header (default {defaults.user_agent!r})")
    run.add_argument("--task-runner", choices=("thread", "dask"), default="thread",
                     help="where parse, extract and validate run: threads (default) or a Dask cluster")
    run.add_argument("--dask-address", metavar="ADDRESS", help="an existing Dask scheduler (tcp://host:8786); "
                                                               "default with --task-runner dask: a local cluster")
    run.add_argument("--dask-workers", type=int, default=2, metavar="N", help="workers of the local Dask cluster (default 2)")
    run.set_defaults(command=cmd_run)
    serve = commands.add_parser("serve", parents=[debug], help="run prefect.yaml's deployments on their schedules, no work pool",
                                description="Serve the deployments of prefect.yaml with Prefect's serve(): "
                                            "same names, parameters and schedules as `prefect deploy --all`.")
    serve.add_argument("names", nargs="*", metavar="DEPLOYMENT", help="deployments to serve (default: all)")
    serve.add_argument("--project", type=Path, default=Path.cwd(), help="folder holding prefect.yaml (default: here)")
    serve.set_defaults(command=cmd_serve)
    sql = commands.add_parser("sql", help="run SQL on the warehouse, read-only", epilog=EPILOG_SQL, parents=[debug],
                              description="Run one SQL query on a read-only connection to the warehouse.")
    sql.add_argument("query", help="SQL; the public view is `facts`")
    sql.add_argument("--db", help="DuckDB file (default: $NEWSFACTS_DB or data/newsfacts.duckdb)")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default table)")
    sql.add_argument("--allow-dir", action="append", default=[], metavar="DIR",
                     help="let the query read and write files under DIR (read_csv, COPY TO); by default it can "
                          "touch no file but the warehouse")
    sql.set_defaults(command=cmd_sql)
    report = commands.add_parser("report", help="write the warehouse's HTML report", epilog=EPILOG_REPORT,
                                 description="Write one self-contained HTML page (charts, a map, tables) from the "
                                             "warehouse's `facts` view, readable with no network.")
    report.add_argument("--db", help="DuckDB file (default: $NEWSFACTS_DB or data/newsfacts.duckdb)")
    report.add_argument("--out", help="HTML file to write (default: beside the warehouse, data/newsfacts.html)")
    report.add_argument("--where", action="append", metavar="KEY=VALUES",
                        help="keep figures of these years, provinces or categories: year=2023, year=2021-2024, "
                             "province=云南,广西, category=investment,trade (repeatable; all must hold)")
    report.set_defaults(command=cmd_report)
    extract = commands.add_parser("extract", help="print the figures of one text as JSON lines", epilog=EPILOG_EXTRACT,
                                  parents=[debug],
                                  description="Extract the figures of one text, no warehouse involved: JSON lines "
                                              "with the columns of the `facts` view, plus the rule that fired.")
    source = extract.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="the article text")
    source.add_argument("--file", type=Path, help="a file holding the article (any supported format)")
    extract.add_argument("--published", type=date.fromisoformat, help="publication date YYYY-MM-DD, to resolve 今年/去年")
    extract.set_defaults(command=cmd_extract)
    return parser


def cmd_run(args: argparse.Namespace) -> int:
    settings = Settings.from_env(args.db)
    if not args.paths and not args.urls:
        print("newsfacts: give a file, folder or URL, or --urls FILE", file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not is_url(p) and not Path(p).exists()]
    missing += [f for f in args.urls if not Path(f).is_file()]
    for path in missing:
        print(f"newsfacts: no such file or folder: {path}", file=sys.stderr)
    if len(missing) == len(args.paths) + len(args.urls):
        return 2
    policy = FetchPolicy.from_env(concurrency=args.concurrency, per_host=args.per_host, host_delay=args.host_delay,
                                  total_timeout=args.total_timeout, retries=args.retries, user_agent=args.user_agent)
    prefect_environment(quiet=not args.debug)
    from prefect import tags

    from flows.lifeline import watch_over_children

    watch_over_children()  # a temporary Prefect server must not outlive this process, even after kill -9
    from flows import report
    from flows.runners import task_runner

    began = time.perf_counter()
    with _progress_bar() as bar, task_runner(args.task_runner, args.dask_address, args.dask_workers) as etl, \
            tags("newsfacts", "cli", *_source_tags(args)):
        report.PROGRESS_LISTENERS.append(bar.advance)
        report.FETCH_LISTENERS.append(bar.fetched)
        try:
            state = etl(paths=args.paths, db_path=settings.db_path, batch_size=settings.batch_size,
                        max_bytes=settings.max_bytes, url_files=args.urls, limit=args.limit, fetch_policy=policy,
                        return_state=True)
        finally:  # a later run in this process must not move this run's finished bar
            report.PROGRESS_LISTENERS.remove(bar.advance)
            report.FETCH_LISTENERS.remove(bar.fetched)
    run_id = state.state_details.flow_run_id
    if state.is_failed() or state.is_crashed():
        print(f"newsfacts: the run failed: {_first_line(Exception(state.message))}", file=sys.stderr)
        if not args.debug:
            print(f"newsfacts: --debug shows the traceback, as does `prefect flow-run logs {run_id}`", file=sys.stderr)
        return 1
    counts = state.result()
    _print_summary(counts, settings.db_path, time.perf_counter() - began, run_id)
    if counts.documents_read == 0:
        print(f"newsfacts: {_nothing_read(counts)}", file=sys.stderr)
        return 1
    return 0


def _source_tags(args: argparse.Namespace) -> list[str]:
    """`source:folder` for files and folders, `source:web` for URLs and URL lists: run filters in the UI."""
    local = any(not is_url(p) for p in args.paths)
    web = bool(args.urls) or any(is_url(p) for p in args.paths)
    return ["source:folder"] * local + ["source:web"] * web


def _nothing_read(counts) -> str:
    if counts.files_found == 0 and counts.pages_found == 0:
        return "no article file or page found under the given sources"
    if counts.pages_found == 0:
        return f"none of the {counts.files_found} files and records found could be read: see the rejects above"
    return (f"none of the {counts.files_found} files and records and {counts.pages_found} pages found could be read: "
            "see the rejects above")


def _print_summary(counts, db_path: str, seconds: float, run_id) -> None:
    if counts.pages_found:
        print(f"pages to fetch {counts.pages_found} (after feeds and sitemaps)")
    # Each count adds up: files found = read + refused before reading; documents read (a JSON file holds several)
    # = new + changed + unchanged + refused after reading.
    print(f"files found {counts.files_found}: read {counts.files_found - counts.refused_before_reading}, "
          f"refused before reading {counts.refused_before_reading}; documents read {counts.documents_read}: "
          f"new {counts.articles_new}, changed {counts.articles_changed}, unchanged {counts.articles_unchanged}, "
          f"refused {counts.refused_after_reading}; figures loaded {counts.figures_loaded}"
          + (f"; paths with no articles {counts.paths_refused}" if counts.paths_refused else ""))
    for (stage, reason), n in counts.reasons.most_common():
        print(f"  rejected at {stage}: {reason} x{n}, e.g. {counts.examples[(stage, reason)]}")
    print(f"time {seconds:.1f} s; flow run {run_id}; warehouse {db_path}")
    print(f"report {default_report_path(db_path)}")


class _progress_bar:
    """A rich progress bar on a terminal, with a second one for pages fetched; nothing when output is piped."""

    def __enter__(self):
        self._bar = self._fetch_task = None
        if sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            # files done of all, and the rate since the run started (rich's own speed column averages 30 s only)
            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                                 TimeElapsedColumn(), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("files", total=None, rate="")  # no total until discovery is done
            self._began = time.perf_counter()
        return self

    def advance(self, done: int, total: int) -> None:
        if self._bar is not None:
            rate = done / max(time.perf_counter() - self._began, 1e-6)
            self._bar.update(self._task, completed=done, total=total, rate=f"{rate:,.0f} files/s")

    def fetched(self, done: int, total: int) -> None:
        if self._bar is not None:
            if self._fetch_task is None:
                self._fetch_task = self._bar.add_task("pages fetched", total=total, rate="")
            self._bar.update(self._fetch_task, completed=done, total=total)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve until interrupted; relative paths in the deployments' parameters mean the project folder."""
    project = args.project.resolve()
    if not (project / "prefect.yaml").exists():
        print(f"newsfacts: no prefect.yaml in {project}", file=sys.stderr)
        return 2
    if not os.environ.get("PREFECT_API_URL"):
        print("newsfacts: serve needs a Prefect server for its schedules: start `prefect server start` and export "
              "PREFECT_API_URL (see the README)", file=sys.stderr)
        return 2
    os.chdir(project)
    prefect_environment(project)
    from prefect import serve

    from flows.deployments import drop_pool_deployments, runner_deployments

    try:
        deployments = runner_deployments(project, args.names or None)
    except ValueError as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 2
    for replaced in drop_pool_deployments(deployments):
        print(f"newsfacts serve: replacing deployment {replaced}; `prefect deploy` brings it back", file=sys.stderr)
    serve(*deployments)
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from warehouse.query import WarehouseMissing, run_query

    db_path = Settings.from_env(args.db).db_path
    try:
        columns, rows = run_query(db_path, args.query, args.allow_dir)
    except WarehouseMissing as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 2
    except duckdb.PermissionException as exc:
        print(f"newsfacts: refused: {_first_line(exc)}: `sql` touches no file but the warehouse "
              f"(--allow-dir DIR opens a folder)", file=sys.stderr)
        return 1
    except duckdb.IOException as exc:
        print(f"newsfacts: {_io_reason(exc, db_path)}", file=sys.stderr)
        return 1
    except duckdb.Error as exc:
        print(f"newsfacts: the query failed: {_first_line(exc)}", file=sys.stderr)
        return 1
    _write_rows(columns, rows, args.format)
    return 0


def _io_reason(exc: Exception, db_path: str) -> str:
    """An I/O error's real cause: only a lock conflict means a load is running (DuckDB allows one
    writing process or many readers, not both)."""
    message = _first_line(exc)
    if "lock" in message.lower():
        return f"cannot open the warehouse {db_path}: another process holds it, a load may be running ({message})"
    return f"cannot read the warehouse {db_path}: {message}"


def _write_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console(width=200).print(table)
        print(f"({len(rows)} rows)")


def cmd_report(args: argparse.Namespace) -> int:
    import duckdb

    from reports.build import write_report
    from reports.filters import FilterError, parse_where
    from warehouse.query import WarehouseMissing

    try:
        written = write_report(Settings.from_env(args.db).db_path, args.out, parse_where(args.where))
    except (FilterError, WarehouseMissing) as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 2
    except duckdb.IOException as exc:  # one writing process or many readers, as for `sql`
        print(f"newsfacts: cannot open the warehouse, a load may be running: {exc}", file=sys.stderr)
        return 1
    except duckdb.Error as exc:
        print(f"newsfacts: the report failed: {exc}", file=sys.stderr)
        return 1
    print(f"report {written.path} ({written.size_bytes / 1e6:.1f} MB, {written.seconds:.1f} s): "
          f"{written.headline['figures']} figures, {written.headline['places']} places")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from flows.explain import figures_as_rows, read_one

    try:
        article = read_one(text=args.text, path=args.file, published=args.published)
    except (OSError, ValueError) as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 2
    for row in figures_as_rows(article):
        print(json.dumps(row, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
