"""The report's one door to DuckDB: a read-only connection, the filters and lookups registered as tables,
and each mart of reports/marts run into a polars frame.

Everything is aggregated and capped in SQL, so a warehouse of a million figures comes back as a few
hundred rows (bench/report_speed.py).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import duckdb
import polars as pl

from reports import geo
from reports.filters import Filters
from warehouse.query import WarehouseMissing

MARTS = files("reports").joinpath("marts")
VIEWS = ("report_facts", "stated_figures")  # the temp tables the sections read, made in this order
SECTIONS = ("headline", "totals_by_category_year", "top_places", "place_map", "largest_figures", "growth_rates",
            "rejects_by_reason", "data_quality", "quality_examples")


def display_units() -> pl.DataFrame:
    """unit, unit_label, divisor, position: how each unit is shown (reports/display_units.tsv)."""
    with files("reports").joinpath("display_units.tsv").open("rb") as tsv:
        return pl.read_csv(tsv, separator="\t", comment_prefix="#").drop("example")


def read_sections(db_path: str | Path, filters: Filters) -> dict[str, pl.DataFrame]:
    """Each section's rows, by the name of its mart, from a read-only connection to the warehouse."""
    if not Path(db_path).exists():
        raise WarehouseMissing(f"no warehouse at {db_path}: run `newsfacts run PATH` first")
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        con.execute("set enable_progress_bar = false")  # it would draw over the CLI's output
        lookups = {**filters.frames(), "display_units": display_units(), "place_points": geo.place_points()}
        for name, frame in lookups.items():
            con.register(name, frame.to_arrow())
        for view in VIEWS:
            con.execute(_mart(view))
        return {section: con.sql(_mart(section)).pl() for section in SECTIONS}
    finally:
        con.close()


def _mart(name: str) -> str:
    return MARTS.joinpath(f"{name}.sql").read_text(encoding="utf-8")
