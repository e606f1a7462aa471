-- dim_date: one row per calendar date an article was published on.
create table if not exists dim_date (
    date_id         integer primary key,   -- yyyymmdd
    date            date not null,
    year            integer not null,
    quarter         integer not null,
    month           integer not null,
    day             integer not null,
    day_of_week     integer not null       -- ISO: Monday 1 .. Sunday 7
);
