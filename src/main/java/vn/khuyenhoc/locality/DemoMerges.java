package vn.khuyenhoc.locality;

import java.time.LocalDate;
import java.util.List;
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
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * History for the province demo: after every other demo record exists, a few villages are merged the way communes
 * do it, through {@link LocalityService#mergeVillages} so that households, organizations, clans and chapters follow
 * (ten communes on 1/7/2024 dissolving the second chapter, five on 1/1/2025 keeping it as a branch). Runs once: not
 * again when a demo village already has a successor.
 */
@Component
@Order(41)
class DemoMerges implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMerges.class);

    private final JdbcClient jdbc;
    private final LocalityService localities;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoMerges(JdbcClient jdbc, LocalityService localities, TransactionTemplate transactions, Environment environment) {
        this.jdbc = jdbc;
        this.localities = localities;
        this.transactions = transactions;
        this.environment = environment;
    }

    private record Pair(
            String commune, String first, String firstName, String second, String secondName, LocalDate since) {}

    @Override
    public void run(ApplicationArguments args) {
        if (DemoScale.of(environment) != DemoScale.PROVINCE || alreadyMerged()) {
            return;
        }
        long started = System.currentTimeMillis();
        LocalityView province = jdbc
                .sql("select code from localities where level = 'PROVINCE' and valid_to is null")
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .flatMap(code -> localities.find(code, rootPath(code)))
                .orElse(null);
        if (province == null) {
            return;
        }
        SignedInUser demo = new SignedInUser(
                0,
                "demo",
                "Dữ liệu mẫu",
                "",
                Role.PROVINCE_ADMIN,
                province.code(),
                province.name(),
                province.path(),
                true,
                0,
                false);
        List<Pair> pairs = jdbc.sql("""
                        select c.code as commune, v.codes[1] as first, v.names[1] as first_name,
                               v.codes[2] as second, v.names[2] as second_name, v.since
                        from localities c
                        cross join lateral (
                            select array_agg(x.code order by x.code) as codes, array_agg(x.name order by x.code) as names,
                                   max(x.valid_from) as since
                            from (select code, name, valid_from from localities
                                  where parent_id = c.id and demo and valid_to is null
                                  order by code limit 2) x) v
                        where c.level = 'COMMUNE' and c.valid_to is null and v.codes[2] is not null
                        order by c.code
                        limit 15
                        """).query(Pair.class).list();
        int merged = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            boolean branches = i >= 10;
            LocalDate planned = branches ? LocalDate.of(2025, 1, 1) : LocalDate.of(2024, 7, 1);
            // villages of an older demo may have begun later: the merge cannot be before they existed
            LocalDate on = pair.since().isAfter(planned) ? pair.since() : planned;
            String name = pair.firstName() + " – " + pair.secondName();
            try {
                transactions.executeWithoutResult(status -> localities.mergeVillages(
                        List.of(pair.first(), pair.second()),
                        new LocalityService.VillageDraft(
                                name.length() > 150 ? name.substring(0, 150) : name, "THON", on),
                        "Dữ liệu mẫu: nghị quyết sáp nhập thôn",
                        new LocalityService.ChapterChoice(pair.first(), branches),
                        demo));
                merged++;
            } catch (RuntimeException e) {
                // demo data never stops the application
                log.warn("Demo data: villages {} and {} not merged: {}", pair.first(), pair.second(), e.getMessage());
            }
        }
        log.info(
                "Demo data: {} pairs of villages merged, their records moved, in {} ms.",
                merged,
                System.currentTimeMillis() - started);
    }

    private boolean alreadyMerged() {
        return jdbc.sql("""
                        select exists (select 1 from locality_successions s
                                       join localities v on v.id = s.predecessor_id where v.demo)
                        """).query(Boolean.class).single();
    }

    private String rootPath(String code) {
        return jdbc.sql("select path::text from localities where code = :code")
                .param("code", code)
                .query(String.class)
                .single();
    }
}
