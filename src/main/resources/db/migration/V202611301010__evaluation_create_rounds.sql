-- The yearly recognition cycle: rounds, registrations, assessments per stage, evidence, decisions and certificates.

-- Who recognises a title at a level from a year on. Since the 2025 reform this is data (domain guide §5); the rows
-- below are the defaults, the commune learning community's marked to confirm.
create table recognising_authorities (
    title     text not null,
    level     text not null,
    from_year int  not null check (from_year between 2000 and 2100),
    authority text not null check (authority in ('COMMUNE_CHAIR', 'PROVINCE_CHAIR', 'PROVINCE_EDUCATION')),
    primary key (title, level, from_year)
);

insert into recognising_authorities (title, level, from_year, authority) values
    ('LEARNING_FAMILY', 'HOUSEHOLD', 2021, 'COMMUNE_CHAIR'),
    ('LEARNING_CLAN', 'CLAN', 2021, 'COMMUNE_CHAIR'),
    ('LEARNING_COMMUNITY', 'VILLAGE', 2021, 'COMMUNE_CHAIR'),
    ('LEARNING_COMMUNITY', 'COMMUNE', 2021, 'PROVINCE_EDUCATION'),
    ('LEARNING_UNIT', 'COMMUNE_MANAGED', 2021, 'COMMUNE_CHAIR'),
    ('LEARNING_UNIT', 'PROVINCE_MANAGED', 2021, 'PROVINCE_CHAIR');

-- One round per title, level and year within a locality (a commune; the province for province-level subjects).
create table rounds (
    id                  bigint generated always as identity primary key,
    title               text        not null,
    level               text        not null,
    year                int         not null check (year between 2021 and 2100),
    locality_id         bigint      not null references localities (id),
    locality_path       ltree       not null,
    criteria_set_id     bigint      not null references criteria_sets (id),
    authority           text        not null check (authority in ('COMMUNE_CHAIR', 'PROVINCE_CHAIR', 'PROVINCE_EDUCATION')),
    registration_due    date        not null,
    self_assessment_due date        not null,
    review_due          date        not null,
    decision_due        date        not null,
    demo                boolean     not null default false,
    version             int         not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (title, level, year, locality_id),
    check (registration_due <= self_assessment_due and self_assessment_due <= review_due
           and review_due <= decision_due)
);

create trigger rounds_locality_path before insert or update of locality_id on rounds
    for each row execute function copy_locality_path();
create index rounds_path_idx on rounds using gist (locality_path);

-- A subject entered in a round. Title and year are copied from the round so that a subject is recognised at most once
-- per title and year; the subject's name and place are copied at registration (certificates print what was registered).
create table registrations (
    id                bigint generated always as identity primary key,
    round_id          bigint      not null references rounds (id),
    title             text        not null,
    year              int         not null,
    subject_id        bigint      not null,
    subject_name      text        not null check (length(subject_name) between 1 and 200),
    locality_id       bigint      not null references localities (id),
    locality_path     ltree       not null,
    commune_id        bigint,
    stage             text        not null check (stage in ('REGISTERED', 'SELF_ASSESSED', 'REVIEWED', 'RETURNED',
                                                            'APPRAISED', 'REJECTED', 'RECOGNISED', 'REVOKED')),
    result            text        check (result in ('FAIL', 'PASS', 'LEVEL_1', 'LEVEL_2')),
    return_comment    text        check (length(return_comment) <= 1000),
    people            int         check (people between 0 and 100000),
    learning_citizens int         check (learning_citizens between 0 and 100000),
    late              boolean     not null default false,
    registered_by     text        not null,
    demo              boolean     not null default false,
    version           int         not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    unique (title, year, subject_id),
    check (learning_citizens is null or people is null or learning_citizens <= people)
);

create function registrations_place() returns trigger language plpgsql as $$
begin
    select l.path into strict new.locality_path from localities l where l.id = new.locality_id;
    new.commune_id := case when nlevel(new.locality_path) >= 2
                           then ltree2text(subpath(new.locality_path, 1, 1))::bigint end;
    return new;
end $$;

create trigger registrations_place before insert or update of locality_id on registrations
    for each row execute function registrations_place();
create index registrations_round_idx on registrations (round_id, stage);
create index registrations_path_idx on registrations using gist (locality_path);

-- The funnel of a province (a million registrations a year) and the recognition rates by commune read these tallies,
-- kept by statement triggers, instead of the registrations themselves.
create table registration_tallies (
    round_id          bigint not null,
    commune_id        bigint not null, -- 0 for subjects placed at the province itself
    stage             text   not null,
    subjects          int    not null,
    people            bigint not null,
    learning_citizens bigint not null,
    primary key (round_id, commune_id, stage)
);

create function registrations_tally() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into registration_tallies as t (round_id, commune_id, stage, subjects, people, learning_citizens)
        select o.round_id, coalesce(o.commune_id, 0), o.stage, -count(*), -coalesce(sum(o.people), 0),
               -coalesce(sum(o.learning_citizens), 0)
        from old_rows o group by 1, 2, 3
        on conflict (round_id, commune_id, stage) do update
            set subjects = t.subjects + excluded.subjects, people = t.people + excluded.people,
                learning_citizens = t.learning_citizens + excluded.learning_citizens;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into registration_tallies as t (round_id, commune_id, stage, subjects, people, learning_citizens)
        select n.round_id, coalesce(n.commune_id, 0), n.stage, count(*), coalesce(sum(n.people), 0),
               coalesce(sum(n.learning_citizens), 0)
        from new_rows n group by 1, 2, 3
        on conflict (round_id, commune_id, stage) do update
            set subjects = t.subjects + excluded.subjects, people = t.people + excluded.people,
                learning_citizens = t.learning_citizens + excluded.learning_citizens;
    end if;
    return null;
end $$;

create trigger registrations_tally_insert after insert on registrations
    referencing new table as new_rows for each statement execute function registrations_tally();
create trigger registrations_tally_update after update on registrations
    referencing old table as old_rows new table as new_rows for each statement execute function registrations_tally();
create trigger registrations_tally_delete after delete on registrations
    referencing old table as old_rows for each statement execute function registrations_tally();

-- The scores of one stage (self-assessment, review, appraisal); a stage done again after a return replaces its row
-- (the audit trail keeps the earlier one).
create table assessments (
    registration_id bigint      not null references registrations (id) on delete cascade,
    stage           text        not null check (stage in ('SELF', 'REVIEW', 'APPRAISAL')),
    scores          jsonb       not null,
    total           int,
    result          text        not null check (result in ('FAIL', 'PASS', 'LEVEL_1', 'LEVEL_2')),
    comment         text        check (length(comment) <= 2000),
    assessed_by     text        not null,
    assessed_at     timestamptz not null default now(),
    primary key (registration_id, stage)
);

-- Evidence (minh chứng) for an item: PDF, JPEG or PNG up to 10 MB, kept in the database so that it is backed up and
-- served only through a scope check.
create table evidence_files (
    id              bigint generated always as identity primary key,
    registration_id bigint      not null references registrations (id) on delete cascade,
    item_code       text        not null check (length(item_code) between 1 and 20),
    file_name       text        not null check (length(file_name) between 1 and 200),
    content_type    text        not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      int         not null check (size_bytes between 1 and 10485760),
    content         bytea       not null,
    uploaded_by     text        not null,
    uploaded_at     timestamptz not null default now()
);
create index evidence_files_registration_idx on evidence_files (registration_id, item_code);

create table decisions (
    id           bigint generated always as identity primary key,
    round_id     bigint      not null references rounds (id),
    number       text        not null check (length(number) between 1 and 40),
    decided_on   date        not null,
    signer       text        not null check (length(signer) between 1 and 120),
    signer_title text        not null check (length(signer_title) between 1 and 120),
    issuing_body text        not null check (length(issuing_body) between 1 and 200),
    place        text        not null check (length(place) between 1 and 120),
    created_by   text        not null,
    demo         boolean     not null default false,
    created_at   timestamptz not null default now(),
    unique (round_id, number)
);

-- One certificate per recognised registration; its code is printed with a QR code to the public verification page.
create table certificates (
    code            text        primary key check (code ~ '^[A-Z2-9]{10}$'),
    registration_id bigint      not null unique references registrations (id),
    decision_id     bigint      not null references decisions (id),
    result          text        not null check (result in ('PASS', 'LEVEL_1', 'LEVEL_2')),
    valid_until     date        not null,
    revoked_on      date,
    revoked_reason  text        check (length(revoked_reason) between 1 and 1000),
    revoked_by      text,
    check ((revoked_on is null) = (revoked_reason is null))
);
create index certificates_decision_idx on certificates (decision_id);
