package vn.khuyenhoc.locality;

/** The three tiers of the map since the 2025 reform removed districts. */
public enum LocalityLevel {
    PROVINCE("Tỉnh"),
    COMMUNE("Xã, phường"),
    VILLAGE("Thôn, tổ dân phố");

    private final String label;

    LocalityLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
