-- largest_figures: one row per figure among the 10 largest of each display unit, with its metric, place,
-- year, and the sentence and article it came from.
with scaled as (
    select f.*, u.unit_label, u.position, f.value / u.divisor as shown
    from stated_figures f
    join display_units u using (unit)
),
ranked as (
    select *, row_number() over (partition by unit order by value desc, source) as rank
    from scaled
)
select unit_label, rank, shown, mention, metric, category, place, province, year, sentence, title, source, articles
from ranked
where rank <= 10
order by position, rank;
