-- Households: the candidates for Gia đình học tập. Only what the criteria need: the head's name, an address line,
-- the counts of members, adults and school-age children, and an optional phone (personal data kept minimal).
create table families (
    id                  bigint generated always as identity primary key,
    head_name           text        not null check (length(head_name) between 1 and 120),
    search_name         text        generated always as (search_key(head_name)) stored,
    address             text        check (length(address) <= 200),
    members             int         not null check (members between 1 and 50),
    adults              int         not null check (adults between 0 and 50),
    school_age_children int         not null check (school_age_children between 0 and 50),
    phone               text        check (phone ~ '^[0-9+ .()-]{8,20}$'),
    locality_id         bigint      not null references localities (id),
    locality_path       ltree       not null,
    closed_on           date,
    demo                boolean     not null default false,
    version             int         not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (adults + school_age_children <= members)
);

create trigger families_locality_path before insert or update of locality_id on families
    for each row execute function copy_locality_path();
create index families_path_idx on families using gist (locality_path);
create index families_locality_idx on families (locality_id);
create index families_search_idx on families using gin (search_name gin_trgm_ops);
