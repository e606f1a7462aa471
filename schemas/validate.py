"""Row-level validation: rows that break a model are split off with the checks they failed.

pandera reports each failure with the row index; a frame-level failure (a missing column, a wrong
dtype) has no index and means the code is wrong, so it is raised, not turned into rejects.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa
import polars as pl


@dataclass(frozen=True, slots=True)
class RowFailure:
    """One refused row: its position in the frame and the checks it failed ("value: greater_than_or_equal_to(0)")."""

    index: int
    checks: str


def split_valid(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> tuple[pl.DataFrame, list[RowFailure]]:
    """The rows of `frame` that pass `model`, and a RowFailure for each row that does not.

    Of rows that break a multi-column `unique`, the first is kept and the repeats refused (pandera's
    own drop_invalid_rows would keep them all).
    """
    try:
        return model.validate(frame, lazy=True), []
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    if cases["index"].null_count():
        frame_level = cases.filter(pl.col("index").is_null())
        raise ValueError(f"{model.__name__}: frame does not fit the model:\n{frame_level}")
    failures = _failures_by_row(cases)
    bad = pl.Series("bad", sorted(failures), dtype=pl.Int64)
    valid = frame.with_row_index("_row").filter(~pl.col("_row").is_in(bad.implode())).drop("_row")
    return model.validate(valid), [RowFailure(i, failures[i]) for i in sorted(failures)]


def _failures_by_row(cases: pl.DataFrame) -> dict[int, str]:
    failures: dict[int, list[str]] = {}
    first_of_duplicate: dict[str, int] = {}
    for row in cases.sort("index").iter_rows(named=True):
        index, check = int(row["index"]), str(row["check"])
        if "uniqueness" in check or check == "field_uniqueness":
            key = f"{row['column']}:{row['failure_case']}"
            if first_of_duplicate.setdefault(key, index) == index:
                continue  # the first of a group of duplicates is kept
            check = f"duplicate of row {first_of_duplicate[key]} ({check})"
        failures.setdefault(index, []).append(f"{row['column']}: {check}")
    return {index: "; ".join(sorted(set(checks))) for index, checks in failures.items()}
