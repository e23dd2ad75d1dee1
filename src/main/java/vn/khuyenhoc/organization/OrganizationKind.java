package vn.khuyenhoc.organization;

/** What an organization is. */
public enum OrganizationKind {
    STATE_AGENCY("Cơ quan nhà nước"),
    SCHOOL("Trường học"),
    PUBLIC_SERVICE_UNIT("Đơn vị sự nghiệp"),
    ENTERPRISE("Doanh nghiệp"),
    COOPERATIVE("Hợp tác xã"),
    ARMED_FORCES("Lực lượng vũ trang"),
    OTHER("Khác");

    private final String label;

    OrganizationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
