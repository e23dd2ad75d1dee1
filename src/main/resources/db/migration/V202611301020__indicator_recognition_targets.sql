-- QĐ 387/QĐ-TTg targets of the recognition rates (2025 confirmed, 2030 from the programme text).
insert into indicator_targets (indicator_code, plan, year, value) values
    ('learning-family-rate', 'QĐ 387/QĐ-TTg', 2025, 70),
    ('learning-family-rate', 'QĐ 387/QĐ-TTg', 2030, 80),
    ('learning-clan-rate', 'QĐ 387/QĐ-TTg', 2025, 65),
    ('learning-clan-rate', 'QĐ 387/QĐ-TTg', 2030, 75),
    ('learning-community-rate', 'QĐ 387/QĐ-TTg', 2025, 65),
    ('learning-community-rate', 'QĐ 387/QĐ-TTg', 2030, 75),
    ('learning-unit-rate', 'QĐ 387/QĐ-TTg', 2025, 80),
    ('learning-unit-rate', 'QĐ 387/QĐ-TTg', 2030, 90),
    ('learning-citizen-worker-rate', 'QĐ 387/QĐ-TTg', 2025, 40),
    ('learning-citizen-worker-rate', 'QĐ 387/QĐ-TTg', 2030, 60),
    ('learning-citizen-official-rate', 'QĐ 387/QĐ-TTg', 2025, 60),
    ('learning-citizen-official-rate', 'QĐ 387/QĐ-TTg', 2030, 80);
