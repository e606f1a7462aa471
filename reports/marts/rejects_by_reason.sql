-- rejects_by_reason: one row per stage and reason of the warehouse's rejects (all runs, no filter),
-- the 30 most frequent, with one example.
with reasons as (
    select
        stage,
        reason,
        count(*) as rejects,
        min(source) as example_source,
        arg_min(detail, source) as example_detail
    from rejects
    group by stage, reason
)
select * from reasons
order by rejects desc, stage, reason
limit 30;
