package vn.khuyenhoc.organization;

/** Which level manages an organization, and so who recognises it as Đơn vị học tập. */
public enum ManagingLevel {
    PROVINCE("Tỉnh"),
    COMMUNE("Xã");

    private final String label;

    ManagingLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
