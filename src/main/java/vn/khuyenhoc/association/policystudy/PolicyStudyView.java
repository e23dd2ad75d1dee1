package vn.khuyenhoc.association.policystudy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A session as lists, pages and the API show it: organiser, date, title, documents and how many attended. */
public record PolicyStudyView(
        long id,
        StudyLevel level,
        @Nullable Long chapterId,
        @Nullable String chapterName,
        String localityCode,
        String localityName,
        LocalDate date,
        String title,
        List<String> documents,
        long attendees,
        @JsonIgnore String localityPath,
        int version) {

    /** The organiser as a person reads it: the chapter's name, or the association of the commune or province. */
    public String organiser() {
        return chapterName != null ? chapterName : "Hội Khuyến học " + localityName;
    }
}
