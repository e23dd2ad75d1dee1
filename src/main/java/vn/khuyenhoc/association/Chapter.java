package vn.khuyenhoc.association;

import java.time.Instant;
import java.time.LocalDate;
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

/** A chapter with exactly one host; its host never changes (a new host means a new chapter). */
@Table("chapters")
class Chapter {

    private @Id @Nullable Long id;
    private ChapterKind kind;
    private String name;
    private final HostType hostType;
    private final @Nullable Long hostVillageId;
    private final @Nullable Long hostOrganizationId;
    private final @Nullable Long hostClanId;
    private final long localityId;
    private @Nullable LocalDate foundedOn;
    private @Nullable String decisionNo;
    private @Nullable LocalDate dissolvedOn;
    private final boolean demo;
    private @Version @Nullable Integer version;
    private Instant updatedAt;

    @PersistenceCreator
    Chapter(
            @Nullable Long id,
            ChapterKind kind,
            String name,
            HostType hostType,
            @Nullable Long hostVillageId,
            @Nullable Long hostOrganizationId,
            @Nullable Long hostClanId,
            long localityId,
            @Nullable LocalDate foundedOn,
            @Nullable String decisionNo,
            @Nullable LocalDate dissolvedOn,
            boolean demo,
            @Nullable Integer version,
            Instant updatedAt) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.hostType = hostType;
        this.hostVillageId = hostVillageId;
        this.hostOrganizationId = hostOrganizationId;
        this.hostClanId = hostClanId;
        this.localityId = localityId;
        this.foundedOn = foundedOn;
        this.decisionNo = decisionNo;
        this.dissolvedOn = dissolvedOn;
        this.demo = demo;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    /** A resolved host: its type, its id, the locality the chapter belongs to and the days the host existed. */
    record Host(HostType type, long id, long localityId, String name, String localityPath, Lifespan lifespan) {}

    /**
     * Checked values ({@link #of} checks a form field by field, the host's days included);
     * {@code dissolvedOn} null leaves the chapter as it is (an edit never revives one), a date dissolves it or
     * corrects that date.
     */
    record Details(
            ChapterKind kind,
            String name,
            @Nullable LocalDate foundedOn,
            @Nullable String decisionNo,
            @Nullable LocalDate dissolvedOn) {

        /**
         * Checks a form field by field: the chapter's days lie within its host's, founded on a day the host existed and
         * dissolved by the day the host closed.
         */
        static Details of(ChapterForm form, Host host) {
            List<FieldProblem> problems = new ArrayList<>();
            Lifespan lifespan = Lifespan.checked(
                    problems,
                    "foundedOn",
                    "Ngày thành lập",
                    form.foundedOn(),
                    "dissolvedOn",
                    "Ngày giải thể",
                    form.dissolvedOn());
            lifespan.requireWithin(problems, "foundedOn", "Ngày thành lập", host.lifespan(), "“" + host.name() + "”");
            if (host.lifespan().end() != null && lifespan.outlives(host.lifespan())) {
                problems.add(new FieldProblem(
                        "dissolvedOn",
                        "“" + host.name() + "” không còn từ ngày "
                                + Lifespan.day(host.lifespan().end())
                                + ": chi hội phải giải thể muộn nhất vào ngày đó."));
            }
            var kind = VietnameseText.choose(ChapterKind.values(), ChapterKind::label, form.kind());
            if (kind.isEmpty()) {
                problems.add(new FieldProblem("kind", "Loại phải là chi hội, ban hoặc tổ khuyến học."));
            }
            String decision = VietnameseText.cleanOrEmpty(form.decisionNo());
            if (decision.length() > 60) {
                problems.add(new FieldProblem("decisionNo", "Số quyết định dài quá 60 ký tự."));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            String name = VietnameseText.cleanOrEmpty(form.name());
            if (name.isEmpty()) {
                name = kind.get().label() + " " + host.name();
            }
            if (name.length() > 200) {
                throw new InvalidInputException("name", "Tên dài quá 200 ký tự.");
            }
            return new Details(
                    kind.get(), name, lifespan.start(), decision.isEmpty() ? null : decision, lifespan.end());
        }
    }

    static Chapter found(Host host, Details details) {
        return new Chapter(
                null,
                details.kind(),
                details.name(),
                host.type(),
                host.type() == HostType.VILLAGE ? host.id() : null,
                host.type() == HostType.ORGANIZATION ? host.id() : null,
                host.type() == HostType.CLAN ? host.id() : null,
                host.localityId(),
                details.foundedOn(),
                details.decisionNo(),
                details.dissolvedOn(),
                false,
                null,
                Instant.now());
    }

    void edit(Details details, int expectedVersion) {
        checkVersion(expectedVersion);
        this.kind = details.kind();
        this.name = details.name();
        this.foundedOn = details.foundedOn();
        this.decisionNo = details.decisionNo();
        if (details.dissolvedOn() != null) {
            this.dissolvedOn = details.dissolvedOn();
        }
        if (foundedOn != null && dissolvedOn != null && dissolvedOn.isBefore(foundedOn)) {
            throw new InvalidInputException(
                    "foundedOn",
                    "Ngày thành lập (" + Lifespan.day(foundedOn) + ") không được sau ngày giải thể ("
                            + Lifespan.day(dissolvedOn) + ").");
        }
        this.updatedAt = Instant.now();
    }

    void dissolve(LocalDate on, int expectedVersion) {
        checkVersion(expectedVersion);
        if (dissolvedOn != null) {
            throw new InvalidInputException("dissolvedOn", "“" + name + "” đã giải thể từ " + dissolvedOn + ".");
        }
        if (on.isAfter(LocalDate.now()) || (foundedOn != null && on.isBefore(foundedOn))) {
            throw new InvalidInputException("dissolvedOn", "Ngày giải thể phải từ ngày thành lập đến hôm nay.");
        }
        this.dissolvedOn = on;
        this.updatedAt = Instant.now();
    }

    Lifespan lifespan() {
        return new Lifespan(foundedOn, dissolvedOn);
    }

    /** A year's movement status may be recorded while the chapter existed in that year. */
    void requireExistedIn(int year) {
        if (foundedOn != null && foundedOn.getYear() > year) {
            throw new InvalidInputException(
                    "year", "“" + name + "” thành lập năm " + foundedOn.getYear() + ", sau năm " + year + ".");
        }
        if (dissolvedOn != null && dissolvedOn.getYear() < year) {
            throw new InvalidInputException("year", "“" + name + "” đã giải thể năm " + dissolvedOn.getYear() + ".");
        }
    }

    private void checkVersion(int expected) {
        if (version == null || version != expected) {
            throw new ConflictException(
                    "“" + name + "” vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới rồi sửa lại.");
        }
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    Snapshot snapshot() {
        return new Snapshot(
                kind,
                name,
                hostType,
                hostVillageId,
                hostOrganizationId,
                hostClanId,
                foundedOn,
                decisionNo,
                dissolvedOn);
    }

    record Snapshot(
            ChapterKind kind,
            String name,
            HostType hostType,
            @Nullable Long hostVillageId,
            @Nullable Long hostOrganizationId,
            @Nullable Long hostClanId,
            @Nullable LocalDate foundedOn,
            @Nullable String decisionNo,
            @Nullable LocalDate dissolvedOn) {}
}
