-- Scheduled work that must run once across all instances: the instance that inserts the row for a task's due time
-- runs it, the others find the row and skip.
create table scheduled_runs (
    task        text        not null,
    due_at      timestamptz not null,
    instance    text        not null,
    started_at  timestamptz not null default now(),
    primary key (task, due_at)
);
