package vn.khuyenhoc.account;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

@Controller
class AccountController {

    private final AccountService accounts;
    private final LocalityService localities;

    AccountController(AccountService accounts, LocalityService localities) {
        this.accounts = accounts;
        this.localities = localities;
    }

    @GetMapping("/accounts")
    String list(
            @AuthenticationPrincipal SignedInUser admin,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        model.addAttribute("accounts", accounts.list(admin, PageQuery.of(page, 50)));
        return "account/list";
    }

    @GetMapping("/accounts/new")
    String newAccount(@AuthenticationPrincipal SignedInUser admin, Model model) {
        fillForm(admin, model, new AccountService.NewAccount("", "", Role.COMMUNE_OFFICER.name(), "", ""));
        return "account/form";
    }

    @PostMapping("/accounts")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String scopeCode,
            @RequestParam(defaultValue = "") String password,
            @AuthenticationPrincipal SignedInUser admin,
            Model model,
            RedirectAttributes redirect) {
        var form = new AccountService.NewAccount(username, fullName, role, scopeCode, password);
        try {
            AccountRow created = accounts.create(form, admin);
            redirect.addFlashAttribute(
                    "message", "Đã tạo tài khoản " + created.username() + " (" + created.scopeName() + ").");
            return "redirect:/accounts";
        } catch (InvalidInputException e) {
            fillForm(admin, model, new AccountService.NewAccount(username, fullName, role, scopeCode, ""));
            model.addAttribute("problems", e.problems());
            return "account/form";
        }
    }

    @PostMapping("/accounts/{id}/enabled")
    String setEnabled(
            @PathVariable long id,
            @RequestParam boolean enabled,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser admin,
            RedirectAttributes redirect) {
        try {
            accounts.setEnabled(id, enabled, version, admin);
            redirect.addFlashAttribute("message", enabled ? "Đã mở khóa tài khoản." : "Đã khóa tài khoản.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/accounts";
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String next,
            @RequestParam(defaultValue = "") String confirm,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (!next.equals(confirm)) {
                throw new InvalidInputException("confirm", "Hai lần nhập mật khẩu mới không khớp.");
            }
            accounts.changeOwnPassword(user, current, next);
            redirect.addFlashAttribute("message", "Đã đổi mật khẩu.");
            return "redirect:/";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return "account/password";
        }
    }

    private void fillForm(SignedInUser admin, Model model, AccountService.NewAccount form) {
        LocalityView scope = localities.get(admin.scopeCode(), admin);
        List<LocalityView> choices = new java.util.ArrayList<>();
        choices.add(scope);
        if (!scope.isVillage()) {
            choices.addAll(localities
                    .children(scope.code(), admin, false, new PageQuery(0, PageQuery.MAX_SIZE))
                    .items());
        }
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopes", choices);
    }
}
