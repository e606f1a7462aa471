-- growth_rates: one row per change rate in percent, signed (a decline is negative), among the 15 largest
-- rises and the 15 largest declines; a rate several articles state counts once.
with rates as (
    select
        place,
        province,
        year,
        metric,
        category,
        value,
        min(source) as source,
        arg_min(title, source) as title,
        arg_min(sentence, source) as sentence,
        arg_min(mention, source) as mention
    from report_facts
    where is_change and unit = 'percent'
    group by place, province, year, metric, category, value
),
ranked as (
    select
        *,
        if(value < 0, 'decline', 'rise') as direction,
        row_number() over (partition by value < 0 order by abs(value) desc, source) as rank
    from rates
)
select * from ranked
where rank <= 15
order by value desc;
