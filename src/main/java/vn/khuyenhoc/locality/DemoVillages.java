package vn.khuyenhoc.locality;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.shared.DemoScale;

/**
 * Demo data for newcomers ({@code --khuyenhoc.demo-data=true}, or {@code province} for every registry): fills every commune that has no village yet with
 * plausible villages, marked {@code demo} so that they can be told apart and removed. Phường get tổ dân phố; xã get
 * thôn and, in the Central Highlands manner, a few buôn.
 */
@Component
@Order(30)
class DemoVillages implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVillages.class);
    private static final String[] BUON_NAMES = {
        "Buôn Ea Kmát", "Buôn Kô Siêr", "Buôn Tơng Jú", "Buôn Cư Êbur", "Buôn Ako Dhông", "Buôn M'Duk",
        "Buôn Ea Bông", "Buôn Đrăh", "Buôn Trấp", "Buôn Jun", "Buôn Ê Kia", "Buôn Kniết"
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Environment environment;

    DemoVillages(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TransactionTemplate transactions,
            AuditTrail audit,
            Environment environment) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.audit = audit;
        this.environment = environment;
    }

    record EmptyCommune(long id, String code, String kind, String path) {}

    @Override
    public void run(ApplicationArguments args) {
        if (DemoScale.of(environment) == DemoScale.NONE) {
            return;
        }
        Integer created = transactions.execute(status -> fill());
        log.info("Demo data: {} villages created.", created);
    }

    int fill() {
        List<EmptyCommune> communes = jdbc.sql("""
                        select c.id, c.code, c.kind, c.path::text as path from localities c
                        where c.level = 'COMMUNE' and c.valid_to is null
                          and not exists (select 1 from localities v where v.parent_id = c.id)
                        order by c.code
                        """).query(EmptyCommune.class).list();
        List<Object[]> rows = new ArrayList<>();
        for (EmptyCommune commune : communes) {
            rows.addAll(villagesOf(commune));
        }
        batch.batchUpdate("""
                insert into localities (code, name, level, kind, parent_id, valid_from, demo)
                values (?, ?, 'VILLAGE', ?, ?, date '1990-01-01', true)
                """, rows);
        jdbc.sql("analyze localities").update();
        for (EmptyCommune commune : communes) {
            audit.recordChange(
                    "DEMO_DATA", "locality", commune.code(), null, new Filled(commune.code()), commune.path());
        }
        return rows.size();
    }

    record Filled(String communeCode) {}

    /** 18 to 45 villages a commune, stable for a given commune code. */
    static List<Object[]> villagesOf(EmptyCommune commune) {
        int seed = Integer.parseInt(commune.code());
        int count = 18 + Math.floorMod(seed * 31, 28);
        List<Object[]> rows = new ArrayList<>();
        int buon = 0;
        for (int i = 1; i <= count; i++) {
            String code = commune.code() + "-" + String.format("%03d", i);
            String name;
            String kind;
            if (commune.kind().equals("PHUONG")) {
                name = "Tổ dân phố " + i;
                kind = "TO_DAN_PHO";
            } else if (i % 5 == 0 && buon < BUON_NAMES.length) {
                name = BUON_NAMES[(seed + buon++) % BUON_NAMES.length];
                kind = "BUON";
            } else {
                name = "Thôn " + i;
                kind = "THON";
            }
            rows.add(new Object[] {code, name, kind, commune.id()});
        }
        return rows;
    }
}
