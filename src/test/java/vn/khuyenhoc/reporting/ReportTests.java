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
import org.springframework.http.MediaType;
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

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theAnnualReportOfTheProvinceIsAnOfficialPdfWithTheDashboardsFigures() throws Exception {
        household("22096", "Thôn Báo Cáo", "Lý Văn Báo");
        MvcTestResult pdf = mvc.get()
                .uri("/api/v1/reports/association-annual?locality=66&year=2026&format=pdf&signerName=Nguyễn Văn Ký")
                .with(admin())
                .exchange();
        assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
        String text = pdfText(pdf);
        assertThat(text)
                .contains(
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "BAN THƯỜNG VỤ HỘI KHUYẾN HỌC TỈNH ĐẮK LẮK",
                        "HỘI KHUYẾN HỌC VIỆT NAM",
                        "TM. BAN THƯỜNG VỤ",
                        "Nguyễn Văn Ký",
                        "Nơi nhận",
                        "CHỦ TỊCH",
                        "Hộ gia đình được công nhận Gia đình học tập");
    }

    @Test
    void eachKindComesAsASpreadsheetWithItsTitle() throws Exception {
        for (String kind : new String[] {
            "association-six-month", "association-annual", "models-annual", "midterm-2025", "final-2030"
        }) {
            MvcTestResult xlsx = mvc.get()
                    .uri("/api/v1/reports/" + kind + "?locality=66&format=xlsx&signerName=Nguyễn Văn Ký")
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
                .uri("/api/v1/reports/models-annual?locality=66&year=2026&format=xlsx&signerName=Nguyễn Văn Ký")
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
                .uri("/api/v1/reports/models-annual?locality=22090&year=2021&format=xlsx&signerName=Nguyễn Văn Ký")
                .with(admin())
                .exchange();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getRow(8).getCell(0).getStringCellValue())
                    .isEqualTo("Chưa có số liệu");
        }
    }

    @Test
    void aReportOfTwentyTwentyTwoOnTheFormerMapShowsTheReportedFiguresMarked() throws Exception {
        assertThat(mvc.post()
                        .uri("/api/v1/reported-figures")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"localityCode":"C54.TX-DONG-HOA.P-HOA-XUAN-TAY","year":2022,
                                 "indicator":"learning-family-rate","numerator":300,"denominator":400,
                                 "source":"Báo cáo 25/BC-UBND năm 2022"}"""))
                .hasStatus(201);
        MvcTestResult pdf = mvc.get()
                .uri("/api/v1/reports/models-annual?locality=66&year=2022&map=2024&format=pdf&signerName=Nguyễn Văn Ký")
                .with(admin())
                .exchange();
        assertThat(pdf).hasStatusOk();
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).contains("ban-do-truoc-2025");
        assertThat(pdfText(pdf))
                .contains("theo đơn vị hành chính trước ngày 01/7/2025")
                .contains("Thị xã Đông Hòa")
                .contains("75,0% (BC)")
                .contains("(BC) số liệu lấy từ báo cáo");
        // the former map ends with 2025: the final review cannot be shown on it
        assertThat(mvc.get()
                        .uri("/api/v1/reports/final-2030?locality=66&map=2024&signerName=Nguyễn Văn Ký")
                        .with(admin())
                        .exchange())
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("map");
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
                .param("signerName", "Nguyễn Văn Ký")
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

    @Test
    void theNumberSignerIssuerAndRecipientsAreThoseAskedForInThePdfAndTheSpreadsheet() throws Exception {
        String query = "locality=22057&year=2025&number=15/BC-UBND&date=2026-11-20&signerName=Trần Thị Ký"
                + "&issuingBody=Ủy ban nhân dân xã Xuân Lộc"
                + "&recipients=Sở Giáo dục và Đào tạo&recipients=Thường trực Đảng ủy, HĐND xã&recipients=Lưu: VT";
        MvcTestResult pdf = mvc.get()
                .uri("/api/v1/reports/models-annual?format=pdf&" + query)
                .param("signerTitle", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
                .with(admin())
                .exchange();
        assertThat(pdf).hasStatusOk();
        assertThat(pdf.getResponse().getHeader("Content-Disposition"))
                .contains("bao-cao-mo-hinh-hoc-tap-nam-2025-xa-xuan-loc.pdf");
        String text = pdfText(pdf);
        assertThat(text)
                .contains(
                        "Số: 15/BC-UBND",
                        "ỦY BAN NHÂN DÂN XÃ XUÂN LỘC",
                        "Xuân Lộc, ngày 20 tháng 11 năm 2026",
                        "KT. CHỦ TỊCH",
                        "PHÓ CHỦ TỊCH",
                        "Trần Thị Ký",
                        "- Sở Giáo dục và Đào tạo;",
                        "- Thường trực Đảng ủy, HĐND xã;",
                        "- Lưu: VT.",
                        "Kỳ báo cáo: năm 2025, từ ngày 01/01/2025");
        MvcTestResult xlsx = mvc.get()
                .uri("/api/v1/reports/models-annual?format=xlsx&" + query)
                .param("signerTitle", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
                .with(admin())
                .exchange();
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getHeader("Content-Disposition"))
                .contains("bao-cao-mo-hinh-hoc-tap-nam-2025-xa-xuan-loc.xlsx");
        String cells = sheetText(xlsx);
        assertThat(cells)
                .contains(
                        "Số: 15/BC-UBND",
                        "ỦY BAN NHÂN DÂN XÃ XUÂN LỘC",
                        "Xuân Lộc, ngày 20 tháng 11 năm 2026",
                        "PHÓ CHỦ TỊCH",
                        "Trần Thị Ký",
                        "- Thường trực Đảng ủy, HĐND xã;",
                        "- Lưu: VT.",
                        "năm 2025, từ ngày 01/01/2025 đến ngày 31/12/2025 (số liệu tính đến ngày 31/12/2025)");
    }

    @Test
    void theSpreadsheetPrintsOnA4FittedToThePageWidthWithItsTableHeaderRepeated() throws Exception {
        household("22114", "Thôn In Trang", "Đỗ Văn In");
        MvcTestResult xlsx = mvc.get()
                .uri("/api/v1/reports/association-annual?locality=66&year=2026&format=xlsx&signerName=Nguyễn Văn Ký")
                .with(admin())
                .exchange();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPrintSetup().getPaperSize())
                    .isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            var repeated = sheet.getRepeatingRows();
            assertThat(repeated).isNotNull();
            assertThat(sheet.getRow(repeated.getFirstRow()).getCell(0).getStringCellValue())
                    .isEqualTo("Địa bàn");
        }
    }

    @Test
    void theReviewsCoverTheirFixedPeriodsAndCallQd387AChuongTrinh() throws Exception {
        household("22120", "Thôn Giai Đoạn", "Vũ Văn Kỳ");
        MvcTestResult midterm = mvc.get()
                .uri("/api/v1/reports/midterm-2025?locality=66&format=pdf&signerName=Nguyễn Văn Ký")
                .with(admin())
                .exchange();
        assertThat(midterm).hasStatusOk();
        assertThat(midterm.getResponse().getHeader("Content-Disposition")).contains("bao-cao-so-ket-2021-2025.pdf");
        String text = pdfText(midterm);
        assertThat(text)
                .contains(
                        "giai đoạn 2021–2025, từ ngày 01/01/2021 đến ngày 31/12/2025",
                        "Chương trình",
                        "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK")
                .doesNotContain("Đề án", "2021–2026");
        assertThat(mvc.get()
                        .uri("/api/v1/reports/midterm-2025?locality=66&year=2026&signerName=Nguyễn Văn Ký")
                        .with(admin())
                        .exchange())
                .hasStatus(400)
                .bodyText()
                .contains("luôn là giai đoạn 2021–2025");
        MvcTestResult last = mvc.get()
                .uri("/api/v1/reports/final-2030?locality=66&format=xlsx&signerName=Nguyễn Văn Ký")
                .with(admin())
                .exchange();
        assertThat(last.getResponse().getHeader("Content-Disposition")).contains("bao-cao-tong-ket-2021-2030.xlsx");
        assertThat(sheetText(last))
                .contains("Chương trình", "Diễn biến từng năm", "Năm 2025")
                .doesNotContain("Đề án");
    }

    @Test
    void theSixMonthReportIsRefusedBeforeJulyAndCutAtThirtiethOfJune() throws Exception {
        assertThat(mvc.get()
                        .uri("/api/v1/reports/association-six-month?locality=66&year=2026&date=2026-06-15"
                                + "&signerName=Nguyễn Văn Ký")
                        .with(admin())
                        .exchange())
                .hasStatus(400)
                .bodyText()
                .contains("chỉ lập được từ ngày 01/07/2026");
        MvcTestResult xlsx = mvc.get()
                .uri("/api/v1/reports/association-six-month?locality=22057&year=2026&format=xlsx"
                        + "&signerName=Nguyễn Văn Ký")
                .with(admin())
                .exchange();
        assertThat(xlsx.getResponse().getHeader("Content-Disposition"))
                .contains("bao-cao-6-thang-2026-xa-xuan-loc.xlsx");
        assertThat(sheetText(xlsx))
                .contains("6 tháng đầu năm 2026, từ ngày 01/01/2026 đến ngày 30/06/2026")
                .contains("BAN THƯỜNG VỤ HỘI KHUYẾN HỌC XÃ XUÂN LỘC", "HỘI KHUYẾN HỌC TỈNH ĐẮK LẮK");
    }

    @Test
    void badIssuingFieldsAreRefusedNamingTheField() {
        assertThat(mvc.get()
                        .uri("/api/v1/reports/models-annual?locality=22057&year=2025")
                        .with(admin())
                        .exchange())
                .hasStatus(400)
                .bodyText()
                .contains("Người ký");
        assertThat(mvc.get()
                        .uri("/api/v1/reports/models-annual?locality=22057&year=2025&signerName=A&date="
                                + java.time.LocalDate.now().plusDays(1))
                        .with(admin())
                        .exchange())
                .hasStatus(400)
                .bodyText()
                .contains("sau hôm nay");
        assertThat(mvc.get()
                        .uri("/api/v1/reports/models-annual?locality=22057&year=2025&signerName=A&number=mười lăm")
                        .with(admin())
                        .exchange())
                .hasStatus(400)
                .bodyText()
                .contains("Số, ký hiệu");
    }

    @Test
    void issuingDefaultsAreRememberedPerKindAndLocality() throws Exception {
        MvcTestResult saved = mvc.put()
                .uri("/api/v1/reports/association-annual/issuer?locality=24229")
                .with(admin())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"signerName\":\"Phạm Văn Nhớ\",\"recipients\":[\"Hội Khuyến học tỉnh\",\"Lưu: VP\"]}")
                .exchange();
        assertThat(saved).hasStatusOk();
        assertThat(saved)
                .bodyJson()
                .extractingPath("$.issuingBody")
                .isEqualTo("BAN THƯỜNG VỤ HỘI KHUYẾN HỌC XÃ EA BUNG");
        assertThat(mvc.get()
                        .uri("/api/v1/reports/association-annual/issuer?locality=24229")
                        .with(admin())
                        .exchange())
                .bodyJson()
                .extractingPath("$.signerName")
                .isEqualTo("Phạm Văn Nhớ");
        // another kind, or the same kind elsewhere, keeps its own defaults
        assertThat(mvc.get()
                        .uri("/api/v1/reports/association-six-month/issuer?locality=24229")
                        .with(admin())
                        .exchange())
                .bodyJson()
                .extractingPath("$.signerName")
                .isEqualTo("");
        assertThat(mvc.get()
                        .uri("/api/v1/reports/association-annual/issuer?locality=24235")
                        .with(admin())
                        .exchange())
                .bodyJson()
                .extractingPath("$.signerName")
                .isEqualTo("");
        // the report made without a signer now takes the remembered one
        MvcTestResult pdf = mvc.get()
                .uri("/api/v1/reports/association-annual?locality=24229&year=2026&format=pdf")
                .with(admin())
                .exchange();
        assertThat(pdf).hasStatusOk();
        assertThat(pdfText(pdf)).contains("Phạm Văn Nhớ", "- Hội Khuyến học tỉnh;", "- Lưu: VP.");
        assertThat(jdbc.sql("select count(*) from audit_events where entity_type = 'report_issuer'"
                                + " and entity_id = 'association-annual@24229'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(mvc.put()
                        .uri("/api/v1/reports/association-annual/issuer?locality=24229")
                        .with(admin())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"signerName\":\"Phạm Văn Khác\",\"recipients\":[]}")
                        .exchange())
                .hasStatus(400)
                .bodyText()
                .contains("Nơi nhận");
        assertThat(mvc.get()
                        .uri("/api/v1/reports/association-annual/issuer?locality=24229")
                        .with(admin())
                        .exchange())
                .bodyJson()
                .extractingPath("$.signerName")
                .isEqualTo("Phạm Văn Nhớ");
    }

    @Test
    void theFormOffersTheDefaultsAndRemembersWhatWasIssued() throws Exception {
        var officer = accounts.open(Role.COMMUNE_OFFICER, "24241");
        String page = mvc.get()
                .uri("/reports?kind=models-annual")
                .with(user(officer))
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("ỦY BAN NHÂN DÂN XÃ EA WER", "TM. ỦY BAN NHÂN DÂN", "Ea Wer");
        assertThat(mvc.get()
                        .uri("/reports/details?kind=midterm-2025")
                        .with(user(officer))
                        .exchange())
                .bodyText()
                .contains("giai đoạn 2021–2025")
                .doesNotContain("name=\"year\"");
        MvcTestResult refused = mvc.post()
                .uri("/reports")
                .with(user(officer))
                .with(csrf())
                .param("kind", "models-annual")
                .param("year", "2025")
                .param("signerName", "")
                .param("remember", "true")
                .exchange();
        assertThat(refused).bodyText().contains("Người ký: nhập họ và tên");
        assertThat(mvc.get()
                        .uri("/api/v1/reports/models-annual/issuer")
                        .with(user(officer))
                        .exchange())
                .bodyJson()
                .extractingPath("$.signerName")
                .isEqualTo("");
        assertThat(mvc.post()
                        .uri("/reports")
                        .with(user(officer))
                        .with(csrf())
                        .param("kind", "models-annual")
                        .param("year", "2025")
                        .param("signerName", "Lê Văn Xã")
                        .param("recipients", "Ủy ban nhân dân tỉnh\nLưu: VT")
                        .param("remember", "true")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(mvc.get()
                        .uri("/reports?kind=models-annual")
                        .with(user(officer))
                        .exchange())
                .bodyText()
                .contains("Lê Văn Xã");
    }

    private static String pdfText(MvcTestResult pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            // a long line wraps in the PDF: compare words, not line breaks
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String sheetText(MvcTestResult xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            for (var row : book.getSheetAt(0)) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                        text.append(cell.getStringCellValue()).append('\n');
                    }
                }
            }
        }
        return text.toString();
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
