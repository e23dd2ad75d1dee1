package vn.khuyenhoc.locality;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Villages of one commune retired on {@code on}, their records going to {@code successorId}: a merge (the successor
 * is the new village), or one village retired handing its records to another. Published inside the transaction that
 * changes the map; each module keeping records on villages handles it in that transaction, moving what was still
 * active on the day to the successor and keeping where each record stood before, or refusing (the whole change is
 * undone) when it cannot decide alone. With no successor (a village retired outright) a module still holding active
 * records there refuses, asking where they go.
 *
 * <p>{@code chapterContinuesFrom} and {@code chapterBranches} are the officer's answer for the case where several of
 * the villages have a chapter: the chapter of that village continues on the successor and the others are dissolved
 * on the day, or, with branches, become its branches (chi hội thành viên).
 */
public record LocalitiesMerged(
        List<Long> retiredIds,
        @Nullable Long successorId,
        LocalDate on,
        @Nullable Long chapterContinuesFrom,
        boolean chapterBranches) {

    public LocalitiesMerged {
        retiredIds = List.copyOf(retiredIds);
    }
}
