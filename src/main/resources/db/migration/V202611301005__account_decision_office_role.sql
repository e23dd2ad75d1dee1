-- The office of the recognising authority (văn phòng UBND) records decisions and prints certificates.
alter table accounts drop constraint accounts_role_check;
alter table accounts add constraint accounts_role_check
    check (role in ('PROVINCE_ADMIN', 'COMMUNE_OFFICER', 'DATA_CLERK', 'DECISION_OFFICE', 'VIEWER'));
