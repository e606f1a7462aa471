"""Cross-table rules of the star: every key a fact holds exists in its dimension."""

from __future__ import annotations

import polars as pl

# (fact column, dimension table, dimension key); a null fact key is allowed (no place fixed).
RELATIONSHIPS = (
    ("article_id", "dim_article", "article_id"),
    ("metric_id", "dim_metric", "metric_id"),
    ("place_id", "dim_place", "place_id"),
    ("date_id", "dim_date", "date_id"),
)


def orphan_keys(fact: pl.DataFrame, dimensions: dict[str, pl.DataFrame]) -> dict[str, list]:
    """Keys of `fact` missing from the given dimension frames, by fact column; empty when all resolve."""
    orphans = {}
    for column, table, key in RELATIONSHIPS:
        if table not in dimensions:
            continue
        missing = (
            fact.select(pl.col(column)).drop_nulls().unique()
            .join(dimensions[table].select(pl.col(key).alias(column)), on=column, how="anti")
        )
        if missing.height:
            orphans[column] = missing[column].to_list()
    return orphans
