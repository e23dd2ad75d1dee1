package vn.khuyenhoc.shared;

/** What an account may do; where it may do it is its scope. */
public enum Role {
    PROVINCE_ADMIN("Quản trị"),
    COMMUNE_OFFICER("Cán bộ xã"),
    DATA_CLERK("Nhân viên nhập liệu"),
    /** The office of the recognising authority (văn phòng UBND): records decisions, prints certificates. */
    DECISION_OFFICE("Văn phòng UBND"),
    VIEWER("Người xem");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
