-- Reports made in the background, as rows every instance sees: any instance may take a waiting report (one at a
-- time each, FOR UPDATE SKIP LOCKED), shows its progress and hands out the file. A running report whose instance
-- stopped beating is taken again by another; only the instance holding the latest claim may store the file.
create table report_jobs (
    id           uuid        primary key,
    owner        text        not null,
    label        text        not null,
    file_name    text        not null,
    format       text        not null,
    request      jsonb       not null,
    state        text        not null default 'WAITING' check (state in ('WAITING', 'RUNNING', 'DONE', 'FAILED')),
    progress     integer     not null default 0 check (progress between 0 and 100),
    claimed_by   text,
    attempts     integer     not null default 0,
    heartbeat_at timestamptz,
    content      bytea,
    error        text,
    created_at   timestamptz not null default now(),
    finished_at  timestamptz
);

create index report_jobs_open on report_jobs (created_at) where state in ('WAITING', 'RUNNING');
create index report_jobs_created on report_jobs (created_at);
