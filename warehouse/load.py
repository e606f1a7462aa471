"""The one DuckDB writer: schema, runs, and one transaction per batch of star-schema frames.

Frames go in through Arrow (`insert ... select * from frame`), never row by row. Every statement
that reads a result fetches it whole before the next one (DuckDB 2 requires it on one connection).
"""

from __future__ import annotations

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


@contextmanager
def connect(db_path: str | Path):
    """A read-write connection to the warehouse file (created with its schema if new), closed after use."""
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path))
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


def known_versions(db_path: str | Path, article_ids: list[str]) -> dict[str, str]:
    """article_id -> document_id of the version already loaded, for the given articles."""
    if not article_ids or not Path(db_path).exists():
        return {}
    with connect(db_path) as con:
        con.register("wanted", pl.DataFrame({"article_id": article_ids}).to_arrow())
        rows = con.execute(
            "select article_id, document_id from dim_article join wanted using (article_id)"
        ).fetchall()
    return dict(rows)


def load_batch(db_path: str | Path, tables: dict[str, pl.DataFrame],
               run: tuple[str, dict[str, int]] | None = None) -> BatchCounts:
    """Load one batch in one transaction: an article already present is replaced with its figures.

    `run` (run id, counts so far) updates the run's etl_run row in the same transaction, so the row always
    counts exactly what the run has committed, even if the run fails at its next batch.
    """
    with connect(db_path) as con, _transaction(con):
        if run is not None:
            _set_counts(con, *run)
        for name in BATCH_TABLES:
            frame = tables.get(name)
            if frame is None or frame.is_empty():
                continue
            con.register(f"stg_{name}", frame.to_arrow())
            if name == "dim_article":
                con.execute("delete from fact_figure where article_id in (select article_id from stg_dim_article)")
                con.execute("delete from dim_article where article_id in (select article_id from stg_dim_article)")
            con.execute(f"insert or ignore into {name} by name select * from stg_{name}")
    return BatchCounts(
        articles=_height(tables, "dim_article"), figures=_height(tables, "fact_figure"), rejects=_height(tables, "rejects")
    )


def _height(tables: dict[str, pl.DataFrame], name: str) -> int:
    frame = tables.get(name)
    return 0 if frame is None else frame.height


def start_run(db_path: str | Path, run_id: str, flow_name: str, inputs: list[str], now: datetime) -> None:
    """Record a run as running; a retried run with the same id starts its row afresh."""
    with connect(db_path) as con:
        con.execute("delete from etl_run where run_id = ?", [run_id])
        con.execute(
            "insert into etl_run (run_id, flow_name, inputs, status, started_at) values (?, ?, ?, 'running', ?)",
            [run_id, flow_name, inputs, now],
        )


def _set_counts(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, int]) -> None:
    assignments = ", ".join(f"{column} = ?" for column in counts)
    con.execute(f"update etl_run set {assignments} where run_id = ?", [*counts.values(), run_id])


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

    Rows of the `facts` view joined on the run id; change rates are left out of the largest figures.
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
    where f.run_id = ? and not f.is_change and not f.is_garbled
)
select category, value, unit, metric, place, year, sentence
from run_figures
qualify row_number() over (partition by category order by value desc) <= {per_category}
order by category, value desc
"""


def _records(cursor) -> list[dict]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
