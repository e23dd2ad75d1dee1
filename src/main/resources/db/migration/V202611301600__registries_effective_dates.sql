-- Every record an indicator counts has the dates on which it existed, so that a year's figure is computed on the
-- records as they stood on its reference date. Organizations already have opened_on/closed_on, chapters
-- founded_on/dissolved_on, members joined_on/left_on, villages valid_from/valid_to; clans and households get since.
-- A null since means "before the records begin": the record counts from the start of the programme.
alter table clans add column since date;
alter table clans add constraint clans_dates_check check (closed_on is null or since is null or closed_on >= since);
alter table families add column since date;
alter table families add constraint families_dates_check check (closed_on is null or since is null or closed_on >= since);

-- household_tallies gains the day each group of households began (0001-01-01 when unknown) and the day they were
-- closed (infinity while open), so that a count as of any date reads the tallies alone.
drop trigger families_tally_insert on families;
drop trigger families_tally_update on families;
drop trigger families_tally_delete on families;
drop function families_tally();
drop table household_tallies;

create table household_tallies (
    locality_id bigint not null,
    since       date   not null,
    closed_on   date   not null,
    households  int    not null,
    primary key (locality_id, since, closed_on)
);

create function families_tally() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into household_tallies as t (locality_id, since, closed_on, households)
        select o.locality_id, coalesce(o.since, date '0001-01-01'), coalesce(o.closed_on, date 'infinity'), -count(*)
        from old_rows o group by 1, 2, 3
        on conflict (locality_id, since, closed_on) do update set households = t.households + excluded.households;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into household_tallies as t (locality_id, since, closed_on, households)
        select n.locality_id, coalesce(n.since, date '0001-01-01'), coalesce(n.closed_on, date 'infinity'), count(*)
        from new_rows n group by 1, 2, 3
        on conflict (locality_id, since, closed_on) do update set households = t.households + excluded.households;
    end if;
    return null;
end $$;

create trigger families_tally_insert after insert on families
    referencing new table as new_rows for each statement execute function families_tally();
create trigger families_tally_update after update on families
    referencing old table as old_rows new table as new_rows for each statement execute function families_tally();
create trigger families_tally_delete after delete on families
    referencing old table as old_rows for each statement execute function families_tally();

insert into household_tallies (locality_id, since, closed_on, households)
select locality_id, coalesce(since, date '0001-01-01'), coalesce(closed_on, date 'infinity'), count(*)
from families group by 1, 2, 3;
