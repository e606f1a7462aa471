-- dim_place: one row per place of the gazetteer: administrative divisions and named zones.
create table if not exists dim_place (
    place_id        varchar primary key,   -- adcode ('530100'), or 'zone:...' for zones
    name            varchar not null,      -- canonical name: 昆明市, 磨憨—磨丁经济合作区
    level           varchar not null,      -- country | province | prefecture | county | zone
    parent_id       varchar,               -- -> dim_place
    province        varchar                -- canonical name of its province
);
