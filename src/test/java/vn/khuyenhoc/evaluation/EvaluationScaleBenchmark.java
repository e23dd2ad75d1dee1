package vn.khuyenhoc.evaluation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.Timings;
import vn.khuyenhoc.criteria.Title;
import vn.khuyenhoc.criteria.TitleLevel;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Figures of the recognition cycle at the demo generator's province scale with its five years of rounds (not a test:
 * excluded from {@code ./mvnw verify}). Run against a data directory filled with {@code --khuyenhoc.demo-data=province},
 * the application stopped:
 *
 * <pre>
 * ./mvnw test -Dtest=EvaluationScaleBenchmark -Dkhuyenhoc.bench.data-dir=/tmp/kh-q -Dspotless.check.skip=true
 * </pre>
 *
 * It prints the time of the four recognition rates (and the two Công dân học tập rates) for the province by commune,
 * checked against a plain statement over registrations and certificates; the funnel of this year's family rounds of the
 * whole province, checked the same way; registering every household of the largest village in one request through
 * the MVC stack (the signed-in user is set directly, leaving out HTTP Basic's BCrypt check); and the certificates of
 * 1,000 subjects of one decision rendered as one PDF.
 */
@SpringBootTest(
        properties = {"khuyenhoc.data-dir=${khuyenhoc.bench.data-dir:/tmp/kh-q}", "khuyenhoc.embedded-db.fresh=false"})
@AutoConfigureMockMvc
class EvaluationScaleBenchmark {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecognitionFigures figures;

    @Autowired
    DecisionRepository decisions;

    @Autowired
    RoundRepository rounds;

    @Autowired
    DecisionDocuments documents;

    @Autowired
    UserDetailsService users;

    @Test
    void measure() throws Exception {
        SignedInUser admin = (SignedInUser) users.loadUserByUsername("admin");
        System.out.printf(
                "rounds %d, registrations %d, decisions %d, certificates %d%n",
                count("rounds"), count("registrations"), count("decisions"), count("certificates"));
        String province = jdbc.sql("select path::text from localities where level = 'PROVINCE'")
                .query(String.class)
                .single();
        int year = 2025;
        RecognitionFigures.RateTable table = figures.rates(year, java.time.LocalDate.of(year, 12, 31), province);
        table.total()
                .rates()
                .forEach((kind, rate) -> System.out.printf(
                        "%-20s %s: %d/%d (%s%%), of registered %d/%d (%s%%)%n",
                        kind,
                        year,
                        rate.recognised(),
                        rate.all(),
                        rate.percent(),
                        rate.recognisedOfRegistered(),
                        rate.registered(),
                        rate.percentOfRegistered()));
        // the family rate by a plain statement over registrations and certificates, as a check
        List<Long> direct = jdbc.sql("""
                        select unnest(array[
                            (select count(distinct g.subject_id) from registrations g join certificates c on c.registration_id = g.id
                             where g.title = 'LEARNING_FAMILY' and g.year <= :year and extract(year from c.valid_until) >= :year
                               and c.revoked_on is null and g.commune_id is not null),
                            (select count(*) from families f where f.closed_on is null or f.closed_on > make_date(:year, 12, 31)),
                            (select count(*) from registrations g where g.title = 'LEARNING_FAMILY' and g.year = :year)])
                        """).param("year", year).query(Long.class).list();
        RecognitionFigures.Rate family = table.total().rates().get(RecognitionFigures.RateKind.LEARNING_FAMILY);
        System.out.printf(
                "  check against a plain statement: %s (%s)%n",
                direct,
                direct.equals(List.of(family.recognised(), family.all(), family.registered())) ? "equal" : "DIFFERENT");
        Timings.timed(
                "six recognition rates by commune, province, " + year,
                5,
                30,
                () -> figures.rates(year, java.time.LocalDate.of(year, 12, 31), province));

        int thisYear = Year.now().getValue();
        LocalDate today = LocalDate.now();
        Funnel funnel = figures.funnel(Title.LEARNING_FAMILY, TitleLevel.HOUSEHOLD, thisYear, null, province, today);
        List<Long> plain = jdbc.sql("""
                        select unnest(array[count(*), count(*) filter (where g.stage = 'RECOGNISED'),
                            count(*) filter (where (g.stage in ('REGISTERED', 'RETURNED') and r.self_assessment_due < :today)
                                or (g.stage = 'SELF_ASSESSED' and r.review_due < :today)
                                or (g.stage in ('REVIEWED', 'APPRAISED') and r.decision_due < :today))])
                        from registrations g join rounds r on r.id = g.round_id
                        where r.title = 'LEARNING_FAMILY' and r.year = :year
                        """)
                .param("year", thisYear)
                .param("today", today)
                .query(Long.class)
                .list();
        System.out.printf(
                "family funnel %d: registered %d, self-assessed %d, reviewed %d, appraised %d, recognised %d, overdue %d;"
                        + " check %s (%s)%n",
                thisYear,
                funnel.registered(),
                funnel.selfAssessed(),
                funnel.reviewed(),
                funnel.appraised(),
                funnel.recognised(),
                funnel.overdue(),
                plain,
                plain.equals(List.of(funnel.registered(), funnel.recognised(), funnel.overdue()))
                        ? "equal"
                        : "DIFFERENT");
        Timings.timed(
                "funnel of the province's family rounds " + thisYear,
                5,
                30,
                () -> figures.funnel(Title.LEARNING_FAMILY, TitleLevel.HOUSEHOLD, thisYear, null, province, today));
        Timings.timed(
                "funnel by commune, province, " + thisYear,
                5,
                30,
                () -> figures.funnelByLocality(
                        Title.LEARNING_FAMILY, TitleLevel.HOUSEHOLD, thisYear, null, province, today));

        registerAVillage(admin);
        certificates();
    }

    /**
     * Every household of the largest demo village (topped up to 400), registered in one request of a round of next
     * year.
     */
    private void registerAVillage(SignedInUser admin) throws Exception {
        long village = jdbc.sql("""
                        select locality_id from families where demo and closed_on is null
                        group by locality_id order by count(*) desc limit 1
                        """).query(Long.class).single();
        long open = jdbc.sql("select count(*) from families where locality_id = :v and closed_on is null")
                .param("v", village)
                .query(Long.class)
                .single();
        if (open < 400) {
            // the figure is for a village of 400 households: the largest demo village is topped up once
            jdbc.sql("""
                            insert into families (head_name, members, adults, school_age_children, locality_id, demo)
                            select 'Hộ Đo Thời Gian ' || n, 4, 2, 1, :v, true from generate_series(1, :n) n
                            """).param("v", village).param("n", 400 - open).update();
        }
        List<Long> households = jdbc.sql("select id from families where locality_id = :v and closed_on is null")
                .param("v", village)
                .query(Long.class)
                .list();
        long commune = jdbc.sql("select parent_id from localities where id = :v")
                .param("v", village)
                .query(Long.class)
                .single();
        int next = Year.now().getValue() + 1;
        long round = rounds.existing(Title.LEARNING_FAMILY, TitleLevel.HOUSEHOLD, next, commune)
                .orElseGet(() -> jdbc.sql("""
                        insert into rounds (title, level, year, locality_id, criteria_set_id, authority, registration_due,
                                            self_assessment_due, review_due, decision_due, demo)
                        select 'LEARNING_FAMILY', 'HOUSEHOLD', :year, :commune, id, 'COMMUNE_CHAIR', make_date(:year, 3, 31),
                               make_date(:year, 9, 30), make_date(:year, 10, 31), make_date(:year, 12, 15), true
                        from criteria_sets where title = 'LEARNING_FAMILY' and status = 'IN_FORCE' order by edition desc limit 1
                        returning id
                        """)
                        .param("year", next)
                        .param("commune", commune)
                        .query(Long.class)
                        .single());
        String body =
                "{\"subjectIds\":[" + households.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}";
        System.out.printf("registration: %d households of village %d, round %d%n", households.size(), village, round);
        long[] ns = new long[10];
        for (int i = -2; i < ns.length; i++) {
            jdbc.sql("delete from registrations where round_id = :r")
                    .param("r", round)
                    .update();
            long t = System.nanoTime();
            int status = mvc.post()
                    .uri("/api/v1/rounds/" + round + "/registrations")
                    .with(user(admin))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .exchange()
                    .getResponse()
                    .getStatus();
            if (status != 201) {
                throw new IllegalStateException("registration answered " + status);
            }
            if (i >= 0) {
                ns[i] = System.nanoTime() - t;
            }
        }
        jdbc.sql("delete from registrations where round_id = :r")
                .param("r", round)
                .update();
        jdbc.sql("delete from rounds where id = :r").param("r", round).update();
        Timings.report("register " + households.size() + " households of a village in one request", ns);
    }

    /** The certificates of 1,000 subjects of a demo decision, as one PDF. */
    private void certificates() throws Exception {
        long id = jdbc.sql("""
                        select d.id from decisions d join certificates c on c.decision_id = d.id join rounds r on r.id = d.round_id
                        where r.level = 'HOUSEHOLD' group by d.id having count(*) >= 1000 order by d.id limit 1
                        """).query(Long.class).single();
        Decision decision = decisions.find(id).orElseThrow();
        String province = jdbc.sql("select path::text from localities where level = 'PROVINCE'")
                .query(String.class)
                .single();
        Round round = rounds.find(decision.roundId(), province).orElseThrow();
        List<Decision.Certificate> thousand = decision.certificates().subList(0, 1000);
        long[] bytes = {0};
        long[] ns = new long[3];
        for (int i = -1; i < ns.length; i++) {
            bytes[0] = 0;
            long t = System.nanoTime();
            documents.certificatesPdf(decision, round, thousand, new OutputStream() {
                @Override
                public void write(int b) {
                    bytes[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes[0] += len;
                }
            });
            if (i >= 0) {
                ns[i] = System.nanoTime() - t;
            }
        }
        System.out.printf("certificates PDF: decision %d, 1,000 pages, %.1f MB%n", id, bytes[0] / 1e6);
        Timings.report("1,000 certificates as one PDF", ns);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
