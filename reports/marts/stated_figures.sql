-- stated_figures: one row per absolute figure (no change rate) stated about a place, year and metric,
-- however many articles state it: syndicated news repeats a figure, and a total must count it once.
-- The article quoted is the first by source.
create or replace temp view stated_figures as
with absolute as (
    select * from report_facts
    where not is_change
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
        arg_min(title, source) as title,
        arg_min(sentence, source) as sentence,
        arg_min(mention, source) as mention,
        count(*) as articles
    from absolute
    group by place, province, year, metric, category, unit, value
)
select * from stated;
