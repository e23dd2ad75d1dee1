-- The offline field app sends each queued change with a client id; a retry after a lost answer replays the stored result.
create table field_submissions (
    account_id bigint      not null references accounts (id),
    client_id  uuid        not null,
    kind       text        not null check (kind in ('FAMILY_CREATE', 'FAMILY_UPDATE', 'REGISTER', 'SELF_ASSESSMENT', 'EVIDENCE')),
    result     jsonb       not null,
    created_at timestamptz not null default now(),
    primary key (account_id, client_id)
);
