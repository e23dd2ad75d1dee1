package vn.khuyenhoc.criteria;

/** Draft sets are edited; sets in force are used by rounds and never change; retired sets are kept for history. */
public enum CriteriaStatus {
    DRAFT("Bản nháp"),
    IN_FORCE("Đang áp dụng"),
    RETIRED("Hết áp dụng");

    private final String label;

    CriteriaStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
