-- Even one pass over a million memberships took 1.3 s (0.3 s as an index-only scan), over the 300 ms the policy-study
-- figures of a province may take. Memberships without a citizen ID (each one a person of its own) are therefore also
-- counted in member_tallies by commune, officer or not, years of study, and years of joining and leaving, kept by
-- statement triggers. Whether a membership counts on a period's reference day depends only on those years, because
-- the reference day is 31 December of a past year or today, and no membership starts or ends in the future.
create table member_tallies (
    commune_id    bigint  not null,
    officer       boolean not null,
    studied_years int     not null,
    joined_year   int     not null, -- 0 when the joining date is unknown
    left_year     int     not null, -- 9999 while a member
    members       int     not null,
    primary key (commune_id, officer, studied_years, joined_year, left_year)
);

create function members_tally() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into member_tallies as t (commune_id, officer, studied_years, joined_year, left_year, members)
        select o.commune_id, o.role = 'OFFICER', o.studied_years, coalesce(extract(year from o.joined_on)::int, 0),
               coalesce(extract(year from o.left_on)::int, 9999), -count(*)
        from old_rows o where o.citizen_key is null
        group by 1, 2, 3, 4, 5
        on conflict (commune_id, officer, studied_years, joined_year, left_year)
            do update set members = t.members + excluded.members;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into member_tallies as t (commune_id, officer, studied_years, joined_year, left_year, members)
        select n.commune_id, n.role = 'OFFICER', n.studied_years, coalesce(extract(year from n.joined_on)::int, 0),
               coalesce(extract(year from n.left_on)::int, 9999), count(*)
        from new_rows n where n.citizen_key is null
        group by 1, 2, 3, 4, 5
        on conflict (commune_id, officer, studied_years, joined_year, left_year)
            do update set members = t.members + excluded.members;
    end if;
    return null;
end $$;

create trigger members_tally_insert after insert on members
    referencing new table as new_rows for each statement execute function members_tally();
create trigger members_tally_update after update on members
    referencing old table as old_rows new table as new_rows for each statement execute function members_tally();
create trigger members_tally_delete after delete on members
    referencing old table as old_rows for each statement execute function members_tally();

insert into member_tallies (commune_id, officer, studied_years, joined_year, left_year, members)
select m.commune_id, m.role = 'OFFICER', m.studied_years, coalesce(extract(year from m.joined_on)::int, 0),
       coalesce(extract(year from m.left_on)::int, 9999), count(*)
from members m where m.citizen_key is null
group by 1, 2, 3, 4, 5;
