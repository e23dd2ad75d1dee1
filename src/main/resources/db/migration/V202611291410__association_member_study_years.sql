-- The policy-study figures read every membership of the province (about a million) at each request. Joining them to
-- millions of attendance rows and grouping by person took 9.5 s at province scale, so each membership now carries
-- what those figures need: its commune, and the years in which it attended a session (bit 0 = 2021), kept by triggers.
alter table members
    add column commune_id bigint,
    add column studied_years int not null default 0;

-- named to run after members_locality_path (triggers of one event fire in name order)
create function members_commune() returns trigger language plpgsql as $$
begin
    new.commune_id := ltree2text(subpath(new.locality_path, 1, 1))::bigint;
    return new;
end $$;

create trigger members_path_commune before insert or update of locality_id on members
    for each row execute function members_commune();

-- the years (2021 and later) in which a membership attended at least one session
create function member_studied_years(member bigint) returns int language sql stable as $$
    select coalesce(bit_or(1 << (extract(year from s.held_on)::int - 2021)), 0)
    from policy_study_attendance a join policy_studies s on s.id = a.study_id
    where a.member_id = member and s.held_on >= date '2021-01-01' and s.held_on < date '2052-01-01'
$$;

-- set-based, as a bulk insert hands over millions of rows: an "id in (select … from changed)" too large to hash was
-- planned as a scan of the transition table for every membership
create function attendance_mark_members() returns trigger language plpgsql as $$
begin
    update members m set studied_years = x.years
    from (select c.member_id,
                 coalesce(bit_or(1 << (extract(year from s.held_on)::int - 2021)) filter (where s.id is not null), 0) as years
          from (select distinct member_id from changed) c
          left join policy_study_attendance a on a.member_id = c.member_id
          left join policy_studies s on s.id = a.study_id
                                    and s.held_on >= date '2021-01-01' and s.held_on < date '2052-01-01'
          group by c.member_id) x
    where x.member_id = m.id and m.studied_years <> x.years;
    return null;
end $$;

create trigger attendance_added after insert on policy_study_attendance
    referencing new table as changed for each statement execute function attendance_mark_members();
create trigger attendance_removed after delete on policy_study_attendance
    referencing old table as changed for each statement execute function attendance_mark_members();

create function study_moved() returns trigger language plpgsql as $$
begin
    update members m set studied_years = member_studied_years(m.id)
    where m.id in (select a.member_id from policy_study_attendance a where a.study_id = new.id);
    return null;
end $$;

create trigger policy_studies_moved after update of held_on on policy_studies
    for each row when (old.held_on is distinct from new.held_on) execute function study_moved();

update members m set commune_id = ltree2text(subpath(m.locality_path, 1, 1))::bigint;

update members m set studied_years = x.years
from (select a.member_id, bit_or(1 << (extract(year from s.held_on)::int - 2021)) as years
      from policy_study_attendance a join policy_studies s on s.id = a.study_id
      where s.held_on >= date '2021-01-01' and s.held_on < date '2052-01-01'
      group by a.member_id) x
where x.member_id = m.id;

alter table members alter column commune_id set not null;
create index members_commune_idx on members (commune_id);
