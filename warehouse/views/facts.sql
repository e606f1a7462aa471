-- facts: the public contract for downstream SQL, one row per figure with its article, metric and place.
-- Two marks say which values may be added up. is_threshold: the bound of a class, no amount (10亿元 of
-- 10亿元以上项目371个, 超千万美元项目; qualifier over or under). is_garbled: read next to mojibake, the
-- number itself may be wrong. A total of amounts is one where away:
--   select province, sum(value) from facts
--   where unit = 'CNY' and category = 'investment' and not is_change and not is_threshold and not is_garbled
--   group by province
create or replace view facts as
with figures as (
    select * from fact_figure
),
articles as (
    select article_id, source, title, published_date from dim_article
),
metrics as (
    select metric_id, metric, category from dim_metric
),
places as (
    select place_id, name as place, province from dim_place
),
joined as (
    select
        f.article_id,
        a.source,
        a.title,
        a.published_date,
        f.mention,
        f.sentence,
        f.value,
        f.unit,
        f.qualifier,
        f.is_change,
        f.is_threshold,
        f.is_garbled,
        nullif(m.metric, '') as metric,
        m.category,
        f.year,
        p.place,
        p.province,
        f.position
    from figures f
    join articles a using (article_id)
    join metrics m using (metric_id)
    left join places p using (place_id)
)
select * exclude (position) from joined
order by source, position;
