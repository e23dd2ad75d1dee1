package vn.khuyenhoc.indicator.reported;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

@IntegrationTest
class ReportedFigureTests {

    /** Split on 1/7/2025 between Phường Phú Yên (22240) and Xã Tây Hòa (22255). */
    static final String HOA_BINH_1 = "C54.H-TAY-HOA.X-HOA-BINH-1";
    /** Wholly in Xã Tây Hòa (22255). */
    static final String HOA_PHONG = "C54.H-TAY-HOA.X-HOA-PHONG";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetFigures() {
        jdbc.sql("delete from reported_figures").update();
        jdbc.sql("delete from reported_figure_shares").update();
    }

    @Test
    void savesAFigureOfAFormerCommuneAndListsIt() {
        long audited = audited(HOA_BINH_1 + "/2022/learning-family-rate");

        assertThat(post(figure(HOA_BINH_1, 2022, "learning-family-rate", 30, 100), admin()))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.value")
                .isEqualTo(30.0);

        var list = mvc.get()
                .uri("/api/v1/reported-figures")
                .param("locality", HOA_BINH_1)
                .param("year", "2022")
                .with(admin())
                .exchange();
        assertThat(list)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].numerator")
                .isEqualTo(30);
        assertThat(list).bodyJson().extractingPath("$[0].source").isEqualTo("Báo cáo 12/BC-KH ngày 20/12/2022");
        assertThat(audited(HOA_BINH_1 + "/2022/learning-family-rate")).isEqualTo(audited + 1);
        // the province sees it through the former province, a commune of today through what it was formed from
        assertThat(mvc.get().uri("/api/v1/reported-figures?year=2022").with(admin()))
                .bodyJson()
                .extractingPath("$[*].localityCode")
                .asArray()
                .contains(HOA_BINH_1);
        assertThat(mvc.get()
                        .uri("/api/v1/reported-figures?locality=22255&year=2022")
                        .with(admin()))
                .bodyJson()
                .extractingPath("$[*].localityCode")
                .asArray()
                .contains(HOA_BINH_1);
    }

    @Test
    void savingTheSameFigureAgainReplacesIt() {
        post(figure(HOA_PHONG, 2022, "learning-family-rate", 30, 100), admin());

        assertThat(post(figure(HOA_PHONG, 2022, "learning-family-rate", 40, 100), admin()))
                .hasStatus(200);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void refusesEachBadInputNamingItsFieldAndSavesNothing() {
        assertRefused(figure(HOA_PHONG, 2022, "learning-family-rate", 101, 100), "numerator", "không được lớn hơn");
        assertRefused(figure(HOA_PHONG, 2022, "learning-family-rate", -1, 100), "numerator", "không được âm");
        assertRefused(figure(HOA_PHONG, 2022, "learning-family-rate", 0, -5), "denominator", "không được âm");
        assertRefused(figure("C99.KHONG-CO", 2022, "learning-family-rate", 1, 2), "localityCode", "Không có địa bàn");
        assertRefused(figure(HOA_PHONG, 2031, "learning-family-rate", 1, 2), "year", "2021 đến 2030");
        assertRefused(figure(HOA_PHONG, 2020, "learning-family-rate", 1, 2), "year", "2021 đến 2030");
        assertRefused(figure(HOA_PHONG, 2026, "learning-family-rate", 1, 2), "year", "đến năm 2025");
        assertRefused(figure(HOA_PHONG, 2022, "khong-co", 1, 2), "indicator", "Không có chỉ số");
        assertRefused("""
                {"localityCode":"%s","year":2022,"indicator":"learning-family-rate","numerator":1,"denominator":2,
                 "source":"  "}""".formatted(HOA_PHONG), "source", "văn bản nguồn");
        assertRefused("""
                {"localityCode":"%s","year":2022,"indicator":"learning-family-rate","numerator":1,"denominator":2,
                 "source":"BC 1","correction":true}""".formatted(HOA_PHONG), "reason", "lý do");
        assertThat(rows()).isZero();
    }

    @Test
    void refusesAYearWithComputedFiguresUnlessMarkedAsACorrection() throws Exception {
        int year = ProgrammeYear.current();
        // the year has computed figures: a village whose chapter recorded its movement
        villageWithMovement("22240", year);

        assertRefused(figure("22240", year, "village-chapter-coverage", 1, 2), "correction", "hiệu chỉnh");
        assertThat(rows()).isZero();

        assertThat(post("""
                        {"localityCode":"22240","year":%d,"indicator":"village-chapter-coverage","numerator":3,
                         "denominator":4,"source":"BC 9","correction":true,"reason":"Đếm lại thôn"}""".formatted(year), admin())).hasStatus(201);
        Json commune = indicator("22240", year, "village-chapter-coverage");
        assertThat(commune.origin()).isEqualTo("REPORTED");
        assertThat(commune.numerator()).isEqualTo(3);
        assertThat(commune.denominator()).isEqualTo(4);
    }

    @Test
    void originsAreComputedWhereRecordsExistReportedWhereNotAndMixedInTheTotal() throws Exception {
        int year = ProgrammeYear.current();
        villageWithMovement("22240", year);
        post(figure("22255", year, "village-chapter-coverage", 2, 4), admin());

        assertThat(indicator("22240", year, "village-chapter-coverage").origin())
                .isEqualTo("COMPUTED");
        Json reported = indicator("22255", year, "village-chapter-coverage");
        assertThat(reported.origin()).isEqualTo("REPORTED");
        assertThat(reported.numerator()).isEqualTo(2);
        assertThat(reported.value()).isEqualTo(50.0);
        assertThat(indicator("66", year, "village-chapter-coverage").origin()).isEqualTo("MIXED");
        assertThat(indicator("66", year, "learning-family-rate").origin()).isEqualTo("COMPUTED");
        String csv = mvc.get()
                .uri("/public/indicators.csv?year=" + year)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",origin");
        assertThat(csv.lines()
                        .filter(line -> line.contains(",22255,") && line.contains(",village-chapter-coverage,"))
                        .findFirst()
                        .orElseThrow())
                .endsWith(",REPORTED");
    }

    @Test
    void theFiguresOfFormerCommunesAddUpOntoTodaysThroughTheCrosswalk() {
        post(figure(HOA_BINH_1, 2023, "learning-clan-rate", 10, 20), admin());
        post(figure(HOA_PHONG, 2023, "learning-clan-rate", 5, 10), admin());

        // equal shares by default: Hòa Bình 1 gives 5/10 to each of its two successors
        assertFigure(indicator("22255", 2023, "learning-clan-rate"), 10, 20, "REPORTED");
        assertFigure(indicator("22240", 2023, "learning-clan-rate"), 5, 10, "REPORTED");

        assertThat(mvc.put()
                        .uri("/api/v1/reported-figures/crosswalk/" + HOA_BINH_1)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shares\":{\"22240\":0.3,\"22255\":0.7}}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.entered")
                .isEqualTo(true);

        assertFigure(indicator("22255", 2023, "learning-clan-rate"), 12, 24, "REPORTED");
        assertFigure(indicator("22240", 2023, "learning-clan-rate"), 3, 6, "REPORTED");
        // on the former map, a district adds up its communes
        assertFigure(indicator("C54.H-TAY-HOA", 2023, "learning-clan-rate"), 15, 30, "REPORTED");
    }

    @Test
    void refusesSharesThatDoNotAddUpToOne() throws Exception {
        assertThat(mvc.put()
                        .uri("/api/v1/reported-figures/crosswalk/" + HOA_BINH_1)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shares\":{\"22240\":0.5,\"22255\":0.7}}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("shares");
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "22255");
        assertThat(mvc.put()
                        .uri("/api/v1/reported-figures/crosswalk/" + HOA_BINH_1)
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shares\":{\"22240\":0.5,\"22255\":0.5}}"))
                .hasStatus(403);
        // the officer sees only the splits of its own commune
        String splits = mvc.get()
                .uri("/api/v1/reported-figures/crosswalk")
                .with(httpBasic(officer.username(), TestAccounts.PASSWORD))
                .exchange()
                .getResponse()
                .getContentAsString();
        java.util.List<java.util.List<String>> shares =
                com.jayway.jsonpath.JsonPath.read(splits, "$[*].shares[*].code");
        java.util.List<String> codes = com.jayway.jsonpath.JsonPath.read(splits, "$[*].code");
        assertThat(codes).contains(HOA_BINH_1);
        for (String code : codes) {
            java.util.List<String> theirs =
                    com.jayway.jsonpath.JsonPath.read(splits, "$[?(@.code == '" + code + "')].shares[*].code");
            assertThat(theirs).contains("22255");
        }
        assertThat(jdbc.sql("select count(*) from reported_figure_shares")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theProvinceBaselineIsUsedWhenNoCommuneHasAFigure() {
        post(figure("66", 2021, "learning-citizen-official-rate", 120, 200), admin());

        assertFigure(indicator("66", 2021, "learning-citizen-official-rate"), 120, 200, "REPORTED");
    }

    @Test
    void aCommuneOfficerWritesForItsCommuneAndWhatItWasFormedFromOnly() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "22255");
        RequestPostProcessor asOfficer = httpBasic(officer.username(), TestAccounts.PASSWORD);

        assertThat(post(figure(HOA_PHONG, 2022, "learning-unit-rate", 1, 2), asOfficer))
                .hasStatus(201);
        assertThat(post(figure("24133", 2022, "learning-unit-rate", 1, 2), asOfficer))
                .hasStatus(404);
        assertThat(post(figure("C66.TP-BUON-MA-THUOT.P-TAN-LOI", 2022, "learning-unit-rate", 1, 2), asOfficer))
                .hasStatus(404);
        SignedInUser viewer = accounts.open(Role.VIEWER, "66");
        assertThat(post(
                        figure(HOA_PHONG, 2022, "learning-clan-rate", 1, 2),
                        httpBasic(viewer.username(), TestAccounts.PASSWORD)))
                .hasStatus(403);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void importsAFileAllOrNothingWithADryRun() {
        String good = """
                Mã địa bàn,Năm,Chỉ số,Tử số,Mẫu số,Nguồn (văn bản báo cáo)
                %s,2022,learning-family-rate,30,100,Báo cáo 12/BC-KH
                %s,2022,learning-clan-rate,3,4,Báo cáo 12/BC-KH
                """.formatted(HOA_BINH_1, HOA_PHONG);

        assertThat(upload(good, true))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.valid")
                .isEqualTo(true);
        assertThat(rows()).isZero();
        assertThat(upload(good, false))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(2);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void anImportWithBadRowsNamesEachRowAndColumnAndSavesNothing() {
        String bad = """
                Mã địa bàn,Năm,Chỉ số,Tử số,Mẫu số,Nguồn (văn bản báo cáo)
                %1$s,2022,learning-family-rate,30,100,Báo cáo 12/BC-KH
                KHONG-CO,2022,learning-family-rate,3,10,BC
                %1$s,2035,learning-clan-rate,3,10,BC
                %1$s,2022,learning-unit-rate,30,10,BC
                %1$s,2022,khong-co,3,10,BC
                %1$s,2022,learning-community-rate,-1,10,BC
                %1$s,2022,learning-citizen-worker-rate,1,10,
                %1$s,2022,learning-family-rate,3,10,BC
                """.formatted(HOA_PHONG);

        MvcTestResult result = upload(bad, false);

        assertThat(result).hasStatus(422);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].row")
                .asArray()
                .containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].column")
                .asArray()
                .containsExactly("Mã địa bàn", "Năm", "Tử số", "Chỉ số", "Tử số", "Nguồn (văn bản báo cáo)", "Chỉ số");
        assertThat(rows()).isZero();
    }

    @Test
    void theApiShowsAYearOnTheFormerMapByFormerDistrict() {
        post(figure(HOA_BINH_1, 2024, "learning-clan-rate", 10, 20), admin());
        post(figure(HOA_PHONG, 2024, "learning-clan-rate", 5, 10), admin());

        var answer = mvc.get()
                .uri("/api/v1/indicators?locality=66&year=2024&map=2024")
                .with(admin())
                .exchange();

        assertThat(answer)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.communes.length()")
                .isEqualTo(24);
        String tayHoa = "$.communes[?(@.code == 'C54.H-TAY-HOA')].indicators[?(@.code == 'learning-clan-rate')]";
        assertThat(read(answer, tayHoa + ".numerator")).containsExactly(15);
        assertThat(read(answer, tayHoa + ".origin")).containsExactly("REPORTED");
        assertThat(read(answer, "$.total[?(@.code == 'learning-clan-rate')].denominator"))
                .containsExactly(30);
        assertThat(mvc.get()
                        .uri("/api/v1/indicators?locality=66&year=2026&map=2024")
                        .with(admin()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("map");
        assertThat(mvc.get()
                        .uri("/api/v1/indicators?locality=66&year=2024&map=1999")
                        .with(admin()))
                .hasStatus(400);
    }

    @Test
    void theDashboardMarksReportedValuesAndShowsTheFormerMap() {
        post(figure(HOA_BINH_1, 2024, "learning-clan-rate", 10, 20), admin());

        assertThat(
                        mvc.get()
                                .uri("/dashboard?locality=66&year=2024&map=2024&indicator=learning-clan-rate")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Bản đồ hành chính trước 01/7/2025")
                .contains("Huyện Tây Hòa")
                .contains("origin-legend")
                .contains("class=\"tag reported\"");
    }

    @Test
    void theEntryPageSavesATableAllOrNothing() {
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                accounts.admin());
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();

        assertThat(mvc.post()
                        .uri("/reported-figures")
                        .param("locality", HOA_PHONG)
                        .param("year", "2022")
                        .param("source", "Báo cáo 3/BC-KH")
                        .param("numerator.learning-family-rate", "40")
                        .param("denominator.learning-family-rate", "50")
                        .param("numerator.learning-clan-rate", "9")
                        .param("denominator.learning-clan-rate", "3")
                        .with(admin)
                        .with(csrf))
                .hasStatusOk()
                .bodyText()
                .contains("Chưa lưu được")
                .contains("không được lớn hơn mẫu số");
        assertThat(rows()).isZero();

        assertThat(mvc.post()
                        .uri("/reported-figures")
                        .param("locality", HOA_PHONG)
                        .param("year", "2022")
                        .param("source", "Báo cáo 3/BC-KH")
                        .param("numerator.learning-family-rate", "40")
                        .param("denominator.learning-family-rate", "50")
                        .with(admin)
                        .with(csrf))
                .hasStatus3xxRedirection();
        assertThat(rows()).isEqualTo(1);
        assertThat(mvc.get()
                        .uri("/reported-figures?locality=" + HOA_PHONG + "&year=2022")
                        .with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Báo cáo 3/BC-KH");
        assertThat(mvc.get().uri("/reported-figures/crosswalk").with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Xã Hòa Bình 1")
                .contains("chia đều");
    }

    record Json(String origin, long numerator, long denominator, Double value) {}

    private Json indicator(String locality, int year, String code) {
        var answer = mvc.get()
                .uri("/api/v1/indicators")
                .param("locality", locality)
                .param("year", String.valueOf(year))
                .with(admin())
                .exchange();
        assertThat(answer).hasStatusOk();
        String path = "$.indicators[?(@.code == '" + code + "')]";
        List<?> origin = read(answer, path + ".origin");
        List<?> numerator = read(answer, path + ".numerator");
        List<?> denominator = read(answer, path + ".denominator");
        List<?> value = read(answer, path + ".value");
        return new Json(
                (String) origin.get(0),
                ((Number) numerator.get(0)).longValue(),
                ((Number) denominator.get(0)).longValue(),
                value.get(0) == null ? null : ((Number) value.get(0)).doubleValue());
    }

    private static List<Object> read(MvcTestResult answer, String path) {
        try {
            return com.jayway.jsonpath.JsonPath.read(
                    answer.getResponse().getContentAsString(StandardCharsets.UTF_8), path);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertFigure(Json json, long numerator, long denominator, String origin) {
        assertThat(json.numerator()).as("numerator").isEqualTo(numerator);
        assertThat(json.denominator()).as("denominator").isEqualTo(denominator);
        assertThat(json.origin()).as("origin").isEqualTo(origin);
    }

    private void assertRefused(String body, String field, String message) {
        var answer = post(body, admin());
        assertThat(answer)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo(field);
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains(message);
    }

    private static String figure(String locality, int year, String indicator, long numerator, long denominator) {
        return """
                {"localityCode":"%s","year":%d,"indicator":"%s","numerator":%d,"denominator":%d,
                 "source":"Báo cáo 12/BC-KH ngày 20/12/2022"}""".formatted(locality, year, indicator, numerator, denominator);
    }

    private MvcTestResult post(String body, RequestPostProcessor who) {
        return mvc.post()
                .uri("/api/v1/reported-figures")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult upload(String csv, boolean dryRun) {
        return mvc.post()
                .uri("/api/v1/reported-figures/import")
                .multipart()
                .file(new MockMultipartFile("file", "so-lieu.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", String.valueOf(dryRun))
                .with(admin())
                .exchange();
    }

    /** A new village of the commune whose chapter recorded its movement of the year: the year has computed figures. */
    private void villageWithMovement(String commune, int year) throws Exception {
        String village = newVillage(commune);
        MvcTestResult chapter = mvc.post()
                .uri("/api/v1/chapters")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village + "\"}")
                .exchange();
        assertThat(chapter).hasStatus(201);
        Object chapterId =
                com.jayway.jsonpath.JsonPath.read(chapter.getResponse().getContentAsString(), "$.id");
        assertThat(mvc.put()
                        .uri("/api/v1/chapters/" + chapterId + "/movement/" + year)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"runsMovement\":false}"))
                .hasStatusOk();
    }

    private String newVillage(String commune) {
        MvcTestResult created = mvc.post()
                .uri("/api/v1/localities")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentCode\":\"" + commune + "\",\"name\":\"Thôn "
                        + UUID.randomUUID().toString().substring(0, 6) + "\",\"kind\":\"thôn\"}")
                .exchange();
        assertThat(created).hasStatus(201);
        try {
            return com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.code");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long audited(String id) {
        return jdbc.sql("select count(*) from audit_events where entity_type = 'reported-figure' and entity_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private long rows() {
        return jdbc.sql("select count(*) from reported_figures")
                .query(Long.class)
                .single();
    }

    private static RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
