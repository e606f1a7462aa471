-- growth_rates: one row per change rate in percent, signed (a decline is negative), among the 15 largest
-- rises and the 15 largest declines; a rate several articles state counts once, quoted from the first by source.
with changes as (
    select place, province, year, metric, category, value, source, value < 0 as is_decline
    from report_facts
    where is_change and unit = 'percent'
),
floors as (  -- the 15th largest rise and decline: only what reaches them is ranked
    select is_decline, list_min(max(abs(value), 15)) as floor
    from changes
    group by is_decline
),
rates as (
    select place, province, year, metric, category, value, is_decline, min(source) as source
    from changes
    join floors using (is_decline)
    where abs(value) >= floors.floor
    group by place, province, year, metric, category, value, is_decline
),
ranked as (
    select
        *,
        if(is_decline, 'decline', 'rise') as direction,
        row_number() over (partition by is_decline order by abs(value) desc, source) as rank
    from rates
    qualify rank <= 15
),
quoted as (
    select r.* exclude (is_decline), f.mention, f.sentence, f.title
    from ranked r
    join report_facts f
        on f.source = r.source and f.unit = 'percent' and f.value = r.value and f.is_change
        and f.metric is not distinct from r.metric
)
select * from quoted
order by value desc;
