package vn.khuyenhoc.shared;

import java.time.LocalDate;
import java.util.List;

/**
 * A module's share of the to-do home: the work waiting for the user in their scope, counted in SQL, only the kinds
 * with something to do. Implemented by the modules that own the work (evaluation, association); the home page in
 * {@code system} lists them without depending on those modules.
 */
public interface TaskSource {

    List<Task> tasks(SignedInUser user, LocalDate today);
}
