package vn.khuyenhoc.system;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TaskSource;

@Controller
class HomeController {

    private final LocalityService localities;
    private final java.util.List<TaskSource> tasks;

    HomeController(LocalityService localities, java.util.List<TaskSource> tasks) {
        this.localities = localities;
        this.tasks = tasks;
    }

    /** What is due for the user in their scope, each with its count and a link to where it is done; then the search. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("scope", localities.get(user.scopeCode(), user));
        model.addAttribute("tasks", TaskApiController.of(tasks, user));
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
