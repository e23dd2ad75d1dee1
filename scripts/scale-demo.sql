-- Scale the province-scale demo data by cloning every commune of the province (issue 14, docs/scaling.md).
-- Copy number k (1, 2, 3, …) adds one twin of each commune subtree: the commune, its villages and every row that hangs
-- under them (organizations, clans, households, chapters and their years, members, policy-study sessions, their
-- documents and attendance, rounds, registrations, assessments, evidence, decisions, certificates, placements, the
-- tallies, the audit events). Run k = 1 for 2x, then k = 2 and k = 3 for 4x; only original rows (id < 10^9) are
-- copied, so the order does not matter and each k is done once.
--
--   psql -h 127.0.0.1 -p PORT -U postgres -d khuyenhoc -v k=1 -f scripts/scale-demo.sql
--
-- As the superuser (postgres, password in the data directory's khuyenhoc-db-password), on a COPY of the data: with
-- session_replication_role = replica no trigger and no foreign key fires, so the statements copy the derived columns
-- (paths, person ids, study years, tallies) themselves. Rules:
--   * every bigint id of a copied row, and every reference to a copied row, moves by k * 10^9 (one offset for all);
--     rows that stay single (the province, the former map, province-level rounds, sessions, chapters and their
--     decisions) keep their ids and references to them are not moved;
--   * ltree paths: every label after the province's moves by the offset;
--   * commune codes: the national code + (k + 1) * 10000 (Đắk Lắk's are 22015–24xxx, so 42015…, 52015…, 62015…:
--     five digits, above every national commune code); villages: the twin commune's code and their own suffix;
--     twin communes are named "… (bản k+1)" (names are unique under a parent);
--   * unique texts: citizen keys get "-k+1", certificate codes come from the twin registration id by the demo's own
--     bijection (DemoRounds), decision numbers are unique per round and rounds are new.
-- The INSERT … SELECT of each table is generated from information_schema (generated columns left out), so a column
-- added later is copied as it is unless a rule below names it.
\set ON_ERROR_STOP on
\timing on
select set_config('twin.k', :'k', false);
set session_replication_role = replica;
set work_mem = '256MB';
set maintenance_work_mem = '512MB';

create function pg_temp.twin_path(p ltree, o bigint) returns ltree language sql immutable as $$
    select case
        when p is null or nlevel(p) < 2 then p
        else subpath(p, 0, 1) || (
            select text2ltree(string_agg((label::bigint + o)::text, '.' order by i))
            from unnest(string_to_array(ltree2text(subpath(p, 1)), '.')) with ordinality as t(label, i))
    end
$$;

-- rows that stay single: references to them keep their value
create temp table kept_rounds as select id from rounds where nlevel(locality_path) < 2;
create temp table kept_studies as select id from policy_studies where nlevel(locality_path) < 2;
create temp table kept_chapters as select id from chapters where nlevel(locality_path) < 2;
create temp table kept_decisions as select id from decisions where round_id in (select id from kept_rounds);
create temp table twin_localities as
    select id from localities where id < 1000000000 and not former_map and nlevel(path) >= 2 and path <@ '1';

-- which rows of each table are copied ("t" is the table), in an order that keeps references valid
create temp table twin_tables (ord int, tbl text, source text);
insert into twin_tables values
    (1,  'localities', 't.id in (select id from twin_localities)'),
    (2,  'locality_successions', 't.predecessor_id in (select id from twin_localities) and t.successor_id in (select id from twin_localities)'),
    (3,  'organizations', 't.id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (4,  'clans', 't.id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (5,  'families', 't.id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (6,  'household_tallies', 't.locality_id in (select id from twin_localities)'),
    (7,  'organization_placements', 't.organization_id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (8,  'clan_placements', 't.clan_id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (9,  'family_placements', 't.family_id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (10, 'chapters', 't.id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (11, 'chapter_placements', 't.chapter_id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (12, 'chapter_movements', 'exists (select 1 from chapters c where c.id = t.chapter_id and c.id < 1000000000 and nlevel(c.locality_path) >= 2)'),
    (13, 'members', 't.id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (14, 'member_tallies', 't.commune_id in (select id from twin_localities)'),
    (15, 'learning_citizen_statuses', 'exists (select 1 from members m where m.id = t.member_id and m.id < 1000000000 and nlevel(m.locality_path) >= 2)'),
    (16, 'commune_populations', 't.locality_id in (select id from twin_localities)'),
    (17, 'policy_studies', 't.id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (18, 'policy_study_documents', 'exists (select 1 from policy_studies s where s.id = t.study_id and s.id < 1000000000 and nlevel(s.locality_path) >= 2)'),
    (19, 'policy_study_attendance', 'exists (select 1 from members m where m.id = t.member_id and m.id < 1000000000 and nlevel(m.locality_path) >= 2)'),
    (20, 'rounds', 't.id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (21, 'decisions', 'exists (select 1 from rounds r where r.id = t.round_id and r.id < 1000000000 and nlevel(r.locality_path) >= 2)'),
    (22, 'registrations', 't.id < 1000000000 and nlevel(t.locality_path) >= 2'),
    (23, 'registration_tallies', 't.commune_id in (select id from twin_localities)'),
    (24, 'assessments', 'exists (select 1 from registrations g where g.id = t.registration_id and g.id < 1000000000 and nlevel(g.locality_path) >= 2)'),
    (25, 'evidence_files', 'exists (select 1 from registrations g where g.id = t.registration_id and g.id < 1000000000 and nlevel(g.locality_path) >= 2)'),
    (26, 'certificates', 'exists (select 1 from registrations g where g.id = t.registration_id and g.id < 1000000000 and nlevel(g.locality_path) >= 2)'),
    (27, 'audit_events', 't.id < 1000000000 and nlevel(t.locality_path) >= 2');

-- how a column is copied ({o} is the offset); a column not named here is copied as it is
create temp table twin_columns (tbl text, col text, expr text);  -- tbl '*' applies to every table
insert into twin_columns values
    ('*', 'id', 't.id + {o}'),
    ('*', 'locality_id', 't.locality_id + {o}'),
    ('*', 'commune_id', 't.commune_id + {o}'),
    ('*', 'locality_path', 'pg_temp.twin_path(t.locality_path, {o})'),
    ('*', 'family_id', 't.family_id + {o}'),
    ('*', 'organization_id', 't.organization_id + {o}'),
    ('*', 'clan_id', 't.clan_id + {o}'),
    ('*', 'member_id', 't.member_id + {o}'),
    ('*', 'person_id', 't.person_id + {o}'),
    ('*', 'registration_id', 't.registration_id + {o}'),
    ('*', 'subject_id', 't.subject_id + {o}'),
    ('*', 'host_village_id', 't.host_village_id + {o}'),
    ('*', 'host_organization_id', 't.host_organization_id + {o}'),
    ('*', 'host_clan_id', 't.host_clan_id + {o}'),
    ('*', 'predecessor_id', 't.predecessor_id + {o}'),
    ('*', 'successor_id', 't.successor_id + {o}'),
    ('*', 'branch_of', 't.branch_of + case when t.branch_of in (select id from kept_chapters) then 0 else {o} end'),
    ('*', 'chapter_id', 't.chapter_id + case when t.chapter_id in (select id from kept_chapters) then 0 else {o} end'),
    ('*', 'round_id', 't.round_id + case when t.round_id in (select id from kept_rounds) then 0 else {o} end'),
    ('*', 'study_id', 't.study_id + case when t.study_id in (select id from kept_studies) then 0 else {o} end'),
    ('*', 'decision_id', 't.decision_id + case when t.decision_id in (select id from kept_decisions) then 0 else {o} end'),
    ('*', 'citizen_key', 't.citizen_key || ''-'' || ({k} + 1)'),
    ('localities', 'path', 'pg_temp.twin_path(t.path, {o})'),
    ('localities', 'parent_id', 't.parent_id + case when t.level = ''COMMUNE'' then 0 else {o} end'),
    ('localities', 'code', 'case when t.level = ''COMMUNE'' then (t.code::int + ({k} + 1) * 10000)::text'
        || ' else (split_part(t.code, ''-'', 1)::int + ({k} + 1) * 10000)::text || ''-'' || split_part(t.code, ''-'', 2) end'),
    ('localities', 'name', 'case when t.level = ''COMMUNE'' then t.name || '' (bản '' || ({k} + 1) || '')'' else t.name end'),
    ('certificates', 'code', '(select string_agg(substr(''ABCDEFGHJKLMNPQRSTUVWXYZ23456789'','
        || ' ((((t.registration_id + {o}) * 1103515245 + 12345) & 1125899906842623) >> (5 * i) & 31)::int + 1, 1), '''' order by i)'
        || ' from generate_series(0, 9) i)'),
    ('audit_events', 'entity_id', 't.entity_id');

do $$
declare
    k int := current_setting('twin.k')::int;
    o bigint := k::bigint * 1000000000;
    r record;
    cols text;
    exprs text;
    n bigint;
    started timestamptz;
begin
    if k < 1 then
        raise exception 'k must be 1 or more';
    end if;
    if exists (select 1 from localities where id = (select min(id) from twin_localities) + o) then
        raise exception 'copy % was made already', k;
    end if;
    for r in select * from twin_tables order by ord loop
        select string_agg(quote_ident(c.column_name), ', ' order by c.ordinal_position),
               string_agg(replace(replace(coalesce(
                   (select x.expr from twin_columns x where x.tbl = r.tbl and x.col = c.column_name),
                   (select x.expr from twin_columns x where x.tbl = '*' and x.col = c.column_name),
                   't.' || quote_ident(c.column_name)), '{o}', o::text), '{k}', k::text), ', ' order by c.ordinal_position)
          into cols, exprs
          from information_schema.columns c
         where c.table_schema = 'public' and c.table_name = r.tbl and c.is_generated = 'NEVER';
        started := clock_timestamp();
        execute format('insert into %I (%s) overriding system value select %s from %I t where %s',
                       r.tbl, cols, exprs, r.tbl, r.source);
        get diagnostics n = row_count;
        raise notice '% %: % rows in % s', k, r.tbl, n, round(extract(epoch from clock_timestamp() - started)::numeric, 1);
    end loop;
    -- identities continue after the highest id
    for r in select c.table_name, c.column_name from information_schema.columns c
              where c.table_schema = 'public' and c.is_identity = 'YES' loop
        execute format('select setval(pg_get_serial_sequence(%L, %L), greatest(1, (select max(%I) from %I)))',
                       r.table_name, r.column_name, r.column_name, r.table_name);
    end loop;
end
$$;

-- the indicator caches of running instances are dropped at their next read
update cache_generations set generation = generation + 1;
