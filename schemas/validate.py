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

    Repeats on the model's multi-column `unique` key are refused here, keeping the first: pandera
    flags every member of a duplicate group, and its drop_invalid_rows would keep them all.
    """
    failures = _repeats(model, frame)
    candidates = frame.with_row_index("_row").filter(pl.Series([i not in failures for i in range(frame.height)], dtype=pl.Boolean))
    try:
        model.validate(candidates.drop("_row"), lazy=True)
    except pa.errors.SchemaErrors as errors:
        rows = candidates["_row"].to_list()
        for index, checks in _failures_by_row(errors.failure_cases, model.__name__).items():
            failures[rows[index]] = checks
    valid = frame.filter(pl.Series([i not in failures for i in range(frame.height)], dtype=pl.Boolean))
    return valid, [RowFailure(i, failures[i]) for i in sorted(failures)]  # what remains passed: no second pass


def _repeats(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> dict[int, str]:
    columns = getattr(model.Config, "unique", None)
    if not columns or frame.is_empty():
        return {}
    first = frame.select(pl.struct(columns).is_first_distinct()).to_series().to_list()
    return {i: f"{'+'.join(columns)}: duplicate of an earlier row" for i, keep in enumerate(first) if not keep}


def _failures_by_row(cases: pl.DataFrame, model_name: str) -> dict[int, str]:
    if cases["index"].null_count():
        frame_level = cases.filter(pl.col("index").is_null())
        raise ValueError(f"{model_name}: frame does not fit the model:\n{frame_level}")
    failures: dict[int, set[str]] = {}
    for index, column, check in cases.select("index", "column", "check").iter_rows():
        failures.setdefault(int(index), set()).add(f"{column}: {check}")
    return {index: "; ".join(sorted(checks)) for index, checks in failures.items()}
