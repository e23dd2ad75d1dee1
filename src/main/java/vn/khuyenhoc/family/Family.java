package vn.khuyenhoc.family;

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

/** A household: the head's name, an address line, the counts the criteria use, and an optional phone. */
@Table("families")
class Family {

    static final int MAX_COUNT = 50;

    private @Id @Nullable Long id;
    private String headName;
    private @Nullable String address;
    private int members;
    private int adults;
    private int schoolAgeChildren;
    private @Nullable String phone;
    private long localityId;
    private @Nullable LocalDate since;
    private @Nullable LocalDate closedOn;
    private final boolean demo;
    private @Version @Nullable Integer version;
    private Instant updatedAt;

    @PersistenceCreator
    Family(
            @Nullable Long id,
            String headName,
            @Nullable String address,
            int members,
            int adults,
            int schoolAgeChildren,
            @Nullable String phone,
            long localityId,
            @Nullable LocalDate since,
            @Nullable LocalDate closedOn,
            boolean demo,
            @Nullable Integer version,
            Instant updatedAt) {
        this.id = id;
        this.headName = headName;
        this.address = address;
        this.members = members;
        this.adults = adults;
        this.schoolAgeChildren = schoolAgeChildren;
        this.phone = phone;
        this.localityId = localityId;
        this.since = since;
        this.closedOn = closedOn;
        this.demo = demo;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    /**
     * Checked household values; every rule of a household's fields lives here. {@code closedOn} null leaves a
     * household as it is (an edit never reopens one), a date closes it or corrects that date.
     */
    record Details(
            String headName,
            @Nullable String address,
            int members,
            int adults,
            int schoolAgeChildren,
            @Nullable String phone,
            long villageId,
            @Nullable LocalDate since,
            @Nullable LocalDate closedOn) {

        /**
         * Checks raw values field by field, collecting every problem before failing; the household's days must lie
         * within its village's ({@code village}, named {@code villageName}).
         */
        static Details of(
                @Nullable String headName,
                @Nullable String address,
                @Nullable Integer members,
                @Nullable Integer adults,
                @Nullable Integer schoolAgeChildren,
                @Nullable String phone,
                long villageId,
                @Nullable LocalDate since,
                @Nullable LocalDate closedOn,
                Lifespan village,
                String villageName) {
            List<FieldProblem> problems = new ArrayList<>();
            Lifespan lifespan = Lifespan.checked(
                    problems, "since", "Ngày bắt đầu theo dõi", since, "closedOn", "Ngày ngừng theo dõi", closedOn);
            lifespan.requireWithin(problems, "since", "Ngày bắt đầu theo dõi", village, "“" + villageName + "”");
            String name = VietnameseText.cleanOrEmpty(headName);
            if (name.isEmpty()) {
                problems.add(new FieldProblem("headName", "Họ tên chủ hộ không được để trống."));
            } else if (name.length() > 120) {
                problems.add(new FieldProblem("headName", "Họ tên chủ hộ dài quá 120 ký tự."));
            }
            String cleanAddress = VietnameseText.cleanOrEmpty(address);
            if (cleanAddress.length() > 200) {
                problems.add(new FieldProblem("address", "Địa chỉ dài quá 200 ký tự."));
            }
            count(problems, "members", "Số nhân khẩu", members, 1);
            count(problems, "adults", "Số người lớn", adults, 0);
            count(problems, "schoolAgeChildren", "Số trẻ trong độ tuổi đi học", schoolAgeChildren, 0);
            if (problems.isEmpty()
                    && members != null
                    && adults != null
                    && schoolAgeChildren != null
                    && adults + schoolAgeChildren > members) {
                problems.add(new FieldProblem(
                        "members", "Số người lớn cộng số trẻ đi học không được lớn hơn số nhân khẩu."));
            }
            String cleanPhone = VietnameseText.cleanOrEmpty(phone);
            // a spreadsheet keeps 0912345678 typed as a number as 912345678: a mobile number has ten digits from 0
            if (cleanPhone.matches("[35789]\\d{8}")) {
                cleanPhone = "0" + cleanPhone;
            }
            if (!cleanPhone.isEmpty() && !cleanPhone.matches("[0-9+ .()-]{8,20}")) {
                problems.add(new FieldProblem("phone", "Số điện thoại “" + cleanPhone + "” không hợp lệ."));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Details(
                    name,
                    cleanAddress.isEmpty() ? null : cleanAddress,
                    members,
                    adults,
                    schoolAgeChildren,
                    cleanPhone.isEmpty() ? null : cleanPhone,
                    villageId,
                    since,
                    closedOn);
        }

        private static void count(
                List<FieldProblem> problems, String field, String label, @Nullable Integer value, int min) {
            if (value == null) {
                problems.add(new FieldProblem(field, label + " không được để trống."));
            } else if (value < min || value > MAX_COUNT) {
                problems.add(new FieldProblem(field, label + " phải từ " + min + " đến " + MAX_COUNT + "."));
            }
        }
    }

    static Family register(Details details) {
        Family family = new Family(null, "", null, 1, 0, 0, null, 0, null, null, false, null, Instant.now());
        family.apply(details);
        return family;
    }

    void edit(Details details, int expectedVersion) {
        checkVersion(expectedVersion);
        apply(details);
    }

    private void apply(Details details) {
        this.headName = details.headName();
        this.address = details.address();
        this.members = details.members();
        this.adults = details.adults();
        this.schoolAgeChildren = details.schoolAgeChildren();
        this.phone = details.phone();
        this.localityId = details.villageId();
        this.since = details.since();
        if (details.closedOn() != null) {
            this.closedOn = details.closedOn();
        }
        if (since != null && closedOn != null && closedOn.isBefore(since)) {
            throw new InvalidInputException(
                    "since",
                    "Ngày bắt đầu theo dõi (" + Lifespan.day(since) + ") không được sau ngày ngừng theo dõi ("
                            + Lifespan.day(closedOn) + ").");
        }
        this.updatedAt = Instant.now();
    }

    /** The household left the village or dissolved; it stays for past results. */
    void close(LocalDate on, int expectedVersion) {
        checkVersion(expectedVersion);
        if (closedOn != null) {
            throw new InvalidInputException("closedOn", "Hộ này đã ngừng theo dõi từ " + closedOn + ".");
        }
        if (on.isAfter(LocalDate.now()) || (since != null && on.isBefore(since))) {
            throw new InvalidInputException(
                    "closedOn", "Ngày ngừng theo dõi phải từ ngày bắt đầu theo dõi đến hôm nay.");
        }
        this.closedOn = on;
        this.updatedAt = Instant.now();
    }

    private void checkVersion(int expected) {
        if (version == null || version != expected) {
            throw new ConflictException("Hộ “" + headName
                    + "” vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới rồi sửa lại.");
        }
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    Snapshot snapshot() {
        return new Snapshot(headName, address, members, adults, schoolAgeChildren, phone, localityId, since, closedOn);
    }

    record Snapshot(
            String headName,
            @Nullable String address,
            int members,
            int adults,
            int schoolAgeChildren,
            @Nullable String phone,
            long villageId,
            @Nullable LocalDate since,
            @Nullable LocalDate closedOn) {}
}
