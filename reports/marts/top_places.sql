-- top_places: one row per measure and place, the 15 places with the most investment (亿元), trade (亿元)
-- and projects (count), from stated_figures; national figures are left out, as on the map.
with measures(measure, category, unit) as (
    values ('investment', 'investment', 'CNY'), ('trade', 'trade', 'CNY'), ('projects', 'projects', 'count')
),
by_place as (
    select
        m.measure,
        f.place,
        f.province,
        u.unit_label,
        sum(f.value / u.divisor) as total,
        count(*) as figures
    from stated_figures f
    join measures m using (category, unit)
    join display_units u using (unit)
    where f.province is not null  -- a place, not the country: 全国 would outrank every place it contains
    group by m.measure, f.place, f.province, u.unit_label
),
ranked as (
    select *, row_number() over (partition by measure order by total desc, place) as rank
    from by_place
)
select * from ranked
where rank <= 15
order by measure, rank;
