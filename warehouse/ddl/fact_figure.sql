-- fact_figure: one row per distinct figure stated in one article (a repeated figure is one row).
create table if not exists fact_figure (
    figure_id       varchar not null,      -- hash of article_id, unit, value, is_change, metric, place_id; unique (load.py)
    article_id      varchar not null,      -- -> dim_article
    metric_id       varchar not null,      -- -> dim_metric
    place_id        varchar,               -- -> dim_place; null where no place is fixed
    date_id         integer,               -- -> dim_date: the article's published date
    mention         varchar not null,      -- number and unit as written (normalised script)
    sentence        varchar not null,      -- at most 400 characters of it around the mention, … where cut
    value           double not null,       -- base units: yuan, tonnes, persons...; percent number
    unit            varchar not null,
    qualifier       varchar not null,      -- exact | approx | over | under
    is_change       boolean not null,
    year            integer,               -- reporting year of the figure
    rule            varchar not null,      -- extraction rule that produced it
    position        integer not null,      -- character offset in the normalised text
    is_garbled      boolean not null,      -- overlaps mojibake in the article: do not trust the number
    -- the bound of a class, no amount: 10亿元 of 10亿元以上项目371个, 超千万美元项目. Never add it into a
    -- total. False by default: files made before the column refused thresholds, so none of their rows is one.
    is_threshold    boolean not null default false,
    sentence_start  integer,               -- the whole sentence: [start, end) in the normalised text
    sentence_end    integer,
    run_id          varchar not null
);
