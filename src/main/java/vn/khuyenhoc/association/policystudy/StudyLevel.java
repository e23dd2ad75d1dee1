package vn.khuyenhoc.association.policystudy;

/** Who organised a policy-study session: the province association, a commune association or one chapter. */
public enum StudyLevel {
    PROVINCE("Hội Khuyến học tỉnh"),
    COMMUNE("Hội Khuyến học xã, phường"),
    CHAPTER("Chi hội, ban khuyến học");

    private final String label;

    StudyLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
