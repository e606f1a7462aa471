-- etl_run: one row per flow run, with what each stage counted.
create table if not exists etl_run (
    run_id              varchar primary key,   -- Prefect flow run id
    flow_name           varchar not null,
    inputs              varchar[] not null,    -- paths or URLs the run was given
    status              varchar not null,      -- running | completed | failed | abandoned (its process died)
    started_at          timestamp not null,
    finished_at         timestamp,
    files_found         integer not null default 0,
    pages_found         integer not null default 0,  -- article URLs to fetch, after feeds and sitemaps
    documents_read      integer not null default 0,
    articles_new        integer not null default 0,
    articles_changed    integer not null default 0,
    articles_unchanged  integer not null default 0,
    rejected            integer not null default 0,
    figures_loaded      integer not null default 0,
    pid                 integer,               -- the process running the flow, and its host: is it still alive?
    host                varchar
);
