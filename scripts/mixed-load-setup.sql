-- Bench accounts for scripts/mixed-load.sh (issue 14), on a COPY of the province-scale demo data, never a real
-- database: one commune officer for each of the 100 communes with the most households, password as the admin's
-- (its hash is copied), and for each officer two of this year's household registrations that may still be
-- self-assessed (a commune officer may save a draft after the deadline), each with its village. Prints one line per
-- virtual user: username,village code,registration id (the first 100 lines are the officers' first sessions, the
-- next 100 their second).
\set ON_ERROR_STOP on
\pset format unaligned
\pset tuples_only on
\pset fieldsep ','
create temp table bench_communes as
select c.id, row_number() over (order by count(*) desc, c.id) as n
from localities c
join localities v on v.parent_id = c.id and v.level = 'VILLAGE' and v.valid_to is null
join families f on f.locality_id = v.id and f.closed_on is null
where c.level = 'COMMUNE' and c.valid_to is null
group by c.id
order by count(*) desc, c.id
limit 100;

insert into accounts (username, full_name, password_hash, role, scope_locality_id)
select 'bench-officer-' || lpad(b.n::text, 3, '0'), 'Cán bộ xã thử tải ' || b.n,
       (select password_hash from accounts where username = 'admin'), 'COMMUNE_OFFICER', b.id
from bench_communes b
on conflict (username) do nothing;

-- the accounts as they are (a later run's households may reorder the communes, not the accounts' scopes)
with picked as (
    select a.username, r.id, v.code, row_number() over (partition by a.username order by r.id) as k
    from registrations r
    join accounts a on a.scope_locality_id = r.commune_id and a.username like 'bench-officer-%'
    join rounds o on o.id = r.round_id and o.title = 'LEARNING_FAMILY'
    join localities v on v.id = r.locality_id and v.valid_to is null -- not a village closed by a merge
    where r.year = extract(year from current_date)::int and r.stage in ('REGISTERED', 'RETURNED'))
select username, code, id
from picked
where k <= 2
order by k, username;
