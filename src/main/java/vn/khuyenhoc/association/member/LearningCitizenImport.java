package vn.khuyenhoc.association.member;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ImportColumns;
import vn.khuyenhoc.shared.ImportColumns.Column;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.ImportResult.RowError;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Learning-citizen results (Công dân học tập) from a spreadsheet such as an export of congdanhoctap.vn. A row is
 * matched to a member by citizen ID, or else by name (without diacritics), birth year and commune; the status is
 * recorded on each current membership of that person. Rows with unreadable values are errors and nothing is saved;
 * rows that match no member, or several people, are saved as nothing and listed as warnings: the portal lists every
 * citizen, not only association members.
 */
@Component
class LearningCitizenImport {

    static final List<Column> COLUMNS = List.of(
            new Column("citizen_id", "Số định danh cá nhân", false),
            new Column("full_name", "Họ và tên", true),
            new Column("birth_year", "Năm sinh", true),
            new Column("commune_code", "Mã xã, phường", true),
            new Column("year", "Năm đánh giá", true),
            new Column("status", "Kết quả", true));

    private final JdbcClient jdbc;
    private final CitizenIds citizenIds;
    private final LocalityService localities;
    private final AuditTrail audit;

    LearningCitizenImport(JdbcClient jdbc, CitizenIds citizenIds, LocalityService localities, AuditTrail audit) {
        this.jdbc = jdbc;
        this.citizenIds = citizenIds;
        this.localities = localities;
        this.audit = audit;
    }

    /** A current membership as matching needs it. */
    private record Known(
            long id,
            long personId,
            String fullName,
            int birthYear,
            @Nullable String citizenKey,
            String localityPath) {}

    /** The current memberships of a commune by citizen-ID hash and by folded name and birth year. */
    private record Index(Map<String, List<Known>> byCitizen, Map<String, List<Known>> byNameAndYear) {

        static Index of(List<Known> members) {
            Map<String, List<Known>> byCitizen = new HashMap<>();
            Map<String, List<Known>> byNameAndYear = new HashMap<>();
            for (Known k : members) {
                if (k.citizenKey() != null) {
                    byCitizen
                            .computeIfAbsent(k.citizenKey(), x -> new ArrayList<>())
                            .add(k);
                }
                byNameAndYear
                        .computeIfAbsent(
                                VietnameseText.fold(k.fullName()) + "|" + k.birthYear(), x -> new ArrayList<>())
                        .add(k);
            }
            return new Index(byCitizen, byNameAndYear);
        }

        List<Known> find(@Nullable String citizenKey, String foldedName, int birthYear) {
            return citizenKey != null
                    ? byCitizen.getOrDefault(citizenKey, List.of())
                    : byNameAndYear.getOrDefault(foldedName + "|" + birthYear, List.of());
        }
    }

    private record Match(int row, long memberId, int year, String status, String localityPath) {}

    @Transactional
    public ImportResult run(TabularFile file, SignedInUser user, boolean dryRun) {
        user.requireImporter();
        List<RowError> errors = new ArrayList<>();
        List<RowError> warnings = new ArrayList<>();
        ImportColumns columns = ImportColumns.of(COLUMNS, file, errors);
        List<TabularFile.TabularRow> rows = columns.dataRows(file);
        Map<String, LocalityView> places = localities.currentByCode(user);
        Map<String, Index> byCommune = new HashMap<>();
        Map<String, Match> matches = new LinkedHashMap<>();
        for (TabularFile.TabularRow row : errors.isEmpty() ? rows : List.<TabularFile.TabularRow>of()) {
            int before = errors.size();
            String name = columns.get(row, "full_name");
            String birth = columns.get(row, "birth_year");
            String communeCode = columns.get(row, "commune_code");
            String yearText = columns.get(row, "year");
            LocalityView commune = places.get(communeCode);
            if (name.isEmpty()) {
                errors.add(new RowError(row.number(), columns.header("full_name"), "Họ và tên để trống."));
            }
            if (!birth.matches("\\d{4}")) {
                errors.add(new RowError(
                        row.number(), columns.header("birth_year"), "Năm sinh “" + birth + "” phải gồm 4 chữ số."));
            }
            if (commune == null || commune.level() != LocalityLevel.COMMUNE) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("commune_code"),
                        "Không có xã, phường mã “" + communeCode + "” trong phạm vi của bạn."));
            }
            if (!yearText.matches("\\d{4}") || !ProgrammeYear.contains(Integer.parseInt(yearText))) {
                errors.add(
                        new RowError(row.number(), columns.header("year"), ProgrammeYear.rangeMessage("Năm đánh giá")));
            }
            String status = status(columns.get(row, "status"));
            if (status == null) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("status"),
                        "Kết quả “" + columns.get(row, "status") + "” không rõ: ghi “Đạt” hoặc “Chưa đạt”."));
            }
            String key = null;
            try {
                Member.CitizenId id = citizenIds.of(columns.get(row, "citizen_id"), "citizen_id");
                key = id == null ? null : id.key();
            } catch (InvalidInputException e) {
                errors.add(new RowError(row.number(), columns.header("citizen_id"), e.getMessage()));
            }
            if (errors.size() > before || commune == null || status == null) {
                continue;
            }
            Index known = byCommune.computeIfAbsent(commune.path(), path -> Index.of(members(path, user.scopePath())));
            int born = Integer.parseInt(birth);
            List<Known> found = known.find(key, VietnameseText.fold(name), born);
            long people = found.stream().map(Known::personId).distinct().count();
            if (people == 0) {
                warnings.add(new RowError(
                        row.number(),
                        columns.header("full_name"),
                        "Không khớp hội viên nào: " + name + ", sinh " + born + ", " + commune.name() + "."));
            } else if (people > 1) {
                warnings.add(new RowError(
                        row.number(),
                        columns.header("full_name"),
                        "Khớp " + people + " hội viên cùng tên và năm sinh ở " + commune.name()
                                + ": ghi thêm số định danh để phân biệt."));
            } else {
                int year = Integer.parseInt(yearText);
                for (Known k : found) {
                    matches.put(k.id() + "/" + year, new Match(row.number(), k.id(), year, status, k.localityPath()));
                }
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "", "Tệp không có dòng dữ liệu nào."));
        }
        boolean valid = errors.isEmpty();
        if (!valid || dryRun) {
            return new ImportResult(valid, rows.size(), errors, 0, warnings);
        }
        List<AuditTrail.Change> changes = new ArrayList<>();
        for (Match m : matches.values()) {
            jdbc.sql("""
                            insert into learning_citizen_statuses (member_id, year, status, updated_by)
                            values (:member, :year, :status, :by)
                            on conflict (member_id, year) do update
                                set status = excluded.status, updated_by = excluded.updated_by, updated_at = now()
                            """)
                    .param("member", m.memberId())
                    .param("year", m.year())
                    .param("status", m.status())
                    .param("by", user.username())
                    .update();
            changes.add(new AuditTrail.Change(
                    m.memberId() + "/" + m.year(),
                    null,
                    new MemberService.StatusChange(m.year(), m.status()),
                    m.localityPath()));
        }
        audit.recordChanges("IMPORT_LEARNING_CITIZEN", MemberService.ENTITY, changes);
        return new ImportResult(true, rows.size(), errors, matches.size(), warnings);
    }

    private List<Known> members(String communePath, String scope) {
        return jdbc.sql("""
                        select m.id, m.person_id, m.full_name, m.birth_year, m.citizen_key, m.locality_path::text as locality_path
                        from members m
                        where m.locality_path <@ cast(:commune as ltree) and m.locality_path <@ cast(:scope as ltree)
                          and m.left_on is null
                        """)
                .param("commune", communePath)
                .param("scope", scope)
                .query(Known.class)
                .list();
    }

    private static @Nullable String status(String text) {
        return switch (VietnameseText.fold(text)) {
            case "dat", "recognised", "cong dan hoc tap", "x", "1" -> "RECOGNISED";
            case "chua dat", "khong dat", "not_recognised", "not recognised", "0" -> "NOT_RECOGNISED";
            default -> null;
        };
    }
}
