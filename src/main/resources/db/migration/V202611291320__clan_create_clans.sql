-- Clans, hometown associations and religious establishments: the candidates for Dòng họ học tập (KH 102 counts the three together).
create table clans (
    id                  bigint generated always as identity primary key,
    name                text        not null check (length(name) between 1 and 200),
    search_name         text        generated always as (search_key(name)) stored,
    kind                text        not null check (kind in ('CLAN', 'HOMETOWN_ASSOCIATION', 'RELIGIOUS_ESTABLISHMENT')),
    religion            text        check (length(religion) <= 100),
    households_approx   int         check (households_approx between 0 and 100000),
    locality_id         bigint      not null references localities (id),
    locality_path       ltree       not null,
    closed_on           date,
    demo                boolean     not null default false,
    version             int         not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (kind = 'RELIGIOUS_ESTABLISHMENT' or religion is null)
);

create trigger clans_locality_path before insert or update of locality_id on clans
    for each row execute function copy_locality_path();
create index clans_path_idx on clans using gist (locality_path);
create index clans_search_idx on clans using gin (search_name gin_trgm_ops);
