-- dim_metric: one row per metric phrase (what a figure measures) with its category.
create table if not exists dim_metric (
    metric_id       varchar primary key,   -- hash of metric and category
    metric          varchar not null,      -- 总投资, 注册企业, or '' where the text names none
    category        varchar not null       -- investment, projects, enterprises, trade, ...
);
