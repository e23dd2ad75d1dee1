-- The province's settings of the recognition cycle, one row: whether separation of duties holds (the person who recorded
-- a registration's self-assessment may not record its review or appraisal; review is by a commune officer). On by default.
create table recognition_settings (
    id                   int         primary key default 1 check (id = 1),
    separation_of_duties boolean     not null default true,
    version              int         not null default 0,
    updated_at           timestamptz not null default now(),
    updated_by           text
);

insert into recognition_settings (id) values (1);
