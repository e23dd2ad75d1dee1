package vn.khuyenhoc.locality;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.Lifespan;

/** A locality that can change: villages are created, renamed and retired here. Its path is computed by the database. */
@Table("localities")
class Locality {

    static final int MAX_NAME_LENGTH = 150;

    private @Id @Nullable Long id;
    private final String code;
    private String name;
    private final LocalityLevel level;
    private final String kind;
    private final @Nullable Long parentId;
    private final LocalDate validFrom;
    private @Nullable LocalDate validTo;
    private final boolean demo;
    private final boolean formerMap;
    private @Version @Nullable Integer version;
    private Instant updatedAt;

    @PersistenceCreator
    Locality(
            @Nullable Long id,
            String code,
            String name,
            LocalityLevel level,
            String kind,
            @Nullable Long parentId,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            boolean demo,
            boolean formerMap,
            @Nullable Integer version,
            Instant updatedAt) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.level = level;
        this.kind = kind;
        this.parentId = parentId;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.demo = demo;
        this.formerMap = formerMap;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    static Locality village(String code, String name, String kind, long communeId, LocalDate validFrom) {
        return new Locality(
                null,
                code,
                requireName(name),
                LocalityLevel.VILLAGE,
                kind,
                communeId,
                validFrom,
                null,
                false,
                false,
                null,
                Instant.now());
    }

    /** Checks a village name as typed: present, not too long, with at least one letter or digit. */
    static String requireName(String name) {
        if (name.isBlank()) {
            throw new InvalidInputException("name", "Tên không được để trống.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", "Tên dài quá " + MAX_NAME_LENGTH + " ký tự.");
        }
        if (name.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidInputException("name", "Tên phải có chữ hoặc số.");
        }
        return name;
    }

    /** The map before 1/7/2025 is history: it is shown, never changed. */
    static String readOnlyMessage(String name) {
        return "“" + name + "” thuộc bản đồ hành chính trước ngày 01/7/2025, chỉ để xem: không đổi tên, giải thể, "
                + "sáp nhập hay thêm thôn, tổ dân phố được.";
    }

    void checkVersion(int expected) {
        if (version == null || version != expected) {
            throw new ConflictException("Bản ghi “" + name
                    + "” vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới rồi sửa lại.");
        }
    }

    /**
     * Villages are renamed here; a commune's or the province's name is the official one of the administrative map
     * (it shows on public statistics and certificates), which no account changes.
     */
    void rename(String newName) {
        requireCurrent();
        if (level != LocalityLevel.VILLAGE) {
            throw new InvalidInputException(
                    "level",
                    "Chỉ thôn, tổ dân phố mới được đổi tên tại đây; tên xã, phường, tỉnh theo danh mục hành chính.");
        }
        this.name = requireName(newName);
        this.updatedAt = Instant.now();
    }

    /** Ends the locality's life on {@code on}: merged into another, or dissolved. */
    void retire(LocalDate on) {
        requireCurrent();
        if (level != LocalityLevel.VILLAGE) {
            throw new InvalidInputException("level", "Chỉ thôn, tổ dân phố mới được giải thể hoặc sáp nhập tại đây.");
        }
        if (on.isBefore(validFrom)) {
            throw new InvalidInputException(
                    "effectiveOn",
                    "Ngày hiệu lực không được trước ngày “" + name + "” bắt đầu có (" + Lifespan.day(validFrom) + ").");
        }
        if (on.isAfter(LocalDate.now())) {
            throw new InvalidInputException("effectiveOn", "Ngày hiệu lực không được sau hôm nay.");
        }
        this.validTo = on;
        this.updatedAt = Instant.now();
    }

    private void requireCurrent() {
        if (formerMap) {
            throw new InvalidInputException("code", readOnlyMessage(name));
        }
        if (validTo != null) {
            throw new InvalidInputException(
                    "code", "“" + name + "” đã ngừng hoạt động từ " + Lifespan.day(validTo) + ".");
        }
    }

    Long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    @Nullable
    Long parentId() {
        return parentId;
    }

    @Nullable
    LocalDate validTo() {
        return validTo;
    }

    /** The values the audit trail records for this locality. */
    Snapshot snapshot() {
        return new Snapshot(code, name, level, kind, validFrom, validTo);
    }

    record Snapshot(
            String code,
            String name,
            LocalityLevel level,
            String kind,
            LocalDate validFrom,
            @Nullable LocalDate validTo) {}
}
