-- Members and officers of the Study Promotion Association, each membership in one chapter. A person who belongs to
-- several chapters is recognised by a keyed hash of the citizen ID (never the ID itself: only its last 4 digits are
-- kept for display) and counted once through person_id, the id of the first membership with the same hash.
create table members (
    id               bigint generated always as identity primary key,
    chapter_id       bigint      not null references chapters (id),
    person_id        bigint      not null, -- set by the trigger members_person
    full_name        text        not null check (length(full_name) between 1 and 120),
    search_name      text        generated always as (search_key(full_name)) stored,
    gender           text        not null check (gender in ('MALE', 'FEMALE')),
    birth_year       int         not null check (birth_year between 1900 and 2100),
    ethnicity        text        check (length(ethnicity) <= 60),
    role             text        not null check (role in ('MEMBER', 'OFFICER')),
    position         text        check (length(position) <= 100),
    joined_on        date,       -- unknown for many long-standing members
    left_on          date,
    citizen_key      text,
    citizen_last4    text        check (citizen_last4 ~ '^[0-9]{4}$'),
    locality_id      bigint      not null references localities (id),
    locality_path    ltree       not null,
    demo             boolean     not null default false,
    version          int         not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (left_on is null or joined_on is null or left_on >= joined_on),
    check ((role = 'OFFICER') or position is null),
    check ((citizen_key is null) = (citizen_last4 is null))
);

create trigger members_locality_path before insert or update of locality_id on members
    for each row execute function copy_locality_path();

-- The person behind a membership: the earliest membership with the same citizen-ID hash, or the membership itself.
create function members_person() returns trigger language plpgsql as $$
begin
    new.person_id := null;
    if new.citizen_key is not null then
        -- min() over the few rows of the same hash (found by members_citizen_idx); an "order by id limit 1" here
        -- was planned as a walk of the primary key, the whole table for every row of a bulk insert
        select min(same.person_id) into new.person_id
        from (select m.person_id from members m where m.citizen_key = new.citizen_key and m.id <> new.id offset 0) same;
    end if;
    new.person_id := coalesce(new.person_id, new.id);
    return new;
end $$;

create trigger members_person before insert or update of citizen_key on members
    for each row execute function members_person();
create index members_chapter_idx on members (chapter_id);
create index members_path_idx on members using gist (locality_path);
create index members_search_idx on members using gin (search_name gin_trgm_ops);
create index members_citizen_idx on members (citizen_key) where citizen_key is not null;
create index members_person_idx on members (person_id);
-- one membership of a person in a chapter at a time
create unique index members_once_per_chapter on members (chapter_id, citizen_key)
    where citizen_key is not null and left_on is null;

-- Learning-citizen status (Công dân học tập) of a member per year, as assessed on congdanhoctap.vn and imported.
create table learning_citizen_statuses (
    member_id   bigint      not null references members (id),
    year        int         not null check (year between 2000 and 2100),
    status      text        not null check (status in ('RECOGNISED', 'NOT_RECOGNISED')),
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    primary key (member_id, year)
);

-- The documents studied in policy-study sessions: a maintained list, seeded with the programme's documents.
create table policy_documents (
    code        text        primary key check (code ~ '^[A-Z0-9-]{2,40}$'),
    number      text        not null unique check (length(number) between 1 and 60),
    title       text        not null check (length(title) between 1 and 300),
    issued_on   date,
    active      boolean     not null default true,
    created_at  timestamptz not null default now()
);

insert into policy_documents (code, number, title, issued_on) values
    ('CT-11-TW',   'Chỉ thị 11-CT/TW',      'Về tăng cường sự lãnh đạo của Đảng đối với công tác khuyến học, khuyến tài, xây dựng xã hội học tập', '2007-04-13'),
    ('KL-49-TW',   'Kết luận 49-KL/TW',     'Về tiếp tục thực hiện Chỉ thị 11-CT/TW về tăng cường sự lãnh đạo của Đảng đối với công tác khuyến học, khuyến tài, xây dựng xã hội học tập', '2019-05-10'),
    ('QD-489-TTG', 'QĐ 489/QĐ-TTg',         'Kế hoạch thực hiện Kết luận 49-KL/TW của Bộ Chính trị', '2020-04-08'),
    ('CT-14-TTG',  'Chỉ thị 14/CT-TTg',     'Về tiếp tục đẩy mạnh công tác khuyến học, khuyến tài, xây dựng xã hội học tập giai đoạn 2021–2030', '2021-05-25'),
    ('QD-1373-TTG','QĐ 1373/QĐ-TTg',        'Phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021–2030”', '2021-07-30'),
    ('QD-387-TTG', 'QĐ 387/QĐ-TTg',         'Phê duyệt Đề án “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị giai đoạn 2021–2030”', '2022-03-25'),
    ('QD-677-TTG', 'QĐ 677/QĐ-TTg',         'Phê duyệt Đề án “Đẩy mạnh xây dựng mô hình Công dân học tập giai đoạn 2021–2030”', '2022-06-03'),
    ('KH-102-UBND','KH 102/KH-UBND',        'Kế hoạch thực hiện Đề án “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị giai đoạn 2021–2030” trên địa bàn tỉnh Đắk Lắk', '2022-05-09');

-- A policy-study session, organised by the province association, a commune association or one chapter.
create table policy_studies (
    id            bigint generated always as identity primary key,
    level         text        not null check (level in ('PROVINCE', 'COMMUNE', 'CHAPTER')),
    chapter_id    bigint      references chapters (id),
    locality_id   bigint      not null references localities (id),
    locality_path ltree       not null,
    held_on       date        not null,
    title         text        not null check (length(title) between 1 and 300),
    search_title  text        generated always as (search_key(title)) stored,
    demo          boolean     not null default false,
    version       int         not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    check ((level = 'CHAPTER') = (chapter_id is not null))
);

create trigger policy_studies_locality_path before insert or update of locality_id on policy_studies
    for each row execute function copy_locality_path();
create index policy_studies_path_idx on policy_studies using gist (locality_path);
create index policy_studies_held_idx on policy_studies (held_on);
create index policy_studies_chapter_idx on policy_studies (chapter_id) where chapter_id is not null;

create table policy_study_documents (
    study_id      bigint not null references policy_studies (id) on delete cascade,
    document_code text   not null references policy_documents (code),
    primary key (study_id, document_code)
);

-- Who attended: one row per member and session, so a member ticked twice counts once.
create table policy_study_attendance (
    study_id      bigint      not null references policy_studies (id) on delete cascade,
    member_id     bigint      not null references members (id),
    recorded_by   text        not null,
    recorded_at   timestamptz not null default now(),
    primary key (study_id, member_id)
);

create index policy_study_attendance_member_idx on policy_study_attendance (member_id);

-- Population of a commune per year, entered or imported by an administrator: members as % of the population.
create table commune_populations (
    locality_id bigint      not null references localities (id),
    year        int         not null check (year between 2000 and 2100),
    population  int         not null check (population > 0),
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    primary key (locality_id, year)
);

insert into indicator_targets (indicator_code, plan, year, value) values
    ('officer-policy-study-coverage', 'KH 102/KH-UBND', 2025, 100),
    ('officer-policy-study-coverage', 'KH 102/KH-UBND', 2030, 100),
    ('member-policy-study-coverage',  'KH 102/KH-UBND', 2025, 100),
    ('member-policy-study-coverage',  'KH 102/KH-UBND', 2030, 100);

-- The key of the citizen-ID hashes when no key is configured (KHUYENHOC_CITIZEN_ID_SECRET): generated once by the
-- application. A configured key kept outside the database is stronger: a copy of the database alone then cannot be
-- used to test guessed IDs.
create table citizen_id_keys (
    id     int   primary key check (id = 1),
    secret bytea not null check (length(secret) >= 32)
);
