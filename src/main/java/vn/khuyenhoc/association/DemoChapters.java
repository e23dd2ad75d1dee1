package vn.khuyenhoc.association;

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

/**
 * Province-scale demo chapters: most villages, half of the organizations and a fifth of the clans get one (about
 * 12,000), each with a movement record for every year since 2021, most of them positive.
 */
@Component
@Order(34)
class DemoChapters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoChapters.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoChapters(JdbcClient jdbc, TransactionTemplate transactions, Environment environment) {
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
        Integer created = transactions.execute(status -> {
            int chapters = jdbc.sql("""
                            insert into chapters (kind, name, host_type, host_village_id, locality_id, founded_on, decision_no,
                                                  dissolved_on, demo)
                            select 'CHI_HOI', 'Chi hội khuyến học ' || v.name, 'VILLAGE', v.id, v.id,
                                   -- one in twelve founded in 2022-2025, one in forty of the others dissolved in 2023-2026
                                   case when abs(hashint8(v.id)) % 12 = 1
                                        then make_date(2022 + (v.id % 4)::int, 1 + 6 * (v.id % 2)::int, 1)
                                        else date '2008-01-01' + (v.id * 53 % 4000)::int end,
                                   (v.id % 90 + 1) || '/QĐ-HKH',
                                   case when abs(hashint8(v.id)) % 12 <> 1 and abs(hashint8(v.id * 3)) % 40 = 0
                                        then make_date(2023 + (v.id % 4)::int, 7, 1) end,
                                   true
                            from localities v
                            where v.level = 'VILLAGE' and v.valid_to is null and v.demo and abs(hashint8(v.id)) % 12 <> 0
                              and not exists (select 1 from chapters c where c.host_village_id = v.id)
                            """).update();
            chapters += jdbc.sql("""
                            insert into chapters (kind, name, host_type, host_organization_id, locality_id, founded_on, demo)
                            select 'BAN_KHUYEN_HOC', 'Ban khuyến học ' || o.name, 'ORGANIZATION', o.id, o.locality_id,
                                   greatest(date '2010-01-01' + (o.id * 31 % 4000)::int, o.opened_on), true
                            from organizations o
                            where o.demo and o.closed_on is null and abs(hashint8(o.id)) % 2 = 0
                              and not exists (select 1 from chapters c where c.host_organization_id = o.id)
                            """).update();
            chapters += jdbc.sql("""
                            insert into chapters (kind, name, host_type, host_clan_id, locality_id, founded_on, demo)
                            select 'BAN_KHUYEN_HOC', 'Ban khuyến học ' || g.name, 'CLAN', g.id, g.locality_id,
                                   greatest(date '2012-01-01' + (g.id * 29 % 3000)::int, g.since), true
                            from clans g
                            where g.demo and g.closed_on is null and abs(hashint8(g.id)) % 5 = 0
                              and not exists (select 1 from chapters c where c.host_clan_id = g.id)
                            """).update();
            jdbc.sql("""
                            insert into chapter_movements (chapter_id, year, runs_movement, note, updated_by)
                            select c.id, y, (c.id + y) % 7 <> 0, 'Dữ liệu mẫu', 'demo'
                            from chapters c
                            cross join generate_series(2021, extract(year from current_date)::int) y
                            where c.demo
                              and (c.founded_on is null or extract(year from c.founded_on) <= y)
                              and (c.dissolved_on is null or extract(year from c.dissolved_on) >= y)
                            on conflict do nothing
                            """).update();
            return chapters;
        });
        jdbc.sql("analyze chapters").update();
        jdbc.sql("analyze chapter_movements").update();
        log.info("Demo data: {} chapters created in {} ms.", created, (System.nanoTime() - start) / 1_000_000);
    }
}
