-- totals_by_category_year: one row per display unit, category and year: the stated figures of that unit
-- added up (each once, see stated_figures). A unit is never added to another: 亿元 and 人 stay apart.
with dated as (
    select * from stated_figures
    where year is not null
),
scaled as (
    select
        u.unit_label,
        u.position,
        d.category,
        d.year,
        d.value / u.divisor as value
    from dated d
    join display_units u using (unit)
),
totals as (
    select unit_label, position, category, year, sum(value) as total, count(*) as figures
    from scaled
    group by unit_label, position, category, year
)
select * from totals
order by position, category, year;
