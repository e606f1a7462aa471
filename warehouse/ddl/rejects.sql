-- rejects: one row per thing refused (a file, a page, a record, a row), why, and where.
create table if not exists rejects (
    reject_id       varchar primary key,   -- hash of stage, source, reason, detail: a repeat adds nothing
    run_id          varchar not null,      -- etl_run that first refused it
    stage           varchar not null,      -- discover | acquire | parse | extract | validate | load
    source          varchar not null,
    reason          varchar not null,      -- stable code: empty, binary, too_large, schema:<check>...
    detail          varchar not null,      -- the sentence a person reads
    rejected_at     timestamp not null
);
