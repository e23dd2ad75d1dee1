package vn.khuyenhoc.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

@Controller
class AccountController {

    private final AccountService accounts;
    private final LocalityService localities;
    private final SecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

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

    /** No role nor scope chosen beforehand: the form must not offer a pair that does not fit (a clerk at the province). */
    @GetMapping("/accounts/new")
    String newAccount(@AuthenticationPrincipal SignedInUser admin, Model model) {
        fillForm(admin, model, AccountService.AccountForm.of("", "", "", "", ""), null);
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
        var form = AccountService.AccountForm.of(username, fullName, role, scopeCode, password);
        try {
            AccountRow created = accounts.create(form, admin);
            redirect.addFlashAttribute(
                    "message", "Đã tạo tài khoản " + created.username() + " (" + created.scopeName() + ").");
            return "redirect:/accounts";
        } catch (InvalidInputException e) {
            fillForm(admin, model, AccountService.AccountForm.of(username, fullName, role, scopeCode, ""), null);
            model.addAttribute("problems", e.problems());
            return "account/form";
        }
    }

    @GetMapping("/accounts/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal SignedInUser admin, Model model) {
        AccountRow row = accounts.get(id, admin);
        fillForm(
                admin,
                model,
                new AccountService.AccountForm(
                        row.username(),
                        row.fullName(),
                        row.role().name(),
                        List.of(row.scopeCode()),
                        row.enabled(),
                        null,
                        row.version()),
                row);
        return "account/form";
    }

    @PostMapping("/accounts/{id}")
    String update(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String scopeCode,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser admin,
            Model model,
            RedirectAttributes redirect) {
        AccountRow row = accounts.get(id, admin);
        var form = new AccountService.AccountForm(
                row.username(),
                fullName,
                role,
                scopeCode.isBlank() ? List.of() : List.of(scopeCode),
                enabled,
                null,
                version);
        try {
            AccountRow saved = accounts.update(id, form, admin);
            redirect.addFlashAttribute(
                    "message",
                    "Đã lưu tài khoản " + saved.username() + " (" + saved.role().label() + ", " + saved.scopeName()
                            + ").");
            return "redirect:/accounts";
        } catch (InvalidInputException | ConflictException e) {
            fillForm(admin, model, form, row);
            model.addAttribute(
                    "problems",
                    e instanceof InvalidInputException invalid
                            ? invalid.problems()
                            : List.of(new InvalidInputException.FieldProblem("version", e.getMessage())));
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

    @PostMapping("/accounts/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String password,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser admin,
            RedirectAttributes redirect) {
        try {
            String username = accounts.resetPassword(id, password, version, admin);
            redirect.addFlashAttribute(
                    "message",
                    "Đã đặt mật khẩu tạm cho " + username
                            + ": các phiên đang mở của tài khoản đã kết thúc, lần đăng nhập tới phải đổi mật khẩu.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{id}/assignment")
    String assign(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String scopeCode,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser admin,
            RedirectAttributes redirect) {
        try {
            accounts.assign(id, role, scopeCode, version, admin);
            redirect.addFlashAttribute(
                    "message", "Đã đổi vai trò, phạm vi: các phiên đang mở của tài khoản đã kết thúc.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/accounts";
    }

    @GetMapping("/account/password")
    String passwordForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("required", accounts.passwordChangeRequired(user));
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String next,
            @RequestParam(defaultValue = "") String confirm,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (!next.equals(confirm)) {
                throw new InvalidInputException("confirm", "Hai lần nhập mật khẩu mới không khớp.");
            }
            HttpSession session = request.getSession(false);
            accounts.changeOwnPassword(user, current, next, session == null ? null : session.getId());
            keepSignedIn(request, response);
            redirect.addFlashAttribute("message", "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.");
            return "redirect:/";
        } catch (InvalidInputException e) {
            model.addAttribute("required", accounts.passwordChangeRequired(user));
            model.addAttribute("problems", e.problems());
            return "account/password";
        }
    }

    /**
     * The session the password was changed from goes on: it takes the account's new session generation, under a new
     * session id.
     */
    private void keepSignedIn(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || request.getSession(false) == null) {
            return;
        }
        SignedInUser fresh = accounts.loadUserByUsername(current.getName());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        sessionContexts.saveContext(context, request, response);
    }

    private void fillForm(
            SignedInUser admin, Model model, AccountService.AccountForm form, @Nullable AccountRow editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "scopeRules",
                java.util.Arrays.stream(Role.values())
                        .map(r -> r.label() + ": " + Account.scopeRule(r))
                        .toList());
        model.addAttribute("myScope", localities.get(admin.scopeCode(), admin));
    }
}
