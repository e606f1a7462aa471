-- headline: one row, the numbers at the top of the page. Figures, places and years follow the filters;
-- articles loaded, rejects and the last load are the warehouse's.
with kept as (
    select
        count(distinct article_id) as articles_with_figures,
        count(*) as figures,
        count(distinct (place, province)) filter (where place is not null) as places,
        min(year) as first_year,
        max(year) as last_year
    from report_facts
),
articles as (
    select count(*) as articles_loaded from dim_article
),
refused as (
    select count(*) as rejects from rejects
),
loads as (
    select max(finished_at) as last_load, count(*) as runs from etl_run where status = 'completed'
)
select * from kept, articles, refused, loads;
