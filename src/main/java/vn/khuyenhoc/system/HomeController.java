package vn.khuyenhoc.system;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.shared.SignedInUser;

@Controller
class HomeController {

    private final LocalityService localities;

    HomeController(LocalityService localities) {
        this.localities = localities;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("scope", localities.get(user.scopeCode(), user));
        model.addAttribute("counts", localities.countByLevel(user));
        return "home";
    }

    /** {@code ?locked=N}: the sign-in failed because the name is locked for N more minutes. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String locked, Model model) {
        if (locked != null) {
            model.addAttribute("lockedMinutes", locked.matches("[0-9]{1,3}") ? Integer.parseInt(locked) : 15);
        }
        return "login";
    }
}
