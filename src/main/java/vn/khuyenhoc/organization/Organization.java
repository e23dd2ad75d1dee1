package vn.khuyenhoc.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.Lifespan;
import vn.khuyenhoc.shared.VietnameseText;

/** An organization on a commune's territory; it is closed, never deleted, so that past results keep their subject. */
@Table("organizations")
class Organization {

    private @Id @Nullable Long id;
    private String name;
    private OrganizationKind kind;
    private @Nullable SchoolLevel schoolLevel;
    private ManagingLevel managingLevel;
    private long localityId;
    private @Nullable LocalDate openedOn;
    private @Nullable LocalDate closedOn;
    private final boolean demo;
    private @Version @Nullable Integer version;
    private Instant updatedAt;

    @PersistenceCreator
    Organization(
            @Nullable Long id,
            String name,
            OrganizationKind kind,
            @Nullable SchoolLevel schoolLevel,
            ManagingLevel managingLevel,
            long localityId,
            @Nullable LocalDate openedOn,
            @Nullable LocalDate closedOn,
            boolean demo,
            @Nullable Integer version,
            Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.schoolLevel = schoolLevel;
        this.managingLevel = managingLevel;
        this.localityId = localityId;
        this.openedOn = openedOn;
        this.closedOn = closedOn;
        this.demo = demo;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    /**
     * The checked values of a form ({@link #of} checks a form field by field); {@code closedOn}
     * null leaves an organization as it is (an edit never reopens one), a date closes it or corrects that date.
     */
    record Details(
            String name,
            OrganizationKind kind,
            @Nullable SchoolLevel schoolLevel,
            ManagingLevel managingLevel,
            long localityId,
            @Nullable LocalDate since,
            @Nullable LocalDate closedOn) {

        Details {
            if (kind == OrganizationKind.SCHOOL && schoolLevel == null) {
                throw new InvalidInputException("schoolLevel", "Trường học phải có cấp học.");
            }
            if (kind != OrganizationKind.SCHOOL) {
                schoolLevel = null;
            }
        }

        /** Checks a form field by field and collects every problem before failing. */
        static Details of(OrganizationForm form, LocalityView locality) {
            List<FieldProblem> problems = new ArrayList<>();
            String name = VietnameseText.cleanOrEmpty(form.name());
            if (name.isEmpty()) {
                problems.add(new FieldProblem("name", "Tên không được để trống."));
            } else if (name.length() > 200) {
                problems.add(new FieldProblem("name", "Tên dài quá 200 ký tự."));
            }
            var kind = VietnameseText.choose(OrganizationKind.values(), OrganizationKind::label, form.kind());
            if (kind.isEmpty()) {
                problems.add(new FieldProblem("kind", "Loại “" + nullToEmpty(form.kind()) + "” không hợp lệ."));
            }
            var schoolLevel = VietnameseText.choose(SchoolLevel.values(), SchoolLevel::label, form.schoolLevel());
            var managingLevel = VietnameseText.choose(
                            ManagingLevel.values(), ManagingLevel::label, form.managingLevel())
                    .or(() -> blank(form.managingLevel()) ? Optional.of(ManagingLevel.COMMUNE) : Optional.empty());
            if (managingLevel.isEmpty()) {
                problems.add(new FieldProblem("managingLevel", "Cấp quản lý phải là tỉnh hoặc xã."));
            }
            Lifespan lifespan = Lifespan.checked(
                    problems,
                    "since",
                    "Ngày thành lập",
                    form.since(),
                    "closedOn",
                    "Ngày ngừng hoạt động",
                    form.closedOn());
            lifespan.requireWithin(
                    problems, "since", "Ngày thành lập", locality.lifespan(), "“" + locality.name() + "”");
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Details(
                    name,
                    kind.get(),
                    schoolLevel.orElse(null),
                    managingLevel.get(),
                    locality.id(),
                    lifespan.start(),
                    lifespan.end());
        }

        private static boolean blank(@Nullable String text) {
            return text == null || text.isBlank();
        }

        private static String nullToEmpty(@Nullable String text) {
            return text == null ? "" : text;
        }
    }

    static Organization open(Details details) {
        Organization organization = new Organization(
                null, "", details.kind(), null, details.managingLevel(), 0, null, null, false, null, Instant.now());
        organization.apply(details);
        return organization;
    }

    void edit(Details details, int expectedVersion) {
        checkVersion(expectedVersion);
        apply(details);
    }

    private void apply(Details details) {
        this.name = details.name();
        this.kind = details.kind();
        this.schoolLevel = details.schoolLevel();
        this.managingLevel = details.managingLevel();
        this.localityId = details.localityId();
        this.openedOn = details.since();
        if (details.closedOn() != null) {
            this.closedOn = details.closedOn();
        }
        if (openedOn != null && closedOn != null && closedOn.isBefore(openedOn)) {
            throw new InvalidInputException(
                    "since",
                    "Ngày thành lập (" + Lifespan.day(openedOn) + ") không được sau ngày ngừng hoạt động ("
                            + Lifespan.day(closedOn) + ").");
        }
        this.updatedAt = Instant.now();
    }

    void close(LocalDate on, int expectedVersion) {
        checkVersion(expectedVersion);
        if (closedOn != null) {
            throw new InvalidInputException("closedOn", "“" + name + "” đã ngừng hoạt động từ " + closedOn + ".");
        }
        if (on.isAfter(LocalDate.now()) || (openedOn != null && on.isBefore(openedOn))) {
            throw new InvalidInputException("closedOn", "Ngày ngừng hoạt động phải từ ngày thành lập đến hôm nay.");
        }
        this.closedOn = on;
        this.updatedAt = Instant.now();
    }

    private void checkVersion(int expected) {
        if (version == null || version != expected) {
            throw new ConflictException(
                    "“" + name + "” vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới rồi sửa lại.");
        }
    }

    Lifespan lifespan() {
        return new Lifespan(openedOn, closedOn);
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    Snapshot snapshot() {
        return new Snapshot(name, kind, schoolLevel, managingLevel, localityId, openedOn, closedOn);
    }

    record Snapshot(
            String name,
            OrganizationKind kind,
            @Nullable SchoolLevel schoolLevel,
            ManagingLevel managingLevel,
            long localityId,
            @Nullable LocalDate openedOn,
            @Nullable LocalDate closedOn) {}
}
