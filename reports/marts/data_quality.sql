-- data_quality: one row per check of what to read with care: garbled figures, garbled or undated
-- articles (the warehouse's), and figures of the report without a place or a year (filtered).
with figures as (
    select count(*) as n, count(*) filter (where is_garbled) as garbled from fact_figure
),
articles as (
    select
        count(*) as n,
        count(*) filter (where published_date is null) as undated,
        count(*) filter (where is_mojibake) as mojibake
    from dim_article
),
kept as (
    select
        count(*) as n,
        count(*) filter (where place is null) as no_place,
        count(*) filter (where year is null) as no_year
    from report_facts
),
checks(position, check_name, found, out_of) as (
    select 1, 'figures read next to garbled text (fact_figure.is_garbled)', garbled, n from figures
    union all select 2, 'articles with garbled text (mojibake)', mojibake, n from articles
    union all select 3, 'articles without a date', undated, n from articles
    union all select 4, 'figures of this report without a place', no_place, n from kept
    union all select 5, 'figures of this report without a year', no_year, n from kept
)
select check_name, found, out_of from checks
order by position;
