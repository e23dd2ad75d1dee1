package vn.khuyenhoc.audit;

import java.util.Map;
import org.springframework.stereotype.Component;

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
            Map.entry("report_issuer", "Nơi ban hành báo cáo"));

    public String action(String code) {
        return ACTIONS.getOrDefault(code, code);
    }

    public String entity(String type) {
        return ENTITIES.getOrDefault(type, type);
    }
}
