-- A file checked by an import's dry run, kept for its save so that it need not be chosen again; in the database (not
-- on one server's disk) so that any instance can save it. Only its owner may use it, until it expires.
create table held_uploads (
    token      uuid        primary key,
    username   text        not null,
    file_name  text        not null check (length(file_name) <= 300),
    content    bytea       not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);

create index held_uploads_expiry_idx on held_uploads (expires_at);
