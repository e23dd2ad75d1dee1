package vn.khuyenhoc.association.policystudy;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A session as the form and the API send it: organised by a chapter ({@code chapterId}) or by the association of a
 * commune or the province ({@code localityCode}); {@code documents} by code or number.
 */
record PolicyStudyForm(
        @Nullable String localityCode,
        @Nullable Long chapterId,
        @Nullable LocalDate date,
        @Nullable String title,
        @Nullable List<String> documents,
        @Nullable Integer version) {}
