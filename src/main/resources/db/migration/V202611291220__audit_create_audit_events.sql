-- Audit trail: every write (and every view or export of a personal list) with who, when, what, old and new values.
create table audit_events (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null default now(),
    actor         text        not null,
    action        text        not null,
    entity_type   text        not null,
    entity_id     text,
    -- path of the locality the record belongs to, so that each office sees the events of its own scope
    locality_path ltree,
    old_value     jsonb,
    new_value     jsonb
);

create index audit_events_occurred_idx on audit_events (occurred_at desc);
create index audit_events_path_idx on audit_events using gist (locality_path);
create index audit_events_entity_idx on audit_events (entity_type, entity_id);
