package vn.khuyenhoc.association.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.Lifespan;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * One membership of a person in a chapter. The citizen ID is kept only as a keyed hash and its last four digits, so
 * that the same person in two chapters is counted once and nobody can read the ID back.
 */
@Table("members")
class Member {

    /** Members are adults: the association's charter admits from 18; the youngest allowed here is 15. */
    static final int MIN_AGE = 15;

    static final int MAX_AGE = 110;

    private @Id @Nullable Long id;
    private final long chapterId;
    private String fullName;
    private Gender gender;
    private int birthYear;
    private @Nullable String ethnicity;
    private MemberRole role;
    private @Nullable String position;
    private @Nullable LocalDate joinedOn;
    private @Nullable LocalDate leftOn;
    private @Nullable String citizenKey;
    private @Nullable String citizenLast4;
    private final long localityId;
    private final boolean demo;
    private @Version @Nullable Integer version;
    private Instant updatedAt;

    @PersistenceCreator
    Member(
            @Nullable Long id,
            long chapterId,
            String fullName,
            Gender gender,
            int birthYear,
            @Nullable String ethnicity,
            MemberRole role,
            @Nullable String position,
            @Nullable LocalDate joinedOn,
            @Nullable LocalDate leftOn,
            @Nullable String citizenKey,
            @Nullable String citizenLast4,
            long localityId,
            boolean demo,
            @Nullable Integer version,
            Instant updatedAt) {
        this.id = id;
        this.chapterId = chapterId;
        this.fullName = fullName;
        this.gender = gender;
        this.birthYear = birthYear;
        this.ethnicity = ethnicity;
        this.role = role;
        this.position = position;
        this.joinedOn = joinedOn;
        this.leftOn = leftOn;
        this.citizenKey = citizenKey;
        this.citizenLast4 = citizenLast4;
        this.localityId = localityId;
        this.demo = demo;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    /** A citizen ID as kept: the keyed hash and the last four digits. */
    record CitizenId(String key, String last4) {}

    /**
     * Checked member values; every rule of a membership's fields lives here. {@code leftOn} null leaves the
     * membership as it is (an edit never brings a member back), a date records the departure or corrects it.
     */
    record Details(
            String fullName,
            Gender gender,
            int birthYear,
            @Nullable String ethnicity,
            MemberRole role,
            @Nullable String position,
            @Nullable LocalDate joinedOn,
            @Nullable LocalDate leftOn) {

        /**
         * Checks raw values field by field, collecting every problem before failing; the membership begins within its
         * chapter's days ({@code chapter}, named {@code chapterName}).
         */
        static Details of(
                @Nullable String fullName,
                @Nullable String gender,
                @Nullable Integer birthYear,
                @Nullable String ethnicity,
                @Nullable String role,
                @Nullable String position,
                @Nullable LocalDate joinedOn,
                @Nullable LocalDate leftOn,
                Lifespan chapter,
                String chapterName) {
            List<FieldProblem> problems = new ArrayList<>();
            Lifespan lifespan =
                    Lifespan.checked(problems, "joinedOn", "Ngày vào hội", joinedOn, "leftOn", "Ngày rời hội", leftOn);
            lifespan.requireWithin(problems, "joinedOn", "Ngày vào hội", chapter, "“" + chapterName + "”");
            String name = VietnameseText.cleanOrEmpty(fullName);
            if (name.isEmpty()) {
                problems.add(new FieldProblem("fullName", "Họ tên không được để trống."));
            } else if (name.length() > 120) {
                problems.add(new FieldProblem("fullName", "Họ tên dài quá 120 ký tự."));
            }
            var chosenGender = VietnameseText.choose(Gender.values(), Gender::label, gender);
            if (chosenGender.isEmpty()) {
                problems.add(new FieldProblem("gender", "Giới tính phải là Nam (MALE) hoặc Nữ (FEMALE)."));
            }
            int thisYear = Year.now().getValue();
            if (birthYear == null) {
                problems.add(new FieldProblem("birthYear", "Năm sinh không được để trống."));
            } else if (birthYear < thisYear - MAX_AGE || birthYear > thisYear - MIN_AGE) {
                problems.add(new FieldProblem(
                        "birthYear",
                        "Năm sinh phải từ " + (thisYear - MAX_AGE) + " đến " + (thisYear - MIN_AGE) + "."));
            }
            String cleanEthnicity = VietnameseText.cleanOrEmpty(ethnicity);
            if (cleanEthnicity.length() > 60) {
                problems.add(new FieldProblem("ethnicity", "Dân tộc dài quá 60 ký tự."));
            }
            var chosenRole = VietnameseText.choose(MemberRole.values(), MemberRole::label, role);
            String cleanPosition = VietnameseText.cleanOrEmpty(position);
            if (chosenRole.isEmpty()) {
                problems.add(new FieldProblem("role", "Vai trò phải là Hội viên (MEMBER) hoặc Cán bộ hội (OFFICER)."));
            } else if (chosenRole.get() == MemberRole.OFFICER && cleanPosition.isEmpty()) {
                problems.add(new FieldProblem("position", "Cán bộ hội cần ghi chức vụ (vd: Chi hội trưởng)."));
            }
            if (cleanPosition.length() > 100) {
                problems.add(new FieldProblem("position", "Chức vụ dài quá 100 ký tự."));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            MemberRole chosen = chosenRole.get();
            return new Details(
                    name,
                    chosenGender.get(),
                    birthYear,
                    cleanEthnicity.isEmpty() ? null : cleanEthnicity,
                    chosen,
                    chosen == MemberRole.OFFICER ? cleanPosition : null,
                    joinedOn,
                    leftOn);
        }
    }

    static Member join(long chapterId, long localityId, Details details, @Nullable CitizenId citizenId) {
        Member member = new Member(
                null,
                chapterId,
                "",
                Gender.MALE,
                0,
                null,
                MemberRole.MEMBER,
                null,
                null,
                null,
                null,
                null,
                localityId,
                false,
                null,
                Instant.now());
        member.apply(details, citizenId);
        return member;
    }

    void edit(Details details, @Nullable CitizenId citizenId, int expectedVersion) {
        checkVersion(expectedVersion);
        apply(details, citizenId);
    }

    /** Leaves the chapter; the membership is kept for the history and the indicators of earlier years. */
    void leave(LocalDate on, int expectedVersion) {
        checkVersion(expectedVersion);
        if (leftOn != null) {
            throw new InvalidInputException("leftOn", "“" + fullName + "” đã rời hội từ " + leftOn + ".");
        }
        if (on.isAfter(LocalDate.now()) || (joinedOn != null && on.isBefore(joinedOn))) {
            throw new InvalidInputException("leftOn", "Ngày rời hội phải từ ngày vào hội đến hôm nay.");
        }
        this.leftOn = on;
        this.updatedAt = Instant.now();
    }

    private void apply(Details details, @Nullable CitizenId citizenId) {
        this.fullName = details.fullName();
        this.gender = details.gender();
        this.birthYear = details.birthYear();
        this.ethnicity = details.ethnicity();
        this.role = details.role();
        this.position = details.position();
        this.joinedOn = details.joinedOn();
        if (details.leftOn() != null) {
            this.leftOn = details.leftOn();
        }
        if (joinedOn != null && leftOn != null && leftOn.isBefore(joinedOn)) {
            throw new InvalidInputException(
                    "joinedOn",
                    "Ngày vào hội (" + Lifespan.day(joinedOn) + ") phải trước ngày rời hội (" + Lifespan.day(leftOn)
                            + ").");
        }
        if (citizenId != null) {
            this.citizenKey = citizenId.key();
            this.citizenLast4 = citizenId.last4();
        }
        this.updatedAt = Instant.now();
    }

    private void checkVersion(int expected) {
        if (version == null || version != expected) {
            throw new ConflictException("Hồ sơ “" + fullName
                    + "” vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới rồi sửa lại.");
        }
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    /** What the audit trail keeps: never the citizen ID, only whether one is recorded and its last digits. */
    Snapshot snapshot() {
        return new Snapshot(
                chapterId, fullName, gender, birthYear, ethnicity, role, position, joinedOn, leftOn, citizenLast4);
    }

    record Snapshot(
            long chapterId,
            String fullName,
            Gender gender,
            int birthYear,
            @Nullable String ethnicity,
            MemberRole role,
            @Nullable String position,
            @Nullable LocalDate joinedOn,
            @Nullable LocalDate leftOn,
            @Nullable String citizenLast4) {}
}
