package vn.khuyenhoc.clan;

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

/** Province-scale demo clans, hometown associations and religious establishments (about 8,000), in one statement. */
@Component
@Order(32)
class DemoClans implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoClans.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoClans(JdbcClient jdbc, TransactionTemplate transactions, Environment environment) {
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
                        insert into clans (name, kind, religion, households_approx, locality_id, since, closed_on, demo)
                        select case when n % 10 < 7 then 'Dòng họ ' || (array['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Niê', 'Mlô', 'Êban', 'Ksơr'])[1 + n % 14] || ' ' || v.name
                                    when n % 10 < 9 then 'Hội đồng hương ' || (array['Quảng Nam', 'Thái Bình', 'Nghệ An', 'Hà Tĩnh', 'Quảng Ngãi', 'Bình Định'])[1 + n % 6] || ' ' || v.name
                                    else (array['Chùa ', 'Nhà thờ ', 'Hội thánh Tin lành '])[1 + n % 3] || v.name end,
                               case when n % 10 < 7 then 'CLAN' when n % 10 < 9 then 'HOMETOWN_ASSOCIATION' else 'RELIGIOUS_ESTABLISHMENT' end,
                               case when n % 10 = 9 then (array['Phật giáo', 'Công giáo', 'Tin lành'])[1 + n % 3] end,
                               10 + (n * 37 % 140), v.id,
                               -- one in eight begun in 2022-2025, one in nineteen of the others closed in 2023-2026
                               case when abs(hashint8(v.id * 7 + n)) % 8 = 0
                                    then make_date(2022 + (v.id + n)::int % 4, 1 + 6 * (n % 2), 1) end,
                               case when abs(hashint8(v.id * 7 + n)) % 8 <> 0 and abs(hashint8(v.id * 11 + n)) % 19 = 0
                                    then make_date(2023 + (v.id + n)::int % 4, 1 + 6 * ((v.id + n) % 2)::int, 1) end,
                               true
                        from localities v
                        cross join generate_series(1, 3) n
                        where v.level = 'VILLAGE' and v.valid_to is null and v.demo
                          and (n < 3 or v.id % 2 = 0)
                          and not exists (select 1 from clans g where g.locality_id = v.id)
                        """).update());
        jdbc.sql("analyze clans").update();
        log.info("Demo data: {} clans created in {} ms.", created, (System.nanoTime() - start) / 1_000_000);
    }
}
