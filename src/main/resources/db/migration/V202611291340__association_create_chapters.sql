-- Study-promotion chapters (chi hội, ban, tổ khuyến học), each hosted by exactly one village, organization or clan,
-- and, per year, whether the chapter ran the lifelong-learning movement.
create table chapters (
    id               bigint generated always as identity primary key,
    kind             text        not null check (kind in ('CHI_HOI', 'BAN_KHUYEN_HOC', 'TO_KHUYEN_HOC')),
    name             text        not null check (length(name) between 1 and 200),
    search_name      text        generated always as (search_key(name)) stored,
    host_type        text        not null check (host_type in ('VILLAGE', 'ORGANIZATION', 'CLAN')),
    host_village_id  bigint      references localities (id),
    host_organization_id bigint  references organizations (id),
    host_clan_id     bigint      references clans (id),
    -- the locality the chapter belongs to for scope: the village, or the organization's or the clan's locality
    locality_id      bigint      not null references localities (id),
    locality_path    ltree       not null,
    founded_on       date,
    decision_no      text        check (length(decision_no) <= 60),
    dissolved_on     date,
    demo             boolean     not null default false,
    version          int         not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    -- one host, of the declared type: a chapter cannot have two hosts
    check (num_nonnulls(host_village_id, host_organization_id, host_clan_id) = 1),
    check ((host_type = 'VILLAGE') = (host_village_id is not null)),
    check ((host_type = 'ORGANIZATION') = (host_organization_id is not null)),
    check ((host_type = 'CLAN') = (host_clan_id is not null)),
    check (dissolved_on is null or founded_on is null or dissolved_on >= founded_on)
);

create trigger chapters_locality_path before insert or update of locality_id on chapters
    for each row execute function copy_locality_path();
create index chapters_path_idx on chapters using gist (locality_path);
create index chapters_search_idx on chapters using gin (search_name gin_trgm_ops);
create index chapters_village_idx on chapters (host_village_id) where host_village_id is not null;
create index chapters_organization_idx on chapters (host_organization_id) where host_organization_id is not null;
create index chapters_clan_idx on chapters (host_clan_id) where host_clan_id is not null;

create table chapter_movements (
    chapter_id      bigint      not null references chapters (id),
    year            int         not null check (year between 2000 and 2100),
    runs_movement   boolean     not null,
    note            text        check (length(note) <= 1000),
    evidence_name   text,
    evidence_type   text,
    evidence        bytea,
    updated_by      text        not null,
    updated_at      timestamptz not null default now(),
    primary key (chapter_id, year)
);

-- a host has at most one chapter at a time
create unique index chapters_one_per_village on chapters (host_village_id) where dissolved_on is null and host_village_id is not null;
create unique index chapters_one_per_organization on chapters (host_organization_id) where dissolved_on is null and host_organization_id is not null;
create unique index chapters_one_per_clan on chapters (host_clan_id) where dissolved_on is null and host_clan_id is not null;
