-- Administrative map: province -> commune -> village, with a materialised path for scope filtering and history links.
create table locality_kinds (
    code       text primary key,
    level      text not null check (level in ('PROVINCE', 'COMMUNE', 'VILLAGE')),
    label      text not null,
    sort_order int  not null
);

insert into locality_kinds (code, level, label, sort_order) values
    ('TINH',          'PROVINCE', 'Tỉnh',         1),
    ('THANH_PHO_TW',  'PROVINCE', 'Thành phố',    2),
    ('XA',            'COMMUNE',  'Xã',           1),
    ('PHUONG',        'COMMUNE',  'Phường',       2),
    ('DAC_KHU',       'COMMUNE',  'Đặc khu',      3),
    ('THON',          'VILLAGE',  'Thôn',         1),
    ('BUON',          'VILLAGE',  'Buôn',         2),
    ('BON',           'VILLAGE',  'Bon',          3),
    ('TO_DAN_PHO',    'VILLAGE',  'Tổ dân phố',   4),
    ('KHU_PHO',       'VILLAGE',  'Khu phố',      5);

create table localities (
    id         bigint generated always as identity primary key,
    code       text        not null unique,
    name       text        not null check (length(name) between 1 and 150),
    level      text        not null check (level in ('PROVINCE', 'COMMUNE', 'VILLAGE')),
    kind       text        not null references locality_kinds (code),
    parent_id  bigint      references localities (id),
    -- ids from the root down ("1.37.4012"); a user's scope is a prefix of it
    path       ltree       not null,
    valid_from date        not null default current_date,
    valid_to   date,
    demo       boolean     not null default false,
    -- the name folded for search ("buon ma thuot"), computed once per write instead of once per row per search
    search_name text       generated always as (search_key(name)) stored,
    version    int         not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((level = 'PROVINCE') = (parent_id is null)),
    check (valid_to is null or valid_to >= valid_from)
);

create index localities_path_idx on localities using gist (path);
create index localities_parent_idx on localities (parent_id);
create index localities_search_idx on localities using gin (search_name gin_trgm_ops);
-- two current villages of one commune never share a name, compared without diacritics
create unique index localities_current_name_uq on localities (parent_id, search_name) where valid_to is null;

-- The path is derived from the parent's, so it is computed here. A locality never moves: a merger or a
-- split creates successors instead (locality_successions), so computing it once on insert is enough.
create function localities_set_path() returns trigger language plpgsql as $$
begin
    if new.parent_id is null then
        new.path := text2ltree(new.id::text);
    else
        select p.path || text2ltree(new.id::text) into strict new.path from localities p where p.id = new.parent_id;
    end if;
    return new;
end $$;

create trigger localities_set_path before insert on localities
    for each row execute function localities_set_path();

-- Merges and splits: which localities took over from which, and when.
create table locality_successions (
    predecessor_id bigint      not null references localities (id),
    successor_id   bigint      not null references localities (id),
    effective_on   date        not null,
    note           text,
    created_at     timestamptz not null default now(),
    primary key (predecessor_id, successor_id),
    check (predecessor_id <> successor_id)
);

create index locality_successions_successor_idx on locality_successions (successor_id);
