-- largest_figures: one row per figure among the 10 largest of each display unit, with its metric, place,
-- year, and the sentence and article it came from.
with floors as (  -- the 10th largest value of each unit: ranking only what reaches it is 10x faster than all
    select unit, list_min(max(value, 10)) as floor
    from stated_figures
    group by unit
),
scaled as (
    select f.*, u.unit_label, u.position, f.value / u.divisor as shown
    from stated_figures f
    join floors using (unit)
    join display_units u using (unit)
    where f.value >= floors.floor
),
ranked as (
    select *, row_number() over (partition by unit order by value desc, source) as rank
    from scaled
    qualify rank <= 10
),
quoted as (  -- the sentence of each, from the article that stands for it
    select r.*, f.mention, f.sentence, f.title
    from ranked r
    join report_facts f
        on f.source = r.source and f.unit = r.unit and f.value = r.value and not f.is_change and not f.is_threshold
        and f.metric is not distinct from r.metric
)
select unit_label, rank, shown, mention, metric, category, place, province, year, sentence, title, source, articles
from quoted
order by position, rank;
