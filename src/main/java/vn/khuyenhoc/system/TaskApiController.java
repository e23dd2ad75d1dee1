package vn.khuyenhoc.system;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.Task;
import vn.khuyenhoc.shared.TaskSource;

/** The signed-in user's to-do list, as the home page shows it. */
@RestController
class TaskApiController {

    private final List<TaskSource> sources;

    TaskApiController(List<TaskSource> sources) {
        this.sources = sources;
    }

    @GetMapping("/api/v1/tasks")
    List<Task> tasks(@AuthenticationPrincipal SignedInUser user) {
        return of(sources, user);
    }

    /** Every module's tasks for the user, in the modules' order. */
    static List<Task> of(List<TaskSource> sources, SignedInUser user) {
        LocalDate today = LocalDate.now();
        return sources.stream().flatMap(s -> s.tasks(user, today).stream()).toList();
    }
}
