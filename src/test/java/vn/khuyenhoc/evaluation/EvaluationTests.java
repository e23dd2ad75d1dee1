package vn.khuyenhoc.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * The recognition cycle through the API, each step by the role that does it: a village clerk registers and
 * self-assesses, the village meeting's review is entered by a commune officer, who also appraises, the chairman's
 * office decides; anyone verifies a certificate. Families in 22015, deadlines in 22045, units at the province (2025).
 */
@IntegrationTest
class EvaluationTests {

    static final int YEAR = Year.now().getValue();
    static final String PASSING = "{\"1.1\":10,\"1.2\":9,\"1.3\":9,\"2.1\":10,\"2.2\":8,\"2.3\":6,\"3.1\":7,\"3.2\":6,"
            + "\"3.3\":5,\"4.1\":6,\"4.2\":7,\"4.3\":6}";
    /** 85 points, but nothing for the home's learning conditions: fails (no criterion at zero). */
    static final String ZERO_CRITERION = "{\"1.1\":10,\"1.2\":10,\"1.3\":10,\"2.1\":10,\"2.2\":10,\"2.3\":10,\"3.1\":0,"
            + "\"3.2\":0,\"3.3\":0,\"4.1\":7,\"4.2\":7,\"4.3\":1}";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RecognitionFigures figures;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void runsAFamilyRoundFromRegistrationToAVerifiedCertificate() throws Exception {
        String village = post(
                admin(),
                "/api/v1/localities",
                "{\"parentCode\":\"22015\",\"name\":\"Khu phố Học Tập\",\"kind\":\"khu phố\"}",
                "$.code");
        RequestPostProcessor clerk = as(accounts.open(Role.DATA_CLERK, village));
        RequestPostProcessor officer = as(accounts.open(Role.COMMUNE_OFFICER, "22015"));
        RequestPostProcessor office = as(accounts.open(Role.DECISION_OFFICE, "22015"));
        String a = household(clerk, village, "Nguyễn Văn Học");
        String b = household(clerk, village, "Trần Thị Chăm");
        String c = household(clerk, village, "Lê Văn Mới");

        String round = post(
                officer,
                "/api/v1/rounds",
                "{\"title\":\"LEARNING_FAMILY\",\"registrationDue\":\""
                        + LocalDate.now().plusDays(10) + "\",\"decisionDue\":\""
                        + LocalDate.now().plusDays(60) + "\"}",
                "$.id");
        MvcTestResult registered = mvc.post()
                .uri("/api/v1/rounds/" + round + "/registrations")
                .with(clerk)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectIds\":[" + a + "," + b + "," + c + "]}")
                .exchange();
        assertThat(registered)
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.items.length()")
                .isEqualTo(3);
        String body = registered.getResponse().getContentAsString();
        String ra = registration(body, a);
        String rb = registration(body, b);

        assertThat(assess(clerk, ra, "SELF", PASSING))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.result")
                .isEqualTo("PASS");
        assertThat(assess(clerk, rb, "SELF", ZERO_CRITERION))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.result")
                .isEqualTo("FAIL");
        // separation of duties (on by default): the clerk who self-assessed may not record the review
        assertThat(assess(clerk, ra, "REVIEW", PASSING)).hasStatus(403);
        assertThat(assess(officer, ra, "REVIEW", PASSING)).hasStatusOk();
        assertThat(assess(officer, rb, "REVIEW", ZERO_CRITERION)).hasStatusOk();
        // the clerk may not appraise; the commune officer does
        assertThat(assess(clerk, ra, "APPRAISAL", PASSING)).hasStatus(403);
        assertThat(assess(officer, ra, "APPRAISAL", PASSING))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.registrationStage")
                .isEqualTo("APPRAISED");
        assertThat(assess(officer, rb, "APPRAISAL", ZERO_CRITERION))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.registrationStage")
                .isEqualTo("REJECTED");

        // a decision including a subject that did not pass is refused whole
        MvcTestResult refused = decide(office, round, "12", List.of(ra, rb));
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentAsString())
                .contains("Trần Thị Chăm")
                .contains("chưa được thẩm định đạt");
        MvcTestResult decided = decide(office, round, "12", List.of(ra));
        assertThat(decided).hasStatus(201).bodyJson().extractingPath("$.number").isEqualTo("12/QĐ-UBND");
        String code = JsonPath.read(decided.getResponse().getContentAsString(), "$.certificates[0].code");
        String decision =
                String.valueOf(JsonPath.<Integer>read(decided.getResponse().getContentAsString(), "$.id"));
        assertThat(JsonPath.<Integer>read(
                        decided.getResponse().getContentAsString(), "$.certificates[0].registrationId"))
                .isEqualTo(Integer.valueOf(ra));

        // anyone can verify: title, name, place, year, decision, validity
        MvcTestResult verified = mvc.get().uri("/verify/" + code).exchange();
        assertThat(verified).hasStatusOk();
        assertThat(verified.getResponse().getContentAsString())
                .contains(
                        "Nguyễn Văn Học",
                        "Gia đình học tập năm " + YEAR,
                        "Khu phố Học Tập",
                        "12/QĐ-UBND",
                        "Còn hiệu lực")
                .doesNotContain("Trần Thị Chăm");
        assertThat(mvc.get().uri("/verify/ABCDEFGHJK").exchange()).hasStatus(404);

        MvcTestResult pdf = mvc.get()
                .uri("/api/v1/certificates/" + code + "?format=pdf")
                .with(office)
                .exchange();
        assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
        byte[] certificate = pdf.getResponse().getContentAsByteArray();
        assertThat(new String(certificate, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(certificate)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Nguyễn Văn Học", code, "GIẤY CHỨNG NHẬN");
            var resources = document.getPage(0).getResources();
            PDFont font = resources.getFont(resources.getFontNames().iterator().next());
            assertThat(font.getName()).contains("NotoSans");
            assertThat(font.isEmbedded()).isTrue();
            // the printed QR code reads back as the public verification address of this certificate
            assertThat(qrCode(document)).isEqualTo("http://localhost:8080/verify/" + code);
        }
        MvcTestResult decisionPdf = mvc.get()
                .uri("/api/v1/decisions/" + decision + "/document?format=pdf")
                .with(office)
                .exchange();
        assertThat(decisionPdf).hasStatusOk().hasContentType("application/pdf");
        try (PDDocument document = Loader.loadPDF(decisionPdf.getResponse().getContentAsByteArray())) {
            // QĐ 387/QĐ-TTg approves a Chương trình; the decision is set in the serif NĐ 30 prescribes
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("phê duyệt Chương trình “Đẩy mạnh phong trào học tập suốt đời")
                    .doesNotContain("Đề án");
            var resources = document.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.getName()).contains("LiberationSerif");
                assertThat(font.isEmbedded()).isTrue();
            }
        }
        MvcTestResult list = mvc.get()
                .uri("/api/v1/decisions/" + decision + "/document?format=xlsx")
                .with(office)
                .exchange();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(list.getResponse().getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("Nguyễn Văn Học");
            assertThat(book.getSheetAt(0).getRow(1).getCell(4).getStringCellValue())
                    .isEqualTo(code);
        }

        MvcTestResult funnel = mvc.get()
                .uri("/api/v1/rounds/" + round + "/funnel")
                .with(officer)
                .exchange();
        assertThat(funnel).bodyJson().extractingPath("$.total.registered").isEqualTo(3);
        assertThat(funnel).bodyJson().extractingPath("$.total.recognised").isEqualTo(1);
        assertThat(funnel).bodyJson().extractingPath("$.total.rejected").isEqualTo(1);
        String rate = "$.indicators[?(@.code == 'learning-family-rate')]";
        MvcTestResult indicators = mvc.get()
                .uri("/api/v1/indicators?locality=22015&year=" + YEAR)
                .with(officer)
                .exchange();
        String json = indicators.getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(json, rate + ".numerator")).containsExactly(1);
        assertThat(JsonPath.<List<Integer>>read(json, rate + ".denominator")).containsExactly(3);
        assertThat(JsonPath.<List<Integer>>read(json, rate + ".registered")).containsExactly(3);
        assertThat(JsonPath.<List<Double>>read(json, rate + ".targets['2025']")).containsExactly(70.0);

        // revoked: the public page says so
        assertThat(mvc.post()
                        .uri("/api/v1/certificates/" + code + "/revoke")
                        .with(office)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Cấp nhầm hộ\"}")
                        .exchange())
                .hasStatusOk();
        assertThat(mvc.get().uri("/verify/" + code).exchange().getResponse().getContentAsString())
                .contains("Đã bị thu hồi");
        // from the day of the revocation the rate no longer counts it; as of an earlier day it still does
        String revoked = mvc.get()
                .uri("/api/v1/indicators?locality=22015&year=" + YEAR)
                .with(officer)
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(revoked, rate + ".numerator")).containsExactly(0);
        jdbc.sql("update registrations set recognised_on = current_date - 10 where id = :id")
                .param("id", Long.valueOf(ra))
                .update();
        String commune = jdbc.sql("select path::text from localities where code = '22015'")
                .query(String.class)
                .single();
        LocalDate today = LocalDate.now();
        assertThat(figures.rates(YEAR, today.minusDays(1), commune)
                        .total()
                        .rates()
                        .get(RecognitionFigures.RateKind.LEARNING_FAMILY)
                        .recognised())
                .isEqualTo(1);
        assertThat(figures.rates(YEAR, today.minusDays(11), commune)
                        .total()
                        .rates()
                        .get(RecognitionFigures.RateKind.LEARNING_FAMILY)
                        .recognised())
                .isZero();
        assertThat(figures.rates(YEAR, today, commune)
                        .total()
                        .rates()
                        .get(RecognitionFigures.RateKind.LEARNING_FAMILY)
                        .recognised())
                .isZero();
    }

    @Test
    void aSubjectIsRegisteredOnceForATitleAndYearAndNothingIsHalfSaved() throws Exception {
        String village = post(
                admin(),
                "/api/v1/localities",
                "{\"parentCode\":\"22045\",\"name\":\"Thôn Một Lần\",\"kind\":\"thôn\"}",
                "$.code");
        RequestPostProcessor clerk = as(accounts.open(Role.DATA_CLERK, village));
        RequestPostProcessor officer = as(accounts.open(Role.COMMUNE_OFFICER, "22045"));
        String a = household(clerk, village, "Phạm Văn Một");
        String b = household(clerk, village, "Phạm Thị Hai");
        String round = post(
                officer,
                "/api/v1/rounds",
                "{\"title\":\"LEARNING_FAMILY\",\"level\":\"HOUSEHOLD\",\"year\":" + YEAR
                        + ",\"localityCode\":\"22045\",\"registrationDue\":\""
                        + LocalDate.now().minusDays(1) + "\"}",
                "$.id");

        // after the deadline a clerk is refused; an officer registers and it is marked late
        MvcTestResult late = register(clerk, round, a);
        assertThat(late).hasStatus(409);
        assertThat(late.getResponse().getContentAsString()).contains("Đã quá hạn đăng ký");
        assertThat(register(officer, round, a))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.items[0].late")
                .isEqualTo(true);

        MvcTestResult twice = register(officer, round, a + "," + b);
        assertThat(twice).hasStatus(409);
        assertThat(twice.getResponse().getContentAsString())
                .contains("Phạm Văn Một")
                .contains("đã đăng ký");
        MvcTestResult registrations = mvc.get()
                .uri("/api/v1/rounds/" + round + "/registrations")
                .with(officer)
                .exchange();
        assertThat(registrations).bodyJson().extractingPath("$.total").isEqualTo(1);

        // a list file: every refusal on its row, nothing saved until the whole file is right
        MvcTestResult checked =
                upload(officer, round, "Mã đối tượng,Tên,Đăng ký\n" + b + ",Phạm Thị Hai,x\n999999,,x\n", true);
        assertThat(checked).hasStatusOk().bodyJson().extractingPath("$.valid").isEqualTo(false);
        assertThat(checked).bodyJson().extractingPath("$.errors[0].row").isEqualTo(3);
        assertThat(checked.getResponse().getContentAsString()).contains("Mã số 999999");
        assertThat(upload(officer, round, "Mã đối tượng,Đăng ký\n" + a + ",x\n" + b + ",x\n", false))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(1);
        registrations = mvc.get()
                .uri("/api/v1/rounds/" + round + "/registrations")
                .with(officer)
                .exchange();
        assertThat(registrations).bodyJson().extractingPath("$.total").isEqualTo(2);

        // scores outside an item's range: refused naming the item, the stage unchanged
        String id = String.valueOf(
                JsonPath.<Integer>read(registrations.getResponse().getContentAsString(), "$.items[0].id"));
        MvcTestResult outOfRange = assess(officer, id, "SELF", PASSING.replace("\"1.1\":10", "\"1.1\":11"));
        assertThat(outOfRange).hasStatus(400);
        assertThat(outOfRange.getResponse().getContentAsString())
                .contains("Điểm mục 1.1 phải là số nguyên từ 0 đến 10");
        assertThat(mvc.get().uri("/api/v1/registrations/" + id).with(officer).exchange())
                .bodyJson()
                .extractingPath("$.registration.stage")
                .isEqualTo("REGISTERED");

        // outside the scope: another commune's officer gets 404
        RequestPostProcessor stranger = as(accounts.open(Role.COMMUNE_OFFICER, "22051"));
        assertThat(mvc.get().uri("/api/v1/registrations/" + id).with(stranger).exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/rounds/" + round).with(stranger).exchange())
                .hasStatus(404);
    }

    @Test
    void requiredEvidenceIsAskedForAndOnlyPdfJpegOrPngIsTaken() throws Exception {
        String unit = post(
                admin(),
                "/api/v1/organizations",
                "{\"name\":\"Sở Thử Nghiệm Minh Chứng\",\"kind\":\"STATE_AGENCY\","
                        + "\"managingLevel\":\"PROVINCE\",\"localityCode\":\"22051\"}",
                "$.id");
        String round = post(
                admin(),
                "/api/v1/rounds",
                "{\"title\":\"LEARNING_UNIT\",\"level\":\"PROVINCE_MANAGED\"," + "\"year\":2025,\"registrationDue\":\""
                        + LocalDate.now().plusDays(5) + "\"}",
                "$.id");
        MvcTestResult registered = register(admin(), round, unit);
        String id = registration(registered.getResponse().getContentAsString(), unit);
        String allMet = "{\"1.1\":true,\"1.2\":true,\"1.3\":true,\"2.1\":true,\"2.2\":true,\"3.1\":true,\"3.2\":true,"
                + "\"3.3\":true,\"3.4\":false}";

        MvcTestResult missing = assess(admin(), id, "SELF", allMet);
        assertThat(missing).hasStatus(400);
        assertThat(missing.getResponse().getContentAsString())
                .contains("Mục 1.1")
                .contains("cần minh chứng");

        MvcTestResult disguised = evidence(id, "1.1", "bien-ban.pdf", "<html>not a pdf</html>".getBytes());
        assertThat(disguised).hasStatus(400);
        assertThat(disguised.getResponse().getContentAsString()).contains("không phải PDF, JPEG hay PNG");
        for (String item : List.of("1.1", "1.2", "2.1", "3.1", "3.3", "3.4")) {
            assertThat(evidence(id, item, "minh-chung-" + item + ".pdf", "%PDF-1.4 minh chứng".getBytes()))
                    .hasStatus(201);
        }
        // the files are served to the scope that holds the registration, to nobody else
        MvcTestResult files =
                mvc.get().uri("/api/v1/registrations/" + id).with(admin()).exchange();
        String file =
                String.valueOf(JsonPath.<Integer>read(files.getResponse().getContentAsString(), "$.evidence[0].id"));
        var own = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                accounts.admin());
        assertThat(mvc.get()
                        .uri("/registrations/" + id + "/evidence/" + file)
                        .with(own)
                        .exchange())
                .hasStatusOk()
                .hasContentType("application/pdf");
        var stranger = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                accounts.open(Role.COMMUNE_OFFICER, "22045"));
        assertThat(mvc.get()
                        .uri("/registrations/" + id + "/evidence/" + file)
                        .with(stranger)
                        .exchange())
                .hasStatus(404);
        assertThat(assess(admin(), id, "SELF", allMet))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.result")
                .isEqualTo("LEVEL_1");
        assertThat(assess(admin(), id, "SELF", allMet.replace("\"3.4\":false", "\"3.4\":true")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.result")
                .isEqualTo("LEVEL_2");
    }

    @Test
    void theRecognisingAuthorityIsDataAProvinceAdministratorChanges() {
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                accounts.admin());
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        assertThat(mvc.post()
                        .uri("/recognising-authorities")
                        .with(admin)
                        .with(csrf)
                        .param("titleLevel", "LEARNING_COMMUNITY/COMMUNE")
                        .param("fromYear", "2027")
                        .param("authority", "PROVINCE_CHAIR")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/recognising-authorities").with(admin).exchange())
                .hasStatusOk()
                .bodyText()
                .contains("2027")
                .contains("Chủ tịch UBND tỉnh");
        var officer = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                accounts.open(Role.COMMUNE_OFFICER, "22015"));
        assertThat(mvc.post()
                        .uri("/recognising-authorities")
                        .with(officer)
                        .with(csrf)
                        .param("titleLevel", "LEARNING_FAMILY/HOUSEHOLD")
                        .param("fromYear", "2027")
                        .param("authority", "PROVINCE_CHAIR")
                        .exchange())
                .hasStatus(403);
    }

    /** Decodes the QR code image of the first page. */
    private static String qrCode(PDDocument document) throws Exception {
        var resources = document.getPage(0).getResources();
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                java.awt.image.BufferedImage picture = image.getImage();
                int[] pixels =
                        picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
                var source = new com.google.zxing.RGBLuminanceSource(picture.getWidth(), picture.getHeight(), pixels);
                return new com.google.zxing.qrcode.QRCodeReader()
                        .decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source)))
                        .getText();
            }
        }
        throw new AssertionError("no image on the certificate");
    }

    private MvcTestResult upload(RequestPostProcessor who, String round, String csv, boolean dryRun) {
        return mvc.post()
                .uri("/api/v1/rounds/" + round + "/registrations/import")
                .with(who)
                .multipart()
                .file(new MockMultipartFile(
                        "file", "dang-ky.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .param("dryRun", String.valueOf(dryRun))
                .exchange();
    }

    private MvcTestResult evidence(String registration, String item, String name, byte[] content) {
        return mvc.post()
                .uri("/api/v1/registrations/" + registration + "/evidence")
                .with(admin())
                .multipart()
                .file(new MockMultipartFile("file", name, "application/pdf", content))
                .param("itemCode", item)
                .exchange();
    }

    private String household(RequestPostProcessor who, String village, String head) throws Exception {
        return post(
                who,
                "/api/v1/families",
                "{\"villageCode\":\"" + village + "\",\"headName\":\"" + head
                        + "\",\"members\":4,\"adults\":2,\"schoolAgeChildren\":2}",
                "$.id");
    }

    private MvcTestResult register(RequestPostProcessor who, String round, String subjects) {
        return mvc.post()
                .uri("/api/v1/rounds/" + round + "/registrations")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectIds\":[" + subjects + "]}")
                .exchange();
    }

    private MvcTestResult assess(RequestPostProcessor who, String registration, String stage, String scores) {
        return mvc.put()
                .uri("/api/v1/registrations/" + registration + "/assessments/" + stage)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scores\":" + scores + ",\"comment\":\"Họp thôn thống nhất\"}")
                .exchange();
    }

    private MvcTestResult decide(RequestPostProcessor who, String round, String number, List<String> registrations) {
        return mvc.post()
                .uri("/api/v1/rounds/" + round + "/decisions")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"number\":\"" + number + "\",\"date\":\"" + LocalDate.now() + "\",\"signer\":\"Y Bhim Niê\","
                                + "\"registrationIds\":[" + String.join(",", registrations) + "]}")
                .exchange();
    }

    private static String registration(String body, String subject) {
        List<Integer> ids = JsonPath.read(body, "$.items[?(@.subjectId == " + subject + ")].id");
        return String.valueOf(ids.get(0));
    }

    private String post(RequestPostProcessor who, String uri, String json, String path) throws Exception {
        MvcTestResult result = mvc.post()
                .uri(uri)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
        assertThat(result).hasStatus(201);
        return String.valueOf(JsonPath.<Object>read(result.getResponse().getContentAsString(), path));
    }

    private static RequestPostProcessor as(SignedInUser user) {
        return httpBasic(user.getUsername(), TestAccounts.PASSWORD);
    }

    private static RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
