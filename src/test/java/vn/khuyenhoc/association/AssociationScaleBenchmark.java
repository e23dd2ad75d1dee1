package vn.khuyenhoc.association;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

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
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Figures of the association at the demo generator's province scale (not a test: excluded from {@code ./mvnw
 * verify}). Run against a data directory filled with {@code --khuyenhoc.demo-data=province}, the application stopped:
 *
 * <pre>
 * ./mvnw test -Dtest=AssociationScaleBenchmark -Dkhuyenhoc.bench.data-dir=/tmp/kh-p -Dspotless.check.skip=true
 * </pre>
 *
 * It prints the time of the two policy-study indicators for the province by commune (the SQL and its mapping), and of
 * one attendance request marking a 300-member chapter present through the MVC stack (MockMvc; the signed-in user is
 * set directly, so the figure leaves out the BCrypt check of HTTP Basic).
 */
@SpringBootTest(
        properties = {"khuyenhoc.data-dir=${khuyenhoc.bench.data-dir:/tmp/kh-p}", "khuyenhoc.embedded-db.fresh=false"})
@AutoConfigureMockMvc
class AssociationScaleBenchmark {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PolicyStudyCoverage coverage;

    @Autowired
    UserDetailsService users;

    @Test
    void measure() throws Exception {
        SignedInUser admin = (SignedInUser) users.loadUserByUsername("admin");
        System.out.printf(
                "members %d, sessions %d, attendance rows %d%n",
                count("members"), count("policy_studies"), count("policy_study_attendance"));
        String province = jdbc.sql("select path::text from localities where level = 'PROVINCE'")
                .query(String.class)
                .single();
        int year = Year.now().getValue() - 1;
        for (StudyPeriod period : List.of(StudyPeriod.year(year), StudyPeriod.parse("2021-2025", year))) {
            PolicyStudyCoverage.Result result = coverage.coverage(province, period);
            System.out.printf(
                    "%s: officers %d/%d, members %d/%d, %d communes%n",
                    period.label(),
                    result.total().officers().numerator(),
                    result.total().officers().denominator(),
                    result.total().members().numerator(),
                    result.total().members().denominator(),
                    result.communes().size());
            // the same totals by a plain statement over the memberships and the attendance, once, as a check
            List<Long> direct = jdbc.sql("""
                            with active as (
                                select m.id, m.person_id, m.role = 'OFFICER' as officer from members m
                                where (m.joined_on is null or m.joined_on <= :ref) and (m.left_on is null or m.left_on > :ref)
                            ),
                            studied as (
                                select distinct a.member_id from policy_study_attendance a
                                join policy_studies s on s.id = a.study_id where s.held_on between :from and :to
                            ),
                            people as (
                                select a.person_id, bool_or(a.officer) as officer, bool_or(s.member_id is not null) as studied
                                from active a left join studied s on s.member_id = a.id group by a.person_id
                            )
                            select unnest(array[count(*) filter (where officer and studied), count(*) filter (where officer),
                                                count(*) filter (where studied), count(*)])
                            from people
                            """)
                    .param("ref", period.reference())
                    .param("from", period.from())
                    .param("to", period.to())
                    .query(Long.class)
                    .list();
            List<Long> computed = List.of(
                    result.total().officers().numerator(),
                    result.total().officers().denominator(),
                    result.total().members().numerator(),
                    result.total().members().denominator());
            System.out.printf(
                    "  check against a plain statement: %s (%s)%n",
                    direct, direct.equals(computed) ? "equal" : "DIFFERENT");
            Timings.timed(
                    "policy-study indicators by commune, province, " + period.code(),
                    5,
                    30,
                    () -> coverage.coverage(province, period).communes().size());
        }

        // a chapter of 300 members and a session of its own: created once, reused by later runs
        long chapter = jdbc.sql("""
                        select c.id from chapters c where c.demo and c.dissolved_on is null and c.host_type = 'VILLAGE'
                        order by c.id limit 1
                        """).query(Long.class).single();
        long present = jdbc.sql("select count(*) from members where chapter_id = :c and left_on is null")
                .param("c", chapter)
                .query(Long.class)
                .single();
        if (present < 300) {
            jdbc.sql("""
                            insert into members (chapter_id, full_name, gender, birth_year, role, locality_id, demo)
                            select c.id, 'Hội Viên Đo ' || n, 'MALE', 1970, 'MEMBER', c.locality_id, true
                            from chapters c cross join generate_series(1, :n) n where c.id = :c
                            """).param("c", chapter).param("n", 300 - present).update();
        }
        List<Long> roster = jdbc.sql(
                        "select id from members where chapter_id = :c and left_on is null and (joined_on is null or joined_on <= current_date) order by id limit 300")
                .param("c", chapter)
                .query(Long.class)
                .list();
        long study = jdbc.sql("""
                        insert into policy_studies (level, chapter_id, locality_id, held_on, title, demo)
                        select 'CHAPTER', c.id, c.locality_id, :day, 'Buổi học đo thời gian', true from chapters c where c.id = :c
                        returning id
                        """)
                .param("c", chapter)
                .param("day", LocalDate.now())
                .query(Long.class)
                .single();
        String all = "{\"memberIds\":[" + roster.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}";
        System.out.printf("attendance request: %d members of chapter %d, session %d%n", roster.size(), chapter, study);
        long[] ns = new long[30];
        for (int i = -5; i < ns.length; i++) {
            int status = mvc.put()
                    .uri("/api/v1/policy-studies/" + study + "/attendance")
                    .with(user(admin))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"memberIds\":[]}")
                    .exchange()
                    .getResponse()
                    .getStatus();
            long t = System.nanoTime();
            int marked = mvc.put()
                    .uri("/api/v1/policy-studies/" + study + "/attendance")
                    .with(user(admin))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(all)
                    .exchange()
                    .getResponse()
                    .getStatus();
            if (status != 200 || marked != 200) {
                throw new IllegalStateException("attendance answered " + status + "/" + marked);
            }
            if (i >= 0) {
                ns[i] = System.nanoTime() - t;
            }
        }
        Timings.report("mark 300 members present in one request", ns);
        jdbc.sql("delete from policy_studies where id = :s").param("s", study).update();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
