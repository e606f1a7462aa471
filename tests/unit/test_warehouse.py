"""The DuckDB warehouse: the `facts` contract, one transaction per batch, read-only queries."""

from __future__ import annotations

from datetime import datetime

import duckdb
import polars as pl
import pytest

from warehouse import load
from warehouse.query import WarehouseMissing, run_query

FACTS_COLUMNS = ["article_id", "source", "title", "published_date", "mention", "sentence", "value", "unit",
                 "qualifier", "is_change", "metric", "category", "year", "place", "province"]


def test_facts_view_has_the_contract_columns_and_resolves_place_and_province(db, make_batch):
    load.load_batch(db, make_batch())
    columns, rows = run_query(db, "select * from facts")
    assert columns == FACTS_COLUMNS
    row = dict(zip(columns, rows[0]))
    assert (row["value"], row["unit"], row["metric"], row["place"], row["province"]) == (9.635e9, "CNY", "协议资金", "昆明市", "云南省")


def test_a_batch_that_fails_midway_leaves_nothing_behind(db, make_batch):
    broken = make_batch()
    broken["fact_figure"] = broken["fact_figure"].with_columns(unit=pl.lit(None, dtype=pl.String))  # breaks NOT NULL
    with pytest.raises(duckdb.Error):
        load.load_batch(db, broken)
    assert run_query(db, "select count(*) from dim_article")[1] == [(0,)]
    assert run_query(db, "select count(*) from raw_document")[1] == [(0,)]


def test_loading_the_same_batch_twice_keeps_one_copy(db, make_batch):
    load.load_batch(db, make_batch())
    load.load_batch(db, make_batch())
    assert run_query(db, "select count(*) from fact_figure")[1] == [(1,)]


def test_ensure_schema_is_repeatable_and_keeps_data(loaded, places):
    load.ensure_schema(loaded, places)
    assert run_query(loaded, "select count(*) from facts")[1] == [(1,)]
    assert run_query(loaded, "select count(*) from dim_place")[1] == [(2,)]


def test_queries_are_read_only(db):
    with pytest.raises(duckdb.Error, match="read-only"):
        run_query(db, "delete from fact_figure")


def test_query_on_a_missing_warehouse_says_how_to_make_one(tmp_path):
    with pytest.raises(WarehouseMissing, match="newsfacts run"):
        run_query(tmp_path / "none.duckdb", "select 1")


def test_runs_are_recorded_with_their_counts(db):
    load.start_run(db, "run-9", "newsfacts-etl", ["a/"], datetime(2024, 1, 1, 8))
    load.finish_run(db, "run-9", "completed", {"documents_read": 3, "figures_loaded": 7}, datetime(2024, 1, 1, 9))
    assert run_query(db, "select status, documents_read, figures_loaded from etl_run")[1] == [("completed", 3, 7)]


def test_a_warehouse_made_by_an_older_version_is_refused_with_what_it_lacks(warehouse, places):
    warehouse.parent.mkdir(parents=True)
    con = duckdb.connect(str(warehouse))
    con.execute("create table fact_figure (figure_id varchar primary key, article_id varchar)")
    con.close()
    with pytest.raises(load.WarehouseOutdated, match="fact_figure"):
        load.ensure_schema(warehouse, places)
