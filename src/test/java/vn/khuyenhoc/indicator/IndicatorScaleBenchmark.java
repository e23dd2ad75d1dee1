package vn.khuyenhoc.indicator;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyenhoc.Timings;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;

/**
 * Figures of the indicators at the demo generator's province scale with five years of data (not a test: excluded from
 * {@code ./mvnw verify}). Run against a data directory filled with {@code --khuyenhoc.demo-data=province}, the
 * application stopped, with the admin's password:
 *
 * <pre>
 * ./mvnw test -Dtest=IndicatorScaleBenchmark -Dkhuyenhoc.bench.data-dir=/tmp/kh-q -Dkhuyenhoc.bench.password=… -Dspotless.check.skip=true
 * </pre>
 *
 * It prints every indicator for the province by its communes as the product computes them (no cache) side by side
 * with one hand-written SQL statement over the base tables (registrations, certificates, members and attendance,
 * chapters and registries) computing the same totals, checked equal; the dashboard under 20 concurrent signed-in
 * users over HTTP (a real server, each with its own session, spread over the province and 19 communes, no think time),
 * the first visits (which compute the tables) apart from the later ones, which start together once all are warm.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"khuyenhoc.data-dir=${khuyenhoc.bench.data-dir:/tmp/kh-q}", "khuyenhoc.embedded-db.fresh=false"})
class IndicatorScaleBenchmark {

    static final int YEAR = 2025;

    /**
     * The same totals over the base tables, in one statement, counting every record as it stood on {@code :ref}: its
     * own start and end days, a merged chapter's host of that day ({@code chapter_placements}), and recognitions by
     * their decision's date and revocation.
     */
    static final String HAND_WRITTEN = """
            with p as (select cast(:path as ltree) as path, cast(:ref as date) as ref),
            covering as (
                select coalesce((select cp.host_village_id from chapter_placements cp
                                 where cp.chapter_id = ch.id and cp.until > p.ref order by cp.until limit 1),
                                ch.host_village_id) as host_village_id,
                       ch.host_organization_id, ch.host_clan_id
                from chapters ch
                join chapter_movements m on m.chapter_id = ch.id and m.year = :year and m.runs_movement, p
                where ch.locality_path <@ p.path and (ch.founded_on is null or ch.founded_on <= p.ref)
                  and (ch.dissolved_on is null or ch.dissolved_on > p.ref)),
            villages as (
                select v.id from localities v, p where v.level = 'VILLAGE' and v.path <@ p.path
                  and v.valid_from <= p.ref and (v.valid_to is null or v.valid_to > p.ref)),
            organizations_then as (
                select o.id from organizations o, p where o.locality_path <@ p.path
                  and (o.opened_on is null or o.opened_on <= p.ref) and (o.closed_on is null or o.closed_on > p.ref)),
            clans_then as (
                select g.id from clans g, p where g.locality_path <@ p.path
                  and (g.since is null or g.since <= p.ref) and (g.closed_on is null or g.closed_on > p.ref)),
            coverage as (
                select 'village' as k, count(*) filter (where v.id in (select host_village_id from covering)) as n, count(*) as d
                from villages v
                union all
                select 'organization', count(*) filter (where o.id in (select host_organization_id from covering)), count(*)
                from organizations_then o
                union all
                select 'clan', count(*) filter (where g.id in (select host_clan_id from covering)), count(*)
                from clans_then g),
            studied as (
                select distinct a.member_id from policy_study_attendance a join policy_studies s on s.id = a.study_id
                where s.held_on >= make_date(:year, 1, 1) and s.held_on <= make_date(:year, 12, 31)),
            people as (
                select m.person_id, bool_or(m.role = 'OFFICER') as officer, bool_or(s.member_id is not null) as studied
                from members m cross join p left join studied s on s.member_id = m.id
                where m.locality_path <@ p.path and (m.joined_on is null or m.joined_on <= p.ref)
                  and (m.left_on is null or m.left_on > p.ref)
                group by m.person_id),
            policy as (
                select 'officer' as k, count(*) filter (where officer and studied) as n, count(*) filter (where officer) as d from people
                union all
                select 'member', count(*) filter (where studied), count(*) from people),
            valid as (
                select g.title, r.level, g.people, g.learning_citizens from registrations g
                join rounds r on r.id = g.round_id
                join certificates c on c.registration_id = g.id
                join decisions d on d.id = c.decision_id, p
                where g.locality_path <@ p.path and g.year <= :year
                  and extract(year from c.valid_until) >= :year
                  and d.decided_on <= p.ref and (c.revoked_on is null or c.revoked_on > p.ref)),
            recognition as (
                select 'family' as k, (select count(*) from valid where title = 'LEARNING_FAMILY') as n,
                       (select count(*) from families f, p where f.locality_path <@ p.path
                          and (f.since is null or f.since <= p.ref) and (f.closed_on is null or f.closed_on > p.ref)) as d
                union all
                select 'clan', (select count(*) from valid where title = 'LEARNING_CLAN'), (select count(*) from clans_then)
                union all
                select 'community', (select count(*) from valid where title = 'LEARNING_COMMUNITY' and level = 'VILLAGE'),
                       (select count(*) from villages)
                union all
                select 'unit', (select count(*) from valid where title = 'LEARNING_UNIT'),
                       (select count(*) from organizations_then)
                union all
                select 'worker', (select coalesce(sum(learning_citizens), 0) from valid where title = 'LEARNING_FAMILY'),
                       (select coalesce(sum(people), 0) from valid where title = 'LEARNING_FAMILY')
                union all
                select 'official', (select coalesce(sum(learning_citizens), 0) from valid where title = 'LEARNING_UNIT'),
                       (select coalesce(sum(people), 0) from valid where title = 'LEARNING_UNIT'))
            select k, n, d from coverage union all select k, n, d from policy union all select k, n, d from recognition
            """;

    @Autowired
    IndicatorService indicators;

    @Autowired
    LocalityService localities;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void measure() throws Exception {
        if (Boolean.getBoolean("khuyenhoc.bench.dashboard-only")) {
            dashboardUnderLoad();
            return;
        }
        LocalityView province = localities.find("66", "").orElseThrow();
        int thisYear = java.time.Year.now().getValue();
        long[] past = compare(province, 2023);
        long[] current = compare(province, thisYear);
        compare(province, YEAR);
        System.out.printf(
                "ratio 2023 / %d (product medians): %.2f%n",
                thisYear, (double) Timings.median(past) / Timings.median(current));

        reportOnTheFormerMap();
        dashboardUnderLoad();
    }

    /** The product's totals of a year and the hand-written statement's, checked equal, and both timed. */
    private long[] compare(LocalityView province, int year) throws Exception {
        LocalDate ref = vn.khuyenhoc.shared.ProgrammeYear.referenceDate(year);
        IndicatorService.IndicatorTable table = indicators.table(province, year);
        List<Long> ours = new ArrayList<>();
        table.total().forEach(i -> {
            ours.add(i.numerator());
            ours.add(i.denominator());
        });
        List<Long> theirs = new ArrayList<>();
        jdbc.sql(HAND_WRITTEN)
                .param("path", province.path())
                .param("year", year)
                .param("ref", ref)
                .query((rs, n) -> {
                    theirs.add(rs.getLong("n"));
                    theirs.add(rs.getLong("d"));
                    return null;
                })
                .list();
        System.out.printf(
                "totals %d as of %s: product %s%n              hand-written %s (%s)%n",
                year, ref, ours, theirs, ours.equals(theirs) ? "equal" : "DIFFERENT");
        long[] product = Timings.time(
                1, 10, () -> indicators.table(province, year).communes().size());
        long[] hand = Timings.time(
                1,
                5,
                () -> jdbc.sql(HAND_WRITTEN)
                        .param("path", province.path())
                        .param("year", year)
                        .param("ref", ref)
                        .query((rs, n) -> rs.getLong("n"))
                        .list()
                        .size());
        Timings.report(
                "every indicator " + year + ", province by " + table.communes().size()
                        + " communes (product, no cache)",
                product);
        Timings.report("the same totals " + year + ", one hand-written statement over base tables", hand);
        System.out.printf(
                "ratio product / hand-written (medians): %.2f%n",
                (double) Timings.median(product) / Timings.median(hand));
        return product;
    }

    /** The learning-models report of 2022 for the province, on the former map and on today's, as PDF over HTTP. */
    private void reportOnTheFormerMap() throws Exception {
        String password = System.getProperty("khuyenhoc.bench.password", "shot-password-1");
        String auth = "Basic "
                + java.util.Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newHttpClient();
        for (String map : List.of("2024", "2025")) {
            URI uri = URI.create(base() + "/api/v1/reports/models-annual?locality=66&year=2022&format=pdf&map=" + map
                    + "&signerName=" + URLEncoder.encode("Nguyễn Văn Ký", StandardCharsets.UTF_8));
            long[] ns = Timings.time(1, 5, () -> {
                HttpResponse<byte[]> pdf = client.send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", auth)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (pdf.statusCode() != 200) {
                    throw new IllegalStateException("report answered " + pdf.statusCode());
                }
                return pdf.body().length;
            });
            Timings.report(
                    "learning-models report 2022, province, PDF, "
                            + (map.equals("2024") ? "former map" : "today's map"),
                    ns);
        }
    }

    private void dashboardUnderLoad() throws Exception {
        String password = System.getProperty("khuyenhoc.bench.password", "shot-password-1");
        List<String> places = new ArrayList<>();
        places.add("66");
        places.addAll(jdbc.sql(
                        "select code from localities where level = 'COMMUNE' and valid_to is null order by code limit 19")
                .query(String.class)
                .list());
        List<Long> first = Collections.synchronizedList(new ArrayList<>());
        List<Long> repeated = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        // every user's first visit computes its locality's five years; the later visits start together after them
        java.util.concurrent.CyclicBarrier warm = new java.util.concurrent.CyclicBarrier(places.size());
        java.util.concurrent.atomic.AtomicInteger shed = new java.util.concurrent.atomic.AtomicInteger();
        List<Future<?>> users = new ArrayList<>();
        for (String place : places) {
            users.add(pool.submit(() -> {
                try {
                    HttpClient client = signIn(password);
                    for (int i = 0; i < 25; i++) {
                        long t = System.nanoTime();
                        HttpResponse<String> page = dashboard(client, place);
                        // a visit shed by the admission limit (503, Retry-After: 5) is made again, as a person would
                        while (page.statusCode() == 503) {
                            shed.incrementAndGet();
                            Thread.sleep(5000);
                            page = dashboard(client, place);
                        }
                        long ns = System.nanoTime() - t;
                        if (page.statusCode() != 200 || !page.body().contains("Tiến độ phong trào")) {
                            throw new IllegalStateException("dashboard answered " + page.statusCode());
                        }
                        (i == 0 ? first : repeated).add(ns);
                        if (i == 0) {
                            warm.await();
                        }
                    }
                    return null;
                } catch (Exception e) {
                    warm.reset(); // the others stop waiting for a user who will not come
                    throw e;
                }
            }));
        }
        for (Future<?> user : users) {
            user.get();
        }
        pool.shutdown();
        Timings.report(
                "dashboard, 20 concurrent users, first visit (computes 5 years; with any 503 and its retry)",
                first.stream().mapToLong(Long::longValue).toArray());
        Timings.report(
                "dashboard, 20 concurrent users, later visits",
                repeated.stream().mapToLong(Long::longValue).toArray());
        System.out.printf("visits shed with 503 and made again after 5 s: %d%n", shed.get());
    }

    private HttpResponse<String> dashboard(HttpClient client, String place) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base() + "/dashboard?year=" + YEAR + "&locality=" + place))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient signIn(String password) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = client.send(
                        HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + csrf.group(1);
        HttpRequest post = HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> signed = client.send(post, HttpResponse.BodyHandlers.ofString());
        // twenty password checks at once on two cores: a sign-in shed by the admission limit is made again
        while (signed.statusCode() == 503) {
            Thread.sleep(5000);
            signed = client.send(post, HttpResponse.BodyHandlers.ofString());
        }
        if (!signed.headers().firstValue("Location").orElse("").endsWith("/dashboard")) {
            throw new IllegalStateException("sign-in failed: " + signed.statusCode() + " "
                    + signed.headers().firstValue("Location"));
        }
        return client;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
