"""What the flow tests share: a run of the real flow that must complete, and rows read back from its warehouse."""

from __future__ import annotations

import duckdb

from flows.etl import etl


def rows(db, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def run(paths, db, **parameters):
    state = etl(paths=[str(p) for p in paths], db_path=str(db), return_state=True, **parameters)
    assert state.is_completed(), state.message
    return state.result()
