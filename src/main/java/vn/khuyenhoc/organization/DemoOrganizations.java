package vn.khuyenhoc.organization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.shared.DemoScale;

/** Province-scale demo organizations (about 147 a commune, 15,000 in all), generated in one SQL statement. */
@Component
@Order(31)
class DemoOrganizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganizations.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoOrganizations(JdbcClient jdbc, TransactionTemplate transactions, Environment environment) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (DemoScale.of(environment) != DemoScale.PROVINCE) {
            return;
        }
        long start = System.nanoTime();
        Integer created = transactions.execute(status -> jdbc.sql("""
                        insert into organizations (name, kind, school_level, managing_level, locality_id, opened_on, closed_on, demo)
                        select case k.kind
                                   when 'SCHOOL' then 'Trường ' || k.level_label || ' số ' || n || ' ' || substr(c.name, strpos(c.name, ' ') + 1)
                                   when 'STATE_AGENCY' then 'Cơ quan ' || n || ' ' || c.name
                                   when 'PUBLIC_SERVICE_UNIT' then 'Đơn vị sự nghiệp ' || n || ' ' || c.name
                                   when 'ENTERPRISE' then 'Công ty TNHH ' || (array['Cà phê', 'Hồ tiêu', 'Sầu riêng', 'Xây dựng', 'Vận tải', 'Thương mại'])[1 + n % 6] || ' ' || n
                                   when 'COOPERATIVE' then 'Hợp tác xã nông nghiệp ' || n || ' ' || substr(c.name, strpos(c.name, ' ') + 1)
                                   when 'ARMED_FORCES' then 'Đồn, trạm ' || n || ' ' || c.name
                                   else 'Tổ chức ' || n || ' ' || c.name
                               end,
                               k.kind, k.school_level,
                               case when n % 17 = 0 then 'PROVINCE' else 'COMMUNE' end,
                               c.id,
                               -- one in ten begun in 2022-2025 and one in 23 of the older ones closed in 2023-2026, on
                               -- 1 January or 1 July: five years of history with few distinct days
                               case when n % 10 = 8 then make_date(2022 + (c.id + n)::int % 4, 1 + 6 * (n % 2), 1)
                                    else date '2000-01-01' + (n * 97 % 7900) end,
                               case when n % 10 <> 8 and (c.id + n) % 23 = 0
                                    then make_date(2023 + (c.id + n)::int % 4, 1 + 6 * ((c.id + n) % 2)::int, 1) end,
                               true
                        from localities c
                        cross join generate_series(1, 147) n
                        cross join lateral (
                            select case
                                       when n <= 12 then 'SCHOOL' when n <= 24 then 'STATE_AGENCY' when n <= 36 then 'PUBLIC_SERVICE_UNIT'
                                       when n <= 110 then 'ENTERPRISE' when n <= 135 then 'COOPERATIVE' when n <= 139 then 'ARMED_FORCES'
                                       else 'OTHER' end as kind,
                                   case when n <= 12 then (array['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY'])[1 + n % 4] end as school_level,
                                   case when n <= 12 then (array['Mầm non', 'Tiểu học', 'THCS', 'THPT'])[1 + n % 4] end as level_label
                        ) k
                        where c.level = 'COMMUNE' and c.valid_to is null
                          and not exists (select 1 from organizations o where o.locality_id = c.id)
                        """).update());
        jdbc.sql("analyze organizations").update();
        log.info("Demo data: {} organizations created in {} ms.", created, (System.nanoTime() - start) / 1_000_000);
    }
}
