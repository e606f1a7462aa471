-- dim_article: one row per article (identified by its source), describing its current version.
create table if not exists dim_article (
    article_id      varchar primary key,   -- hash of source
    source          varchar not null,      -- file path or URL
    source_id       varchar not null,      -- -> dim_source
    document_id     varchar not null,      -- -> raw_document (content hash of this version)
    title           varchar,
    published_date  date,
    publisher       varchar,
    bylines         varchar[],             -- reporters, editors, photographers
    script          varchar not null,      -- simplified | traditional | mixed
    is_mojibake     boolean not null,      -- garbled fragments found: read its figures with care
    char_length     integer not null,      -- characters of the decoded text
    text_length     integer not null,      -- characters after normalisation
    figure_count    integer not null,
    canonical_article_id varchar,          -- a byte-identical copy: the article whose figures count; null otherwise
    is_withdrawn    boolean not null default false,  -- its latest version was refused: no figures in facts
    minhash         bigint[],              -- 64 MinHash values of its text: near-duplicates (flows/similarity.py)
    run_id          varchar not null,      -- etl_run that loaded this version
    loaded_at       timestamp not null
);
