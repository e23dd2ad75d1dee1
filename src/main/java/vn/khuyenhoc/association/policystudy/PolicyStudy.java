package vn.khuyenhoc.association.policystudy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * A policy-study session (buổi học tập, quán triệt): who organised it, when, its title and the documents studied.
 * Its attendance is kept beside it, row by row, because a province session can have thousands of attendees.
 */
@Table("policy_studies")
class PolicyStudy {

    private @Id @Nullable Long id;
    private final StudyLevel level;
    private final @Nullable Long chapterId;
    private final long localityId;
    private LocalDate heldOn;
    private String title;

    @MappedCollection(idColumn = "study_id")
    private Set<StudiedDocument> documents;

    private final boolean demo;
    private @Version @Nullable Integer version;
    private Instant updatedAt;

    @PersistenceCreator
    PolicyStudy(
            @Nullable Long id,
            StudyLevel level,
            @Nullable Long chapterId,
            long localityId,
            LocalDate heldOn,
            String title,
            Set<StudiedDocument> documents,
            boolean demo,
            @Nullable Integer version,
            Instant updatedAt) {
        this.id = id;
        this.level = level;
        this.chapterId = chapterId;
        this.localityId = localityId;
        this.heldOn = heldOn;
        this.title = title;
        this.documents = documents;
        this.demo = demo;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    @Table("policy_study_documents")
    record StudiedDocument(String documentCode) {}

    /** Who organised the session: a level, the locality it is held for and, for a chapter, the chapter. */
    record Organiser(StudyLevel level, @Nullable Long chapterId, long localityId, String localityPath, String name) {}

    /** Checked values of a session. */
    record Details(LocalDate heldOn, String title, List<String> documentCodes) {

        static Details of(@Nullable LocalDate heldOn, @Nullable String title, List<String> documentCodes) {
            List<FieldProblem> problems = new ArrayList<>();
            if (heldOn == null) {
                problems.add(new FieldProblem("date", "Hãy nhập ngày học tập, quán triệt."));
            } else if (heldOn.isAfter(LocalDate.now())) {
                problems.add(
                        new FieldProblem("date", "Ngày học tập không được sau hôm nay: ghi buổi học sau khi đã học."));
            } else if (heldOn.getYear() < ProgrammeYear.FIRST) {
                problems.add(new FieldProblem("date", "Chỉ ghi các buổi học từ năm " + ProgrammeYear.FIRST + "."));
            }
            String cleanTitle = VietnameseText.cleanOrEmpty(title);
            if (cleanTitle.isEmpty()) {
                problems.add(new FieldProblem("title", "Hãy nhập tên buổi học tập, quán triệt."));
            } else if (cleanTitle.length() > 300) {
                problems.add(new FieldProblem("title", "Tên buổi học dài quá 300 ký tự."));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Details(heldOn, cleanTitle, documentCodes);
        }
    }

    static PolicyStudy hold(Organiser organiser, Details details) {
        PolicyStudy study = new PolicyStudy(
                null,
                organiser.level(),
                organiser.chapterId(),
                organiser.localityId(),
                details.heldOn(),
                details.title(),
                Set.of(),
                false,
                null,
                Instant.now());
        study.apply(details);
        return study;
    }

    /**
     * Changes date, title or documents. A new date must not leave recorded attendees outside their membership:
     * {@code attendeesAbsentOn} names those who would not have been members on that day.
     */
    void edit(Details details, int expectedVersion, List<String> attendeesAbsentOn) {
        if (version == null || version != expectedVersion) {
            throw new ConflictException("Buổi học “" + title
                    + "” vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới rồi sửa lại.");
        }
        if (!attendeesAbsentOn.isEmpty()) {
            throw new InvalidInputException(
                    "date",
                    "Không đổi được ngày: " + String.join(", ", attendeesAbsentOn)
                            + " đã dự buổi học nhưng không là hội viên vào ngày mới.");
        }
        apply(details);
    }

    private void apply(Details details) {
        this.heldOn = details.heldOn();
        this.title = details.title();
        this.documents =
                details.documentCodes().stream().map(StudiedDocument::new).collect(Collectors.toSet());
        this.updatedAt = Instant.now();
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    Snapshot snapshot() {
        return new Snapshot(
                level,
                chapterId,
                heldOn,
                title,
                documents.stream().map(StudiedDocument::documentCode).sorted().toList());
    }

    record Snapshot(
            StudyLevel level, @Nullable Long chapterId, LocalDate heldOn, String title, List<String> documents) {}
}
