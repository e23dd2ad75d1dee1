-- When villages are merged (or a retired village hands its records to another), the records move to the successor
-- from the merge date on. Where each was before is kept here, one row per earlier place with the day it stopped
-- being there ("until", exclusive), so that a figure as of an earlier day finds the record where it stood then.
-- Each table belongs to the module of its records (family, organization, clan, association).
create table family_placements (
    family_id     bigint not null references families (id),
    locality_id   bigint not null references localities (id),
    locality_path ltree  not null,
    until         date   not null,
    primary key (family_id, until)
);
create index family_placements_path_idx on family_placements using gist (locality_path);

create table organization_placements (
    organization_id bigint not null references organizations (id),
    locality_id     bigint not null references localities (id),
    locality_path   ltree  not null,
    until           date   not null,
    primary key (organization_id, until)
);

create table clan_placements (
    clan_id       bigint not null references clans (id),
    locality_id   bigint not null references localities (id),
    locality_path ltree  not null,
    until         date   not null,
    primary key (clan_id, until)
);

-- A chapter hosted by a merged village moves to the successor; its earlier host and place are kept the same way.
create table chapter_placements (
    chapter_id      bigint not null references chapters (id),
    host_village_id bigint references localities (id),
    locality_id     bigint not null references localities (id),
    locality_path   ltree  not null,
    until           date   not null,
    primary key (chapter_id, until)
);

-- When two merged villages both had a chapter the officer may keep both, one as a branch (chi hội thành viên) of the
-- other: a branch does not count as a second chapter of its host.
alter table chapters add column branch_of bigint references chapters (id);
alter table chapters add constraint chapters_branch_check check (branch_of is null or branch_of <> id);
drop index chapters_one_per_village;
create unique index chapters_one_per_village on chapters (host_village_id)
    where dissolved_on is null and host_village_id is not null and branch_of is null;
