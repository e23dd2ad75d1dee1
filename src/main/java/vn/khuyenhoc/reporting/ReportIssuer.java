package vn.khuyenhoc.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Who issues a report of a kind for a locality and to whom it goes (Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuing
 * body under its superior body (none for a People's Committee), the place name of the date line, the signer's
 * authority and title (one line each: "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH") and name, and the recipients ("Nơi nhận").
 * Remembered per kind and locality as the defaults of the next report.
 */
record ReportIssuer(
        String issuingBody,
        String superiorBody,
        String place,
        String signerTitle,
        String signerName,
        List<String> recipients) {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String PREFIX =
            "^(Xã|Phường|Đặc khu|Tỉnh|Thành phố|Thôn|Buôn|Bon|Tổ dân phố|Khu phố|Ấp|Làng) ";
    static final int MAX_RECIPIENTS = 20;

    /** The signer's title, one line each. */
    public List<String> signerTitleLines() {
        return Arrays.stream(signerTitle.split("\n")).toList();
    }

    /** The recipients as NĐ 30 lists them: "- Như trên;" each, the last closed by a full stop. */
    public List<String> recipientLines() {
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < recipients.size(); n++) {
            String r = recipients.get(n).replaceAll("[;.,]+$", "");
            lines.add("- " + r + (n == recipients.size() - 1 ? "." : ";"));
        }
        return lines;
    }

    /**
     * The built-in defaults: the association's reports by its standing committee under the association of the level
     * above; the others by the People's Committee, signed on its behalf by its chairman.
     */
    static ReportIssuer defaults(ReportKind kind, LocalityView locality) {
        String name = locality.name();
        String place = name.replaceFirst(PREFIX, "");
        boolean province = locality.parentCode() == null;
        String level = name.matches(PREFIX + ".*")
                ? name.replaceFirst(PREFIX + ".*", "$1").toLowerCase(VI)
                : "";
        if (kind.issuer() == ReportKind.Issuer.ASSOCIATION) {
            return new ReportIssuer(
                    "BAN THƯỜNG VỤ HỘI KHUYẾN HỌC " + upper(name),
                    province || locality.parentName() == null
                            ? "HỘI KHUYẾN HỌC VIỆT NAM"
                            : "HỘI KHUYẾN HỌC " + upper(locality.parentName()),
                    place,
                    "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
                    "",
                    province
                            ? List.of(
                                    "Trung ương Hội Khuyến học Việt Nam (để báo cáo)",
                                    "Thường trực Tỉnh ủy, Ủy ban nhân dân tỉnh (để báo cáo)",
                                    "Sở Giáo dục và Đào tạo",
                                    "Hội Khuyến học các xã, phường",
                                    "Lưu: VP")
                            : List.of(
                                    "Hội Khuyến học tỉnh (để báo cáo)",
                                    ("Đảng ủy, Ủy ban nhân dân " + level).strip() + " (để báo cáo)",
                                    "Các chi hội khuyến học",
                                    "Lưu: VP"));
        }
        return new ReportIssuer(
                "ỦY BAN NHÂN DÂN " + upper(name),
                "",
                place,
                "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
                "",
                province
                        ? List.of(
                                "Bộ Giáo dục và Đào tạo (để báo cáo)",
                                "Trung ương Hội Khuyến học Việt Nam (để báo cáo)",
                                "Thường trực Tỉnh ủy, Thường trực HĐND tỉnh (để báo cáo)",
                                "Sở Giáo dục và Đào tạo",
                                "Hội Khuyến học tỉnh",
                                "Lưu: VT")
                        : List.of(
                                "Ủy ban nhân dân tỉnh (để báo cáo)",
                                "Sở Giáo dục và Đào tạo",
                                "Hội Khuyến học tỉnh",
                                ("Thường trực Đảng ủy, HĐND " + level).strip(),
                                ("Hội Khuyến học " + level).strip(),
                                "Lưu: VT"));
    }

    /**
     * The fields given over the defaults (a field left out, null, keeps its default; an empty one is empty), cleaned
     * (NFC, the bodies in capitals as NĐ 30 sets them) and checked; every problem is named by its field.
     */
    static ReportIssuer of(
            ReportIssuer defaults,
            @Nullable String issuingBody,
            @Nullable String superiorBody,
            @Nullable String place,
            @Nullable String signerTitle,
            @Nullable String signerName,
            @Nullable List<String> recipients,
            List<InvalidInputException.FieldProblem> problems) {
        String issuing = upper(text(issuingBody, defaults.issuingBody()));
        String superior = upper(text(superiorBody, defaults.superiorBody()));
        String where = text(place, defaults.place());
        List<String> title = lines(signerTitle == null ? defaults.signerTitle() : signerTitle);
        String signer = text(signerName, defaults.signerName());
        List<String> to = recipients == null
                ? defaults.recipients()
                : recipients.stream()
                        .flatMap(r -> lines(r).stream())
                        .map(r -> r.replaceFirst("^[-–•+*]\\s*", ""))
                        .filter(r -> !r.isEmpty())
                        .toList();
        if (issuing.isEmpty() || issuing.length() > 200) {
            problems.add(new InvalidInputException.FieldProblem(
                    "issuingBody", "Cơ quan ban hành: nhập tên cơ quan, tổ chức ban hành báo cáo (tối đa 200 ký tự)."));
        }
        if (superior.length() > 200) {
            problems.add(new InvalidInputException.FieldProblem(
                    "superiorBody", "Cơ quan chủ quản: tối đa 200 ký tự (để trống nếu không có)."));
        }
        if (where.isEmpty() || where.length() > 60) {
            problems.add(new InvalidInputException.FieldProblem(
                    "place", "Địa danh: nhập tên địa danh ghi trước ngày tháng, vd: Ea Kao (tối đa 60 ký tự)."));
        }
        if (title.isEmpty() || title.size() > 4 || title.stream().anyMatch(l -> l.length() > 100)) {
            problems.add(new InvalidInputException.FieldProblem(
                    "signerTitle",
                    "Quyền hạn, chức vụ người ký: 1 đến 4 dòng, mỗi dòng tối đa 100 ký tự, vd: TM. BAN THƯỜNG VỤ /"
                            + " CHỦ TỊCH."));
        }
        if (signer.length() > 100) {
            problems.add(new InvalidInputException.FieldProblem("signerName", "Người ký: tối đa 100 ký tự."));
        }
        if (to.isEmpty() || to.size() > MAX_RECIPIENTS || to.stream().anyMatch(r -> r.length() > 200)) {
            problems.add(new InvalidInputException.FieldProblem(
                    "recipients",
                    "Nơi nhận: 1 đến " + MAX_RECIPIENTS + " nơi, mỗi nơi một dòng, tối đa 200 ký tự (vd: Lưu: VP)."));
        }
        return new ReportIssuer(
                issuing,
                superior,
                where,
                String.join("\n", title.stream().map(ReportIssuer::upper).toList()),
                signer,
                to);
    }

    private static String text(@Nullable String given, String fallback) {
        return given == null ? fallback : VietnameseText.cleanOrEmpty(given);
    }

    /** Each non-blank line, cleaned. */
    private static List<String> lines(String text) {
        return Arrays.stream(VietnameseText.withoutControls(text).split("\\R"))
                .map(VietnameseText::cleanOrEmpty)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static String upper(@Nullable String text) {
        return text == null ? "" : text.toUpperCase(VI);
    }
}
