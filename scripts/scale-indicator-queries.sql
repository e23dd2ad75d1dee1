-- The statements of the indicator sources for the province by commune, year 2025 (reference day 2025-12-31),
-- as the application sends them (captured from JdbcTemplate's TRACE log of GET /api/v1/public/indicators?year=2025
-- on 2026-11-30, parameters written in). Used by scripts/measure-scale-sql.sh; the application plans with
-- plan_cache_mode = force_custom_plan, so literals give the same plans. Statements are separated by lines "-- name: …".

-- name: chapter coverage (3 indicators) by commune
with chapter_at as materialized (
    select ch.id, coalesce(p.host_village_id, ch.host_village_id) as host_village_id,
           ch.host_organization_id, ch.host_clan_id, ch.branch_of,
           coalesce(p.locality_path, ch.locality_path) as locality_path
    from chapters ch
    left join lateral (select cp.host_village_id, cp.locality_path from chapter_placements cp
                       where cp.chapter_id = ch.id and cp.until > date '2025-12-31'
                       order by cp.until limit 1) p on true
    where ch.locality_path <@ subpath(cast('1' as ltree), 0, least(nlevel(cast('1' as ltree)), 2))
      and (ch.founded_on is null or ch.founded_on <= date '2025-12-31')
      and (ch.dissolved_on is null or ch.dissolved_on > date '2025-12-31')
),
-- every host of a chapter whose movement of the year was recorded, whether it ran the movement or not
recorded as materialized (
    select c.host_village_id, c.host_organization_id, c.host_clan_id, m.runs_movement
    from chapter_at c
    join chapter_movements m on m.chapter_id = c.id and m.year = 2025
),
covering as materialized (
    select host_village_id, host_organization_id, host_clan_id from recorded where runs_movement
),
active as materialized (
    select host_village_id, host_organization_id, host_clan_id from chapter_at
),
-- hash joins against the sets of covered and chapter-holding hosts: linear in the subjects
subjects as (
    select 'VILLAGE' as host_type, v.id, v.path as locality_path,
           v.id in (select host_village_id from covering where host_village_id is not null) as covered,
           v.id in (select host_village_id from active where host_village_id is not null) as has_chapter,
           v.id in (select host_village_id from recorded where host_village_id is not null) as has_record
    from localities v
    where v.level = 'VILLAGE' and v.path <@ cast('1' as ltree)
      and v.valid_from <= date '2025-12-31' and (v.valid_to is null or v.valid_to > date '2025-12-31')
    union all
    select 'ORGANIZATION', o.id, o.locality_path,
           o.id in (select host_organization_id from covering where host_organization_id is not null),
           o.id in (select host_organization_id from active where host_organization_id is not null),
           o.id in (select host_organization_id from recorded where host_organization_id is not null)
    from (select o.id, coalesce(p.locality_path, o.locality_path) as locality_path
          from organizations o
          left join lateral (select op.locality_path from organization_placements op
                             where op.organization_id = o.id and op.until > date '2025-12-31'
                             order by op.until limit 1) p on true
          where o.locality_path <@ subpath(cast('1' as ltree), 0, least(nlevel(cast('1' as ltree)), 2))
            and (o.opened_on is null or o.opened_on <= date '2025-12-31')
            and (o.closed_on is null or o.closed_on > date '2025-12-31')) o
    where o.locality_path <@ cast('1' as ltree)
    union all
    select 'CLAN', g.id, g.locality_path,
           g.id in (select host_clan_id from covering where host_clan_id is not null),
           g.id in (select host_clan_id from active where host_clan_id is not null),
           g.id in (select host_clan_id from recorded where host_clan_id is not null)
    from (select g.id, coalesce(p.locality_path, g.locality_path) as locality_path
          from clans g
          left join lateral (select gp.locality_path from clan_placements gp
                             where gp.clan_id = g.id and gp.until > date '2025-12-31'
                             order by gp.until limit 1) p on true
          where g.locality_path <@ subpath(cast('1' as ltree), 0, least(nlevel(cast('1' as ltree)), 2))
            and (g.since is null or g.since <= date '2025-12-31')
            and (g.closed_on is null or g.closed_on > date '2025-12-31')) g
    where g.locality_path <@ cast('1' as ltree)
)
select c.code as commune_code, c.name as commune_name, s.host_type,
       count(*) filter (where s.covered) as numerator, count(*) as denominator,
       count(*) filter (where s.has_record) as recorded
from subjects s
join localities c on c.path = subpath(s.locality_path, 0, least(nlevel(s.locality_path), nlevel(cast('1' as ltree)) + 1, 3))
group by c.code, c.name, s.host_type
order by c.name collate vi_natural;

-- name: policy-study coverage (2 indicators) by commune
with singles as (
    select t.commune_id,
           sum(t.members) filter (where t.officer) as officers,
           sum(t.members) filter (where t.officer and t.studied_years & 16 <> 0) as officers_studied,
           sum(t.members) as members,
           sum(t.members) filter (where t.studied_years & 16 <> 0) as members_studied
    from member_tallies t
    where t.commune_id in (select c.id from localities c where c.level = 'COMMUNE' and c.path <@ cast('1' as ltree))
      and t.joined_year <= 2025 and t.left_year > 2025
    group by t.commune_id
),
people as (
    select m.commune_id as commune_id, grouping(m.commune_id) = 1 as whole,
           bool_or(m.role = 'OFFICER') as officer, bool_or(m.studied_years & 16 <> 0) as studied
    from members m
    where m.citizen_key is not null and m.locality_path <@ cast('1' as ltree)
      and (m.joined_on is null or m.joined_on <= date '2025-12-31') and (m.left_on is null or m.left_on > date '2025-12-31')
    group by grouping sets ((m.commune_id, m.person_id), (m.person_id))
),
figures as (
    select commune_id, false as whole, officers, officers_studied, members, members_studied from singles
    union all
    select null, true, sum(officers), sum(officers_studied), sum(members), sum(members_studied) from singles
    union all
    select commune_id, whole, count(*) filter (where officer), count(*) filter (where officer and studied),
           count(*), count(*) filter (where studied)
    from people group by commune_id, whole
)
select f.whole, c.code as commune_code, c.name as commune_name,
       coalesce(sum(f.officers), 0)::bigint as officers,
       coalesce(sum(f.officers_studied), 0)::bigint as officers_studied,
       coalesce(sum(f.members), 0)::bigint as members,
       coalesce(sum(f.members_studied), 0)::bigint as members_studied
from figures f
left join localities c on c.id = f.commune_id
group by f.whole, c.code, c.name;

-- name: the communes of the province
select id, code, name from localities
where path <@ cast('1' as ltree) and nlevel(path) = least(nlevel(cast('1' as ltree)) + 1, 3)
  and (level <> 'VILLAGE' or valid_from <= date '2025-12-31') and (valid_to is null or valid_to > date '2025-12-31')
order by name collate vi_natural;

-- name: recognition numerators by commune (registration tallies)
select t.commune_id as part_id, r.title, r.level,
       sum(t.subjects) as considered,
       sum(t.subjects) filter (where t.stage in ('RECOGNISED', 'REVOKED') and t.recognised_on <= date '2025-12-31' and t.revoked_on > date '2025-12-31') as recognised,
       sum(t.subjects) filter (where r.year = 2025) as registered,
       sum(t.subjects) filter (where r.year = 2025 and t.stage in ('RECOGNISED', 'REVOKED') and t.recognised_on <= date '2025-12-31' and t.revoked_on > date '2025-12-31') as recognised_registered,
       sum(t.people) filter (where t.stage in ('RECOGNISED', 'REVOKED') and t.recognised_on <= date '2025-12-31' and t.revoked_on > date '2025-12-31') as people,
       sum(t.learning_citizens) filter (where t.stage in ('RECOGNISED', 'REVOKED') and t.recognised_on <= date '2025-12-31' and t.revoked_on > date '2025-12-31') as citizens,
       sum(t.people) filter (where r.year = 2025) as registered_people,
       sum(t.learning_citizens) filter (where r.year = 2025) as registered_citizens
from registration_tallies t
join rounds r on r.id = t.round_id
join criteria_sets cs on cs.id = r.criteria_set_id
where r.year <= 2025 and r.year + cs.validity_years > 2025 and t.subjects <> 0
  and (cast(null as bigint) is null and r.locality_path <@ cast('1' as ltree)
       or t.commune_id = cast(null as bigint))
group by t.commune_id, r.title, r.level;

-- name: recognition denominators by commune (household tallies, registries)
with households as (
    -- the tallies count each household in the village it is in now
    select t.locality_id, t.households as n
    from household_tallies t
    where t.since <= date '2025-12-31' and t.closed_on > date '2025-12-31'
      and (cast(true as boolean) or t.locality_id in (
          select id from localities
          where path <@ subpath(cast('1' as ltree), 0, least(nlevel(cast('1' as ltree)), 2))))
    union all
    -- a household moved by a merge after the day stood elsewhere then: out of where it is,
    -- into where it was (a handful of rows: only the moved households are read)
    select x.locality_id, x.n
    from families f
    join lateral (select fp.locality_id from family_placements fp
                  where fp.family_id = f.id and fp.until > date '2025-12-31'
                  order by fp.until limit 1) p on true
    cross join lateral (values (f.locality_id, -1), (p.locality_id, 1)) x (locality_id, n)
    where f.id in (select family_id from family_placements where until > date '2025-12-31')
      and (f.since is null or f.since <= date '2025-12-31') and (f.closed_on is null or f.closed_on > date '2025-12-31')
),
placed as (
    select l.path, 'FAMILY' as kind, h.n from households h join localities l on l.id = h.locality_id
    union all
    select coalesce(p.locality_path, g.locality_path), 'CLAN', 1 from clans g
    left join lateral (select gp.locality_path from clan_placements gp
                       where gp.clan_id = g.id and gp.until > date '2025-12-31'
                       order by gp.until limit 1) p on true
    where g.locality_path <@ subpath(cast('1' as ltree), 0, least(nlevel(cast('1' as ltree)), 2))
      and (g.since is null or g.since <= date '2025-12-31') and (g.closed_on is null or g.closed_on > date '2025-12-31')
    union all
    select path, 'VILLAGE', 1 from localities
    where path <@ cast('1' as ltree) and level = 'VILLAGE'
      and valid_from <= date '2025-12-31' and (valid_to is null or valid_to > date '2025-12-31')
    union all
    select coalesce(p.locality_path, o.locality_path), 'ORGANIZATION', 1 from organizations o
    left join lateral (select op.locality_path from organization_placements op
                       where op.organization_id = o.id and op.until > date '2025-12-31'
                       order by op.until limit 1) p on true
    where o.locality_path <@ subpath(cast('1' as ltree), 0, least(nlevel(cast('1' as ltree)), 2))
      and (o.opened_on is null or o.opened_on <= date '2025-12-31') and (o.closed_on is null or o.closed_on > date '2025-12-31')
)
select case when nlevel(path) > least(nlevel(cast('1' as ltree)), 2)
            then ltree2text(subpath(path, least(nlevel(cast('1' as ltree)), 2), 1))::bigint
            else 0 end as part_id, kind, sum(n) as n
from placed
where path <@ cast('1' as ltree)
group by 1, 2;
