-- Agencies, schools, enterprises, cooperatives and other organisations: the candidates for Đơn vị học tập.
create table organizations (
    id             bigint generated always as identity primary key,
    name           text        not null check (length(name) between 1 and 200),
    search_name    text        generated always as (search_key(name)) stored,
    kind           text        not null check (kind in ('STATE_AGENCY', 'SCHOOL', 'PUBLIC_SERVICE_UNIT', 'ENTERPRISE',
                                                        'COOPERATIVE', 'ARMED_FORCES', 'OTHER')),
    school_level   text        check (school_level in ('PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY',
                                                       'CONTINUING_EDUCATION', 'VOCATIONAL', 'HIGHER_EDUCATION')),
    managing_level text        not null check (managing_level in ('PROVINCE', 'COMMUNE')),
    locality_id    bigint      not null references localities (id),
    locality_path  ltree       not null,
    opened_on      date,
    closed_on      date,
    demo           boolean     not null default false,
    version        int         not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check ((kind = 'SCHOOL') = (school_level is not null)),
    check (closed_on is null or opened_on is null or closed_on >= opened_on)
);

create trigger organizations_locality_path before insert or update of locality_id on organizations
    for each row execute function copy_locality_path();
create index organizations_path_idx on organizations using gist (locality_path);
create index organizations_search_idx on organizations using gin (search_name gin_trgm_ops);
