-- schema_migrations: one row per column ensure_schema added to bring this file up to warehouse/ddl.
create table if not exists schema_migrations (
    migrated_at     timestamp not null,
    table_name      varchar not null,
    column_name     varchar not null,
    statement       varchar not null       -- the alter table that was run
);
