-- Counting 900,000 households by commune for the recognition rates took 0.37 s, more than the 0.2 s the four rates of
-- the province may take. Households are therefore also counted by village and year of closing (9999 while open) in
-- household_tallies, kept by statement triggers (COPY and INSERT … SELECT fire them once per statement).
create table household_tallies (
    locality_id bigint not null,
    closed_year int    not null,
    households  int    not null,
    primary key (locality_id, closed_year)
);

create function families_tally() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into household_tallies as t (locality_id, closed_year, households)
        select o.locality_id, coalesce(extract(year from o.closed_on)::int, 9999), -count(*)
        from old_rows o group by 1, 2
        on conflict (locality_id, closed_year) do update set households = t.households + excluded.households;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into household_tallies as t (locality_id, closed_year, households)
        select n.locality_id, coalesce(extract(year from n.closed_on)::int, 9999), count(*)
        from new_rows n group by 1, 2
        on conflict (locality_id, closed_year) do update set households = t.households + excluded.households;
    end if;
    return null;
end $$;

create trigger families_tally_insert after insert on families
    referencing new table as new_rows for each statement execute function families_tally();
create trigger families_tally_update after update on families
    referencing old table as old_rows new table as new_rows for each statement execute function families_tally();
create trigger families_tally_delete after delete on families
    referencing old table as old_rows for each statement execute function families_tally();

insert into household_tallies (locality_id, closed_year, households)
select locality_id, coalesce(extract(year from closed_on)::int, 9999), count(*)
from families group by 1, 2;
