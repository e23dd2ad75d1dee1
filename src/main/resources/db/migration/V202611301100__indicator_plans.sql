-- The plans whose targets the indicators are measured against, as data: each with its issuer, date and baseline year
-- (the straight path from the baseline to a milestone's target tells on track from off track). Targets may be set
-- lower (or higher) for a commune, e.g. an especially disadvantaged one, with the reason; every change is audited.
create table plans (
    code          text primary key check (length(code) between 2 and 60),
    title         text not null check (length(title) between 1 and 400),
    issuer        text not null check (length(issuer) between 1 and 200),
    issued_on     date not null,
    baseline_year int  not null check (baseline_year between 2000 and 2100),
    sort_order    int  not null
);

insert into plans (code, title, issuer, issued_on, baseline_year, sort_order) values
    ('KH 102/KH-UBND', 'Kế hoạch thực hiện Đề án “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị giai đoạn 2021–2030” trên địa bàn tỉnh Đắk Lắk',
     'Ủy ban nhân dân tỉnh Đắk Lắk', '2022-05-09', 2021, 1),
    ('QĐ 387/QĐ-TTg', 'Phê duyệt Đề án “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị giai đoạn 2021–2030”',
     'Thủ tướng Chính phủ', '2022-03-25', 2021, 2),
    ('QĐ 677/QĐ-TTg', 'Phê duyệt Đề án “Đẩy mạnh xây dựng mô hình Công dân học tập giai đoạn 2021–2030”',
     'Thủ tướng Chính phủ', '2022-06-03', 2021, 3);

alter table indicator_targets add constraint indicator_targets_plan_fk foreign key (plan) references plans (code);

create table target_overrides (
    locality_id    bigint      not null references localities (id),
    indicator_code text        not null,
    year           int         not null check (year between 2000 and 2100),
    value          numeric     not null check (value between 0 and 100),
    reason         text        not null check (length(reason) between 1 and 500),
    updated_by     text        not null,
    updated_at     timestamptz not null default now(),
    primary key (locality_id, indicator_code, year)
);
