package vn.khuyenhoc.account;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.SignedInUser;

/** The page where a signed-in user makes, lists and revokes their personal access tokens. */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("tokens", tokens.mine(user));
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
        model.addAttribute("defaultDays", ApiTokens.DEFAULT_DAYS);
        return "account/tokens";
    }

    /** The new token is shown on the answer itself, not through a redirect: it must not sit in a session. */
    @PostMapping("/account/tokens")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable String expiresInDays,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        try {
            Integer days = expiresInDays == null || expiresInDays.isBlank()
                    ? null
                    : expiresInDays.trim().matches("[0-9]{1,4}") ? Integer.valueOf(expiresInDays.trim()) : -1;
            model.addAttribute("issued", tokens.issue(user, name, days));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("name", name);
        }
        return list(user, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        tokens.revoke(user, id);
        redirect.addFlashAttribute("message", "Đã thu hồi mã truy cập: chương trình nào còn dùng nó sẽ bị từ chối.");
        return "redirect:/account/tokens";
    }
}
