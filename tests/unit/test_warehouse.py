"""The DuckDB warehouse: the `facts` contract, one transaction per batch, read-only queries."""

from __future__ import annotations

from datetime import datetime

import duckdb
import polars as pl
import pytest

from flows.acquire.local import make_document
from flows.batch import validate_batch
from flows.extract.places import find_places
from flows.records import Article, Figure
from warehouse import load
from warehouse.migrate import WarehouseOutdated
from warehouse.query import WarehouseMissing, run_query

FACTS_COLUMNS = ["article_id", "source", "title", "published_date", "mention", "sentence", "value", "unit",
                 "qualifier", "is_change", "is_threshold", "is_garbled", "metric", "category", "year", "place", "province"]


def test_facts_view_has_the_contract_columns_and_resolves_place_and_province(db, make_batch):
    load.load_batch(db, make_batch())
    columns, rows = run_query(db, "select * from facts")
    assert columns == FACTS_COLUMNS
    row = dict(zip(columns, rows[0], strict=True))
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


def older(db, *statements: str) -> None:
    """Make the file look as an older newsfacts left it."""
    con = duckdb.connect(str(db))
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()


def migrations(db) -> list[tuple]:
    return run_query(db, "select table_name, column_name from schema_migrations order by all")[1]


def test_columns_an_older_file_lacks_are_added_and_its_rows_kept(loaded, places, make_batch):
    load.start_run(loaded, "run-0", "newsfacts-etl", ["a/"], datetime(2024, 1, 1, 8))
    # year is nullable; figures_loaded is NOT NULL with a default, which the run row gets
    older(loaded, "alter table fact_figure drop column year", "alter table etl_run drop column figures_loaded")
    added = load.ensure_schema(loaded, places)
    assert [(c.table, c.name) for c in added] == [("etl_run", "figures_loaded"), ("fact_figure", "year")]
    assert migrations(loaded) == [("etl_run", "figures_loaded"), ("fact_figure", "year")]
    assert run_query(loaded, "select run_id, figures_loaded from etl_run")[1] == [("run-0", 0)]
    assert run_query(loaded, "select value, year from facts")[1] == [(9.635e9, None)]  # the row stays, its year unknown
    load.load_batch(loaded, make_batch())  # loading the article again gives its figures their year back
    assert run_query(loaded, "select value, year from facts")[1] == [(9.635e9, 2024)]


def test_a_second_ensure_schema_after_a_migration_does_nothing(loaded, places):
    older(loaded, "alter table dim_article drop column bylines")
    load.ensure_schema(loaded, places)
    assert load.ensure_schema(loaded, places) == []
    assert migrations(loaded) == [("dim_article", "bylines")]


def test_an_older_file_with_figures_gains_is_threshold_false_and_the_facts_view_shows_it(loaded, places):
    # files made before the column refused thresholds: none of their figures is one, so false invents nothing
    older(loaded, "drop view facts", "alter table fact_figure drop column is_threshold")
    added = load.ensure_schema(loaded, places)
    assert [(c.table, c.name) for c in added] == [("fact_figure", "is_threshold")]
    assert migrations(loaded) == [("fact_figure", "is_threshold")]
    assert run_query(loaded, "select value, is_threshold, is_garbled from facts")[1] == [(9.635e9, False, False)]


def test_a_not_null_column_without_default_is_added_to_an_empty_table(db, places):
    older(db, "alter table fact_figure drop column is_garbled")  # no rows: nothing to invent a value for
    load.ensure_schema(db, places)
    assert migrations(db) == [("fact_figure", "is_garbled")]


def test_a_not_null_column_without_default_is_refused_on_a_table_with_rows(loaded, places):
    older(loaded, "alter table fact_figure drop column is_garbled")  # the old figures' value is unknown
    with pytest.raises(WarehouseOutdated, match=r"fact_figure\.is_garbled is missing, NOT NULL with no default, "
                                                r"and fact_figure has 1 rows.*new file"):
        load.ensure_schema(loaded, places)
    assert migrations(loaded) == []
    assert "is_garbled" not in run_query(loaded, "select * from fact_figure")[0]


def test_a_column_whose_type_changed_is_refused_and_nothing_is_created(warehouse, places):
    warehouse.parent.mkdir(parents=True)
    older(warehouse, "create table fact_figure (figure_id varchar primary key, value varchar)")
    with pytest.raises(WarehouseOutdated, match=r"fact_figure\.value is VARCHAR in the file but DOUBLE in the DDL"):
        load.ensure_schema(warehouse, places)
    assert run_query(warehouse, "select table_name from duckdb_tables()")[1] == [("fact_figure",)]  # all rolled back


def test_a_zone_found_in_the_text_reaches_dim_place_and_the_facts_view(db):
    # 慈湖 is in no gazetteer: the batch brings the zone's dim_place row, so the fact resolves
    text = "马鞍山慈湖高新区今年新签约项目18个。"
    zone = find_places(text)[0].place
    document = make_document("z.txt", text.encode(), "text/plain")
    article = Article(source="z.txt", content_hash=document.content_hash, original_text=text, text=text)
    figure = Figure(mention="18个", sentence=text, value=18, unit="count", metric="新签约项目",
                    category="projects", year=2024, place=zone, rule="count", start=14)
    tables, _ = validate_batch([document], [article], [[figure]], "run-1", datetime(2024, 1, 20))
    load.load_batch(db, tables)
    assert run_query(db, "select place, province from facts")[1] == [("马鞍山慈湖高新技术产业开发区", "安徽省")]
    parent = run_query(db, f"select parent_id, level from dim_place where place_id = '{zone.place_id}'")[1]
    assert parent == [("340500", "zone")]


def test_a_file_from_before_fetching_gets_the_headers_and_pages_found_columns(loaded, places):
    # raw_document.headers (a fetched page's response headers) and etl_run.pages_found came with issue 8
    older(loaded, "alter table raw_document drop column headers", "alter table etl_run drop column pages_found")
    load.ensure_schema(loaded, places)
    assert migrations(loaded) == [("etl_run", "pages_found"), ("raw_document", "headers")]
    assert run_query(loaded, "select count(*), count(headers) from raw_document")[1] == [(1, 0)]  # a file's: null
    assert load.stored_headers(loaded, [row[0] for row in run_query(loaded, "select article_id from dim_article")[1]]) == {}


def test_a_batch_validated_before_an_earlier_one_loads_as_its_near_duplicate(db):
    # On a Dask cluster batch 2 may be validated (and stamped) before batch 1; loaded after it, its copy of
    # batch 1's story is the copy, and batch 1's article stays the canonical one.
    story = ("2024年3月5日,某市召开重点项目推进会。今年一季度,全市新开工重点项目46个,总投资318.6亿元,"
             "完成投资57.2亿元,同比增长14.8%。其中产业项目31个,基础设施项目15个。会议要求各县区"
             "加快要素保障,推动项目早投产、早见效。")

    def batch(source: str, text: str, validated: datetime) -> dict:
        document = make_document(source, text.encode(), "text/plain")
        article = Article(source=source, content_hash=document.content_hash, original_text=text, text=text)
        figure = Figure(mention="318.6亿元", sentence=text, value=3.186e10, unit="CNY", metric="总投资",
                        category="investment", year=2024, place=None, rule="money", start=40)
        return validate_batch([document], [article], [[figure]], "run-1", validated)[0]

    first = batch("first.txt", story, datetime(2024, 3, 5, 12, 0))
    second = batch("second.txt", story + "\n(来源:某县融媒体中心)", datetime(2024, 3, 5, 11, 0))  # stamped earlier
    load.load_batch(db, first)
    load.load_batch(db, second)
    rows = run_query(db, "select source, canonical_article_id is null from dim_article order by loaded_at")[1]
    assert rows == [("first.txt", True), ("second.txt", False)]
    assert run_query(db, "select count(*) from facts")[1] == [(1,)]
