package vn.khuyenhoc.locality;

/** The tiers of the map: three since the 2025 reform removed districts, which remain on the former map only. */
public enum LocalityLevel {
    PROVINCE("Tỉnh"),
    DISTRICT("Huyện, thị xã, thành phố thuộc tỉnh"),
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
