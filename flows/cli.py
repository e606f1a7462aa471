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

from flows.settings import Settings, prefect_environment
from reports import default_report_path

EPILOG_RUN = "example: newsfacts run articles/ more/page.html --db data/newsfacts.duckdb"
EPILOG_SQL = 'example: newsfacts sql "select place, sum(value) from facts where unit = \'CNY\' group by place"'
EPILOG_REPORT = "example: newsfacts report --db data/newsfacts.duckdb --out report.html --where year=2023-2024 --where province=云南"
EPILOG_EXTRACT = 'example: newsfacts extract --text "2024年，全区签约项目15个，协议资金96.35亿元。" --published 2024-03-01'


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.command(args)
    except KeyboardInterrupt:
        print("newsfacts: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsfacts", description="Figures from Chinese economic news, into DuckDB.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    run = commands.add_parser("run", help="load articles into the warehouse", epilog=EPILOG_RUN,
                              description="Read article files and folders (.txt .html .htm .md .json .jsonl), "
                                          "extract their figures and load them into the DuckDB warehouse.")
    run.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder (searched recursively)")
    run.add_argument("--db", help="DuckDB file (default: $NEWSFACTS_DB or data/newsfacts.duckdb)")
    run.add_argument("--task-runner", choices=("thread", "dask"), default="thread",
                     help="where parse, extract and validate run: threads (default) or a Dask cluster")
    run.add_argument("--dask-address", metavar="ADDRESS", help="an existing Dask scheduler (tcp://host:8786); "
                                                               "default with --task-runner dask: a local cluster")
    run.add_argument("--dask-workers", type=int, default=2, metavar="N", help="workers of the local Dask cluster (default 2)")
    run.set_defaults(command=cmd_run)
    serve = commands.add_parser("serve", help="run prefect.yaml's deployments on their schedules, no work pool",
                                description="Serve the deployments of prefect.yaml with Prefect's serve(): "
                                            "same names, parameters and schedules as `prefect deploy --all`.")
    serve.add_argument("names", nargs="*", metavar="DEPLOYMENT", help="deployments to serve (default: all)")
    serve.add_argument("--project", type=Path, default=Path.cwd(), help="folder holding prefect.yaml (default: here)")
    serve.set_defaults(command=cmd_serve)
    sql = commands.add_parser("sql", help="run SQL on the warehouse, read-only", epilog=EPILOG_SQL,
                              description="Run one SQL query on a read-only connection to the warehouse.")
    sql.add_argument("query", help="SQL; the public view is `facts`")
    sql.add_argument("--db", help="DuckDB file (default: $NEWSFACTS_DB or data/newsfacts.duckdb)")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default table)")
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
    missing = [p for p in args.paths if not Path(p).exists()]
    for path in missing:
        print(f"newsfacts: no such file or folder: {path}", file=sys.stderr)
    if len(missing) == len(args.paths):
        return 2
    prefect_environment()
    from prefect import tags

    from flows import report
    from flows.runners import task_runner

    began = time.perf_counter()
    with _progress_bar() as advance, task_runner(args.task_runner, args.dask_address, args.dask_workers) as etl, \
            tags("newsfacts", "cli", "source:folder"):
        report.PROGRESS_LISTENERS.append(advance)
        try:
            state = etl(paths=args.paths, db_path=settings.db_path, batch_size=settings.batch_size,
                        max_bytes=settings.max_bytes, return_state=True)
        finally:  # a later run in this process must not move this run's finished bar
            report.PROGRESS_LISTENERS.remove(advance)
    if state.is_failed() or state.is_crashed():
        print(f"newsfacts: the run failed: {state.message}", file=sys.stderr)
        return 1
    counts = state.result()
    _print_summary(counts, settings.db_path, time.perf_counter() - began, state.state_details.flow_run_id)
    nothing_read = counts.documents_read == 0
    if nothing_read:
        print("newsfacts: no article file found under the given paths", file=sys.stderr)
    return 1 if nothing_read else 0


def _print_summary(counts, db_path: str, seconds: float, run_id) -> None:
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
    """A rich progress bar on a terminal; nothing when output is piped."""

    def __enter__(self):
        self._bar = None
        if sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            # files done of all, and the rate since the run started (rich's own speed column averages 30 s only)
            self._bar = Progress(TextColumn("files"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                                 TimeElapsedColumn(), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("files", total=None, rate="")  # no total until discovery is done
            self._began = time.perf_counter()
        return self._advance

    def _advance(self, done: int, total: int) -> None:
        if self._bar is not None:
            rate = done / max(time.perf_counter() - self._began, 1e-6)
            self._bar.update(self._task, completed=done, total=total, rate=f"{rate:,.0f} files/s")

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

    try:
        columns, rows = run_query(Settings.from_env(args.db).db_path, args.query)
    except WarehouseMissing as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 2
    except duckdb.IOException as exc:  # DuckDB allows one writing process or many readers, not both
        print(f"newsfacts: cannot open the warehouse, a load may be running: {exc}", file=sys.stderr)
        return 1
    except duckdb.Error as exc:
        print(f"newsfacts: the query failed: {exc}", file=sys.stderr)
        return 1
    _write_rows(columns, rows, args.format)
    return 0


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
