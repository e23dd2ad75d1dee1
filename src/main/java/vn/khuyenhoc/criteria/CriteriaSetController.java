package vn.khuyenhoc.criteria;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.SignedInUser;

/** Pages of criteria sets: the list, one set with its tree, the draft editor, and JSON export and import. */
@Controller
class CriteriaSetController {

    /** A JSON criteria set is small; anything larger is not one. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final CriteriaService criteria;

    CriteriaSetController(CriteriaService criteria) {
        this.criteria = criteria;
    }

    @GetMapping("/criteria-sets")
    String list(Model model) {
        model.addAttribute("sets", criteria.all());
        return "criteria/list";
    }

    @GetMapping("/criteria-sets/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("set", criteria.get(id));
        return "criteria/detail";
    }

    @GetMapping("/criteria-sets/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireProvinceAdministrator();
        CriteriaSet set = criteria.get(id);
        return form(model, set, CriteriaSetForm.of(set), List.of());
    }

    @PostMapping("/criteria-sets/{id}")
    String update(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> params,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        CriteriaSet current = criteria.get(id);
        CriteriaSetForm form = CriteriaSetForm.from(params);
        try {
            criteria.revise(id, form.content(current), form.lockVersion(), user);
            redirect.addFlashAttribute("message", "Đã lưu bản nháp.");
            return "redirect:/criteria-sets/" + id;
        } catch (InvalidInputException e) {
            return form(model, current, form, e.problems());
        } catch (ConflictException e) {
            return form(model, current, form, List.of(new FieldProblem("version", e.getMessage())));
        }
    }

    private String form(Model model, CriteriaSet set, CriteriaSetForm form, List<FieldProblem> problems) {
        model.addAttribute("set", set);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "criteria/form";
    }

    @PostMapping("/criteria-sets/{id}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> criteria.publish(id, user),
                "Đã ban hành: các đợt đánh giá từ nay chọn được bộ này.");
    }

    @PostMapping("/criteria-sets/{id}/retire")
    String retire(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(
                id, redirect, () -> criteria.retire(id, user), "Đã thôi áp dụng. Các đợt đã dùng bộ này giữ nguyên.");
    }

    @PostMapping("/criteria-sets/{id}/clone")
    String cloneAsDraft(
            @PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        CriteriaSet draft = criteria.cloneAsDraft(id, user);
        redirect.addFlashAttribute("message", "Đã tạo bản nháp lần " + draft.version() + ". Sửa rồi ban hành.");
        return "redirect:/criteria-sets/" + draft.id() + "/edit";
    }

    private String act(long id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/criteria-sets/" + id;
    }

    @GetMapping("/criteria-sets/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        CriteriaSet set = criteria.get(id);
        String name = "bo-tieu-chi-" + set.title().name().toLowerCase(java.util.Locale.ROOT) + "-"
                + set.level().name().toLowerCase(java.util.Locale.ROOT) + "-lan-" + set.version() + ".json";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(criteria.export(id).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/criteria-sets/import")
    String importForm(@AuthenticationPrincipal SignedInUser user) {
        user.requireProvinceAdministrator();
        return "criteria/import";
    }

    @PostMapping("/criteria-sets/import")
    String importFile(
            @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        user.requireProvinceAdministrator(); // before reading the file
        try {
            CriteriaSet draft = criteria.importFile(read(file), user);
            redirect.addFlashAttribute("message", "Đã nhập thành bản nháp lần " + draft.version() + ".");
            return "redirect:/criteria-sets/" + draft.id();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return "criteria/import";
        }
    }

    static byte[] read(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "Hãy chọn tệp JSON của bộ tiêu chí.");
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new InvalidInputException("file", "Tệp lớn quá 1 MB: không phải một bộ tiêu chí.");
        }
        return file.getBytes();
    }
}
