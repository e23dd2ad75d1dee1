package vn.khuyenhoc.association;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** Whether a chapter ran the lifelong-learning movement in a year, as recorded. */
public record Movement(
        int year,
        boolean runsMovement,
        @Nullable String note,
        @Nullable String evidenceName,
        String updatedBy,
        OffsetDateTime updatedAt) {}
