-- dim_source: one row per publisher (site or news organisation) articles come from.
create table if not exists dim_source (
    source_id       varchar primary key,   -- hash of publisher and site
    publisher       varchar not null,      -- 昆明发布, 云南日报, or 'unknown'
    site            varchar not null,      -- host of the URL, or 'local' for files
    kind            varchar not null       -- file | web
);
