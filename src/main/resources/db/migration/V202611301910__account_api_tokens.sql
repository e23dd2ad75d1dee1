-- Personal access tokens for API clients: only the SHA-256 of the token is kept, so a copy of the table signs no one in.
create table api_tokens (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references accounts (id),
    name         text        not null check (length(name) between 1 and 80),
    token_hash   text        not null unique check (length(token_hash) = 64),
    -- the first characters of the token, to tell tokens apart in a list without showing them
    prefix       text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create index api_tokens_account on api_tokens (account_id);
