-- Year-filtered statements on the product's tables and on the partitioned copies of scripts/scale-partitions.sql.
-- name: registrations of 2024 by commune and stage, whole table
select commune_id, stage, count(*) from public.registrations where year = 2024 group by 1, 2;
-- name: registrations of 2024 by commune and stage, partitioned by year
select commune_id, stage, count(*) from scale_trial.registrations where year = 2024 group by 1, 2;
-- name: registrations of 2024 in one commune, whole table
select stage, count(*) from public.registrations where year = 2024 and locality_path <@ '1.2' group by 1;
-- name: registrations of 2024 in one commune, partitioned by year
select stage, count(*) from scale_trial.registrations where year = 2024 and locality_path <@ '1.2' group by 1;
-- name: attendance rows of 2024, whole table (year from the session)
select count(*) from public.policy_study_attendance a join public.policy_studies s on s.id = a.study_id
where s.held_on >= date '2024-01-01' and s.held_on < date '2025-01-01';
-- name: attendance rows of 2024, partitioned by year
select count(*) from scale_trial.attendance where year = 2024;
-- name: audit events of one month in one commune (product table)
select count(*) from public.audit_events where occurred_at >= timestamptz '2026-11-01' and occurred_at < timestamptz '2026-12-01' and locality_path <@ '1.2';
