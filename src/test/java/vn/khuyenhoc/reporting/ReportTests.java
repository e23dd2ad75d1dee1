package vn.khuyenhoc.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;

/** The five reports as XLSX and PDF, in the official layout, in the background from the page, through the API. */
@IntegrationTest
class ReportTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void theAnnualReportOfTheProvinceIsAnOfficialPdfWithTheDashboardsFigures() throws Exception {
        household("22096", "Thôn Báo Cáo", "Lý Văn Báo");
        MvcTestResult pdf = mvc.get()
                .uri("/api/v1/reports/association-annual?locality=66&year=2026&format=pdf")
                .with(admin())
                .exchange();
        assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                            "HỘI KHUYẾN HỌC TỈNH ĐẮK LẮK",
                            "Nơi nhận",
                            "CHỦ TỊCH",
                            "Hộ gia đình được công nhận Gia đình học tập");
        }
    }

    @Test
    void eachKindComesAsASpreadsheetWithItsTitle() throws Exception {
        for (String kind : new String[] {
            "association-six-month", "association-annual", "models-annual", "midterm-2025", "final-2030"
        }) {
            MvcTestResult xlsx = mvc.get()
                    .uri("/api/v1/reports/" + kind + "?locality=66&format=xlsx")
                    .with(admin())
                    .exchange();
            assertThat(xlsx).hasStatusOk();
            try (XSSFWorkbook book =
                    new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(3).getStringCellValue())
                        .isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("BÁO CÁO");
                assertThat(sheet.getNumMergedRegions()).isGreaterThan(5);
            }
        }
    }

    @Test
    void theReportsFiguresAreTheApis() throws Exception {
        household("22111", "Thôn Cùng Số", "Hồ Văn Số");
        MvcTestResult api = mvc.get()
                .uri("/api/v1/indicators?locality=66&year=2026")
                .with(admin())
                .exchange();
        java.util.List<Integer> households = com.jayway.jsonpath.JsonPath.read(
                api.getResponse().getContentAsString(),
                "$.indicators[?(@.code == 'learning-family-rate')].denominator");
        MvcTestResult xlsx = mvc.get()
                .uri("/api/v1/reports/models-annual?locality=66&year=2026&format=xlsx")
                .with(admin())
                .exchange();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Double total = null;
            for (var row : book.getSheetAt(0)) {
                if (row.getCell(0) != null
                        && row.getCell(0).getStringCellValue().equals("Hộ gia đình được công nhận Gia đình học tập")) {
                    total = row.getCell(3).getNumericCellValue();
                }
            }
            assertThat(total)
                    .isNotNull()
                    .isEqualTo(households.get(0).doubleValue())
                    .isPositive();
        }
    }

    @Test
    void aPeriodWithoutDataSaysSoInsteadOfShowingZeros() throws Exception {
        MvcTestResult xlsx = mvc.get()
                .uri("/api/v1/reports/models-annual?locality=22090&year=2021&format=xlsx")
                .with(admin())
                .exchange();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getRow(8).getCell(0).getStringCellValue())
                    .isEqualTo("Chưa có số liệu");
        }
    }

    @Test
    void badKindFormatYearOrLocalityGetAClearAnswer() {
        assertThat(mvc.get().uri("/api/v1/reports/no-such-report").with(admin()).exchange())
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/reports/models-annual?format=doc")
                        .with(admin())
                        .exchange())
                .hasStatus(400)
                .bodyText()
                .contains("pdf hoặc xlsx");
        assertThat(mvc.get()
                        .uri("/api/v1/reports/models-annual?year=2019")
                        .with(admin())
                        .exchange())
                .hasStatus(400);
        var officer = accounts.open(Role.COMMUNE_OFFICER, "22090");
        assertThat(mvc.get()
                        .uri("/api/v1/reports/models-annual?locality=22015")
                        .with(httpBasic(officer.getUsername(), TestAccounts.PASSWORD))
                        .exchange())
                .hasStatus(404);
    }

    @Test
    void aReportIsMadeInTheBackgroundWithItsProgressForItsOwnerOnly() throws Exception {
        var officer = accounts.open(Role.COMMUNE_OFFICER, "22090");
        MvcTestResult started = mvc.post()
                .uri("/reports")
                .with(user(officer))
                .with(csrf())
                .param("kind", "models-annual")
                .param("year", "2026")
                .param("format", "xlsx")
                .exchange();
        assertThat(started).hasStatus3xxRedirection();
        String job = started.getResponse().getRedirectedUrl();
        String progress = "";
        for (int i = 0; i < 100 && !progress.contains("Tải báo cáo về"); i++) {
            Thread.sleep(200);
            progress = mvc.get()
                    .uri(job + "/progress")
                    .with(user(officer))
                    .exchange()
                    .getResponse()
                    .getContentAsString();
        }
        assertThat(progress).contains("Tải báo cáo về");
        assertThat(mvc.get().uri(job + "/file").with(user(officer)).exchange()).hasStatusOk();
        var other = accounts.open(Role.COMMUNE_OFFICER, "22090");
        assertThat(mvc.get().uri(job + "/file").with(user(other)).exchange()).hasStatus(404);
    }

    /** A new village of the commune with one household: the records a report is made from. */
    private void household(String commune, String village, String head) throws Exception {
        MvcTestResult created = mvc.post()
                .uri("/api/v1/localities")
                .with(admin())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"parentCode\":\"" + commune + "\",\"name\":\"" + village + "\",\"kind\":\"thôn\"}")
                .exchange();
        String code = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.code");
        assertThat(mvc.post()
                        .uri("/api/v1/families")
                        .with(admin())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"villageCode\":\"" + code + "\",\"headName\":\"" + head
                                + "\",\"members\":3,\"adults\":2,\"schoolAgeChildren\":1}")
                        .exchange())
                .hasStatus(201);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
