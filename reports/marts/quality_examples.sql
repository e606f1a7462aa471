-- quality_examples: one row per example of a quality problem, 10 of each kind at most:
-- figures read next to garbled text, and articles without a date.
with garbled as (
    select 'garbled figure' as kind, a.source, a.title, f.mention as detail, f.sentence
    from fact_figure f
    join dim_article a using (article_id)
    where f.is_garbled
    order by a.source, f.position
    limit 10
),
undated as (
    select 'article without a date' as kind, source, title, publisher as detail, null as sentence
    from dim_article
    where published_date is null
    order by source
    limit 10
)
select * from garbled
union all
select * from undated;
