package vn.khuyenhoc.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;

/**
 * Criteria sets through the pages and the API: a draft is edited in the table editor and issued, a set in force is
 * never changed but cloned, a set travels as JSON. Works on the clan sets, which no other test uses.
 */
@IntegrationTest
class CriteriaTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void aDraftIsEditedInTheTableIssuedAndThenOnlyCloned() throws Exception {
        String id = clanDraft();
        MvcTestResult saved = mvc.post()
                .uri("/criteria-sets/" + id)
                .with(user(accounts.admin()))
                .with(csrf())
                .param("lockVersion", "0")
                .param("name", "Tiêu chí Dòng họ học tập (đã xác nhận)")
                .param("legalBasis", "QĐ 01/QĐ-KH")
                .param("validFrom", "2021-01-01")
                .param("validityYears", "2")
                .param("minTotal", "70")
                .param("criterionCode", "1", "2", "")
                .param("criterionName", "Tổ chức, quỹ khuyến học", "Kết quả, hiệu quả", "")
                .param("criterionMin", "1", "", "")
                .param("itemCriterion", "1", "2", "2")
                .param("itemCode", "1.1", "2.1", "2.2")
                .param(
                        "itemName",
                        "Có ban khuyến học, quỹ khuyến học",
                        "Con cháu đi học đầy đủ, đỗ đạt",
                        "Có sổ vàng, bảng vinh danh")
                .param("itemKind", "POINTS", "POINTS", "PASS_FAIL")
                .param("itemMax", "50", "50", "")
                .param("itemEvidence", "false", "true", "false")
                .param("itemLevelTwo", "false", "false", "false")
                .exchange();
        assertThat(saved).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/criteria-sets/" + id);
        MvcTestResult read =
                mvc.get().uri("/api/v1/criteria-sets/" + id).with(admin()).exchange();
        assertThat(read).bodyJson().extractingPath("$.rule.minTotal").isEqualTo(70);
        assertThat(read)
                .bodyJson()
                .extractingPath("$.criteria[1].items[0].name")
                .isEqualTo("Con cháu đi học đầy đủ, đỗ đạt");
        assertThat(read)
                .bodyJson()
                .extractingPath("$.criteria[1].items[1].kind")
                .isEqualTo("PASS_FAIL");
        assertThat(read).bodyJson().extractingPath("$.validityYears").isEqualTo(2);

        // a minimum no subject could reach is refused naming it, nothing saved
        MvcTestResult unreachable = mvc.post()
                .uri("/criteria-sets/" + id)
                .with(user(accounts.admin()))
                .with(csrf())
                .param("lockVersion", "1")
                .param("name", "Tiêu chí")
                .param("legalBasis", "QĐ 01/QĐ-KH")
                .param("validFrom", "2021-01-01")
                .param("validityYears", "2")
                .param("minTotal", "120")
                .param("criterionCode", "1")
                .param("criterionName", "Tổ chức")
                .param("itemCriterion", "1")
                .param("itemCode", "1.1")
                .param("itemName", "Có ban khuyến học")
                .param("itemKind", "POINTS")
                .param("itemMax", "100")
                .exchange();
        assertThat(unreachable).hasStatusOk().bodyText().contains("lớn hơn tổng điểm tối đa (100)");
        assertThat(mvc.get().uri("/api/v1/criteria-sets/" + id).with(admin()).exchange())
                .bodyJson()
                .extractingPath("$.rule.minTotal")
                .isEqualTo(70);

        assertThat(mvc.post()
                        .uri("/criteria-sets/" + id + "/publish")
                        .with(user(accounts.admin()))
                        .with(csrf())
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/api/v1/criteria-sets/" + id).with(admin()).exchange())
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("IN_FORCE");
        MvcTestResult inPlace = mvc.post()
                .uri("/criteria-sets/" + id)
                .with(user(accounts.admin()))
                .with(csrf())
                .param("lockVersion", "2")
                .param("name", "Đổi tên bộ đang áp dụng")
                .param("legalBasis", "QĐ 01/QĐ-KH")
                .param("validFrom", "2021-01-01")
                .param("validityYears", "2")
                .param("criterionCode", "1")
                .param("criterionName", "Tổ chức")
                .param("itemCriterion", "1")
                .param("itemCode", "1.1")
                .param("itemName", "Có ban khuyến học")
                .param("itemKind", "POINTS")
                .param("itemMax", "100")
                .exchange();
        assertThat(inPlace).hasStatusOk().bodyText().contains("không sửa được");

        MvcTestResult cloned = mvc.post()
                .uri("/criteria-sets/" + id + "/clone")
                .with(user(accounts.admin()))
                .with(csrf())
                .exchange();
        String clone =
                cloned.getResponse().getRedirectedUrl().replaceAll("\\D+", " ").trim();
        MvcTestResult copy =
                mvc.get().uri("/api/v1/criteria-sets/" + clone).with(admin()).exchange();
        assertThat(copy).bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
        assertThat(copy).bodyJson().extractingPath("$.version").isEqualTo(2);
        assertThat(copy)
                .bodyJson()
                .extractingPath("$.criteria[1].items[1].code")
                .isEqualTo("2.2");
        assertThat(mvc.get().uri("/api/v1/criteria-sets/" + id).with(admin()).exchange())
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo("Tiêu chí Dòng họ học tập (đã xác nhận)");
    }

    @Test
    void aSetTravelsAsJsonAndABrokenFileIsRefused() throws Exception {
        MvcTestResult exported = mvc.get()
                .uri("/criteria-sets/1/export")
                .with(user(accounts.admin()))
                .exchange();
        assertThat(exported).hasStatusOk();
        byte[] json = exported.getResponse().getContentAsByteArray();
        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"title\" : \"LEARNING_FAMILY\"")
                .doesNotContain("\"id\"");

        MvcTestResult imported = importFile(json);
        assertThat(imported)
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("DRAFT");
        assertThat(JsonPath.<List<Object>>read(imported.getResponse().getContentAsString(), "$.criteria[*].items[*]"))
                .hasSize(12);

        assertThat(importFile("không phải JSON".getBytes(StandardCharsets.UTF_8)))
                .hasStatus(400)
                .bodyText()
                .contains("không phải bộ tiêu chí dạng JSON hợp lệ");
        String twice = new String(json, StandardCharsets.UTF_8).replace("\"code\" : \"1.2\"", "\"code\" : \"1.1\"");
        assertThat(importFile(twice.getBytes(StandardCharsets.UTF_8)))
                .hasStatus(400)
                .bodyText()
                .contains("Mã mục “1.1”");
        // only a province administrator issues rules
        var officer = accounts.open(Role.COMMUNE_OFFICER, "22015");
        assertThat(mvc.post()
                        .uri("/api/v1/criteria-sets")
                        .with(httpBasic(officer.getUsername(), TestAccounts.PASSWORD))
                        .multipart()
                        .file(new MockMultipartFile("file", "set.json", "application/json", json))
                        .exchange())
                .hasStatus(403);
    }

    private String clanDraft() throws Exception {
        MvcTestResult list =
                mvc.get().uri("/api/v1/criteria-sets").with(admin()).exchange();
        List<Integer> ids = JsonPath.read(
                list.getResponse().getContentAsString(),
                "$.items[?(@.title == 'LEARNING_CLAN' && @.status == 'DRAFT' && @.version == 1)].id");
        return String.valueOf(ids.get(0));
    }

    private MvcTestResult importFile(byte[] content) {
        return mvc.post()
                .uri("/api/v1/criteria-sets")
                .with(admin())
                .multipart()
                .file(new MockMultipartFile("file", "set.json", "application/json", content))
                .exchange();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
