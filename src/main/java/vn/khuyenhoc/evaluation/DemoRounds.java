package vn.khuyenhoc.evaluation;

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
 * Province-scale demo recognition: every year since 2021 a round per commune for families, clans, villages and
 * commune-managed units (the placeholder criteria sets are issued for the demo), and in 2024 the province's rounds of
 * communes and province-managed units (TT 20/2023, TT 24/2023, valid 3 years). Registration grows from about 55% to
 * 87% of subjects; past rounds end with decisions and certificates (about 88% recognised), this year's round is under
 * way with subjects at every stage. Registrations carry their stage, result and counts, not item scores. Set-based
 * INSERT … SELECT, like the other demo data: about 3.5 million registrations.
 */
@Component
@Order(40)
class DemoRounds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRounds.class);

    private static final String ISSUE_PLACEHOLDERS = """
            update criteria_sets set status = 'IN_FORCE', updated_at = now()
            where status = 'DRAFT' and edition = 1 and legal_basis = 'Chưa có văn bản'
            """;

    private static final String ROUNDS = """
            insert into rounds (title, level, year, locality_id, criteria_set_id, authority, registration_due,
                                self_assessment_due, review_due, decision_due, demo)
            select t.title, t.level, y, l.id, cs.id, ra.authority, make_date(y, 3, 31), make_date(y, 9, 30),
                   make_date(y, 10, 31), make_date(y, 12, 15), true
            from localities l
            cross join generate_series(2021, extract(year from current_date)::int) y
            cross join (values ('LEARNING_FAMILY', 'HOUSEHOLD'), ('LEARNING_CLAN', 'CLAN'),
                               ('LEARNING_COMMUNITY', 'VILLAGE'), ('LEARNING_UNIT', 'COMMUNE_MANAGED')) t (title, level)
            join lateral (select c.id from criteria_sets c where c.title = t.title and c.level = t.level
                            and c.status = 'IN_FORCE' and extract(year from c.valid_from) <= y
                          order by c.edition desc limit 1) cs on true
            join lateral (select a.authority from recognising_authorities a where a.title = t.title and a.level = t.level
                            and a.from_year <= y order by a.from_year desc limit 1) ra on true
            where l.level = 'COMMUNE' and l.valid_to is null
              and exists (select 1 from localities v where v.parent_id = l.id and v.demo)
            union all
            select t.title, t.level, 2024, l.id, cs.id, ra.authority, date '2024-03-31', date '2025-01-15',
                   date '2025-02-15', date '2025-03-31', true
            from localities l
            cross join (values ('LEARNING_COMMUNITY', 'COMMUNE'), ('LEARNING_UNIT', 'PROVINCE_MANAGED')) t (title, level)
            join lateral (select c.id from criteria_sets c where c.title = t.title and c.level = t.level
                            and c.status = 'IN_FORCE' order by c.edition desc limit 1) cs on true
            join lateral (select a.authority from recognising_authorities a where a.title = t.title and a.level = t.level
                            order by a.from_year desc limit 1) ra on true
            where l.level = 'PROVINCE' and not l.former_map
              and exists (select 1 from localities v where v.level = 'VILLAGE' and v.demo)
            """;

    /** Subjects of each demo round; the share registering grows by year; stages by a hash of subject and year. */
    private static final String REGISTRATIONS = """
            insert into registrations (round_id, title, year, subject_id, subject_name, locality_id, stage, result,
                                       people, learning_citizens, registered_by, demo, recognised_on)
            select r.id, r.title, r.year, s.id, s.name, s.locality_id, st.stage,
                   case when st.stage in ('REGISTERED', 'RETURNED') then null
                        when st.stage = 'REJECTED' then 'FAIL'
                        when r.level in ('COMMUNE', 'PROVINCE_MANAGED') then (case when x.h % 3 = 0 then 'LEVEL_2' else 'LEVEL_1' end)
                        else 'PASS' end,
                   s.people,
                   case when st.stage in ('REGISTERED', 'RETURNED') or s.people is null then null
                        else s.people * (50 + (x.h % 45)::int) / 100 end,
                   'demo', true,
                   -- the day of the round's decision (DECISIONS below)
                   case when st.stage = 'RECOGNISED' then r.decision_due - 5 end
            from rounds r
            join localities c on c.id = r.locality_id
            cross join lateral (
                select f.id, f.head_name as name, f.locality_id, f.adults as people
                from families f where r.level = 'HOUSEHOLD' and f.locality_path <@ c.path and f.closed_on is null
                union all
                select k.id, k.name, k.locality_id, null::int from clans k
                where r.level = 'CLAN' and k.locality_path <@ c.path and k.closed_on is null
                union all
                select v.id, v.name, v.id, null::int from localities v
                where r.level = 'VILLAGE' and v.parent_id = c.id and v.level = 'VILLAGE' and v.valid_to is null
                union all
                select v.id, v.name, v.id, null::int from localities v
                where r.level = 'COMMUNE' and v.parent_id = c.id and v.level = 'COMMUNE' and v.valid_to is null
                      and exists (select 1 from localities d where d.parent_id = v.id and d.demo)
                union all
                select o.id, o.name, o.locality_id, 8 + (o.id % 60)::int from organizations o
                where r.level in ('COMMUNE_MANAGED', 'PROVINCE_MANAGED') and o.locality_path <@ c.path
                      and o.managing_level = case r.level when 'COMMUNE_MANAGED' then 'COMMUNE' else 'PROVINCE' end
                      and o.closed_on is null
            ) s
            cross join lateral (select abs(hashint8(s.id * 1000 + r.year)) as h) x
            cross join lateral (select case
                when r.year < extract(year from current_date) or r.level in ('COMMUNE', 'PROVINCE_MANAGED') then
                    case when x.h / 1000 % 100 < 88 then 'RECOGNISED' when x.h / 1000 % 100 < 95 then 'REJECTED'
                         when x.h / 1000 % 100 < 97 then 'RETURNED' else 'SELF_ASSESSED' end
                else case when x.h / 1000 % 100 < 20 then 'REGISTERED' when x.h / 1000 % 100 < 40 then 'SELF_ASSESSED'
                          when x.h / 1000 % 100 < 70 then 'REVIEWED' when x.h / 1000 % 100 < 90 then 'APPRAISED'
                          when x.h / 1000 % 100 < 95 then 'REJECTED' else 'RETURNED' end
                end as stage) st
            where r.demo and x.h % 1000 < 550 + (least(r.year, 2025) - 2021) * 80
            """;

    private static final String DECISIONS = """
            insert into decisions (round_id, number, decided_on, signer, signer_title, issuing_body, place, created_by, demo)
            select r.id, (100 + row_number() over (partition by r.locality_id, r.year order by r.id))::text
                         || case r.authority when 'PROVINCE_EDUCATION' then '/QĐ-SGDĐT' else '/QĐ-UBND' end,
                   r.decision_due - 5, 'Người ký (dữ liệu mẫu)',
                   case r.authority when 'PROVINCE_EDUCATION' then 'GIÁM ĐỐC' else 'CHỦ TỊCH' end,
                   case r.authority when 'COMMUNE_CHAIR' then 'ỦY BAN NHÂN DÂN ' || upper(l.name collate "vi-VN-x-icu")
                        when 'PROVINCE_CHAIR' then 'ỦY BAN NHÂN DÂN ' || upper(p.name collate "vi-VN-x-icu")
                        else 'SỞ GIÁO DỤC VÀ ĐÀO TẠO ' || upper(p.name collate "vi-VN-x-icu") end,
                   regexp_replace(l.name, '^(Xã|Phường|Đặc khu|Tỉnh|Thành phố) ', ''), 'demo', true
            from rounds r join localities l on l.id = r.locality_id
            join localities p on p.path = subpath(r.locality_path, 0, 1)
            where r.demo and exists (select 1 from registrations g where g.round_id = r.id and g.stage = 'RECOGNISED')
            """;

    /** Codes from the registration id by a bijection of 50 bits (unique), in the certificate alphabet. */
    private static final String CERTIFICATES = """
            insert into certificates (code, registration_id, decision_id, result, valid_until)
            select (select string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789',
                                             (((g.id * 1103515245 + 12345) & 1125899906842623) >> (5 * i) & 31)::int + 1, 1), ''
                                      order by i)
                    from generate_series(0, 9) i),
                   g.id, d.id, g.result, make_date(g.year + cs.validity_years - 1, 12, 31)
            from registrations g
            join decisions d on d.round_id = g.round_id
            join rounds r on r.id = g.round_id
            join criteria_sets cs on cs.id = r.criteria_set_id
            where g.demo and g.stage = 'RECOGNISED'
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoRounds(JdbcClient jdbc, TransactionTemplate transactions, Environment environment) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (DemoScale.of(environment) != DemoScale.PROVINCE) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from rounds where demo)")
                .query(Boolean.class)
                .single()) {
            log.info("Demo data: recognition rounds are there already.");
            return;
        }
        long start = System.nanoTime();
        int[] counts = transactions.execute(status -> {
            int issued = jdbc.sql(ISSUE_PLACEHOLDERS).update();
            int rounds = jdbc.sql(ROUNDS).update();
            jdbc.sql("analyze rounds").update();
            int registrations = jdbc.sql(REGISTRATIONS).update();
            jdbc.sql("analyze registrations").update();
            int decisions = jdbc.sql(DECISIONS).update();
            int certificates = jdbc.sql(CERTIFICATES).update();
            return new int[] {issued, rounds, registrations, decisions, certificates};
        });
        jdbc.sql("analyze certificates").update();
        log.info(
                "Demo data: {} placeholder criteria sets issued for the demo; {} rounds, {} registrations, {} decisions,"
                        + " {} certificates in {} ms.",
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                counts[4],
                (System.nanoTime() - start) / 1_000_000);
    }
}
