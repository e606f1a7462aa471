-- stated_figures: one row per absolute figure (no change rate) stated about a place, year and metric,
-- however many articles state it: syndicated news repeats a figure, and a total must count it once.
-- Amounts only: a class threshold (10亿元 of 10亿元以上项目, is_threshold) is no amount to add or rank.
-- A temp table, narrow (the first article by source stands for the others): four sections read it, and
-- the sentences of the few rows a page shows are looked up afterwards (largest_figures).
create or replace temp table stated_figures as
with absolute as (
    select place, province, year, metric, category, unit, value, source
    from report_facts
    where not is_change and not is_threshold
),
stated as (
    select
        place,
        province,
        year,
        metric,
        category,
        unit,
        value,
        min(source) as source,
        count(*) as articles
    from absolute
    group by place, province, year, metric, category, unit, value
)
select * from stated;
