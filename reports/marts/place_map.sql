-- place_map: one row per place with figures that has a point: its investment and trade (亿元), projects,
-- figures, and lon/lat from place_points (registered from reports/geodata), else its parent's or grandparent's.
with per_place as (
    select
        place,
        province,
        sum(value) filter (where category = 'investment' and unit = 'CNY') / 1e8 as investment,
        sum(value) filter (where category = 'trade' and unit = 'CNY') / 1e8 as trade,
        sum(value) filter (where category = 'projects' and unit = 'count') as projects,
        count(*) as figures
    from stated_figures
    where place is not null
    group by place, province
),
gazetteer as (  -- a name can repeat inside a province (鼓楼区 of 南京 and of 徐州): the lowest adcode stands for both
    select name as place, province, min(place_id) as place_id
    from dim_place
    group by name, province
),
located as (
    select
        p.*,
        d0.place_id,
        coalesce(p0.lon, p1.lon, p2.lon, p3.lon) as lon,
        coalesce(p0.lat, p1.lat, p2.lat, p3.lat) as lat
    from per_place p
    join gazetteer g using (place, province)
    join dim_place d0 on d0.place_id = g.place_id
    left join dim_place d1 on d1.place_id = d0.parent_id
    left join dim_place d2 on d2.place_id = d1.parent_id
    left join place_points p0 on p0.adcode = d0.place_id
    left join place_points p1 on p1.adcode = d0.parent_id
    left join place_points p2 on p2.adcode = d1.parent_id
    left join place_points p3 on p3.adcode = d2.parent_id
)
select * from located
where lon is not null
order by coalesce(investment, 0) + coalesce(trade, 0) desc, figures desc, place;
