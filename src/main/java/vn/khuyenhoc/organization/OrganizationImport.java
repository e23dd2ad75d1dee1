package vn.khuyenhoc.organization;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ImportColumns.Column;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.ImportResult.RowError;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;
import vn.khuyenhoc.shared.VietnameseText;

/** Organizations from a spreadsheet whose first row names the columns; saved whole or not at all. */
@Component
class OrganizationImport {

    static final List<Column> COLUMNS = List.of(
            new Column("locality_code", "Mã địa bàn", true),
            new Column("name", "Tên cơ quan, đơn vị", true),
            new Column("kind", "Loại", true),
            new Column("school_level", "Cấp học", false),
            new Column("managing_level", "Cấp quản lý", false),
            new Column("since", "Ngày thành lập", false),
            new Column("closed_on", "Ngày ngừng hoạt động", false));

    private final OrganizationService organizations;
    private final LocalityService localities;

    OrganizationImport(OrganizationService organizations, LocalityService localities) {
        this.organizations = organizations;
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
                    if (code.isEmpty()) {
                        errors.add(new RowError(row.number(), columns.header("locality_code"), "Mã địa bàn để trống."));
                    } else if (place == null || place.level() == LocalityLevel.PROVINCE) {
                        errors.add(new RowError(
                                row.number(),
                                columns.header("locality_code"),
                                "Không có xã, phường hay thôn mã “" + code
                                        + "” đang hoạt động trong phạm vi của bạn."));
                    }
                    @Nullable LocalDate since = columns.date(row, "since", errors);
                    @Nullable LocalDate closedOn = columns.date(row, "closed_on", errors);
                    OrganizationForm form = new OrganizationForm(
                            columns.get(row, "name"),
                            columns.get(row, "kind"),
                            columns.get(row, "school_level"),
                            columns.get(row, "managing_level"),
                            code,
                            since,
                            closedOn,
                            null);
                    if (place == null) {
                        return null;
                    }
                    Organization.Details details = Organization.Details.of(form, place);
                    Integer first = seen.putIfAbsent(code + "|" + VietnameseText.fold(details.name()), row.number());
                    if (first != null) {
                        errors.add(new RowError(row.number(), columns.header("name"), "Trùng với dòng " + first + "."));
                    }
                    return new Checked(details, place.path());
                },
                checked -> checked.forEach(c -> organizations.insert(c.details(), c.localityPath())));
    }

    private record Checked(Organization.Details details, String localityPath) {}
}
