package vn.khuyenhoc.system;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
