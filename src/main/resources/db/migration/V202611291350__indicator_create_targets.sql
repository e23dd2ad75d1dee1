-- Targets of the plans, as data: KH 102/KH-UBND (Đắk Lắk, 09/5/2022) coverage of study-promotion chapters.
create table indicator_targets (
    indicator_code text    not null,
    plan           text    not null,
    year           int     not null,
    value          numeric not null check (value between 0 and 100),
    primary key (indicator_code, plan, year)
);

insert into indicator_targets (indicator_code, plan, year, value) values
    ('village-chapter-coverage',      'KH 102/KH-UBND', 2025, 100),
    ('village-chapter-coverage',      'KH 102/KH-UBND', 2030, 100),
    ('organization-chapter-coverage', 'KH 102/KH-UBND', 2025, 95),
    ('organization-chapter-coverage', 'KH 102/KH-UBND', 2030, 100),
    ('clan-chapter-coverage',         'KH 102/KH-UBND', 2025, 80),
    ('clan-chapter-coverage',         'KH 102/KH-UBND', 2030, 90);
