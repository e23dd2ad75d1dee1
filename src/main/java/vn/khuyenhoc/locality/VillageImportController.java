package vn.khuyenhoc.locality;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

/**
 * Village import in two steps: upload and see the dry run, then confirm. The uploaded file waits in the session
 * between the two, so the person does not have to choose it again, and it is checked again when confirmed.
 */
@Controller
class VillageImportController {

    private static final String PENDING = "villageImport";

    private final VillageImport villageImport;
    private final LocalityService localities;

    VillageImportController(VillageImport villageImport, LocalityService localities) {
        this.villageImport = villageImport;
        this.localities = localities;
    }

    /** Kept in the session, which is stored in the database: so serializable. */
    record PendingUpload(String token, String fileName, byte[] content) implements java.io.Serializable {}

    @GetMapping("/villages/import")
    String form(@AuthenticationPrincipal SignedInUser user) {
        LocalityService.requireEditor(user);
        return "locality/import";
    }

    @PostMapping("/villages/import")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            HttpSession session,
            Model model)
            throws IOException {
        LocalityService.requireEditor(user);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "Hãy chọn một tệp Excel hoặc CSV.");
            return "locality/import";
        }
        String fileName = file.getOriginalFilename() == null ? "tep" : file.getOriginalFilename();
        try {
            var report = villageImport.check(TabularFile.read(fileName, file.getBytes()), user);
            model.addAttribute("report", report);
            if (report.valid()) {
                var pending = new PendingUpload(UUID.randomUUID().toString(), fileName, file.getBytes());
                session.setAttribute(PENDING, pending);
                model.addAttribute("token", pending.token());
            }
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "locality/import";
    }

    @PostMapping("/villages/import/confirm")
    String confirm(
            @RequestParam String token,
            @AuthenticationPrincipal SignedInUser user,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        LocalityService.requireEditor(user);
        if (!(session.getAttribute(PENDING) instanceof PendingUpload pending)
                || !pending.token().equals(token)) {
            model.addAttribute("problem", "Phiên nhập đã hết hạn hoặc đã được xác nhận. Hãy tải tệp lên lại.");
            return "locality/import";
        }
        session.removeAttribute(PENDING);
        var report = villageImport.apply(TabularFile.read(pending.fileName(), pending.content()), user);
        if (!report.saved()) {
            model.addAttribute("report", report);
            model.addAttribute("problem", "Dữ liệu đã thay đổi từ lúc kiểm tra: không dòng nào được lưu.");
            return "locality/import";
        }
        redirect.addFlashAttribute(
                "message",
                "Đã nhập " + report.villages().size() + " thôn, tổ dân phố từ tệp “" + report.fileName() + "”.");
        return "redirect:/villages/import";
    }

    /** A template with the expected columns and, on a second sheet, the communes of the user's scope. */
    @GetMapping("/villages/import/template.xlsx")
    void template(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"mau-nhap-thon.xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Thôn, tổ dân phố");
            Row header = sheet.createRow(0);
            for (int i = 0; i < VillageImport.COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(VillageImport.COLUMNS.get(i));
                sheet.setColumnWidth(i, 28 * 256);
            }
            Sheet communes = workbook.createSheet("Danh sách xã, phường");
            Row communeHeader = communes.createRow(0);
            communeHeader.createCell(0).setCellValue("Mã");
            communeHeader.createCell(1).setCellValue("Tên");
            communes.setColumnWidth(1, 32 * 256);
            int r = 1;
            for (LocalityView commune : communesOf(user)) {
                Row row = communes.createRow(r++);
                row.createCell(0).setCellValue(commune.code());
                row.createCell(1).setCellValue(commune.name());
            }
            Sheet kinds = workbook.createSheet("Loại");
            r = 0;
            for (LocalityKind kind : localities.villageKinds()) {
                kinds.createRow(r++).createCell(0).setCellValue(kind.label().toLowerCase(java.util.Locale.ROOT));
            }
            workbook.write(response.getOutputStream());
        }
    }

    private java.util.List<LocalityView> communesOf(SignedInUser user) {
        LocalityView scope = localities.get(user.scopeCode(), user);
        if (scope.isCommune()) {
            return java.util.List.of(scope);
        }
        if (scope.isVillage()) {
            return java.util.List.of();
        }
        return localities
                .children(scope.code(), user, false, new PageQuery(0, PageQuery.MAX_SIZE))
                .items();
    }
}
