-- Accounts: who may sign in, with which role, bound to one locality subtree (the scope).
create table accounts (
    id                bigint generated always as identity primary key,
    username          text        not null unique check (username ~ '^[a-z0-9._-]{3,40}$'),
    full_name         text        not null check (length(full_name) between 1 and 120),
    password_hash     text        not null,
    role              text        not null check (role in ('PROVINCE_ADMIN', 'COMMUNE_OFFICER', 'DATA_CLERK', 'VIEWER')),
    scope_locality_id bigint      not null references localities (id),
    enabled           boolean     not null default true,
    version           int         not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

create index accounts_scope_idx on accounts (scope_locality_id);
