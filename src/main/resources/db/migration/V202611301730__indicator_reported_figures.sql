-- Figures of past paper reports (2021 until the province used the product), per locality, year and indicator.
create table reported_figures (
    id            bigint generated always as identity primary key,
    locality_id   bigint      not null references localities (id),
    locality_path ltree       not null,
    year          int         not null check (year between 2021 and 2030),
    indicator     text        not null check (length(indicator) between 1 and 60),
    numerator     bigint      not null check (numerator >= 0),
    denominator   bigint      not null check (denominator >= 0),
    source        text        not null check (length(source) between 1 and 500),
    -- a figure reported for a year that has computed figures replaces them only as a correction, with its reason
    correction    boolean     not null default false,
    reason        text        check (reason is null or length(reason) <= 500),
    version       int         not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    check (numerator <= denominator),
    check (not correction or reason is not null),
    constraint reported_figures_uq unique (locality_id, year, indicator)
);

create index reported_figures_year_idx on reported_figures (year);
create index reported_figures_path_idx on reported_figures using gist (locality_path);

create trigger reported_figures_locality_path before insert or update of locality_id on reported_figures
    for each row execute function copy_locality_path();

-- How a former commune split between several communes shares its reported figures: one row per successor, entered
-- once per split; a split without rows shares equally.
create table reported_figure_shares (
    predecessor_id bigint        not null references localities (id),
    successor_id   bigint        not null references localities (id),
    share          numeric(7, 6) not null check (share >= 0 and share <= 1),
    updated_at     timestamptz   not null default now(),
    primary key (predecessor_id, successor_id)
);
