"""The one DuckDB writer: schema, runs, and one transaction per batch of star-schema frames.

Frames go in through Arrow (`insert ... select * from frame`), never row by row. Every statement
that reads a result fetches it whole before the next one (DuckDB 2 requires it on one connection).
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from pathlib import Path

import duckdb
import polars as pl

from warehouse.migrate import Column, add_missing_columns

# Load order inside a batch: dimensions first, so a reader never sees a fact without its dimension.
# dim_place: the batch's places, for zones found in the text that no gazetteer load brought.
BATCH_TABLES = ("raw_document", "dim_source", "dim_place", "dim_metric", "dim_date", "dim_article", "fact_figure",
                "rejects")


@dataclass(frozen=True, slots=True)
class BatchCounts:
    articles: int
    figures: int
    rejects: int


# DuckDB's memory for a load. By default it may take 80% of the machine and keeps what a load read (the
# articles' MinHash signatures the near-duplicate search scans, indexes) until the connection closes, so a
# load's peak grew with the warehouse: 130 MB over the process's base at 30,000 articles, and past the 1 GB
# the loading process may take at 100,000. Capped, DuckDB evicts what it read and spills large joins to disk.
LOAD_MEMORY_LIMIT = "256MB"


@contextmanager
def connect(db_path: str | Path):
    """A read-write connection to the warehouse file (created with its schema if new), closed after use."""
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path), config={"memory_limit": LOAD_MEMORY_LIMIT})
    try:
        yield con
    finally:
        con.close()


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection):
    """Commit what the block did, or roll all of it back if it raised."""
    con.execute("begin transaction")
    try:
        yield
    except Exception:
        con.execute("rollback")
        raise
    con.execute("commit")


def ensure_schema(db_path: str | Path, places: pl.DataFrame) -> list[Column]:
    """Create the tables and views of warehouse/ddl and warehouse/views, add the columns an older file lacks,
    and add gazetteer places not yet there, in one transaction. Returns the columns it added.

    Raises WarehouseOutdated, changing nothing, for drift that cannot be migrated (see warehouse/migrate.py).
    """
    tables = [sql.read_text(encoding="utf-8") for sql in _sql_files("ddl")]
    views = [sql.read_text(encoding="utf-8") for sql in _sql_files("views")]
    with connect(db_path) as con, _transaction(con):
        for statement in tables:
            con.execute(statement)
        added = add_missing_columns(con, tables, datetime.now())
        for statement in views:
            con.execute(statement)
        con.register("stg_place", places.to_arrow())
        con.execute("insert or ignore into dim_place by name select * from stg_place")
        con.unregister("stg_place")
    return added


def _sql_files(folder: str) -> list:
    return sorted((p for p in files("warehouse").joinpath(folder).iterdir() if p.name.endswith(".sql")), key=lambda p: p.name)


def loaded_versions(db_path: str | Path, article_ids: list[str], document_ids: list[str]
                    ) -> tuple[dict[str, str], dict[str, str]]:
    """What triage needs to know of the warehouse, read through one connection (opening and closing one costs
    ~25 ms, a batch's lookups ~5 ms):
    - article_id -> document_id of the version already loaded, for the given articles;
    - document_id -> source of the article loaded with those bytes as its own (not a copy, not withdrawn).
    """
    if not Path(db_path).exists() or not (article_ids or document_ids):
        return {}, {}
    with connect(db_path) as con:
        con.register("wanted_articles", pl.DataFrame({"article_id": article_ids}, schema={"article_id": pl.String}).to_arrow())
        known = con.execute(
            "select article_id, document_id from dim_article join wanted_articles using (article_id)"
        ).fetchall()
        con.register("wanted_documents", pl.DataFrame({"document_id": document_ids}, schema={"document_id": pl.String}).to_arrow())
        canonical = con.execute(
            "select document_id, min(source) from dim_article join wanted_documents using (document_id) "
            "where canonical_article_id is null and not is_withdrawn group by document_id"
        ).fetchall()
    return dict(known), dict(canonical)


def stored_headers(db_path: str | Path, article_ids: list[str]) -> dict[str, dict[str, str]]:
    """article_id -> response headers of the version loaded, for the given articles that were fetched.

    Only headers the article's own URL answered: a copy's bytes are stored once, under the first
    source that had them, and another site's ETag or Last-Modified would mislead a conditional request.
    """
    if not article_ids or not Path(db_path).exists():
        return {}
    with connect(db_path) as con:
        con.register("wanted", pl.DataFrame({"article_id": article_ids}).to_arrow())
        rows = con.execute(
            "select article_id, r.headers from dim_article join wanted using (article_id)"
            " join raw_document r using (document_id) where r.headers is not null and r.source = dim_article.source"
        ).fetchall()
    return {article_id: json.loads(headers) for article_id, headers in rows}


# Tables with no primary key: fact_figure's would be an index of every figure, which a load holds in memory (at
# 1.2 million figures 45-130 MB a batch). Its rows are unique without one: validation refuses a batch repeating a
# figure_id, and an article's figures are deleted before its new version's are inserted, in one transaction.
_KEYLESS = frozenset({"fact_figure"})


def load_batch(db_path: str | Path, tables: dict[str, pl.DataFrame],
               run: tuple[str, dict[str, int]] | None = None) -> BatchCounts:
    """Load one batch in one transaction: an article already present is replaced with its figures, and one
    whose new version was refused (`withdrawn`: article_id, document_id) loses its figures and is marked.

    `run` (run id, counts so far) updates the run's etl_run row in the same transaction, so the row always
    counts exactly what the run has committed, even if the run fails at its next batch.
    """
    loaded_at = datetime.now()
    with connect(db_path) as con, _transaction(con):
        for name in BATCH_TABLES:
            frame = tables.get(name)
            if frame is None or frame.is_empty():
                continue
            con.register(f"stg_{name}", _stamped(frame, loaded_at).to_arrow())
            if name == "dim_article":
                con.execute("delete from fact_figure where article_id in (select article_id from stg_dim_article)")
                con.execute("delete from dim_article where article_id in (select article_id from stg_dim_article)")
            con.execute(f"insert {'' if name in _KEYLESS else 'or ignore '}into {name} by name select * from stg_{name}")
        if _height(tables, "dim_article"):
            _link_near_duplicates(con)
        _withdraw(con, tables.get("withdrawn"))
        figures = _figures_kept(con, tables)
        if run is not None:  # figures a near-duplicate link took out were never loaded: the row counts those kept
            run_id, counts = run
            taken_out = _height(tables, "fact_figure") - figures
            _set_counts(con, run_id, {**counts, "figures_loaded": counts.get("figures_loaded", 0) - taken_out})
    return BatchCounts(articles=_height(tables, "dim_article"), figures=figures, rejects=_height(tables, "rejects"))


def _stamped(frame: pl.DataFrame, loaded_at: datetime) -> pl.DataFrame:
    """The batch's rows with loaded_at the time of this load. Validation stamped them when it ran, but on a
    Dask cluster a later batch may be validated before an earlier one, and near-duplicates are ordered by
    loaded_at: the earliest loaded is the canonical one, so it must follow the order of the loads."""
    if "loaded_at" not in frame.columns:
        return frame
    return frame.with_columns(loaded_at=pl.lit(loaded_at, dtype=frame.schema["loaded_at"]))


def _figures_kept(con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame]) -> int:
    """The batch's figures still in fact_figure once its near-duplicates are linked."""
    if not _height(tables, "fact_figure") or not _height(tables, "dim_article"):
        return _height(tables, "fact_figure")
    return con.execute("select count(*) from fact_figure where article_id in (select article_id from stg_dim_article)"
                       ).fetchall()[0][0]


def _link_near_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Articles of the batch restating an earlier one (warehouse/dml/near_duplicates.sql) become its
    copies: linked to it, their figures out of fact_figure, so sums count each figure once."""
    rows = con.execute(files("warehouse").joinpath("dml", "near_duplicates.sql").read_text(encoding="utf-8")).fetchall()
    if not rows:
        return
    linked = pl.DataFrame(rows, schema={"article_id": pl.String, "canonical_article_id": pl.String}, orient="row")
    con.register("stg_linked", linked.to_arrow())
    con.execute("delete from fact_figure where article_id in (select article_id from stg_linked)")
    con.execute("""
        update dim_article set canonical_article_id = l.canonical_article_id, figure_count = 0
        from stg_linked l where dim_article.article_id = l.article_id
    """)


def _withdraw(con: duckdb.DuckDBPyConnection, frame: pl.DataFrame | None) -> None:
    """Figures of articles whose latest version was refused leave fact_figure; the article row stays,
    marked, pointing at the refused version (so a rerun finds it unchanged). History stays in raw_document."""
    if frame is None or frame.is_empty():
        return
    con.register("stg_withdrawn", frame.to_arrow())
    con.execute("delete from fact_figure where article_id in (select article_id from stg_withdrawn)")
    con.execute("""
        update dim_article set is_withdrawn = true, document_id = w.document_id, figure_count = 0,
               run_id = w.run_id, loaded_at = w.loaded_at
        from stg_withdrawn w where dim_article.article_id = w.article_id
    """)


def _height(tables: dict[str, pl.DataFrame], name: str) -> int:
    frame = tables.get(name)
    return 0 if frame is None else frame.height


def start_run(db_path: str | Path, run_id: str, flow_name: str, inputs: list[str], now: datetime,
              pid: int | None = None, host: str | None = None) -> None:
    """Record a run as running in process pid on host; a retried run with the same id starts its row afresh."""
    with connect(db_path) as con:
        con.execute("delete from etl_run where run_id = ?", [run_id])
        con.execute(
            "insert into etl_run (run_id, flow_name, inputs, status, started_at, pid, host) "
            "values (?, ?, ?, 'running', ?, ?, ?)",
            [run_id, flow_name, inputs, now, pid, host],
        )


def _set_counts(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, int]) -> None:
    assignments = ", ".join(f"{column} = ?" for column in counts)
    con.execute(f"update etl_run set {assignments} where run_id = ?", [*counts.values(), run_id])


def running_runs(db_path: str | Path) -> list[tuple[str, int | None, str | None, datetime]]:
    """(run_id, pid, host, started_at) of the runs recorded as running."""
    with connect(db_path) as con:
        return con.execute("select run_id, pid, host, started_at from etl_run where status = 'running'").fetchall()


def mark_abandoned(db_path: str | Path, run_ids: list[str], now: datetime) -> None:
    """Runs whose process died without closing their row (kill -9, a lost machine)."""
    if run_ids:
        with connect(db_path) as con:
            con.execute("update etl_run set status = 'abandoned', finished_at = ? where run_id in (select unnest(?))",
                        [now, run_ids])


def finish_run(db_path: str | Path, run_id: str, status: str, counts: dict[str, int], now: datetime) -> None:
    """Close a run's row with its status and the counts of each stage."""
    assignments = "".join(f", {column} = ?" for column in counts)
    with connect(db_path) as con:
        con.execute(
            f"update etl_run set status = ?, finished_at = ?{assignments} where run_id = ?",
            [status, now, *counts.values(), run_id],
        )


def run_digest(db_path: str | Path, run_id: str, articles: int = 20, per_category: int = 3) -> dict[str, list[dict]]:
    """What a run loaded, for people: its articles (title, places) and the largest figures of each category.

    Rows of the `facts` view joined on the run id; the largest figures are amounts: change rates, class
    thresholds (10亿元以上项目) and figures read next to mojibake are left out.
    """
    queries = {
        "articles": _DIGEST_ARTICLES.format(limit=articles),
        "figures": _DIGEST_FIGURES.format(per_category=per_category),
    }
    with connect(db_path) as con:
        return {name: _records(con.execute(sql, [run_id])) for name, sql in queries.items()}


# Kept here rather than in .sql files: they take Python-formatted limits and belong to run_digest alone.
_DIGEST_ARTICLES = """
with run_articles as (
    select article_id, source, title, published_date, figure_count from dim_article where run_id = ?
),
places as (
    select article_id, string_agg(distinct p.name, '、') as places
    from fact_figure f join dim_place p using (place_id)
    where article_id in (select article_id from run_articles)
    group by article_id
)
select title, source, published_date, figure_count, places
from run_articles left join places using (article_id)
order by figure_count desc, source
limit {limit}
"""

_DIGEST_FIGURES = """
with run_figures as (
    select f.value, f.unit, m.metric, m.category, p.name as place, f.year, f.sentence
    from fact_figure f
    join dim_metric m using (metric_id)
    left join dim_place p using (place_id)
    where f.run_id = ? and not f.is_change and not f.is_garbled and not f.is_threshold  -- amounts only
)
select category, value, unit, metric, place, year, sentence
from run_figures
qualify row_number() over (partition by category order by value desc) <= {per_category}
order by category, value desc
"""


def _records(cursor) -> list[dict]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
