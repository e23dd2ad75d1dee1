package vn.khuyenhoc.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the audit pages call each action and kind of record, in Vietnamese; a code without a name yet is shown as it is
 * stored (the code stays in the page's title for a reader who needs it).
 */
@Component("auditLabels")
public class AuditLabels {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("CREATE", "Tạo mới"),
            Map.entry("UPDATE", "Sửa"),
            Map.entry("DELETE", "Xóa"),
            Map.entry("CLOSE", "Ngừng theo dõi"),
            Map.entry("DISSOLVE", "Giải thể"),
            Map.entry("LEAVE", "Rời hội"),
            Map.entry("RENAME", "Đổi tên"),
            Map.entry("RETIRE", "Giải thể địa bàn"),
            Map.entry("MERGE_RETIRE", "Sáp nhập (địa bàn cũ)"),
            Map.entry("MOVE", "Chuyển sang thôn kế thừa"),
            Map.entry("LOAD_MAP", "Nạp danh mục địa bàn"),
            Map.entry("IMPORT", "Nhập từ tệp"),
            Map.entry("IMPORT_LEARNING_CITIZEN", "Nhập Công dân học tập"),
            Map.entry("EXPORT", "Xuất tệp"),
            Map.entry("VIEW", "Xem"),
            Map.entry("VIEW_LIST", "Xem danh sách"),
            Map.entry("MOVEMENT", "Ghi nhận phong trào"),
            Map.entry("ATTENDANCE", "Điểm danh"),
            Map.entry("ASSIGN", "Giao địa bàn, vai trò"),
            Map.entry("ENABLE", "Mở khóa"),
            Map.entry("DISABLE", "Khóa"),
            Map.entry("CHANGE_PASSWORD", "Đổi mật khẩu"),
            Map.entry("RESET_PASSWORD", "Đặt lại mật khẩu"),
            Map.entry("CLONE", "Sao chép"),
            Map.entry("PUBLISH", "Ban hành"),
            Map.entry("RESCHEDULE", "Đổi thời hạn"),
            Map.entry("SET", "Đặt giá trị"),
            Map.entry("SHARE", "Đặt tỷ lệ chia"),
            Map.entry("REGISTER_LATE", "Đăng ký muộn"),
            Map.entry("ASSESS_SELF", "Tự đánh giá"),
            Map.entry("ASSESS_REVIEW", "Bình xét"),
            Map.entry("ASSESS_APPRAISAL", "Thẩm định"),
            Map.entry("LATE_ASSESS_SELF", "Tự đánh giá (muộn)"),
            Map.entry("LATE_ASSESS_REVIEW", "Bình xét (muộn)"),
            Map.entry("LATE_ASSESS_APPRAISAL", "Thẩm định (muộn)"),
            Map.entry("RETURN", "Trả lại hồ sơ"),
            Map.entry("RECOGNISE", "Công nhận"),
            Map.entry("REVOKE", "Thu hồi"));

    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("locality", "Địa bàn"),
            Map.entry("account", "Tài khoản"),
            Map.entry("recognition-settings", "Thiết lập công nhận"),
            Map.entry("organization", "Cơ quan, đơn vị"),
            Map.entry("clan", "Dòng họ"),
            Map.entry("family", "Hộ gia đình"),
            Map.entry("chapter", "Chi hội"),
            Map.entry("member", "Hội viên"),
            Map.entry("policy-study", "Buổi học tập, quán triệt"),
            Map.entry("policy-document", "Văn bản học tập"),
            Map.entry("criteria-set", "Bộ tiêu chí"),
            Map.entry("round", "Đợt đánh giá"),
            Map.entry("registration", "Hồ sơ đăng ký"),
            Map.entry("decision", "Quyết định công nhận"),
            Map.entry("reported-figure", "Số liệu đã báo cáo"),
            Map.entry("crosswalk", "Bảng chuyển đổi xã cũ"),
            Map.entry("report_issuer", "Nơi ban hành báo cáo"),
            Map.entry("api-token", "Mã truy cập API"));

    /** Fields a reader needs no line for: the version counter moves with every change. */
    private static final Set<String> UNSHOWN = Set.of("version", "updatedAt", "id", "localityPath", "path");

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "Tên"),
            Map.entry("fullName", "Họ và tên"),
            Map.entry("headName", "Chủ hộ"),
            Map.entry("code", "Mã"),
            Map.entry("kind", "Loại"),
            Map.entry("kindLabel", "Loại"),
            Map.entry("level", "Cấp"),
            Map.entry("address", "Địa chỉ"),
            Map.entry("phone", "Điện thoại"),
            Map.entry("people", "Số người"),
            Map.entry("adults", "Người lớn"),
            Map.entry("childCount", "Số trẻ em"),
            Map.entry("schoolAgeChildren", "Trẻ trong độ tuổi đi học"),
            Map.entry("ethnicity", "Dân tộc"),
            Map.entry("religion", "Tôn giáo"),
            Map.entry("gender", "Giới tính"),
            Map.entry("birthYear", "Năm sinh"),
            Map.entry("since", "Từ ngày"),
            Map.entry("openedOn", "Ngày thành lập"),
            Map.entry("closedOn", "Ngày ngừng"),
            Map.entry("foundedOn", "Ngày thành lập"),
            Map.entry("dissolvedOn", "Ngày giải thể"),
            Map.entry("joinedOn", "Ngày vào hội"),
            Map.entry("leftOn", "Ngày rời hội"),
            Map.entry("validFrom", "Có hiệu lực từ"),
            Map.entry("validTo", "Hết hiệu lực từ"),
            Map.entry("parentCode", "Mã đơn vị cấp trên"),
            Map.entry("parentName", "Đơn vị cấp trên"),
            Map.entry("localityCode", "Mã địa bàn"),
            Map.entry("localityName", "Địa bàn"),
            Map.entry("villageCode", "Mã thôn"),
            Map.entry("villageName", "Thôn"),
            Map.entry("communeName", "Xã"),
            Map.entry("hostType", "Loại nơi sinh hoạt"),
            Map.entry("hostName", "Nơi sinh hoạt"),
            Map.entry("hostCode", "Mã nơi sinh hoạt"),
            Map.entry("chapterName", "Chi hội"),
            Map.entry("position", "Chức vụ"),
            Map.entry("role", "Vai trò"),
            Map.entry("enabled", "Đang hoạt động"),
            Map.entry("username", "Tên đăng nhập"),
            Map.entry("scopeCode", "Mã phạm vi"),
            Map.entry("scopeName", "Phạm vi"),
            Map.entry("title", "Tiêu đề"),
            Map.entry("year", "Năm"),
            Map.entry("stage", "Bước"),
            Map.entry("result", "Kết quả"),
            Map.entry("total", "Tổng điểm"),
            Map.entry("scores", "Điểm"),
            Map.entry("comment", "Nhận xét"),
            Map.entry("returnComment", "Lý do trả lại"),
            Map.entry("decisionNo", "Số quyết định"),
            Map.entry("registrationDue", "Hạn đăng ký"),
            Map.entry("selfAssessmentDue", "Hạn tự đánh giá"),
            Map.entry("reviewDue", "Hạn bình xét"),
            Map.entry("decisionDue", "Hạn quyết định"),
            Map.entry("managingLevel", "Cấp quản lý"),
            Map.entry("schoolLevel", "Cấp học"),
            Map.entry("householdsApprox", "Số hộ (ước)"),
            Map.entry("members", "Số hội viên"),
            Map.entry("learningCitizens", "Công dân học tập"),
            Map.entry("subjectName", "Đối tượng"),
            Map.entry("criteriaSet", "Bộ tiêu chí"),
            Map.entry("authority", "Cấp công nhận"),
            Map.entry("late", "Muộn"),
            Map.entry("value", "Giá trị"),
            Map.entry("note", "Ghi chú"),
            Map.entry("date", "Ngày"),
            Map.entry("count", "Số lượng"),
            Map.entry("rows", "Số dòng"),
            Map.entry("file", "Tệp"),
            Map.entry("format", "Định dạng"));

    private final JsonMapper json;

    AuditLabels(JsonMapper json) {
        this.json = json;
    }

    public String action(String code) {
        return ACTIONS.getOrDefault(code, code);
    }

    public String entity(String type) {
        return ENTITIES.getOrDefault(type, type);
    }

    /**
     * What a change did, field by field: for an edit the fields whose value differs, for a creation or a removal every
     * field it had. A value that is not a record (a list, a number) is one line named "Nội dung".
     */
    public List<FieldChange> changes(AuditEvent event) {
        JsonNode before = parse(event.oldValue());
        JsonNode after = parse(event.newValue());
        if ((before != null && !before.isObject()) || (after != null && !after.isObject())) {
            return List.of(new FieldChange("", "Nội dung", shown(before), shown(after)));
        }
        Set<String> fields = new LinkedHashSet<>();
        if (before != null) {
            fields.addAll(before.propertyNames());
        }
        if (after != null) {
            fields.addAll(after.propertyNames());
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode old = before == null ? null : before.get(field);
            JsonNode now = after == null ? null : after.get(field);
            if (UNSHOWN.contains(field) || same(old, now)) {
                continue;
            }
            changes.add(new FieldChange(field, FIELDS.getOrDefault(field, field), shown(old), shown(now)));
        }
        return changes;
    }

    private @Nullable JsonNode parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException unreadable) {
            return json.getNodeFactory().stringNode(text);
        }
    }

    private static boolean same(@Nullable JsonNode one, @Nullable JsonNode other) {
        boolean oneEmpty = one == null || one.isNull();
        boolean otherEmpty = other == null || other.isNull();
        return oneEmpty ? otherEmpty : !otherEmpty && one.equals(other);
    }

    private static String shown(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return "—";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "Có" : "Không";
        }
        if (value.isString()) {
            String text = value.stringValue();
            return text.matches("\\d{4}-\\d{2}-\\d{2}")
                    ? text.substring(8) + "/" + text.substring(5, 7) + "/" + text.substring(0, 4)
                    : text;
        }
        return value.toString();
    }
}
