"""Bring a warehouse file made by an older newsfacts up to warehouse/ddl: add the columns it lacks.

Only additive drift migrates. A column the DDL defines and a table lacks is added with the DDL's type,
default and NOT NULL; existing rows get the default (or null). What cannot be added without inventing
data is refused with WarehouseOutdated: a column whose type changed, a missing primary-key column, a
NOT NULL column with no default on a table that has rows. Columns the DDL no longer has are left alone.
Each column added is one row of schema_migrations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb


class WarehouseOutdated(RuntimeError):
    """The file's tables differ from the DDL in a way that cannot be migrated in place."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column as a DuckDB catalog states it."""

    table: str
    name: str
    data_type: str  # as DuckDB spells it: VARCHAR, VARCHAR[], INTEGER, TIMESTAMP
    default: str | None  # SQL expression, as DuckDB keeps it: 0, 'abc', current_timestamp
    is_nullable: bool
    is_key: bool  # part of the primary key

    def add_column_sql(self) -> str:
        default = "" if self.default is None else f" default {self.default}"
        not_null = "" if self.is_nullable else " not null"
        return f'alter table "{self.table}" add column "{self.name}" {self.data_type}{default}{not_null}'


Columns = dict[str, dict[str, Column]]  # table -> column name -> column, in column order

_CATALOG = """
with keys as (
    select table_name, unnest(constraint_column_names) as column_name
    from duckdb_constraints() where constraint_type = 'PRIMARY KEY' and database_name = current_database()
)
select c.table_name, c.column_name, c.data_type, c.column_default, c.is_nullable, k.column_name is not null
from duckdb_columns() c left join keys k using (table_name, column_name)
where c.database_name = current_database() and c.schema_name = 'main' and not c.internal
order by c.table_name, c.column_index
"""


def add_missing_columns(con: duckdb.DuckDBPyConnection, ddl: list[str], now: datetime) -> list[Column]:
    """Add the columns the DDL defines and the file's tables lack, and log them; run inside a transaction.

    Expects the DDL itself already applied (`create table if not exists`), so every table exists.
    """
    expected, found = reference_columns(ddl), columns_of(con)
    missing = missing_columns(expected, found)
    refusals = type_changes(expected, found) + [r for c in missing if (r := _why_not_addable(con, c))]
    if refusals:
        raise WarehouseOutdated("the warehouse was made by an older newsfacts and cannot be brought up to date "
                                f"in place: {'; '.join(refusals)}. Load into a new file (raw_document keeps "
                                "every input, so the old articles can be extracted again)")
    for column in missing:
        statement = column.add_column_sql()
        con.execute(statement)
        con.execute("insert into schema_migrations (migrated_at, table_name, column_name, statement) values (?, ?, ?, ?)",
                    [now, column.table, column.name, statement])
    return missing


def reference_columns(ddl: list[str]) -> Columns:
    """The columns the DDL makes, read from an empty in-memory database it is applied to."""
    fresh = duckdb.connect()
    try:
        for statement in ddl:
            fresh.execute(statement)
        return columns_of(fresh)
    finally:
        fresh.close()


def columns_of(con: duckdb.DuckDBPyConnection) -> Columns:
    """Every column of every table in the connection's database."""
    tables: Columns = {}
    for table, name, data_type, default, is_nullable, is_key in con.execute(_CATALOG).fetchall():
        tables.setdefault(table, {})[name] = Column(table, name, data_type, default, is_nullable, is_key)
    return tables


def missing_columns(expected: Columns, found: Columns) -> list[Column]:
    """Columns of the DDL that the file's table lacks, in DDL order."""
    return [column for table, columns in expected.items() for name, column in columns.items()
            if name not in found.get(table, {})]


def type_changes(expected: Columns, found: Columns) -> list[str]:
    """A sentence for each column whose type in the file differs from the DDL's."""
    return [f"{table}.{name} is {found[table][name].data_type} in the file but {column.data_type} in the DDL"
            for table, columns in expected.items() for name, column in columns.items()
            if name in found.get(table, {}) and found[table][name].data_type != column.data_type]


def _why_not_addable(con: duckdb.DuckDBPyConnection, column: Column) -> str | None:
    where = f"{column.table}.{column.name}"
    if column.is_key:
        return f"{where} is missing and is part of the primary key"
    if column.is_nullable or column.default is not None:
        return None
    rows = con.execute(f'select count(*) from "{column.table}"').fetchone()[0]
    return f"{where} is missing, NOT NULL with no default, and {column.table} has {rows} rows" if rows else None
