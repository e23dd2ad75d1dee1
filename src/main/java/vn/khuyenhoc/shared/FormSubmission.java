package vn.khuyenhoc.shared;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;

/**
 * How a registry page answers a posted form, in one place: success redirects (post/redirect/get); invalid input shows
 * the form again with a message by each field; a stale version shows it with the conflict on {@code version}.
 */
public final class FormSubmission {

    private FormSubmission() {}

    /** Runs {@code save} (which answers the redirect) or shows the form with the problems found. */
    public static String submit(Supplier<String> save, Function<List<FieldProblem>, String> form) {
        try {
            return save.get();
        } catch (InvalidInputException e) {
            return form.apply(e.problems());
        } catch (ConflictException e) {
            return form.apply(List.of(new FieldProblem("version", e.getMessage())));
        }
    }

    /**
     * Runs an action posted from a detail page (close, dissolve, leave) and flashes its outcome: {@code message} when
     * done, {@code problem} with the reason when refused; the caller redirects back to the detail page.
     */
    public static void act(Runnable action, String done, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
    }
}
