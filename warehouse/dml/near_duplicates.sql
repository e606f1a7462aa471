-- near_duplicates: articles of the batch being loaded (stg_dim_article) that restate an earlier article:
-- MinHash signatures agreeing in 80 % of their 64 positions (the same text, other furniture) and the
-- same figures. One row per such article, with the earliest such article as its canonical one.
-- Candidates come from 8 bands of 8 positions (LSH): two articles share a band when they are similar.
with batch as (
    select article_id from stg_dim_article where canonical_article_id is null
),
batch_bands as (
    select article_id, band, hash(minhash[band * 8 + 1 : band * 8 + 8]) as bucket
    from dim_article, range(8) as t(band)
    where article_id in (select article_id from batch) and len(minhash) = 64
),
-- The articles sharing a bucket with the batch's, filtered against the batch's 8,000 buckets at most as
-- dim_article is scanned: only those are grouped below, not every article's 8 buckets. The scan still reads
-- every signature; what it reads is bounded by the load's memory cap (load.LOAD_MEMORY_LIMIT).
candidates as (
    select a.article_id, a.loaded_at, a.source, t.band, hash(a.minhash[t.band * 8 + 1 : t.band * 8 + 8]) as bucket
    from dim_article a, range(8) as t(band)
    semi join batch_bands k on k.band = t.band and k.bucket = hash(a.minhash[t.band * 8 + 1 : t.band * 8 + 8])
    where a.canonical_article_id is null and not a.is_withdrawn and len(a.minhash) = 64
),
-- Each article is compared with the earliest article of each of its 8 buckets only: 10,000 copies of
-- one story in a batch make 80,000 candidate pairs, not 100 million.
firsts as (
    select band, bucket, arg_min(article_id, (loaded_at, source)) as other_id
    from candidates
    group by band, bucket
),
pairs as (
    select distinct n.article_id, f.other_id
    from batch_bands n
    join firsts f on n.band = f.band and n.bucket = f.bucket and n.article_id <> f.other_id
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
