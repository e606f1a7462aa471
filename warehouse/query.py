"""Read-only access to the warehouse for ad-hoc SQL: the CLI's `sql` command and reports.

The connection is closed to everything but the warehouse file, with DuckDB's own settings rather than
a filter of ours over the SQL: external access off (no ATTACH, COPY TO, read_text/read_csv of other
paths, no extension install or load from disk), no extension autoloading, and the configuration
locked so a query cannot turn them back on. `allowed_dirs` opens named folders to read_csv & co.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

_CLOSED = {"autoinstall_known_extensions": False, "autoload_known_extensions": False, "allow_community_extensions": False}


class WarehouseMissing(FileNotFoundError):
    """No warehouse file at the given path yet."""


def run_query(db_path: str | Path, sql: str, allowed_dirs: list[str] | None = None) -> tuple[list[str], list[tuple]]:
    """Column names and all rows of one query, on a read-only connection closed to other files."""
    if not Path(db_path).exists():
        raise WarehouseMissing(f"no warehouse at {db_path}: run `newsfacts run PATH` first")
    con = duckdb.connect(str(db_path), read_only=True, config=_CLOSED)
    try:
        _close_doors(con, allowed_dirs or [])
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()
    finally:
        con.close()


def _close_doors(con: duckdb.DuckDBPyConnection, allowed_dirs: list[str]) -> None:
    # The order is DuckDB's: allowed_directories can be set only while external access is on, and
    # nothing can be set once the configuration is locked.
    if allowed_dirs:
        folders = [str(Path(d).resolve()) + "/" for d in allowed_dirs]
        con.execute("set allowed_directories = $folders", {"folders": folders})
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")
