-- near_duplicates: articles of the batch being loaded (stg_dim_article) that restate an earlier article:
-- MinHash signatures agreeing in 80 % of their 64 positions (the same text, other furniture) and the
-- same figures. One row per such article, with the earliest such article as its canonical one.
-- Candidates come from 8 bands of 8 positions (LSH): two articles share a band when they are similar.
with batch as (
    select article_id from stg_dim_article where canonical_article_id is null
),
bands as (
    select article_id, loaded_at, source, band, hash(minhash[band * 8 + 1 : band * 8 + 8]) as bucket
    from dim_article, range(8) as t(band)
    where canonical_article_id is null and not is_withdrawn and len(minhash) = 64
),
-- Each article is compared with the earliest article of each of its 8 buckets only: 10,000 copies of
-- one story in a batch make 80,000 candidate pairs, not 100 million.
firsts as (
    select band, bucket, arg_min(article_id, (loaded_at, source)) as other_id
    from bands
    group by band, bucket
),
pairs as (
    select distinct n.article_id, f.other_id
    from bands n
    join firsts f on n.band = f.band and n.bucket = f.bucket and n.article_id <> f.other_id
    where n.article_id in (select article_id from batch)
),
stated as (
    select article_id, list_sort(list_distinct(list(unit || ':' || value))) as figures
    from fact_figure
    where article_id in (select article_id from pairs union select other_id from pairs)
    group by article_id
),
alike as (
    select p.article_id, p.other_id, o.loaded_at, o.source
    from pairs p
    join dim_article n on n.article_id = p.article_id
    join dim_article o on o.article_id = p.other_id
    join stated sn on sn.article_id = p.article_id
    join stated so on so.article_id = p.other_id
    where (o.loaded_at < n.loaded_at or (o.loaded_at = n.loaded_at and o.source < n.source))
      and len(list_filter(range(64), lambda i: n.minhash[i + 1] = o.minhash[i + 1])) >= 52
      and sn.figures = so.figures
)
select article_id, arg_min(other_id, (loaded_at, source)) as canonical_article_id
from alike
group by article_id
