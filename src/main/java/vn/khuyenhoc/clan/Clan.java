package vn.khuyenhoc.clan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/** A clan, hometown association or religious establishment, seated in a locality; closed, never deleted. */
@Table("clans")
class Clan {

    private @Id @Nullable Long id;
    private String name;
    private ClanKind kind;
    private @Nullable String religion;
    private @Nullable Integer householdsApprox;
    private long localityId;
    private @Nullable LocalDate since;
    private @Nullable LocalDate closedOn;
    private final boolean demo;
    private @Version @Nullable Integer version;
    private Instant updatedAt;

    @PersistenceCreator
    Clan(
            @Nullable Long id,
            String name,
            ClanKind kind,
            @Nullable String religion,
            @Nullable Integer householdsApprox,
            long localityId,
            @Nullable LocalDate since,
            @Nullable LocalDate closedOn,
            boolean demo,
            @Nullable Integer version,
            Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.religion = religion;
        this.householdsApprox = householdsApprox;
        this.localityId = localityId;
        this.since = since;
        this.closedOn = closedOn;
        this.demo = demo;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    /**
     * Checked values ({@link #of} checks a form field by field): only a religious establishment has a
     * religion; {@code closedOn} null leaves the clan as it is (an edit never reopens one), a date closes it or
     * corrects that date.
     */
    record Details(
            String name,
            ClanKind kind,
            @Nullable String religion,
            @Nullable Integer householdsApprox,
            long localityId,
            @Nullable LocalDate since,
            @Nullable LocalDate closedOn) {

        Details {
            if (kind != ClanKind.RELIGIOUS_ESTABLISHMENT) {
                religion = null;
            }
            if (householdsApprox != null && (householdsApprox < 0 || householdsApprox > 100_000)) {
                throw new InvalidInputException("householdsApprox", "Số hộ phải từ 0 đến 100000.");
            }
        }

        /** Checks a form field by field and collects every problem before failing. */
        static Details of(ClanForm form, LocalityView locality) {
            List<FieldProblem> problems = new ArrayList<>();
            String name = VietnameseText.cleanOrEmpty(form.name());
            if (name.isEmpty()) {
                problems.add(new FieldProblem("name", "Tên không được để trống."));
            } else if (name.length() > 200) {
                problems.add(new FieldProblem("name", "Tên dài quá 200 ký tự."));
            }
            var kind = VietnameseText.choose(ClanKind.values(), ClanKind::label, form.kind());
            if (kind.isEmpty()) {
                problems.add(new FieldProblem(
                        "kind",
                        "Loại “" + (form.kind() == null ? "" : form.kind())
                                + "” không hợp lệ: dòng họ, hội đồng hương hoặc cơ sở tôn giáo."));
            }
            String religion = VietnameseText.clean(form.religion());
            if (religion != null && religion.length() > 100) {
                problems.add(new FieldProblem("religion", "Tên tôn giáo dài quá 100 ký tự."));
            }
            Lifespan lifespan = Lifespan.checked(
                    problems,
                    "since",
                    "Ngày bắt đầu",
                    form.since(),
                    "closedOn",
                    "Ngày ngừng hoạt động",
                    form.closedOn());
            lifespan.requireWithin(problems, "since", "Ngày bắt đầu", locality.lifespan(), "“" + locality.name() + "”");
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Details(
                    name,
                    kind.get(),
                    religion == null || religion.isEmpty() ? null : religion,
                    form.householdsApprox(),
                    locality.id(),
                    lifespan.start(),
                    lifespan.end());
        }
    }

    static Clan open(Details details) {
        Clan clan = new Clan(null, "", details.kind(), null, null, 0, null, null, false, null, Instant.now());
        clan.apply(details);
        return clan;
    }

    void edit(Details details, int expectedVersion) {
        checkVersion(expectedVersion);
        apply(details);
    }

    private void apply(Details details) {
        this.name = details.name();
        this.kind = details.kind();
        this.religion = details.religion();
        this.householdsApprox = details.householdsApprox();
        this.localityId = details.localityId();
        this.since = details.since();
        if (details.closedOn() != null) {
            this.closedOn = details.closedOn();
        }
        if (since != null && closedOn != null && closedOn.isBefore(since)) {
            throw new InvalidInputException(
                    "since",
                    "Ngày bắt đầu (" + Lifespan.day(since) + ") không được sau ngày ngừng hoạt động ("
                            + Lifespan.day(closedOn) + ").");
        }
        this.updatedAt = Instant.now();
    }

    void close(LocalDate on, int expectedVersion) {
        checkVersion(expectedVersion);
        if (closedOn != null) {
            throw new InvalidInputException("closedOn", "“" + name + "” đã ngừng hoạt động từ " + closedOn + ".");
        }
        if (on.isAfter(LocalDate.now()) || (since != null && on.isBefore(since))) {
            throw new InvalidInputException("closedOn", "Ngày ngừng hoạt động phải từ ngày bắt đầu đến hôm nay.");
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
        return new Lifespan(since, closedOn);
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    Snapshot snapshot() {
        return new Snapshot(name, kind, religion, householdsApprox, localityId, since, closedOn);
    }

    record Snapshot(
            String name,
            ClanKind kind,
            @Nullable String religion,
            @Nullable Integer householdsApprox,
            long localityId,
            @Nullable LocalDate since,
            @Nullable LocalDate closedOn) {}
}
