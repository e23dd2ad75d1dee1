-- Who issues each kind of report for a locality and to whom it goes (NĐ 30/2020: issuing body under its superior
-- body, place of the date line, signer, "Nơi nhận"): the defaults the report form starts from, as the office last set
-- them; a kind and locality without a row use the built-in defaults. Every change is audited.
create table report_issuers (
    id            bigint generated always as identity primary key,
    kind          text        not null check (kind in ('association-six-month', 'association-annual', 'models-annual',
                                                       'midterm-2025', 'final-2030')),
    locality_id   bigint      not null references localities (id),
    issuing_body  text        not null check (length(issuing_body) between 1 and 200),
    superior_body text        not null check (length(superior_body) <= 200),
    place         text        not null check (length(place) between 1 and 60),
    signer_title  text        not null check (length(signer_title) between 1 and 410),
    signer_name   text        not null check (length(signer_name) <= 100),
    recipients    text[]      not null check (cardinality(recipients) between 1 and 20),
    version       int         not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (kind, locality_id)
);
