-- A recognition counts from its decision's date until its revocation, so that a figure as of a day counts exactly
-- the recognitions in force on that day (a certificate revoked in 2026 still counts in 2024). The dates are kept on
-- the registration and in the tallies ('infinity' while not recognised or not revoked).
alter table registrations add column recognised_on date;
alter table registrations add column revoked_on date;

update registrations g set recognised_on = d.decided_on, revoked_on = c.revoked_on
from certificates c join decisions d on d.id = c.decision_id
where c.registration_id = g.id;

drop trigger registrations_tally_insert on registrations;
drop trigger registrations_tally_update on registrations;
drop trigger registrations_tally_delete on registrations;
drop function registrations_tally();
drop table registration_tallies;

create table registration_tallies (
    round_id          bigint not null,
    commune_id        bigint not null, -- 0 for subjects placed at the province itself
    stage             text   not null,
    recognised_on     date   not null, -- 'infinity' while not recognised
    revoked_on        date   not null, -- 'infinity' while not revoked
    subjects          int    not null,
    people            bigint not null,
    learning_citizens bigint not null,
    primary key (round_id, commune_id, stage, recognised_on, revoked_on)
);

create function registrations_tally() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into registration_tallies as t
            (round_id, commune_id, stage, recognised_on, revoked_on, subjects, people, learning_citizens)
        select o.round_id, coalesce(o.commune_id, 0), o.stage, coalesce(o.recognised_on, date 'infinity'),
               coalesce(o.revoked_on, date 'infinity'), -count(*), -coalesce(sum(o.people), 0),
               -coalesce(sum(o.learning_citizens), 0)
        from old_rows o group by 1, 2, 3, 4, 5
        on conflict (round_id, commune_id, stage, recognised_on, revoked_on) do update
            set subjects = t.subjects + excluded.subjects, people = t.people + excluded.people,
                learning_citizens = t.learning_citizens + excluded.learning_citizens;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into registration_tallies as t
            (round_id, commune_id, stage, recognised_on, revoked_on, subjects, people, learning_citizens)
        select n.round_id, coalesce(n.commune_id, 0), n.stage, coalesce(n.recognised_on, date 'infinity'),
               coalesce(n.revoked_on, date 'infinity'), count(*), coalesce(sum(n.people), 0),
               coalesce(sum(n.learning_citizens), 0)
        from new_rows n group by 1, 2, 3, 4, 5
        on conflict (round_id, commune_id, stage, recognised_on, revoked_on) do update
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

insert into registration_tallies
    (round_id, commune_id, stage, recognised_on, revoked_on, subjects, people, learning_citizens)
select round_id, coalesce(commune_id, 0), stage, coalesce(recognised_on, date 'infinity'),
       coalesce(revoked_on, date 'infinity'), count(*), coalesce(sum(people), 0), coalesce(sum(learning_citizens), 0)
from registrations group by 1, 2, 3, 4, 5;
