package vn.khuyenhoc.shared;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Something waiting for the signed-in user, as the home page and {@code /api/v1/tasks} show it: what ({@code kind},
 * {@code label}), how many, by when ({@code dueOn}, the nearest deadline; {@code overdue} when some of it is past its
 * deadline), and the filtered list where it is done ({@code href}).
 */
public record Task(
        String kind, String label, long count, @Nullable LocalDate dueOn, boolean overdue, String href) {}
