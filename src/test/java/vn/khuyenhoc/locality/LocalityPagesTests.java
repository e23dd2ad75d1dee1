package vn.khuyenhoc.locality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

@IntegrationTest
class LocalityPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    LocalityService localities;

    @Test
    void adminSeesTheCommunesOfTheProvince() {
        assertThat(mvc.get().uri("/localities/66").with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Phường Buôn Ma Thuột")
                .contains("Xã Ea Súp")
                .contains("(<span>102</span>)");
    }

    @Test
    void pagesRedirectToTheSignInFormWithoutASession() {
        assertThat(mvc.get().uri("/localities/66")).hasStatus3xxRedirection();
    }

    @Test
    void officerGets404ForAVillageOfAnotherCommune() {
        LocalityView village = newVillage("24175");
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24181");

        assertThat(mvc.get().uri("/localities/" + village.code()).with(user(officer)))
                .hasStatus(404)
                .bodyText()
                .contains("Không tìm thấy");
        assertThat(mvc.post()
                        .uri("/localities/" + village.code() + "/rename")
                        .param("name", "Thôn Bị Đổi")
                        .param("version", "0")
                        .with(user(officer))
                        .with(csrf()))
                .hasStatus(404);
    }

    @Test
    void anOfficerRenamesAVillageOfItsCommuneButNotTheCommuneItself() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24193");
        LocalityView commune = localities.get("24193", officer);

        assertThat(mvc.post()
                        .uri("/localities/24193/rename")
                        .param("name", "Xã Tự Đổi Tên")
                        .param("version", String.valueOf(commune.version()))
                        .with(user(officer))
                        .with(csrf()))
                .bodyText()
                .contains("Chỉ thôn, tổ dân phố mới được đổi tên");
        assertThat(localities.get("24193", officer).name()).isEqualTo(commune.name());
        assertThat(mvc.get().uri("/localities/24193/edit").with(user(officer))).hasStatus(400);

        LocalityView village = newVillage("24193");
        assertThat(mvc.post()
                        .uri("/localities/" + village.code() + "/rename")
                        .param("name", village.name() + " Mới")
                        .param("version", String.valueOf(village.version()))
                        .with(user(officer))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(localities.get(village.code(), officer).name()).isEqualTo(village.name() + " Mới");
    }

    @Test
    void searchWorksWithoutDiacriticsOnThePage() {
        assertThat(mvc.get().uri("/localities/search").param("q", "ea sup").with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Xã Ea Súp");
    }

    @Test
    void secondSaveOfAStaleFormGetsAConflictMessage() {
        LocalityView village = newVillage("24175");
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24175");
        localities.renameVillage(village.code(), village.name() + " A", village.version(), officer);

        assertThat(mvc.post()
                        .uri("/localities/" + village.code() + "/rename")
                        .param("name", village.name() + " B")
                        .param("version", String.valueOf(village.version()))
                        .with(user(officer))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("vừa được người khác thay đổi");
        assertThat(localities.get(village.code(), officer).name()).isEqualTo(village.name() + " A");
    }

    @Test
    void mergingRetiresTheVillagesAndLinksTheSuccessor() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24187");
        LocalityView first = newVillage("24187");
        LocalityView second = newVillage("24187");

        LocalityView merged = localities.mergeVillages(
                List.of(first.code(), second.code()),
                new LocalityService.VillageDraft(
                        "Thôn Hợp " + UUID.randomUUID().toString().substring(0, 5), "thôn", LocalDate.now()),
                "NQ 01/NQ-HĐND",
                LocalityService.ChapterChoice.none(),
                officer);

        assertThat(localities.get(first.code(), officer).current()).isFalse();
        assertThat(localities
                        .history(localities.get(first.code(), officer), officer)
                        .successors())
                .extracting(LocalityView::code)
                .containsExactly(merged.code());
        assertThat(localities.history(merged, officer).predecessors()).hasSize(2);
    }

    @Test
    void clerkCannotOpenTheVillageForm() {
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, "24175");

        assertThat(mvc.get().uri("/localities/24175/villages/new").with(user(clerk)))
                .hasStatus(403);
    }

    private LocalityView newVillage(String communeCode) {
        return localities.createVillage(
                communeCode,
                new LocalityService.VillageDraft(
                        "Thôn " + UUID.randomUUID().toString().substring(0, 8), "thôn", null),
                accounts.admin());
    }
}
