-- report_facts: one row per figure of the `facts` view that the report's --where filters keep.
-- filter_years, filter_provinces, filter_categories are tables the report registers; an empty one keeps all.
-- A temp table: `facts` is sorted, and reading it once rather than once a section saves 2 s a section at
-- a million figures (bench/report_speed.py).
create or replace temp table report_facts as
with facts_in_years as (
    select * from facts
    where not exists (select 1 from filter_years)
       or year in (select year from filter_years)
),
facts_in_provinces as (
    select * from facts_in_years f
    where not exists (select 1 from filter_provinces)
       or exists (select 1 from filter_provinces p where starts_with(f.province, p.province))
),
facts_in_categories as (
    select * from facts_in_provinces
    where not exists (select 1 from filter_categories)
       or category in (select category from filter_categories)
)
select * from facts_in_categories;
