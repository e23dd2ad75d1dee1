-- Sessions follow the account (a generation bumped by disabling, password and role or scope changes), a forced password change, and sign-in failures kept in the database so that throttling holds across instances.
alter table accounts
    add column session_generation       int     not null default 0,
    add column password_change_required boolean not null default false;

-- one row per name tried (existing or not), so that guessing is throttled without revealing which accounts exist
create table sign_in_failures (
    username        text        primary key check (length(username) <= 100),
    failures        int         not null check (failures > 0),
    first_failed_at timestamptz not null,
    locked_until    timestamptz
);

create index sign_in_failures_first_failed_idx on sign_in_failures (first_failed_at);
