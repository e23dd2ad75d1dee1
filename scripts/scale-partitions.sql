-- Does partitioning by year pay (issue 14, docs/scaling.md)? Makes copies of registrations and of the attendance
-- rows partitioned by year in a scratch schema, with the indexes the product has, so that
-- scripts/scale-partition-queries.sql can time the same year-filtered statements on both. The attendance rows carry no
-- year: the copy takes the session's. Run on a copy of the data as postgres; drop schema scale_trial cascade after.
\set ON_ERROR_STOP on
\timing on
set work_mem = '256MB';
set maintenance_work_mem = '512MB';
drop schema if exists scale_trial cascade;
create schema scale_trial;

create table scale_trial.registrations (like public.registrations including defaults) partition by range (year);
create table scale_trial.attendance (study_id bigint not null, member_id bigint not null, year int not null,
    recorded_by text, recorded_at timestamptz) partition by range (year);
-- one partition a year, 2021-2027, for each
do $$
declare
    t text;
begin
    foreach t in array array['registrations', 'attendance'] loop
        for y in 2021..2027 loop
            execute format('create table scale_trial.%s_%s partition of scale_trial.%s for values from (%s) to (%s)',
                           t, y, t, y, y + 1);
        end loop;
    end loop;
end
$$;
insert into scale_trial.registrations select * from public.registrations;
create index on scale_trial.registrations using gist (locality_path);
create index on scale_trial.registrations (round_id, stage);
create index on scale_trial.registrations (title, year, subject_id);

insert into scale_trial.attendance
    select a.study_id, a.member_id, extract(year from s.held_on)::int, a.recorded_by, a.recorded_at
    from public.policy_study_attendance a join public.policy_studies s on s.id = a.study_id;
create index on scale_trial.attendance (study_id, member_id);
create index on scale_trial.attendance (member_id);
vacuum analyze scale_trial.registrations;
vacuum analyze scale_trial.attendance;
select pg_size_pretty(pg_total_relation_size('public.registrations')) as registrations,
       (select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_inherits i join pg_class c on c.oid = i.inhrelid
         where i.inhparent = 'scale_trial.registrations'::regclass) as partitioned;
