-- raw_document: one row per distinct input (by content hash), its bytes exactly as read or fetched,
-- so any article can be parsed and extracted again without going back to the source.
create table if not exists raw_document (
    document_id     varchar primary key,   -- sha256 of content, hex
    source          varchar not null,      -- file path or URL first seen with these bytes
    media_type      varchar not null,      -- text/plain, text/html, text/markdown, application/json
    content         blob not null,
    byte_length     bigint not null,
    run_id          varchar,               -- etl_run that first stored it
    acquired_at     timestamp not null,
    headers         varchar                -- a fetched page's response headers as JSON (ETag, Last-Modified...); null for files
);
