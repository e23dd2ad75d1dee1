package vn.khuyenhoc.clan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ImportColumns;
import vn.khuyenhoc.shared.ImportColumns.Column;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.ImportResult.RowError;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;
import vn.khuyenhoc.shared.VietnameseText;

/** Clans from a spreadsheet whose first row names the columns; saved whole or not at all. */
@Component
class ClanImport {

    static final List<Column> COLUMNS = List.of(
            new Column("locality_code", "Mã địa bàn", true),
            new Column("name", "Tên dòng họ, hội, cơ sở", true),
            new Column("kind", "Loại", true),
            new Column("religion", "Tôn giáo", false),
            new Column("households_approx", "Số hộ (ước)", false),
            new Column("since", "Ngày bắt đầu", false),
            new Column("closed_on", "Ngày ngừng hoạt động", false));

    private final ClanService clans;
    private final LocalityService localities;

    ClanImport(ClanService clans, LocalityService localities) {
        this.clans = clans;
        this.localities = localities;
    }

    @Transactional
    public ImportResult run(TabularFile file, SignedInUser user, boolean dryRun) {
        user.requireImporter();
        Map<String, LocalityView> places = localities.currentByCode(user);
        Map<String, Integer> seen = new HashMap<>();
        return ImportResult.ofCheckedRows(
                file,
                COLUMNS,
                dryRun,
                (row, columns, errors) -> {
                    String code = columns.get(row, "locality_code");
                    LocalityView place = places.get(code);
                    if (place == null || place.level() == LocalityLevel.PROVINCE) {
                        errors.add(new RowError(
                                row.number(),
                                columns.header("locality_code"),
                                code.isEmpty()
                                        ? "Mã địa bàn để trống."
                                        : "Không có xã, phường hay thôn mã “" + code
                                                + "” đang hoạt động trong phạm vi của bạn."));
                    }
                    String households = columns.get(row, "households_approx");
                    ImportColumns.checkCount(households, 100_000)
                            .ifPresent(message -> errors.add(
                                    new RowError(row.number(), columns.header("households_approx"), message)));
                    Integer householdsApprox = households.matches("\\d{1,6}") ? Integer.valueOf(households) : null;
                    ClanForm form = new ClanForm(
                            columns.get(row, "name"),
                            columns.get(row, "kind"),
                            columns.get(row, "religion"),
                            householdsApprox,
                            code,
                            columns.date(row, "since", errors),
                            columns.date(row, "closed_on", errors),
                            null);
                    if (place == null) {
                        return null;
                    }
                    Clan.Details details = Clan.Details.of(form, place);
                    Integer first = seen.putIfAbsent(code + "|" + VietnameseText.fold(details.name()), row.number());
                    if (first != null) {
                        errors.add(new RowError(row.number(), columns.header("name"), "Trùng với dòng " + first + "."));
                    }
                    return new Checked(details, place.path());
                },
                checked -> checked.forEach(c -> clans.insert(c.details(), c.localityPath())));
    }

    private record Checked(Clan.Details details, String localityPath) {}
}
