"""Read-only access to the warehouse for ad-hoc SQL: the CLI's `sql` command and reports."""

from __future__ import annotations

from pathlib import Path

import duckdb


class WarehouseMissing(FileNotFoundError):
    """No warehouse file at the given path yet."""


def run_query(db_path: str | Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Column names and all rows of one query, on a read-only connection (writes are refused)."""
    if not Path(db_path).exists():
        raise WarehouseMissing(f"no warehouse at {db_path}: run `newsfacts run PATH` first")
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()
    finally:
        con.close()
