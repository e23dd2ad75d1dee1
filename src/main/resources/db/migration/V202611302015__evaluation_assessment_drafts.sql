-- Self-assessments being typed: one draft per registration and person, saved as they type so that nothing typed is
-- lost (an upload, a reload, a lost signal); not the record, so not audited: the submission is.
create table assessment_drafts (
    registration_id   bigint      not null references registrations (id) on delete cascade,
    username          text        not null,
    scores            jsonb       not null default '{}',
    comment           text        check (length(comment) <= 2000),
    people            int         check (people between 0 and 100000),
    learning_citizens int         check (learning_citizens between 0 and 100000),
    based_on_version  int         not null,
    updated_at        timestamptz not null default now(),
    primary key (registration_id, username)
);
