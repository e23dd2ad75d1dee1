-- The map before the 2025 reform (old provinces, districts, old communes) is kept, read-only, for the figures of 2021-2025.
alter table locality_kinds drop constraint locality_kinds_level_check;
alter table locality_kinds add constraint locality_kinds_level_check
    check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE'));

alter table localities drop constraint localities_level_check;
alter table localities add constraint localities_level_check
    check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE'));

insert into locality_kinds (code, level, label, sort_order) values
    ('HUYEN',          'DISTRICT', 'Huyện',                 1),
    ('THI_XA',         'DISTRICT', 'Thị xã',                2),
    ('THANH_PHO_TINH', 'DISTRICT', 'Thành phố thuộc tỉnh',  3),
    ('THI_TRAN',       'COMMUNE',  'Thị trấn',              4);

-- true for the localities of the map replaced on 1/7/2025: their own trees, read-only, seen through their successors
alter table localities add column former_map boolean not null default false;
create index localities_former_map_idx on localities (id) where former_map;
